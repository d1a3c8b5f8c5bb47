"""``validate``, ``status`` and ``merged``: the whole check, as diagnostics or as tables."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import CommandExit, end, notes_files
from cchc_cli.cli.kit import command, common_options
from cchc_cli.cli.params import format_option, strict_option, today_option
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import check_stage, load_stage, open_workspaces

if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.scores.merge import Merged


@command("validate", "help.cmd.validate")
@format_option
@strict_option
@today_option
@common_options
def validate_cmd(fmt: str, strict: bool, today: date | None) -> None:
    from cchc_cli.pipeline import CriteriaCache

    found: list[Diagnostic] = []
    texts: dict[str, str] = {}
    workspaces = open_workspaces(fmt, expand=True)
    root = workspaces[0].root if len(workspaces) == 1 else None
    cache = CriteriaCache()
    for ws in workspaces:
        result = check_stage(ws, "all", today, cache)
        if len(workspaces) > 1:
            result.diagnostics = [_prefix(d, ws) for d in result.diagnostics]
            texts.update({_prefixed_rel(ws, rel): t for rel, t in result.texts.items()})
        else:
            texts.update(result.texts)
        found.extend(result.diagnostics)
    raise CommandExit(found, fmt=fmt, strict=strict, root=root, texts=texts)


def _prefixed_rel(ws: Workspace, rel: str) -> str:
    return f"{ws.root.name}/{rel}"


def _prefix(d: Diagnostic, ws: Workspace) -> Diagnostic:
    from dataclasses import replace

    return replace(d, file=_prefixed_rel(ws, d.file)) if d.file else d


def _merged(result: CheckResult, strict: bool) -> tuple[ResolvedPlan, Merged]:
    """The plan and the merged scores; without them: the diagnostics, exit 1."""
    from cchc_cli.core.diagnostics import EXIT_ERRORS

    if result.merged is None or result.plan is None:
        raise CommandExit(
            result.diagnostics,
            code=EXIT_ERRORS,
            strict=strict,
            root=result.workspace.root,
            texts=result.texts,
            condense=notes_files(result.workspace),
        )
    return result.plan, result.merged


def _summary(diagnostics: list[Diagnostic], strict: bool) -> None:
    """One summary line on stderr (details: `cchc validate`), then the exit code."""
    from cchc_cli.cli.output import make_console, render_counts
    from cchc_cli.core.diagnostics import exit_code

    render_counts(diagnostics, make_console(sys.stderr), settings().lang)
    end(exit_code(diagnostics, strict))


@command("status", "help.cmd.status")
@format_option
@strict_option
@today_option
@common_options
def status_cmd(fmt: str, strict: bool, today: date | None) -> None:
    from datetime import date as _date

    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.scores.files import present_files
    from cchc_cli.scores.status_view import build_status, render_status, status_payload

    when = today or _date.today()
    result = load_stage("all", fmt=fmt, today=when)
    plan, merged = _merged(result, strict)
    present = present_files(result.workspace, result.scores, result.diagnostics)
    report = build_status(plan, merged, result.scores, result.diagnostics, when, present)
    if fmt == "json":
        click.echo(dumps(status_payload(report)), nl=False)
    else:
        render_status(report, make_console(sys.stdout), settings().lang)
    _summary(result.diagnostics, strict)


@command("merged", "help.cmd.merged")
@format_option
@strict_option
@today_option
@common_options
def merged_cmd(fmt: str, strict: bool, today: date | None) -> None:
    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.scores.merged_view import merged_payload, render_merged

    result = load_stage("all", fmt=fmt, today=today)
    plan, merged = _merged(result, strict)
    if fmt == "json":
        click.echo(dumps(merged_payload(merged, plan, settings().lang)), nl=False)
    else:
        render_merged(merged, plan, make_console(sys.stdout), settings().lang)
    _summary(result.diagnostics, strict)
