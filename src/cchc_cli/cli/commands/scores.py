"""``scaffold`` and ``schema``: the files each agency fills in, generated from the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import CommandExit, write_failed
from cchc_cli.cli.kit import I18nArgument, I18nOption, command, common_options
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import load_stage, tree_and_plan
from cchc_cli.cli.types import PathType

if TYPE_CHECKING:
    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.scores.scaffold import ScaffoldOutcome


def _agency_code(plan: ResolvedPlan, given: str) -> str:
    """The plan's code for ``given`` (case-insensitive); unknown: CCHC434, exit 2."""
    from cchc_cli.core.diagnostics import EXIT_USAGE, error

    wanted = given.strip()
    for code in plan.agencies:
        if code == wanted or code.upper() == wanted.upper():
            return str(code)
    problem = error("CCHC434", agency=wanted, agency_code=wanted, known=plan.scoring_agencies())
    raise CommandExit([problem], code=EXIT_USAGE)


@command("scaffold", "help.cmd.scaffold")
@click.argument("agency", required=False, metavar="help.metavar.agency", cls=I18nArgument)
@click.option("--all", "all_agencies", is_flag=True, help="help.opt.scaffold_all", cls=I18nOption)
@click.option("--update", is_flag=True, help="help.opt.scaffold_update", cls=I18nOption)
@common_options
def scaffold_cmd(agency: str | None, all_agencies: bool, update: bool) -> None:
    from cchc_cli.cli.usage import UsageFailure
    from cchc_cli.core.i18n import Msg
    from cchc_cli.scores.scaffold import scaffold_agency

    lang = settings().lang
    if (agency is None) == (not all_agencies):
        raise UsageFailure(Msg("scores.scaffold.usage"))
    result = load_stage("plan", require_clean=True)
    ws = result.workspace
    tree, plan = tree_and_plan(result)
    if all_agencies:
        codes = [c for c in plan.scoring_agencies() if plan.listed_items(c)]
    else:
        codes = [_agency_code(plan, agency or "")]
    problems: list[Diagnostic] = []
    for code in codes:
        try:
            outcome = scaffold_agency(ws, tree, plan, code, update=update, lang=lang)
        except OSError as exc:
            raise write_failed(ws.scores_dir, exc) from None
        _say_done(ws, outcome)
        problems.extend(outcome.problems)
    if problems:
        raise CommandExit(problems, root=ws.root)


def _say_done(ws: Workspace, outcome: ScaffoldOutcome) -> None:
    """One line per agency file: created (with its schema), updated, or unchanged."""
    from cchc_cli.core.i18n import tr
    from cchc_cli.scores.scaffold import schema_path

    lang = settings().lang
    rel = ws.rel(outcome.path)
    count = len(outcome.added)
    if outcome.action == "created":
        schema = ws.rel(schema_path(ws, outcome.code))
        click.echo(tr("scores.scaffold.created", lang, file=rel, count=count, schema=schema))
    elif outcome.action == "updated":
        click.echo(tr("scores.scaffold.updated", lang, file=rel, count=count, items=outcome.added))
    elif outcome.action == "unchanged":
        click.echo(tr("scores.scaffold.unchanged", lang, file=rel))


@command("schema", "help.cmd.schema")
@click.argument("agency", metavar="help.metavar.agency", cls=I18nArgument)
@click.option(
    "--out",
    "out_arg",
    type=PathType(dir_okay=False),
    default=None,
    help="help.opt.schema_out",
    cls=I18nOption,
)
@click.option("--force", is_flag=True, help="help.opt.force", cls=I18nOption)
@common_options
def schema_cmd(agency: str, out_arg: str | None, force: bool) -> None:
    from pathlib import Path

    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.i18n import tr
    from cchc_cli.core.outputs import OutputGuard, workspace_inputs
    from cchc_cli.scores.schema import is_cchc_schema, schema_text

    lang = settings().lang
    result = load_stage("plan", require_clean=True)
    tree, plan = tree_and_plan(result)
    code = _agency_code(plan, agency)
    if not plan.listed_items(code):
        name = plan.agency_name(code)
        problem = error("CCHC433", Location(plan.rel), agency=code, agency_code=code, name=name)
        raise CommandExit([problem])
    text = schema_text(tree, plan, code, lang)
    if out_arg is None:
        click.echo(text, nl=False)
        return
    out, data = Path(out_arg), text.encode("utf-8")
    inputs = workspace_inputs(result.workspace)
    guard = OutputGuard(inputs, force=force, own=is_cchc_schema, lang=lang)
    refused = guard.check({out: data})
    if refused:
        raise CommandExit(refused)
    try:
        guard.write({out: data})
    except OSError as exc:
        raise write_failed(out, getattr(exc, "cause", exc)) from None
    click.echo(tr("scores.schema.written", lang, file=out.as_posix()))
