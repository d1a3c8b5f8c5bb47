"""``index``: the final index after the Ministry's appraisal — one province, several provinces
ranked (``-C FOLDER`` or ``-C`` repeated), or one year against another (``--compare``)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import CommandExit, end
from cchc_cli.cli.kit import I18nOption, command, common_options
from cchc_cli.cli.params import PathType, format_option, strict_option
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import check_stage, open_workspaces

if TYPE_CHECKING:
    from pathlib import Path

    from cchc_cli.appraisal.index import AppraisedIndex
    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import CheckResult, CriteriaCache


@command("index", "help.cmd.index")
@format_option
@click.option(
    "--compare",
    "other",
    type=PathType(file_okay=False),
    default=None,
    metavar="help.metavar.dir",
    help="help.opt.index_compare",
    cls=I18nOption,
)
@strict_option
@common_options
def index_cmd(fmt: str, other: str | None, strict: bool) -> None:
    from cchc_cli.core.i18n import tr

    workspaces = open_workspaces(fmt, expand=True)
    if len(workspaces) > 1:
        if other is not None:
            raise click.UsageError(tr("appraisal.usage.compare_many", settings().lang))
        _ranking(workspaces, fmt, strict)
    else:
        _single(workspaces[0], fmt, strict, other)


class _Run:
    """The diagnostics of the run: all of them, those shown in full (the appraisal files'),
    and the source texts for their context lines."""

    def __init__(self, prefixed: bool) -> None:
        self.prefixed = prefixed
        self.all: list[Diagnostic] = []
        self.shown: list[Diagnostic] = []
        self.texts: dict[str, str] = {}

    def rel(self, ws: Workspace, rel: str) -> str:
        return f"{ws.root.name}/{rel}" if self.prefixed else rel

    def add(self, ws: Workspace, result: CheckResult) -> None:
        from dataclasses import replace

        appraisal = self.rel(ws, ws.config.appraisal or "")
        for d in result.diagnostics:
            d = replace(d, file=self.rel(ws, d.file)) if d.file and self.prefixed else d
            self.all.append(d)
            if d.file == appraisal:
                self.shown.append(d)
        self.texts.update({self.rel(ws, rel): text for rel, text in result.texts.items()})

    def missing(self, ws: Workspace) -> Diagnostic:
        """CCHC600: the workspace names no appraisal file."""
        from cchc_cli.core.diagnostics import Location, error
        from cchc_cli.core.workspace import CONFIG_NAME

        problem = error("CCHC600", Location(self.rel(ws, CONFIG_NAME)), config=CONFIG_NAME)
        self.all.append(problem)
        self.shown.append(problem)
        return problem

    def stop(self, fmt: str, root: Path | None = None) -> CommandExit:
        from cchc_cli.core.diagnostics import EXIT_ERRORS

        return CommandExit(self.all, code=EXIT_ERRORS, fmt=fmt, root=root, texts=self.texts)

    def finish(self, strict: bool, root: Path | None = None) -> None:
        """After the output: the appraisal files' diagnostics in full, one summary line, the
        exit code (1 with errors, or warnings under ``--strict``)."""
        from cchc_cli.cli.output import (
            SourceLines,
            diagnostics_console,
            make_console,
            render_counts,
            render_diagnostics,
        )
        from cchc_cli.core.diagnostics import exit_code

        lang = settings().lang
        sources = SourceLines(root, self.texts)
        if self.shown:
            console = diagnostics_console(sys.stderr)
            render_diagnostics(
                self.shown, console, lang, sources, strict=strict, show_summary=False
            )
        render_counts(self.all, make_console(sys.stderr), lang)
        end(exit_code(self.all, strict))


def _indexed(ws: Workspace, run: _Run, cache: CriteriaCache | None = None) -> AppraisedIndex | None:
    """The workspace's index (None, with the reason in ``run``, when there is none)."""
    if ws.config.appraisal is None:
        run.missing(ws)
        return None
    result = check_stage(ws, "all", None, cache)
    run.add(ws, result)
    return result.index


def _single(ws: Workspace, fmt: str, strict: bool, other: str | None) -> None:
    from cchc_cli.appraisal.view import index_lines, index_payload
    from cchc_cli.cli.output import dumps

    # comparing: the diagnostics of both workspaces, each file under its folder's name
    run = _Run(prefixed=other is not None)
    index = _indexed(ws, run)
    if index is None:
        raise run.stop(fmt, None if run.prefixed else ws.root)
    if other is not None:
        _compare(index, other, run, fmt, strict)
        return
    if fmt == "json":
        click.echo(dumps(index_payload(index)), nl=False)
    else:
        click.echo("\n".join(index_lines(index, settings().lang)))
    run.finish(strict, ws.root)


def _compare(index: AppraisedIndex, other: str, run: _Run, fmt: str, strict: bool) -> None:
    """This workspace's index against the other workspace's (usually an earlier year)."""
    from pathlib import Path

    from cchc_cli.appraisal.compare import compare
    from cchc_cli.appraisal.view_multi import comparison_lines, comparison_payload
    from cchc_cli.cli.output import dumps
    from cchc_cli.core.diagnostics import EXIT_USAGE
    from cchc_cli.core.workspace import WorkspaceError, open_workspace

    try:
        earlier = open_workspace(Path(other), Path.cwd())
    except WorkspaceError as exc:
        raise CommandExit(exc.diagnostics, code=EXIT_USAGE, fmt=fmt) from None
    before = _indexed(earlier, run)
    if before is None:
        raise run.stop(fmt)
    cmp = compare(before, index, other)
    if fmt == "json":
        click.echo(dumps(comparison_payload(cmp)), nl=False)
    else:
        click.echo("\n".join(comparison_lines(cmp, settings().lang)))
    run.finish(strict)


def _ranking(workspaces: list[Workspace], fmt: str, strict: bool) -> None:
    """Several provinces ranked by total, ties sharing a rank."""
    from cchc_cli.appraisal.compare import rank_provinces, rounds
    from cchc_cli.appraisal.view_multi import ranking_lines, ranking_payload
    from cchc_cli.cli.output import dumps
    from cchc_cli.core.diagnostics import warning
    from cchc_cli.pipeline import CriteriaCache

    run = _Run(prefixed=True)
    cache = CriteriaCache()
    entries: list[tuple[str, AppraisedIndex]] = []
    for ws in workspaces:
        index = _indexed(ws, run, cache)
        if index is not None:
            entries.append((ws.root.name, index))
    if not entries:
        raise run.stop(fmt)
    seen = rounds([index for _, index in entries])
    if len(seen) > 1:
        mixed = [f"{year} ({methodology})" for year, methodology in seen]
        problem = warning("CCHC620", rounds=mixed)
        run.all.append(problem)
        run.shown.append(problem)
    ranked = rank_provinces(entries)
    if fmt == "json":
        click.echo(dumps(ranking_payload(ranked)), nl=False)
    else:
        click.echo("\n".join(ranking_lines(ranked, settings().lang)))
    run.finish(strict)
