"""Assignment plans: the file model and the resolved leaf -> owner(s) map with its queries.

Resolution (rules -> owners, overlaps, diagnostics) lives in :mod:`cchc_cli.plan.resolve`; the
queries here (who scores what, in which role) are what the score files, merge, status, scaffold,
schema and report rooms ask of a resolved plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from cchc_cli.core.diagnostics import Location
from cchc_cli.core.ids import natural_key
from cchc_cli.core.modelbase import StrictModel, VersionedFile
from cchc_cli.core.yamlio import YamlDoc
from cchc_cli.criteria.model import MINISTRY_METHODS, Node

AGENCY_CODE = r"^[A-Z][A-Z0-9_]{0,31}$"
Role = Literal["lead", "part", "cooperating", "ministry"]
Combine = Literal["min", "mean", "coordinator"]
MINISTRY_CODE = "BNV"
#: What an agency does on one leaf in its score file. ``decision``: the coordinator's final score
#: of a split leaf whose plan rule says ``combine: coordinator``.
ScoreRole = Literal["lead", "part", "decision", "cooperating"]


class Agency(StrictModel):
    code: str = Field(pattern=AGENCY_CODE)
    name: str = Field(min_length=1)
    role: Literal["scoring", "supporting"] = "scoring"
    duties: list[str] = []


class PlanInfo(StrictModel):
    title: str
    issuer: str | None = None
    number: str | None = None
    date: dt.date | None = None
    signer: str | None = None
    based_on: list[str] = []


class EvidenceDuty(StrictModel):
    groups: list[str] = []
    duties: list[str] = []
    follow_up_report: list[str] = []


class SplitPart(StrictModel):
    agency: str
    domain: str = Field(min_length=1)
    source: str | None = None


class Rule(StrictModel):
    """Either ``lead`` + ``items`` (+ ``except``, ``cooperating``) or ``split`` + ``parts``."""

    lead: str | None = None
    items: list[str] = []
    except_: list[str] = Field(default=[], alias="except")
    cooperating: list[str] = []
    split: str | None = None
    combine: Combine | None = None
    parts: list[SplitPart] = []
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _kind(self) -> Rule:
        if self.lead is not None and self.split is None:
            if not self.items:
                raise PydanticCustomError("cchc.reason.rule_lead_items", "", {})
            if self.parts or self.combine:
                raise PydanticCustomError("cchc.reason.rule_kind", "", {})
        elif self.split is not None and self.lead is None:
            if len(self.parts) < 2 or self.combine is None:
                raise PydanticCustomError("cchc.reason.rule_split_parts", "", {})
            if self.items or self.except_:
                raise PydanticCustomError("cchc.reason.rule_kind", "", {})
        else:
            raise PydanticCustomError("cchc.reason.rule_kind", "", {})
        return self

    @property
    def is_split(self) -> bool:
        return self.split is not None

    @property
    def targets(self) -> list[str]:
        return [self.split] if self.split is not None else list(self.items)


class PlanFile(VersionedFile):
    province: str
    year: int
    methodology: str
    plan: PlanInfo
    coordinator: str
    due_before: dt.date
    agencies: list[Agency]
    evidence_duty: EvidenceDuty | None = None
    rules: list[Rule]


@dataclass(frozen=True)
class Owner:
    """One agency's role on one leaf, and the rule (file:line) that gave it."""

    code: str
    name: str
    role: Role
    domain: str | None = None
    rule: Location | None = None


@dataclass
class LeafOwnership:
    """The resolved ownership of one leaf."""

    node: Node
    owners: tuple[Owner, ...]
    rule: Location | None = None
    combine: Combine | None = None
    overridden: tuple[Location, ...] = field(default_factory=tuple)

    @property
    def item(self) -> str:
        return self.node.id

    @property
    def scorers(self) -> tuple[Owner, ...]:
        """Agencies that give this leaf a score: its lead, or each part of a split."""
        return tuple(o for o in self.owners if o.role in ("lead", "part"))

    @property
    def cooperating(self) -> tuple[Owner, ...]:
        return tuple(o for o in self.owners if o.role == "cooperating")

    @property
    def is_ministry(self) -> bool:
        return any(o.role == "ministry" for o in self.owners)

    @property
    def is_split(self) -> bool:
        return any(o.role == "part" for o in self.owners)

    def role_of(self, code: str) -> Owner | None:
        for owner in self.owners:
            if owner.code == code:
                return owner
        return None


_AgencyItems = tuple[
    tuple[tuple["LeafOwnership", "ScoreRole"], ...], tuple[tuple["LeafOwnership", "ScoreRole"], ...]
]


