"""``who`` and ``owners``: who scores what, from the resolved assignment plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cchc_cli.cli.exits import CommandExit, end, notes_files, show_diagnostics
from cchc_cli.cli.kit import I18nArgument, I18nOption, command, common_options
from cchc_cli.cli.params import format_option
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import load_stage, tree_and_plan

if TYPE_CHECKING:
    from cchc_cli.criteria.model import CriteriaTree
    from cchc_cli.plan.model import ResolvedPlan


def _plan_stage() -> tuple[CriteriaTree, ResolvedPlan, int]:
    """Criteria and plan, checked; errors shown on stderr, and the plan file's warnings
    counted in one line (``validate`` shows them).

    The ``info`` notes about overlaps are left to ``validate`` (``who`` explains them).
    Returns the tree, the plan and the exit code the shown diagnostics give; no plan at all
    ends the command (exit 1).
    """
    from cchc_cli.core.diagnostics import EXIT_OK, Severity

    result = load_stage("plan")
    ws = result.workspace
    plan_rel = ws.config.assignments
    shown = [
        d
        for d in result.diagnostics
        if d.severity is Severity.ERROR or (d.severity is Severity.WARNING and d.file == plan_rel)
    ]
    code = EXIT_OK
    if shown:
        code = show_diagnostics(
            shown, fmt="text", root=ws.root, texts=result.texts, condense=notes_files(ws)
        )
    tree, plan = tree_and_plan(result)
    return tree, plan, code


@command("who", "help.cmd.who")
@click.argument("item_id", metavar="help.metavar.id", cls=I18nArgument)
@common_options
def who_cmd(item_id: str) -> None:
    from cchc_cli.core.diagnostics import EXIT_USAGE, error
    from cchc_cli.core.i18n import Msg
    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.plan.view import who_lines

    tree, plan, code = _plan_stage()
    node = tree.get(item_id.strip())
    if node is None:
        guess = did_you_mean(item_id, tree.by_id)
        hint = Msg("CCHC320.hint_guess", {"guess": guess}) if guess else None
        problem = error("CCHC320", item=item_id, hint=hint, id=item_id, criteria_file=tree.rel)
        raise CommandExit([problem], code=EXIT_USAGE)
    for line in who_lines(plan, node, settings().lang):
        click.echo(line)
    end(code)


@command("owners", "help.cmd.owners")
@click.option(
    "--agency",
    "agency",
    metavar="help.metavar.agency",
    default=None,
    help="help.opt.owners_agency",
    cls=I18nOption,
)
@format_option
@common_options
def owners_cmd(agency: str | None, fmt: str) -> None:
    from cchc_cli.cli.output import dumps
    from cchc_cli.plan.view import owners_lines, owners_payload, select_leaves

    _, plan, code = _plan_stage()
    if agency is not None:
        agency = agency.strip()
        _check_agency(plan, agency)
    leaves = select_leaves(plan, agency)
    if fmt == "json":
        click.echo(dumps(owners_payload(leaves)), nl=False)
    else:
        for line in owners_lines(leaves, settings().lang):
            click.echo(line)
    end(code)


def _check_agency(plan: ResolvedPlan, agency: str) -> None:
    """An agency code the plan knows (or the Ministry's); else CCHC321, exit 2."""
    from cchc_cli.core.diagnostics import EXIT_USAGE, error
    from cchc_cli.core.i18n import Msg
    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.plan.model import MINISTRY_CODE

    known = [*plan.agencies, MINISTRY_CODE]
    if agency not in known:
        guess = did_you_mean(agency, known)
        hint = Msg("CCHC321.hint_guess", {"guess": guess, "known": known}) if guess else None
        problem = error("CCHC321", agency=agency, hint=hint, agency_code=agency, known=known)
        raise CommandExit([problem], code=EXIT_USAGE)
