"""click plumbing: translated help, shared options, exit codes and error handling.

Help texts are catalogue keys (``help.cmd.validate``) translated when help is shown, so
``cchc --lang en validate --help`` and ``CCHC_LANG=en`` both give English help.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cchc_cli.core.diagnostics import EXIT_ERRORS, EXIT_INTERNAL, EXIT_USAGE
from cchc_cli.core.i18n import Lang, resolve_lang, tr

if TYPE_CHECKING:
    from cchc_cli.core.diagnostics import Diagnostic

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CONFIG = EXIT_USAGE  # a bad invocation or an unusable workspace


class Settings:
    """Options that every command shares (given before or after the command name)."""

    def __init__(self, lang: Lang = "vi") -> None:
        self.lang: Lang = lang
        self.workspaces: list[str] = []
        self.debug = False


def settings(ctx: click.Context | None = None) -> Settings:
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings(lang=resolve_lang(None))
    return root.obj


def _scan_lang(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _lang(ctx: click.Context) -> str:
    return settings(ctx).lang


def _translate(text: str | None, ctx: click.Context) -> str:
    if not text:
        return ""
    if text.startswith("help."):
        return tr(text, _lang(ctx))
    return text


class I18nOption(click.Option):
    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        original = self.help
        self.help = _translate(self.help, ctx)
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = original


class _I18nMixin:
    """Shared by commands and groups: translated help text, usage and section titles."""

    help: str | None
    epilog: str | None

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = _translate(self.help, ctx)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(
            ctx.command_path, " ".join(pieces), prefix=tr("help.usage", _lang(ctx)) + " "
        )

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = []
        help_option = self.get_help_option(ctx)  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not isinstance(param, click.Option):
                continue
            record = param.get_help_record(ctx)
            if record is not None and param is help_option:
                record = (record[0], tr("help.opt.help", _lang(ctx)))
            if record is not None:
                records.append(record)
        if records:
            with formatter.section(tr("help.options", _lang(ctx))):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            commands = []
            for name in self.list_commands(ctx):
                cmd = self.get_command(ctx, name)
                if cmd is None or cmd.hidden:
                    continue
                short = _translate(cmd.help, ctx).split("\n")[0]
                commands.append((name, short))
            if commands:
                with formatter.section(tr("help.commands", _lang(ctx))):
                    formatter.write_dl(commands)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(tr("help.exit_codes", _lang(ctx)))

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        text = tr(self.help, settings(ctx).lang) if (self.help and ctx) else (self.help or "")
        return text.split("\n")[0]


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        settings(ctx).lang = resolve_lang(value)


def _add_workspace(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> None:
    if value:
        settings(ctx).workspaces.extend(value)


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        settings(ctx).debug = True


def common_options(f: F) -> F:
    """``--lang``, ``-C/--workspace`` and ``--debug``, accepted before or after the command."""
    f = click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help="help.opt.lang",
        cls=I18nOption,
    )(f)
    f = click.option(
        "-C",
        "--workspace",
        type=click.Path(file_okay=False),
        multiple=True,
        expose_value=False,
        callback=_add_workspace,
        help="help.opt.workspace",
        cls=I18nOption,
    )(f)
    f = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        callback=_set_debug,
        help="help.opt.debug",
        cls=I18nOption,
    )(f)
    return f


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=False,
        help="help.opt.format",
        cls=I18nOption,
    )(f)


class I18nCommand(_I18nMixin, click.Command):
    pass


class I18nGroup(_I18nMixin, click.Group):
    command_class = I18nCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --lang may follow the command name; help for a nested group must honour it too.
        # Only an explicit --lang overrides what the root already resolved (CCHC_LANG, default).
        lang = _scan_lang(args)
        if lang:
            settings(ctx).lang = resolve_lang(lang)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except click.UsageError as exc:
            from cchc_cli.core.diagnostics import error

            _show_plain([error("CCHC901", error=exc.format_message())], ctx)
            ctx.exit(EXIT_CONFIG)
        except click.ClickException:
            raise
        except KeyboardInterrupt:
            raise
        except BrokenPipeError:
            # `cchc owners | head`: the reader went away. Not an error of ours: stop quietly
            # (stdout is pointed at devnull so the interpreter's final flush cannot fail).
            import contextlib
            import os

            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_ERRORS)
        except Exception as exc:
            if settings(ctx).debug:
                import traceback

                traceback.print_exc(file=sys.stderr)
            message = f"{type(exc).__name__}: {exc}"
            click.echo(tr("internal.short", settings(ctx).lang, error=message), err=True)
            click.echo(tr("internal.hint", settings(ctx).lang), err=True)
            ctx.exit(EXIT_INTERNAL)


def _show_plain(diagnostics: list[Diagnostic], ctx: click.Context) -> None:
    from cchc_cli.cli.output import SourceLines, diagnostics_console, render_text

    console = diagnostics_console(sys.stderr)
    render_text(diagnostics, console, settings(ctx).lang, SourceLines(None), show_summary=False)
