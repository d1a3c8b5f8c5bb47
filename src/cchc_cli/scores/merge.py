"""The merged view of a province's self-assessment: its data and how it is built.

:class:`Merged` is the one data structure every later output reads: ``cchc merged``, ``cchc
status`` and the report model. Scores are ``Decimal``; ``None`` means "not scored (yet)".
The data and :func:`merge`, its only producer, share this module because the rules below
define what the fields mean (a ``missing`` status, a node's ``self_max``, ``ministry_max``).

Rules (README, section "scores"):

* every leaf of the criteria tree appears once, in natural id order; survey and SIPAS leaves
  have status ``ministry`` (scored by the Ministry, never by the province);
* a leaf with one lead takes the lead's score; the score that counts for a rubric item is the
  one the rubric gives for ``measured``; what an entry contributes is decided by
  :func:`~cchc_cli.scores.semantics.contribution` alone;
* a value that fails its own check (out of [0, max], not a level, a measured value the rubric
  rejects, not a number) is never counted: its leaf has status ``rejected`` (score None, 0 in
  every total) with the reason — whether it is the lead's value, one part of a split leaf
  (``min``/``mean``) or the coordinator's decision;
* a split leaf (one part per domain) is combined by the plan's ``combine``: ``min`` (lowest
  part), ``mean`` (average, rounded down to 0.0001) or ``coordinator`` (the coordinator
  agency's file gives the item's ``score`` as the decision). A split leaf with a missing part
  (or missing decision) is ``missing``;
* node totals add the self-assessed leaves below (missing leaves count 0) out of their maxima;
  Ministry-scored maxima are kept apart (``ministry_max``);
* only one file per agency counts: the first by path when two files claim the same agency
  (that is an error, CCHC402). Nothing depends on the order files are given in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from cchc_cli.core.diagnostics import Location
from cchc_cli.core.docpath import DocPath
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import natural_key
from cchc_cli.criteria.model import CriteriaTree, Node, quantize
from cchc_cli.plan.model import LeafOwnership, Owner, ResolvedPlan
from cchc_cli.scores.model import LoadedScores, ScoreEntry
from cchc_cli.scores.semantics import (
    MISSING,
    Contribution,
    entry_of,
    file_contribution,
    has_text,
    primary_files,
)

ZERO = Decimal(0)
LeafStatus = Literal["scored", "missing", "rejected", "ministry"]


@dataclass(frozen=True)
class EvidenceItem:
    agency: str
    number: str | None
    date: date | None
    issuer: str | None
    title: str | None
    file: str | None
    #: where the document is written: a place looked up only when a message needs it
    at: Location | DocPath

    @property
    def complete(self) -> bool:
        return bool(self.number) and self.date is not None

    @property
    def location(self) -> Location:
        return self.at.location() if isinstance(self.at, DocPath) else self.at


@dataclass(frozen=True)
class PartScore:
    """The score one agency gave a leaf: the whole leaf (lead) or its domain part (split)."""

    agency: str
    agency_name: str
    domain: str | None
    #: the points this part counts (None when missing or rejected)
    score: Decimal | None
    measured: Decimal | None
    explanation: str | None
    #: why the value written was rejected (None when it counts or nothing was written)
    rejected: Msg | None = None
    #: the value written, shown beside a rejection (the score, or the measured value)
    written: Decimal | str | None = None

    @property
    def state(self) -> str:
        """scored, missing or rejected (:func:`~cchc_cli.scores.semantics.contribution`)."""
        if self.rejected is not None:
            return "rejected"
        return "missing" if self.score is None else "scored"


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
    #: (agency code, reason) for each rejected value the leaf's score depends on
    rejections: tuple[tuple[str, Msg], ...] = ()

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


# --------------------------------------------------------------------------------------------
# merge: building the view


class _Files:
    def __init__(self, plan: ResolvedPlan, loaded: list[LoadedScores]) -> None:
        self.by_agency = primary_files(loaded, plan)

    def entry(self, agency: str, item_id: str) -> tuple[LoadedScores | None, ScoreEntry | None]:
        loaded = self.by_agency.get(agency)
        return loaded, entry_of(loaded, item_id)

    def contribution(self, agency: str, node: Node, *, decision: bool = False) -> Contribution:
        return file_contribution(node, self.by_agency.get(agency), decision=decision)


def merge(tree: CriteriaTree, plan: ResolvedPlan, loaded: list[LoadedScores]) -> Merged:
    """The merged view of the province from its score files (the rules are in the docstring)."""
    files = _Files(plan, loaded)
    all_leaves: list[MergedLeaf] = []
    roots = [
        _build(r, plan, files, all_leaves)
        for r in sorted(tree.roots, key=lambda n: natural_key(n.id))
    ]
    all_leaves.sort(key=lambda leaf: natural_key(leaf.item))
    return Merged(
        roots=roots,
        leaves=all_leaves,
        total_score=sum((r.score for r in roots), ZERO),
        total_max=sum((r.self_max for r in roots), ZERO),
        ministry_max=sum((r.ministry_max for r in roots), ZERO),
    )


def _build(
    node: Node, plan: ResolvedPlan, files: _Files, all_leaves: list[MergedLeaf]
) -> MergedNode:
    """The merged subtree of ``node`` (its leaves also collected in ``all_leaves``).

    A module function, not a closure inside :func:`merge`: a recursive closure refers to itself
    through its cell, a reference cycle that would keep every province's merged data alive until
    the cyclic collector runs (the CLI runs without it; tests/test_architecture.py checks that a
    check leaves no cyclic garbage)."""
    if node.is_leaf:
        leaf = _merge_leaf(node, plan, files)
        all_leaves.append(leaf)
        if leaf.status == "ministry":
            return MergedNode(
                node=node, score=ZERO, self_max=ZERO, ministry_max=node.max, leaf=leaf
            )
        score = leaf.score if leaf.status == "scored" and leaf.score is not None else ZERO
        return MergedNode(node=node, score=score, self_max=node.max, ministry_max=ZERO, leaf=leaf)
    children = [
        _build(c, plan, files, all_leaves)
        for c in sorted(node.children, key=lambda n: natural_key(n.id))
    ]
    return MergedNode(
        node=node,
        score=sum((c.score for c in children), ZERO),
        self_max=sum((c.self_max for c in children), ZERO),
        ministry_max=sum((c.ministry_max for c in children), ZERO),
        children=children,
    )


def _part(node: Node, owner: Owner, plan: ResolvedPlan, files: _Files) -> PartScore:
    loaded, entry = files.entry(owner.code, node.id)
    found = files.contribution(owner.code, node)
    return PartScore(
        agency=owner.code,
        agency_name=plan.agency_name(owner.code),
        domain=owner.domain if owner.role == "part" else None,
        score=found.points if found.state == "scored" else None,
        measured=entry.measured if entry is not None else None,
        explanation=entry.explanation
        if entry is not None and has_text(entry.explanation)
        else None,
        rejected=found.reason,
        written=_written(found, entry, loaded, node.id),
    )


def _written(
    found: Contribution, entry: ScoreEntry | None, loaded: LoadedScores | None, item_id: str
) -> Decimal | str | None:
    """The rejected value as written (None when the entry is not rejected)."""
    if found.state != "rejected" or found.field is None:
        return None
    if loaded is not None and found.field in loaded.invalid.get(item_id, {}):
        return loaded.invalid[item_id][found.field]
    value: Decimal | None = getattr(entry, found.field, None)
    return value


def combine(
    ownership: LeafOwnership, parts: list[PartScore], decision: Decimal | None
) -> Decimal | None:
    """The leaf's score from its parts (see the module docstring)."""
    if not parts:
        return None
    if not ownership.is_split or len(parts) == 1:
        return parts[0].score
    rule = ownership.combine or "min"
    if rule == "coordinator":
        return decision
    scores = [p.score for p in parts]
    if any(s is None for s in scores):
        return None
    known = [s for s in scores if s is not None]
    if rule == "mean":
        return quantize(sum(known, ZERO) / len(known))
    return min(known)


