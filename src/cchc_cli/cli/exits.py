"""The one exit path of every command.

A command that must stop raises :class:`CommandExit`; the group's ``invoke`` hands the command
to :func:`run_guarded`, which shows the diagnostics once and exits with the code. The same
place turns a usage error into CCHC901 (exit 2, worded by :mod:`cchc_cli.cli.usage`), an
operating-system error nobody caught (a read-only folder, a full disk) into CCHC902 (exit 1),
a closed pipe into a quiet exit 1 and any other exception into the one-line internal error
(exit 3).

Exit codes come from :mod:`cchc_cli.core.diagnostics` (``EXIT_*``, ``exit_code``) only. It is
imported inside the functions: ``cchc --help`` needs none of this.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from cchc_cli.cli.settings import settings

if TYPE_CHECKING:
    from pathlib import Path

    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.workspace import Workspace

T = TypeVar("T")


class CommandExit(Exception):
    """End the command here: show ``diagnostics``, then exit with ``code``.

    ``diagnostics`` None shows nothing (the command has written its output); a list, even an
    empty one, is shown in full with its summary line (as text on stderr, or with ``fmt="json"``
    as JSON on stdout). ``code`` None: the one ``--strict`` rule over those diagnostics.
    ``condense``: files whose warnings and infos the text view folds into one line (the
    criteria and the plan, for every command but ``validate``; see :func:`notes_files`).
    """

    def __init__(
        self,
        diagnostics: Sequence[Diagnostic] | None = None,
        *,
        code: int | None = None,
        fmt: str = "text",
        strict: bool = False,
        root: Path | None = None,
        texts: Mapping[str, str] | None = None,
        condense: Collection[str] = (),
    ) -> None:
        super().__init__(code)
        self.diagnostics = diagnostics
        self.code = code
        self.fmt = fmt
        self.strict = strict
        self.root = root
        self.texts = texts
        self.condense = condense

    def show(self) -> int:
        """Show the diagnostics (if any) and return the exit code."""
        from cchc_cli.core.diagnostics import EXIT_OK

        by_rule = EXIT_OK
        if self.diagnostics is not None:
            by_rule = show_diagnostics(
                self.diagnostics,
                fmt=self.fmt,
                strict=self.strict,
                root=self.root,
                texts=self.texts,
                condense=self.condense,
            )
        return by_rule if self.code is None else self.code


def end(code: int) -> None:
    """After the command's output: exit with ``code`` when it is not 0."""
    if code:
        raise CommandExit(code=code)


def notes_files(ws: Workspace) -> tuple[str, ...]:
    """The files whose warnings and infos every command but ``validate`` folds into one line:
    the criteria and the plan (the same known notes on every run)."""
    return (ws.config.criteria, ws.config.assignments)


def write_failed(path: Path, exc: OSError) -> CommandExit:
    """A file could not be written (read-only folder, full disk): CCHC435, exit 1."""
    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.oserrors import os_error_msg

    reason = os_error_msg(exc)
    return CommandExit(
        [error("CCHC435", Location(path.as_posix()), file=path.as_posix(), reason=reason)]
    )


def show_diagnostics(
    diagnostics: Sequence[Diagnostic],
    *,
    fmt: str = "text",
    strict: bool = False,
    root: Path | None = None,
    texts: Mapping[str, str] | None = None,
    condense: Collection[str] = (),
) -> int:
    """Show diagnostics now (text on stderr, or JSON on stdout); return the exit code they give.

    For output that must precede the command's own (``report`` lists what it wrote after its
    warnings); a command that stops raises :class:`CommandExit` instead.
    """
    from cchc_cli.cli.output import (
        SourceLines,
        diagnostics_console,
        diagnostics_payload,
        dumps,
        render_diagnostics,
    )
    from cchc_cli.core.diagnostics import EXIT_OK, exit_code

    lang = settings().lang
    code = exit_code(list(diagnostics), strict)
    if fmt == "json":
        click.echo(dumps(diagnostics_payload(diagnostics, lang, ok=code == EXIT_OK)), nl=False)
    else:
        console = diagnostics_console(sys.stderr)
        sources = SourceLines(root, texts)
        render_diagnostics(diagnostics, console, lang, sources, strict=strict, condense=condense)
    return code