@dataclass
class ResolvedPlan:
    file: PlanFile
    doc: YamlDoc
    agencies: dict[str, Agency]
    #: one entry per leaf of the criteria tree, in natural id order
    leaves: dict[str, LeafOwnership]
    _items_cache: dict[str, _AgencyItems] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def rel(self) -> str:
        return self.doc.rel

    def agency_name(self, code: str) -> str:
        agency = self.agencies.get(code)
        return agency.name if agency is not None else code

    def items_of(self, code: str) -> list[tuple[LeafOwnership, Owner]]:
        """The leaves an agency scores or cooperates on, in natural id order."""
        found: list[tuple[LeafOwnership, Owner]] = []
        for leaf in self.leaves.values():
            owner = leaf.role_of(code)
            if owner is not None:
                found.append((leaf, owner))
        return found

    def scoring_agencies(self) -> list[str]:
        return [code for code, a in self.agencies.items() if a.role == "scoring"]

    def leaves_under(self, node: Node) -> list[LeafOwnership]:
        """The resolved leaves of a subtree (the node itself when it is a leaf), natural order."""
        ids = {n.id for n in node.leaves()}
        return [leaf for leaf_id, leaf in self.leaves.items() if leaf_id in ids]

    def is_ministry(self, node: Node) -> bool:
        """Whether the Ministry scores ``node`` (survey/SIPAS), never an agency of the province."""
        if node.method in MINISTRY_METHODS:
            return True
        leaf = self.leaves.get(node.id)
        return leaf is not None and leaf.is_ministry

    def roles_of(self, leaf: LeafOwnership, agency: str) -> list[ScoreRole]:
        """The roles ``agency`` has on ``leaf`` (a coordinator can be a part *and* decide)."""
        roles: list[ScoreRole] = []
        owner = leaf.role_of(agency)
        if owner is not None and owner.role in ("lead", "part", "cooperating"):
            roles.append(owner.role)
        if leaf.combine == "coordinator" and leaf.is_split and agency == self.file.coordinator:
            roles.append("decision")
        return roles

    def scored_items(self, agency: str) -> list[tuple[LeafOwnership, ScoreRole]]:
        """Leaves the agency must give a score (lead, part or coordinator decision), id order."""
        return list(self._agency_items(agency)[0])

    def listed_items(self, agency: str) -> list[tuple[LeafOwnership, ScoreRole]]:
        """Leaves that belong in the agency's file: the scored ones plus those it cooperates on."""
        return list(self._agency_items(agency)[1])

    def _agency_items(self, agency: str) -> _AgencyItems:
        """(scored, listed) of one agency. Checks, merge, status, scaffold and schema ask for
        every agency: all of them are worked out in one pass over the leaves, once per plan."""
        if not self._items_cache:
            self._items_cache.update(self._all_agency_items())
        return self._items_cache.get(agency, ((), ()))

    def _all_agency_items(self) -> dict[str, _AgencyItems]:
        """Every agency's (scored, listed), by the rules of :meth:`roles_of`: an agency's
        first role on a leaf counts; the coordinator decides a split leaf combined by
        ``coordinator`` unless it scores a part of it itself; cooperating agencies are listed,
        not scored; the Ministry's leaves belong to no one."""
        scored: dict[str, list[tuple[LeafOwnership, ScoreRole]]] = {}
        cooperating: dict[str, list[tuple[LeafOwnership, ScoreRole]]] = {}
        coordinator = self.file.coordinator
        for leaf in self.leaves.values():
            if self.is_ministry(leaf.node):
                continue
            first: dict[str, str] = {}
            for owner in leaf.owners:
                first.setdefault(owner.code, owner.role)
            decided = leaf.combine == "coordinator" and leaf.is_split
            if decided and first.get(coordinator) not in ("lead", "part"):
                first[coordinator] = "decision"
            for code, role in first.items():
                if role in ("lead", "part", "decision"):
                    scored.setdefault(code, []).append((leaf, role))  # type: ignore[arg-type]
                elif role == "cooperating":
                    cooperating.setdefault(code, []).append((leaf, "cooperating"))
        found: dict[str, _AgencyItems] = {}
        for code in scored.keys() | cooperating.keys():
            own = sorted(scored.get(code, []), key=lambda pair: natural_key(pair[0].item))
            listed = sorted(
                own + cooperating.get(code, []), key=lambda pair: natural_key(pair[0].item)
            )
            found[code] = (tuple(own), tuple(listed))
        return found
