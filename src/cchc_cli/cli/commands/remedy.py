"""``remedy``: after the Ministry's appraisal — the departments' explanation requests while it is
provisional, the remedy plan once it is final."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import end, notes_files, show_diagnostics
from cchc_cli.cli.kit import I18nOption, command, common_options
from cchc_cli.cli.params import DATE, ChoiceType, PathType
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import open_one_workspace

if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.remedy.model import RemedyDoc


def _shown_path(path: Path) -> str:
    """A path as the user typed it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@command("remedy", "help.cmd.remedy")
@click.option(
    "--agency",
    "agency",
    metavar="help.metavar.agency",
    default=None,
    help="help.opt.remedy_agency",
    cls=I18nOption,
)
@click.option(
    "--format",
    "fmt",
    type=ChoiceType(["docx", "xlsx", "md", "all"]),
    default="all",
    help="help.opt.remedy_format",
    cls=I18nOption,
)
@click.option("--out", "out", type=PathType(), default=None, help="help.opt.out", cls=I18nOption)
@click.option("--draft", is_flag=True, help="help.opt.remedy_draft", cls=I18nOption)
@click.option("--force", is_flag=True, help="help.opt.force", cls=I18nOption)
@click.option(
    "--date", "date_arg", type=DATE, default=None, help="help.opt.remedy_date", cls=I18nOption
)
@common_options
def remedy_cmd(
    agency: str | None,
    fmt: str,
    out: str | None,
    draft: bool,
    force: bool,
    date_arg: date | None,
) -> None:
    from cchc_cli.remedy.run import FORMATS, RemedyRequest, run_remedy

    ws = open_one_workspace()
    request = RemedyRequest(
        workspace=ws,
        formats=FORMATS if fmt == "all" else tuple(f for f in FORMATS if f == fmt),
        out=Path(out) if out else None,
        agency=agency,
        draft=draft,
        when=date_arg,
        lang=settings().lang,
        force=force,
    )
    outcome, result, doc = run_remedy(request)
    if outcome.diagnostics:
        show_diagnostics(
            outcome.diagnostics,
            root=ws.root,
            texts=result.texts if result is not None else None,
            condense=notes_files(ws),
        )
    for path in outcome.written:
        click.echo(_text("remedy.written", path=_shown_path(path)))
    if outcome.written and doc is not None:
        click.echo(_summary(doc))
    end(outcome.exit_code)


def _text(key: str, **args: object) -> str:
    from cchc_cli.core.i18n import tr

    return tr(key, settings().lang, **args)


def _summary(doc: RemedyDoc) -> str:
    """One line: how many items, how many points, how many agencies."""
    from cchc_cli.appraisal.text import exact

    t = doc.totals
    points = exact(t.points, doc.lang)
    if doc.kind == "request":
        return _text("remedy.summary.request", items=t.items, cut=points, agencies=t.agencies)
    return _text("remedy.summary.plan", items=t.items, lost=points, agencies=t.agencies)
