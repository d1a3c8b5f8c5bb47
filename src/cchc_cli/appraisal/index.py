"""The final index of one province: its data. :func:`cchc_cli.appraisal.compute.compute_index`
is its only producer; ``cchc index``, the ranking, the comparison and the report read it.

Points are exact :class:`~decimal.Decimal`; percentages are rounded to two decimals, as the
Ministry publishes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from cchc_cli.core.diagnostics import Location
from cchc_cli.criteria.model import Node
from cchc_cli.plan.model import LeafOwnership, Owner

#: recognised: the self-score stands; adjusted: the Ministry changed it; rejected: the value
#: written fails its check and counts 0; ministry: a survey/SIPAS leaf
LeafState = Literal["recognised", "adjusted", "rejected", "ministry"]
#: where a part's points come from: the leaves' values, a part total, or nowhere yet
PartSource = Literal["items", "total", "none"]


@dataclass(frozen=True)
class AppraisedLeaf:
    node: Node
    ownership: LeafOwnership
    #: the id of the area (level 1) the leaf is in
    area: str
    #: the index part its points go to (``self``, ``impact``, ``sipas``, ``survey``)
    part: str
    ministry: bool
    #: the self-assessed score (None: not scored by the province, or scored by the Ministry)
    self_score: Decimal | None
    #: the value the appraisal file gives (None: not listed)
    value: Decimal | None
    #: the points that count (None: a Ministry leaf whose points come as a part total)
    appraised: Decimal | None
    state: LeafState
    comment: str | None = None
    #: where ``value`` is written in the appraisal file
    location: Location | None = None

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def max(self) -> Decimal:
        return self.node.max

    @property
    def self_points(self) -> Decimal:
        """What the self-assessment counted (an item not scored counts 0)."""
        return self.self_score if self.self_score is not None else Decimal(0)

    @property
    def lost(self) -> Decimal | None:
        return self.node.max - self.appraised if self.appraised is not None else None

    @property
    def cut(self) -> Decimal | None:
        """Self-score minus appraised score (negative when the Ministry raised it)."""
        if self.ministry or self.appraised is None:
            return None
        return self.self_points - self.appraised

    @property
    def agencies(self) -> tuple[Owner, ...]:
        """The agencies that score the leaf under the plan: its lead, or every split part."""
        return self.ownership.scorers


@dataclass(frozen=True)
class IndexPart:
    name: str
    #: the maxima of its leaves
    max: Decimal
    #: the points that count
    points: Decimal
    source: PartSource
    #: a part total written in the file (``parts:``), None otherwise
    value: Decimal | None = None
    rejected: bool = False
    location: Location | None = None

    @property
    def lost(self) -> Decimal:
        return self.max - self.points


@dataclass(frozen=True)
class AreaIndex:
    node: Node
    max: Decimal
    #: maxima and self-assessed points of its self-scored leaves
    self_max: Decimal
    self: Decimal
    #: appraised points known per leaf (self-scored leaves and per-item Ministry values)
    appraised: Decimal
    #: False when some Ministry points of the area came only as a part total
    complete: bool
    percent: Decimal | None

    @property
    def id(self) -> str:
        return self.node.id


@dataclass(frozen=True)
class AgencyLoss:
    """Points an agency's items lost: all of them, and those of split items (shared)."""

    code: str
    name: str
    items: int
    lost: Decimal
    shared: Decimal


@dataclass(frozen=True)
class Reconciliation:
    """The published total against the sum of the parts cchc computes."""

    published: Decimal
    computed: Decimal
    #: the rounding of the parts: 0.005 per published part
    tolerance: Decimal
    rank: int | None
    of: int | None
    location: Location | None = None

    @property
    def difference(self) -> Decimal:
        return self.published - self.computed

    @property
    def within(self) -> bool:
        return abs(self.difference) <= self.tolerance


@dataclass
class AppraisedIndex:
    province: str
    year: int
    #: the methodology's decision (``1150/QĐ-BNV``)
    methodology: str
    status: str
    source: str
    #: the appraisal file, workspace-relative
    file: str
    #: every leaf, natural id order
    leaves: list[AppraisedLeaf]
    #: the parts of the index, in the published order
    parts: list[IndexPart]
    areas: list[AreaIndex]
    self_total: Decimal
    self_max: Decimal
    appraised_total: Decimal
    total: Decimal
    max: Decimal
    percent: Decimal | None
    #: self-scored leaves below their maximum after appraisal, most points lost first
    lost: list[AppraisedLeaf] = field(default_factory=list)
    agencies: list[AgencyLoss] = field(default_factory=list)
    published: Reconciliation | None = None

    def count(self, state: LeafState, *, ministry: bool = False) -> int:
        """How many self-scored leaves (with ``ministry``: all leaves) are in ``state``."""
        return sum(
            1 for leaf in self.leaves if leaf.state == state and (ministry or not leaf.ministry)
        )

    @property
    def self_leaves(self) -> list[AppraisedLeaf]:
        return [leaf for leaf in self.leaves if not leaf.ministry]

    @property
    def lost_total(self) -> Decimal:
        return sum((leaf.lost or Decimal(0) for leaf in self.lost), Decimal(0))

    def part(self, name: str) -> IndexPart | None:
        return next((p for p in self.parts if p.name == name), None)
