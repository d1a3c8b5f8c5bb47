"""The state of one plan resolution, its diagnostic codes, and the checks of the plan's header.

Part of the resolution stage (:mod:`cchc_cli.plan.resolve` is its entry point): the known
agencies, the diagnostics found so far and the lookups every step of the resolution shares.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.core.yamlio import YamlDoc
from cchc_cli.criteria.model import CriteriaTree, Node
from cchc_cli.plan.model import Agency, PlanFile

# Diagnostic codes of this stage (keep them stable once released).
UNKNOWN_AGENCY = "CCHC300"
DUPLICATE_CODE = "CCHC301"
DUPLICATE_NAME = "CCHC302"
SUPPORTING_SCORES = "CCHC303"
COOPERATING_IS_LEAD = "CCHC304"
PART_REPEATED = "CCHC305"
METHODOLOGY_MISMATCH = "CCHC306"
YEAR_MISMATCH = "CCHC307"
COOPERATING_REPEATED = "CCHC308"
UNKNOWN_ITEM = "CCHC310"
UNKNOWN_EXCEPT = "CCHC311"
EXCEPT_OUT_OF_SCOPE = "CCHC312"
MINISTRY_TARGET = "CCHC313"
NO_SELF_LEAF = "CCHC314"
UNOWNED = "CCHC315"
CONFLICT = "CCHC316"
REDUNDANT = "CCHC317"
OVERRIDDEN = "CCHC318"
NESTED_TARGET = "CCHC319"


def name_key(name: str) -> str:
    """Agency names compare after NFC, case folding and collapsing whitespace."""
    text = unicodedata.normalize("NFC", name)
    return re.sub(r"\s+", " ", text).strip().casefold()


class ResolveState:
    """The plan being resolved, against which tree, the agencies known so far, what was found."""

    def __init__(self, doc: YamlDoc, tree: CriteriaTree, plan: PlanFile) -> None:
        self.doc = doc
        self.tree = tree
        self.plan = plan
        self.diags: list[Diagnostic] = []
        self.agencies: dict[str, Agency] = {}

    def loc(self, *path: Any, key: bool = False) -> Location:
        return self.doc.locate(tuple(path), key=key)

    def name_of(self, code: str) -> str:
        agency = self.agencies.get(code)
        return agency.name if agency is not None else code

    def check_agency(self, code: str, at: Location, field_name: str) -> bool:
        if code in self.agencies:
            return True
        guess = did_you_mean(code, self.agencies)
        hint = (
            Msg(
                f"{UNKNOWN_AGENCY}.hint_guess",
                {"guess": guess, "known": sorted(self.agencies), "agency_code": code},
            )
            if guess
            else None
        )
        self.diags.append(
            error(
                UNKNOWN_AGENCY,
                at,
                agency=code,
                hint=hint,
                agency_code=code,
                field=field_name,
                known=sorted(self.agencies),
            )
        )
        return False

    def check_scorer(self, code: str, at: Location, field_name: str) -> None:
        agency = self.agencies.get(code)
        if agency is not None and agency.role == "supporting":
            self.diags.append(
                error(
                    SUPPORTING_SCORES,
                    at,
                    agency=code,
                    agency_code=code,
                    name=agency.name,
                    field=field_name,
                )
            )

    def find(self, item_id: str, at: Location, code: str, scope: str) -> Node | None:
        node = self.tree.get(item_id)
        if node is not None:
            return node
        guess = did_you_mean(item_id, self.tree.by_id)
        hint = Msg(f"{code}.hint_guess", {"guess": guess, "id": item_id}) if guess else None
        self.diags.append(
            error(
                code,
                at,
                item=item_id,
                hint=hint,
                id=item_id,
                scope=scope,
                criteria_file=self.tree.rel,
            )
        )
        return None


# ---------------------------------------------------------------------------------- agencies
def load_agencies(state: ResolveState) -> None:
    """Fill ``state.agencies`` (first of each code), reporting repeated codes and names."""
    first_code: dict[str, int] = {}
    first_name: dict[str, int] = {}
    for a, agency in enumerate(state.plan.agencies):
        if agency.code in first_code:
            prev = first_code[agency.code]
            at = state.loc("agencies", a, "code")
            state.diags.append(
                error(
                    DUPLICATE_CODE,
                    at,
                    agency=agency.code,
                    agency_code=agency.code,
                    first_line=state.loc("agencies", prev, "code").line,
                    line=at.line,
                )
            )
        else:
            first_code[agency.code] = a
            state.agencies[agency.code] = agency
        key = name_key(agency.name)
        if key in first_name:
            prev = first_name[key]
            at = state.loc("agencies", a, "name")
            state.diags.append(
                error(
                    DUPLICATE_NAME,
                    at,
                    agency=agency.code,
                    name=agency.name,
                    first_code=state.plan.agencies[prev].code,
                    agency_code=agency.code,
                    first_line=state.loc("agencies", prev, "name").line,
                    line=at.line,
                )
            )
        else:
            first_name[key] = a


def check_header(state: ResolveState) -> None:
    """Methodology and year against the criteria; coordinator and follow-up agencies known."""
    plan = state.plan
    meta = state.tree.meta.methodology
    if plan.methodology.strip() != meta.decision.strip():
        state.diags.append(
            warning(
                METHODOLOGY_MISMATCH,
                state.loc("methodology"),
                plan=plan.methodology,
                criteria=meta.decision,
                criteria_file=state.tree.rel,
            )
        )
    if plan.year != meta.year:
        state.diags.append(
            warning(
                YEAR_MISMATCH,
                state.loc("year"),
                plan=plan.year,
                criteria=meta.year,
                criteria_file=state.tree.rel,
            )
        )
    state.check_agency(plan.coordinator, state.loc("coordinator"), "coordinator")
    duty = plan.evidence_duty
    if duty is not None:
        for k, code in enumerate(duty.follow_up_report):
            state.check_agency(
                code,
                state.loc("evidence_duty", "follow_up_report", k),
                "evidence_duty.follow_up_report",
            )
