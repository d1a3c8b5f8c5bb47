"""The merged view of a province's self-assessment (built by :mod:`cchc_cli.scores.merge`).

This is the one data structure every later output reads: ``cchc merged``, ``cchc status`` and
the report model. Scores are ``Decimal``; ``None`` means "not scored (yet)".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from cchc_cli.core.diagnostics import Location
from cchc_cli.criteria.model import Node
from cchc_cli.plan.model import LeafOwnership

LeafStatus = Literal["scored", "missing", "ministry"]


@dataclass(frozen=True)
class EvidenceItem:
    agency: str
    number: str | None
    date: date | None
    issuer: str | None
    title: str | None
    file: str | None
    location: Location

    @property
    def complete(self) -> bool:
        return bool(self.number) and self.date is not None


@dataclass(frozen=True)
class PartScore:
    """The score one agency gave a leaf: the whole leaf (lead) or its domain part (split)."""

    agency: str
    agency_name: str
    domain: str | None
    score: Decimal | None
    measured: Decimal | None
    explanation: str | None
    location: Location | None


@dataclass
class MergedLeaf:
    node: Node
    ownership: LeafOwnership
    status: LeafStatus
    score: Decimal | None
    parts: tuple[PartScore, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()
    #: (agency code, text) — the leads' explanations, then cooperating agencies' comments
    explanations: tuple[tuple[str, str], ...] = ()
    comments: tuple[tuple[str, str], ...] = ()

    @property
    def item(self) -> str:
        return self.node.id

    @property
    def max(self) -> Decimal:
        return self.node.max

    @property
    def method(self) -> str:
        return self.node.method or ""

    @property
    def lost(self) -> Decimal:
        """Points below maximum (0 when not self-scored or not scored)."""
        if self.status != "scored" or self.score is None:
            return Decimal(0)
        return self.node.max - self.score

    @property
    def evidence_complete(self) -> bool:
        return bool(self.evidence) and all(e.complete for e in self.evidence)


@dataclass
class MergedNode:
    node: Node
    #: sum of the scores of the self-assessed leaves below (missing leaves count 0)
    score: Decimal
    #: sum of the maxima of the self-assessed leaves below
    self_max: Decimal
    #: sum of the maxima of the Ministry-scored (survey, SIPAS) leaves below
    ministry_max: Decimal
    children: list[MergedNode] = field(default_factory=list)
    leaf: MergedLeaf | None = None

    @property
    def id(self) -> str:
        return self.node.id


@dataclass
class Merged:
    roots: list[MergedNode]
    #: every leaf, natural id order
    leaves: list[MergedLeaf]
    total_score: Decimal
    total_max: Decimal
    ministry_max: Decimal

    def leaf(self, item_id: str) -> MergedLeaf | None:
        for leaf in self.leaves:
            if leaf.item == item_id:
                return leaf
        return None