def _merge_leaf(node: Node, plan: ResolvedPlan, files: _Files) -> MergedLeaf:
    ownership = plan.leaves.get(node.id) or LeafOwnership(node=node, owners=())
    if plan.is_ministry(node):
        return MergedLeaf(node=node, ownership=ownership, status="ministry", score=None)
    parts = [_part(node, owner, plan, files) for owner in ownership.scorers]
    decision = MISSING
    decided = ownership.combine == "coordinator" and ownership.is_split
    if decided:
        decision = files.contribution(plan.file.coordinator, node, decision=True)
    rejections = _rejections(parts, decision, plan.file.coordinator, decided=decided)
    score = None if rejections else combine(ownership, parts, decision.points)
    has_decision = decided and files.entry(plan.file.coordinator, node.id)[1] is not None
    decider = plan.file.coordinator if has_decision else None
    evidence, explanations, comments = _contributions(node, ownership, decider, files)
    status: LeafStatus = "rejected" if rejections else "scored" if score is not None else "missing"
    return MergedLeaf(
        node=node,
        ownership=ownership,
        status=status,
        score=score,
        parts=tuple(parts),
        evidence=tuple(evidence),
        explanations=tuple(explanations),
        comments=tuple(comments),
        rejections=rejections,
    )


def _rejections(
    parts: list[PartScore], decision: Contribution, coordinator: str, *, decided: bool
) -> tuple[tuple[str, Msg], ...]:
    """The rejected values the leaf's score depends on: the coordinator's decision when it
    decides, else every scorer's part."""
    if decided:
        return ((coordinator, decision.reason),) if decision.reason is not None else ()
    return tuple((p.agency, p.rejected) for p in parts if p.rejected is not None)


def _contributions(
    node: Node, ownership: LeafOwnership, decider: str | None, files: _Files
) -> tuple[list[EvidenceItem], list[tuple[str, str]], list[tuple[str, str]]]:
    """Evidence, explanations and comments of a leaf, from its scorers, the coordinator when it
    decided (``decider``), then the cooperating agencies; a non-scorer's explanation is a
    comment."""
    evidence: list[EvidenceItem] = []
    explanations: list[tuple[str, str]] = []
    comments: list[tuple[str, str]] = []
    seen: set[str] = set()
    contributors = [o.code for o in ownership.scorers]
    if decider is not None:
        contributors.append(decider)
    contributors += [o.code for o in ownership.cooperating]
    scorer_codes = {o.code for o in ownership.scorers}
    for code in contributors:
        if code in seen:
            continue
        seen.add(code)
        loaded, entry = files.entry(code, node.id)
        if loaded is None or entry is None:
            continue
        for i, ev in enumerate(entry.evidence):
            evidence.append(
                EvidenceItem(
                    agency=code,
                    number=ev.number,
                    date=ev.date,
                    issuer=ev.issuer,
                    title=ev.title,
                    file=ev.file,
                    at=DocPath(loaded.doc, ("items", node.id, "evidence", i)),
                )
            )
        scorer = code in scorer_codes or code == decider
        if has_text(entry.explanation) and entry.explanation is not None:
            (explanations if scorer else comments).append((code, entry.explanation.strip()))
        if has_text(entry.comment) and entry.comment is not None:
            comments.append((code, entry.comment.strip()))
    return evidence, explanations, comments