def run_guarded(ctx: click.Context, invoke: Callable[[], T]) -> T:
    """Run a group's command; every way it can end becomes one message and one exit code."""
    try:
        try:
            return invoke()
        except CommandExit as stop:
            ctx.exit(stop.show())
    except click.exceptions.Exit:
        raise
    except (KeyboardInterrupt, click.exceptions.Abort):
        _interrupted(ctx)
    except click.UsageError as exc:
        usage_error(ctx, exc)
    except click.ClickException:
        raise
    except BrokenPipeError:
        _reader_gone(ctx)
    except OSError as exc:
        _system_error(ctx, exc)
    except Exception as exc:
        _internal_error(ctx, exc)


def usage_error(ctx: click.Context, exc: click.UsageError) -> NoReturn:
    """A bad invocation: CCHC901 in the user's language (what is wrong, the expected form, the
    closest command or option), exit 2. ``cchc criteria`` alone shows its help, as ``cchc``."""
    from cchc_cli.cli.output import SourceLines, diagnostics_console, render_diagnostics
    from cchc_cli.cli.usage import usage_diagnostic
    from cchc_cli.core.diagnostics import EXIT_USAGE

    if type(exc).__name__ == "NoArgsIsHelpError":
        click.echo((exc.ctx or ctx).get_help(), err=True)
        ctx.exit(EXIT_USAGE)
    console = diagnostics_console(sys.stderr)
    problem = usage_diagnostic(exc, ctx)
    render_diagnostics(
        [problem], console, settings(ctx).lang, SourceLines(None), show_summary=False
    )
    ctx.exit(EXIT_USAGE)


def _system_error(ctx: click.Context, exc: OSError) -> NoReturn:
    """An operating-system error no check caught (a read-only folder, a full disk, a file
    locked by another program): CCHC902 naming the file, worded from the catalogue, exit 1.
    ``--debug`` prints the traceback too."""
    from cchc_cli.cli.output import SourceLines, diagnostics_console, render_diagnostics
    from cchc_cli.core.diagnostics import EXIT_ERRORS, error
    from cchc_cli.core.oserrors import os_error_msg

    if settings(ctx).debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    named = exc.filename if exc.filename is not None else getattr(exc, "target", None)
    path = str(named) if named is not None else "?"
    problem = error("CCHC902", path=path, reason=os_error_msg(exc))
    console = diagnostics_console(sys.stderr)
    render_diagnostics([problem], console, settings(ctx).lang, SourceLines(None))
    ctx.exit(EXIT_ERRORS)


def _interrupted(ctx: click.Context) -> NoReturn:
    """Ctrl+C: one line in the user's language (click would print "Aborted!"), exit 1."""
    from cchc_cli.core.diagnostics import EXIT_ERRORS
    from cchc_cli.core.i18n import tr

    click.echo(tr("interrupted", settings(ctx).lang), err=True)
    ctx.exit(EXIT_ERRORS)


def _reader_gone(ctx: click.Context) -> NoReturn:
    """`cchc owners | head`: the reader went away. Not an error of ours: stop quietly (stdout
    is pointed at devnull so the interpreter's final flush cannot fail)."""
    import contextlib
    import os

    from cchc_cli.core.diagnostics import EXIT_ERRORS

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    ctx.exit(EXIT_ERRORS)


def _internal_error(ctx: click.Context, exc: Exception) -> NoReturn:
    from cchc_cli.core.diagnostics import EXIT_INTERNAL
    from cchc_cli.core.i18n import tr

    if settings(ctx).debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    message = f"{type(exc).__name__}: {exc}"
    click.echo(tr("internal.short", settings(ctx).lang, error=message), err=True)
    click.echo(tr("internal.hint", settings(ctx).lang), err=True)
    ctx.exit(EXIT_INTERNAL)
