"""Agency score files checked against the plan: the entry point and the file-level checks.

Codes CCHC400–CCHC449 (see README, section "scores"). Every check is at its line, with ``item=``
and ``agency=`` set, and the result never depends on the order files are read in: files are
always processed sorted by their workspace-relative path.

This module checks each file as a whole (known agency, one file per agency, header, deadline,
missing items) and the agencies with no file at all; the items themselves are checked by
:mod:`cchc_cli.scores.item_checks` and their evidence by :mod:`cchc_cli.scores.evidence_checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, diag, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.core.workspace import Workspace
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.deadline import days_late, deadline_last_day
from cchc_cli.scores.files import declared_agencies
from cchc_cli.scores.item_checks import check_items
from cchc_cli.scores.model import LoadedScores
from cchc_cli.scores.semantics import file_contribution


@dataclass
class _ScoreCheck:
    ws: Workspace
    tree: CriteriaTree
    plan: ResolvedPlan
    today: date
    out: list[Diagnostic]

    @property
    def deadline_passed(self) -> bool:
        return self.today >= self.plan.file.due_before


def check_scores(
    ws: Workspace,
    tree: CriteriaTree,
    plan: ResolvedPlan,
    loaded: list[LoadedScores],
    *,
    today: date | None = None,
) -> list[Diagnostic]:
    """Every plan-dependent check of the score files (the issue's point 4)."""
    run = _ScoreCheck(ws=ws, tree=tree, plan=plan, today=today or date.today(), out=[])
    first: dict[str, LoadedScores] = {}
    for item in sorted(loaded, key=lambda x: x.rel):
        if item.file.agency not in plan.agencies:
            run.out.append(_unknown_agency(plan, item))
            continue
        duplicate = _check_duplicate(run, item, first)
        _check_header(run, item)
        run.out += check_items(ws, tree, plan, item)
        if not duplicate:
            _check_missing(run, item)
    _check_absent(run, first)
    return run.out


def _unknown_agency(plan: ResolvedPlan, item: LoadedScores) -> Diagnostic:
    agency = item.file.agency
    guess = did_you_mean(agency, plan.agencies)
    return error(
        "CCHC401",
        item.doc.locate(("agency",)),
        agency=agency,
        agency_code=agency,
        plan=plan.rel,
        hint=Msg(
            "CCHC401.hint_guess" if guess else "CCHC401.hint",
            {"guess": guess or "", "known": list(plan.agencies)},
        ),
    )


def _check_duplicate(run: _ScoreCheck, item: LoadedScores, first: dict[str, LoadedScores]) -> bool:
    """Whether another file (earlier by path) already is the agency's; the first one counts."""
    agency = item.file.agency
    other = first.get(agency)
    if other is None:
        first[agency] = item
        return False
    run.out.append(
        error(
            "CCHC402",
            item.doc.locate(("agency",)),
            agency=agency,
            agency_code=agency,
            name=run.plan.agency_name(agency),
            file=item.rel,
            other=other.rel,
            other_line=other.doc.locate(("agency",)).line or 1,
        )
    )
    return True


def _check_absent(run: _ScoreCheck, first: dict[str, LoadedScores]) -> None:
    """A scoring agency with items to score and no file: a warning, an error once late."""
    plan, ws = run.plan, run.ws
    declared: set[str] | None = None
    for code in plan.scoring_agencies():
        if code in first:
            continue
        owned = plan.scored_items(code)
        if not owned:
            continue
        if declared is None:
            declared = declared_agencies(ws)
        if code in declared:  # its file exists but is unreadable: those errors were reported
            continue
        severity = Severity.ERROR if run.deadline_passed else Severity.WARNING
        run.out.append(
            diag(
                "CCHC400",
                severity,
                _agency_loc(plan, code),
                agency=code,
                agency_code=code,
                name=plan.agency_name(code),
                count=len(owned),
                folder=ws.config.scores,
                file=f"{ws.config.scores}/{code.lower()}.yaml",
            )
        )


def _agency_loc(plan: ResolvedPlan, code: str) -> Location:
    for i, agency in enumerate(plan.file.agencies):
        if agency.code == code:
            return plan.doc.locate(("agencies", i, "code"))
    return Location(plan.rel)


def _check_header(run: _ScoreCheck, item: LoadedScores) -> None:
    f = item.file
    doc = item.doc
    plan = run.plan
    if f.year != plan.file.year:
        run.out.append(
            error(
                "CCHC403",
                doc.locate(("year",)),
                agency=f.agency,
                year=f.year,
                plan_year=plan.file.year,
                plan=plan.rel,
            )
        )
    if f.status == "submitted" and f.submitted is None:
        run.out.append(error("CCHC404", doc.locate(("status",)), agency=f.agency))
    if f.status == "draft" and run.deadline_passed:
        due = plan.file.due_before
        run.out.append(
            error(
                "CCHC451", doc.locate(("status",)), agency=f.agency, agency_code=f.agency, due=due
            )
        )
    if f.submitted is not None and f.submitted > run.today:
        where = doc.locate(("submitted",))
        run.out.append(
            warning("CCHC450", where, agency=f.agency, submitted=f.submitted, today=run.today)
        )
    if f.submitted is not None:
        late = days_late(f.submitted, plan.file.due_before)
        if late > 0:
            run.out.append(
                warning(
                    "CCHC405",
                    doc.locate(("submitted",)),
                    agency=f.agency,
                    submitted=f.submitted,
                    due=plan.file.due_before,
                    days=late,
                    last_day=deadline_last_day(plan.file.due_before),
                )
            )


def _check_missing(run: _ScoreCheck, item: LoadedScores) -> None:
    """Each item the agency must score and has not (an error once submitted or late)."""
    f = item.file
    doc = item.doc
    severity = (
        Severity.ERROR if (f.status == "submitted" or run.deadline_passed) else Severity.WARNING
    )
    for leaf, role in run.plan.scored_items(f.agency):
        if file_contribution(leaf.node, item).state != "missing":
            continue
        if leaf.item in f.items:
            where = doc.locate(("items", leaf.item), key=True)
        elif isinstance(doc.data, dict) and "items" in doc.data:
            where = doc.locate(("items",), key=True)
        else:
            where = doc.at(doc.root)
        owner = leaf.role_of(f.agency)
        domain = owner.domain if owner is not None and role == "part" else None
        part = Msg("scores.missing_part", {"domain": domain}) if domain else ""
        if role == "decision":
            part = Msg("scores.missing_decision")
        run.out.append(
            diag(
                "CCHC415",
                severity,
                where,
                item=leaf.item,
                agency=f.agency,
                id=leaf.item,
                title=leaf.node.title,
                max=leaf.node.max,
                part=part,
                hint=Msg(
                    "CCHC415.hint_rubric" if leaf.node.rubric is not None else "CCHC415.hint",
                    {"id": leaf.item},
                ),
            )
        )
