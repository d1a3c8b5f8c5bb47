"""The criteria tree: file model (what the YAML may contain) and the built tree.

Structural checks (sums, ids, counts, provenance) live in :mod:`cchc_cli.criteria.checks`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Literal

from pydantic import Field, field_validator

from cchc_cli.core.diagnostics import Diagnostic, Location
from cchc_cli.core.ids import depth, natural_key
from cchc_cli.core.modelbase import StrictModel, VersionedFile, finite
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import YamlDoc

Method = Literal["self", "survey", "sipas"]
SELF: Method = "self"
MINISTRY_METHODS: tuple[str, ...] = ("survey", "sipas")
Status = Literal["working", "confirmed"]
ConfirmableField = Literal["title", "max", "method", "levels", "rubric"]


class Methodology(StrictModel):
    name: str
    level: str
    year: int
    decision: str
    decision_date: date | None = None
    status: Status = "working"
    source: str | None = None


class Declared(StrictModel):
    areas: int | None = None
    criteria: int | None = None
    subcriteria: int | None = None
    total: Decimal
    source: str | None = None

    _total = field_validator("total")(finite)


class RubricBand(StrictModel):
    from_: Decimal = Field(alias="from")
    fraction: Decimal

    _finite = field_validator("from_", "fraction")(finite)


class Rubric(StrictModel):
    title: str
    unit: str | None = None
    min: Decimal = Decimal(0)
    max: Decimal = Decimal(100)
    bands: list[RubricBand]
    status: Status = "working"
    source: str | None = None

    _finite = field_validator("min", "max")(finite)

    def fraction_for(self, measured: Decimal) -> Decimal:
        """The band with the highest ``from`` not above ``measured`` gives the fraction."""
        best: RubricBand | None = None
        for band in self.bands:
            if band.from_ <= measured and (best is None or band.from_ > best.from_):
                best = band
        return best.fraction if best is not None else Decimal(0)


class NodeIn(StrictModel):
    id: str
    title: str
    max: Decimal
    method: Method | None = None
    levels: list[Decimal] | None = None
    rubric: str | None = None
    guidance: str | None = None
    note: str | None = None
    confirmed: dict[ConfirmableField, str] = {}
    children: list[NodeIn] = []

    _finite = field_validator("max")(finite)

    @field_validator("levels")
    @classmethod
    def _levels_finite(cls, value: list[Decimal] | None) -> list[Decimal] | None:
        if value is not None:
            for v in value:
                finite(v)
        return value


class CriteriaFile(VersionedFile):
    methodology: Methodology
    declared: Declared
    sources: dict[str, str] = {}
    rubrics: dict[str, Rubric] = {}
    items: list[NodeIn]


@dataclass(eq=False)
class Node:
    """One node of the built tree. ``path`` is its place in the YAML (for locations)."""

    id: str
    title: str
    max: Decimal
    method: str | None
    levels: tuple[Decimal, ...] | None
    rubric_key: str | None
    rubric: Rubric | None
    guidance: str | None
    note: str | None
    confirmed: dict[str, str]
    path: tuple[Any, ...]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def depth(self) -> int:
        """Level in the tree: 1 = area (lĩnh vực), 2 = criterion, 3 = sub-criterion."""
        return 1 if self.parent is None else self.parent.depth + 1

    @property
    def id_depth(self) -> int:
        return depth(self.id)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def is_self(self) -> bool:
        return self.is_leaf and self.method == SELF

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[Node]:
        for node in self.walk():
            if node.is_leaf:
                yield node

    def allowed_scores(self) -> tuple[Decimal, ...] | None:
        """The score levels a self-scored leaf may take (levels, or what its rubric gives)."""
        if self.levels is not None:
            return tuple(sorted(set(self.levels)))
        if self.rubric is not None:
            return tuple(sorted({quantize(self.max * b.fraction) for b in self.rubric.bands}))
        return None

    def rubric_score(self, measured: Decimal) -> Decimal | None:
        if self.rubric is None:
            return None
        return quantize(self.max * self.rubric.fraction_for(measured))

    def ancestors(self) -> list[Node]:
        chain: list[Node] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


def quantize(value: Decimal) -> Decimal:
    """Points are kept to 4 decimal places, rounded down (never give points not earned)."""
    if not value:
        return Decimal(0)
    return value.quantize(Decimal("0.0001"), rounding=ROUND_FLOOR).normalize()


@dataclass
class CriteriaTree:
    meta: CriteriaFile
    roots: list[Node]
    by_id: dict[str, Node]
    doc: YamlDoc
    #: every node in document order, duplicates of an id included (checks report them)
    all_nodes: list[Node]

    @property
    def rel(self) -> str:
        return self.doc.rel

    def walk(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()

    def leaves(self) -> list[Node]:
        """Every leaf, in natural id order."""
        return sorted((n for n in self.walk() if n.is_leaf), key=lambda n: natural_key(n.id))

    def self_leaves(self) -> list[Node]:
        return [n for n in self.leaves() if n.method == SELF]

    def get(self, item_id: str) -> Node | None:
        return self.by_id.get(item_id)

    def loc(self, node: Node, field_name: str | None = None, *, key: bool = False) -> Location:
        path = node.path if field_name is None else (*node.path, field_name)
        return self.doc.locate(path, key=key)

    def total_max(self) -> Decimal:
        return sum((r.max for r in self.roots), Decimal(0))

    def self_max(self) -> Decimal:
        return sum((n.max for n in self.self_leaves()), Decimal(0))


def build_tree(doc: YamlDoc) -> tuple[CriteriaTree | None, list[Diagnostic]]:
    """Validate the file model and build the tree (no structural checks here)."""
    model, problems = validate_doc(doc, CriteriaFile)
    if model is None:
        return None, problems
    by_id: dict[str, Node] = {}
    all_nodes: list[Node] = []

    def build(raw: NodeIn, path: tuple[Any, ...], parent: Node | None) -> Node:
        node = Node(
            id=raw.id,
            title=raw.title,
            max=raw.max,
            method=raw.method,
            levels=tuple(raw.levels) if raw.levels is not None else None,
            rubric_key=raw.rubric,
            rubric=model.rubrics.get(raw.rubric) if raw.rubric else None,
            guidance=raw.guidance,
            note=raw.note,
            confirmed={str(k): v for k, v in raw.confirmed.items()},
            path=path,
            parent=parent,
        )
        all_nodes.append(node)
        by_id.setdefault(node.id, node)
        node.children = [build(c, (*path, "children", i), node) for i, c in enumerate(raw.children)]
        return node

    roots = [build(raw, ("items", i), None) for i, raw in enumerate(model.items)]
    return CriteriaTree(meta=model, roots=roots, by_id=by_id, doc=doc, all_nodes=all_nodes), []
