"""``report`` (the consolidated report) and ``templates check`` (a template folder)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import end, notes_files, show_diagnostics
from cchc_cli.cli.kit import I18nArgument, I18nOption, command, common_options, group
from cchc_cli.cli.output import shown_path
from cchc_cli.cli.params import (
    ChoiceType,
    PathType,
    date_option,
    strict_option,
    templates_option,
    today_option,
)
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import check_stage, open_one_workspace, optional_workspace

if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.core.workspace import Workspace
    from cchc_cli.report.document import Report


@command("report", "help.cmd.report")
@click.option(
    "--format",
    "fmt",
    type=ChoiceType(["docx", "xlsx", "html", "md", "all"]),
    default="all",
    help="help.opt.report_format",
    cls=I18nOption,
)
@click.option("--out", "out", type=PathType(), default=None, help="help.opt.out", cls=I18nOption)
@click.option(
    "--agency",
    "agency",
    metavar="help.metavar.agency",
    default=None,
    help="help.opt.agency",
    cls=I18nOption,
)
@click.option("--draft", is_flag=True, help="help.opt.draft", cls=I18nOption)
@date_option
@templates_option
@click.option("--force", is_flag=True, help="help.opt.force", cls=I18nOption)
@strict_option
@today_option
@common_options
def report_cmd(
    fmt: str,
    out: str | None,
    agency: str | None,
    draft: bool,
    date_arg: date | None,
    templates_arg: str | None,
    force: bool,
    strict: bool,
    today: date | None,
) -> None:
    from cchc_cli.core.i18n import tr
    from cchc_cli.report.run import ReportRequest, run_report
    from cchc_cli.report.targets import FORMATS

    ws = open_one_workspace()
    lang = settings().lang
    request = ReportRequest(
        workspace=ws,
        formats=FORMATS if fmt == "all" else tuple(f for f in FORMATS if f == fmt),
        out=Path(out) if out else None,
        agency=agency,
        draft=draft,
        when=date_arg,
        today=today,
        templates=Path(templates_arg) if templates_arg else None,
        lang=lang,
        strict=strict,
        force=force,
    )
    outcome, result = run_report(request)
    if outcome.diagnostics:
        show_diagnostics(
            outcome.diagnostics,
            strict=strict,
            root=ws.root,
            texts=result.texts,
            condense=notes_files(ws),
        )
    for path in outcome.written:
        click.echo(tr("report.written", lang, path=shown_path(path)))
    end(outcome.exit_code)


@group("templates", "help.cmd.templates")
def templates_group() -> None:
    pass


@templates_group.command("check", help="help.cmd.templates_check")
@click.argument(
    "folder", required=False, type=PathType(), metavar="help.metavar.dir", cls=I18nArgument
)
@common_options
def templates_check_cmd(folder: str | None) -> None:
    """Check DIR (default: the workspace's `templates`, else the built-in templates)."""
    from cchc_cli.core.i18n import tr
    from cchc_cli.report.template_check import check_templates
    from cchc_cli.report.templates import builtin_dir

    ws = optional_workspace()  # no workspace: syntax and variable names only, no rendering
    root = ws.root if ws is not None else None
    own = ws.templates_dir if ws is not None else None
    target = (Path(folder) if folder else None) or own or builtin_dir()
    diagnostics, count = check_templates(target, _draft_report(ws), root)
    code = show_diagnostics(diagnostics, root=root)
    if not diagnostics or not code:
        ok = tr("report.templates_ok", settings().lang, folder=shown_path(target), count=count)
        click.echo(ok)
    end(code)


def _draft_report(ws: Workspace | None) -> Report | None:
    """The workspace's report model (as a draft) to render the templates with, if it builds."""
    from cchc_cli.report.build import ReportError, build_report

    if ws is None:
        return None
    try:
        return build_report(check_stage(ws), lang=settings().lang, draft=True)
    except ReportError:
        return None
