"""``pack``: the submission pack for the Ministry's scoring software (one zip)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import end, notes_files, show_diagnostics
from cchc_cli.cli.kit import I18nOption, command, common_options
from cchc_cli.cli.output import shown_path
from cchc_cli.cli.params import PathType, date_option, strict_option, templates_option, today_option
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import open_one_workspace

if TYPE_CHECKING:
    from datetime import date


def _size_text(size: int, lang: str) -> str:
    """1,2 MB / 1.2 MB; kB below a megabyte."""
    from cchc_cli.core.fmt import format_number

    if size >= 1_000_000:
        return f"{format_number(round(size / 1_000_000, 1), lang)} MB"
    return f"{format_number(max(1, round(size / 1000)), lang)} kB"


@command("pack", "help.cmd.pack")
@click.option(
    "--agency",
    "agency",
    metavar="help.metavar.agency",
    default=None,
    help="help.opt.pack_agency",
    cls=I18nOption,
)
@click.option(
    "--out", "out", type=PathType(), default=None, help="help.opt.pack_out", cls=I18nOption
)
@click.option("--draft", is_flag=True, help="help.opt.pack_draft", cls=I18nOption)
@click.option("--force", is_flag=True, help="help.opt.pack_force", cls=I18nOption)
@date_option
@templates_option
@strict_option
@today_option
@common_options
def pack_cmd(
    agency: str | None,
    out: str | None,
    draft: bool,
    force: bool,
    date_arg: date | None,
    templates_arg: str | None,
    strict: bool,
    today: date | None,
) -> None:
    from cchc_cli.core.i18n import tr
    from cchc_cli.pack.run import PackRequest, run_pack
    from cchc_cli.report.run import ReportRequest

    ws = open_one_workspace()
    lang = settings().lang
    request = PackRequest(
        report=ReportRequest(
            workspace=ws,
            agency=agency,
            draft=draft,
            when=date_arg,
            today=today,
            templates=Path(templates_arg) if templates_arg else None,
            lang=lang,
            strict=strict,
        ),
        out=Path(out) if out else None,
        force=force,
    )
    outcome, summary, result = run_pack(request)
    if outcome.diagnostics:
        show_diagnostics(
            outcome.diagnostics,
            strict=strict,
            root=ws.root,
            texts=result.texts,
            condense=notes_files(ws),
        )
    for path in outcome.written:
        click.echo(tr("pack.written", lang, path=shown_path(path)))
    if summary is not None:
        click.echo(
            tr(
                "pack.summary",
                lang,
                items=summary.items,
                files=summary.files,
                documents=summary.documents,
                size=_size_text(summary.size, lang),
            )
        )
    end(outcome.exit_code)
