"""The command line. Thin: parse options, call the library, show diagnostics, set exit code.

Heavy modules (pydantic models, jinja2, docx, xlsx) are imported inside the commands that use
them so that ``cchc --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from cchc_cli import __version__
from cchc_cli.clikit import (
    EXIT_CONFIG,
    I18nGroup,
    I18nOption,
    common_options,
    exit_code,
    format_option,
    settings,
)

if TYPE_CHECKING:
    from pathlib import Path

    from datetime import date

    from cchc_cli.diagnostics import Diagnostic
    from cchc_cli.workspace import Workspace


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import platform

    from cchc_cli.i18n import tr
    from cchc_cli.yamlio import libyaml_in_use

    lang = settings(ctx).lang
    loader = tr("loader.c" if libyaml_in_use() else "loader.py", lang)
    click.echo(tr("help.cmd.version_line", lang, version=__version__,
                  python=platform.python_version(), loader=loader))
    ctx.exit(0)


@click.group(cls=I18nGroup, help="help.cli", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="help.opt.version", cls=I18nOption)
@common_options
def cli() -> None:
    pass


def show_diagnostics(
    diagnostics: Sequence[Diagnostic],
    *,
    fmt: str = "text",
    strict: bool = False,
    root: Path | None = None,
    texts: dict[str, str] | None = None,
    to_stdout_json: bool = True,
) -> int:
    """Render diagnostics (text on stderr, or JSON on stdout) and return the exit code."""
    from cchc_cli.render import SourceLines, diagnostics_payload, dumps, make_console, render_text

    lang = settings().lang
    code = exit_code(list(diagnostics), strict)
    if fmt == "json":
        if to_stdout_json:
            click.echo(dumps(diagnostics_payload(diagnostics, lang, ok=code == 0)), nl=False)
    else:
        console = make_console(sys.stderr)
        render_text(diagnostics, console, lang, SourceLines(root, texts), strict=strict)
    return code


def open_workspaces(fmt: str = "text") -> list[Workspace]:
    """The workspace(s) named by -C (or found from the current folder). Exit 2 if unusable."""
    from cchc_cli.workspace import WorkspaceError, open_workspace

    from pathlib import Path

    given: list[str | None] = list(settings().workspaces) or [None]
    found: list[Workspace] = []
    for explicit in given:
        try:
            found.append(open_workspace(Path(explicit) if explicit else None, Path.cwd()))
        except WorkspaceError as exc:
            root = exc.doc.path.parent if exc.doc is not None else None
            texts = {exc.doc.rel: exc.doc.text} if exc.doc is not None else None
            show_diagnostics(exc.diagnostics, fmt=fmt, root=root, texts=texts)
            raise click.exceptions.Exit(EXIT_CONFIG) from None
    return found


def open_workspace_one(fmt: str = "text") -> Workspace:
    return open_workspaces(fmt)[0]


def parse_today(value: str | None) -> date | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(value, param_hint="--today") from None


today_option = click.option("--today", "today", metavar="YYYY-MM-DD", default=None,
                            help="help.opt.today", cls=I18nOption)
strict_option = click.option("--strict", is_flag=True, help="help.opt.strict", cls=I18nOption)


@cli.command("validate", help="help.cmd.validate")
@format_option
@strict_option
@today_option
@common_options
def validate_cmd(fmt: str, strict: bool, today: str | None) -> None:
    from cchc_cli.engine import check_workspace

    when = parse_today(today)
    all_diagnostics: list[Any] = []
    texts: dict[str, str] = {}
    workspaces = open_workspaces(fmt)
    root = workspaces[0].root if len(workspaces) == 1 else None
    for ws in workspaces:
        result = check_workspace(ws, today=when)
        if len(workspaces) > 1:
            result.diagnostics = [_prefix(d, ws) for d in result.diagnostics]
            texts.update({_prefixed_rel(ws, rel): t for rel, t in result.texts.items()})
        else:
            texts.update(result.texts)
        all_diagnostics.extend(result.diagnostics)
    code = show_diagnostics(all_diagnostics, fmt=fmt, strict=strict, root=root, texts=texts)
    sys.exit(code) if code else None


@cli.command("init", help="help.cmd.init")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--example", is_flag=True, help="help.opt.example", cls=I18nOption)
@common_options
def init_cmd(folder: str, example: bool) -> None:
    from pathlib import Path

    from cchc_cli.workspace_init import init_workspace

    problems = init_workspace(Path(folder), example=example)
    if problems:
        sys.exit(show_diagnostics(problems))
    from cchc_cli.i18n import tr

    click.echo(tr("init.done", settings().lang, folder=str(folder)))


def _prefixed_rel(ws: Workspace, rel: str) -> str:
    return f"{ws.root.name}/{rel}"


def _prefix(d: Diagnostic, ws: Workspace) -> Diagnostic:
    from dataclasses import replace

    return replace(d, file=_prefixed_rel(ws, d.file)) if d.file else d


def main() -> None:
    cli(prog_name="cchc")


if __name__ == "__main__":  # pragma: no cover
    main()
