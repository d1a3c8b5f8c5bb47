"""Merge the agency score files into one view of the province's self-assessment.

Rules (README, section "scores"):

* every leaf of the criteria tree appears once, in natural id order; survey and SIPAS leaves
  have status ``ministry`` (scored by the Ministry, never by the province);
* a leaf with one lead takes the lead's score; the score that counts for a rubric item is the
  one the rubric gives for ``measured``;
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

from decimal import Decimal

from cchc_cli.core.ids import natural_key
from cchc_cli.criteria.model import CriteriaTree, Node, quantize
from cchc_cli.plan.model import LeafOwnership, Owner, ResolvedPlan
from cchc_cli.scores.checks import effective_score, has_text, is_ministry, primary_files
from cchc_cli.scores.merged import (
    EvidenceItem,
    LeafStatus,
    Merged,
    MergedLeaf,
    MergedNode,
    PartScore,
)
from cchc_cli.scores.model import LoadedScores, ScoreEntry

ZERO = Decimal(0)


class _Files:
    def __init__(self, plan: ResolvedPlan, loaded: list[LoadedScores]) -> None:
        self.by_agency = primary_files(loaded, plan)

    def entry(self, agency: str, item_id: str) -> tuple[LoadedScores | None, ScoreEntry | None]:
        loaded = self.by_agency.get(agency)
        if loaded is None or item_id not in loaded.file.items:
            return loaded, None
        return loaded, loaded.file.items[item_id] or ScoreEntry()


def merge(tree: CriteriaTree, plan: ResolvedPlan, loaded: list[LoadedScores]) -> Merged:
    files = _Files(plan, loaded)
    all_leaves: list[MergedLeaf] = []

    def build(node: Node) -> MergedNode:
        if node.is_leaf:
            leaf = _merge_leaf(node, plan, files)
            all_leaves.append(leaf)
            if leaf.status == "ministry":
                return MergedNode(
                    node=node, score=ZERO, self_max=ZERO, ministry_max=node.max, leaf=leaf
                )
            score = leaf.score if leaf.status == "scored" and leaf.score is not None else ZERO
            return MergedNode(
                node=node, score=score, self_max=node.max, ministry_max=ZERO, leaf=leaf
            )
        children = [build(c) for c in sorted(node.children, key=lambda n: natural_key(n.id))]
        return MergedNode(
            node=node,
            score=sum((c.score for c in children), ZERO),
            self_max=sum((c.self_max for c in children), ZERO),
            ministry_max=sum((c.ministry_max for c in children), ZERO),
            children=children,
        )

    roots = [build(r) for r in sorted(tree.roots, key=lambda n: natural_key(n.id))]
    all_leaves.sort(key=lambda leaf: natural_key(leaf.item))
    return Merged(
        roots=roots,
        leaves=all_leaves,
        total_score=sum((r.score for r in roots), ZERO),
        total_max=sum((r.self_max for r in roots), ZERO),
        ministry_max=sum((r.ministry_max for r in roots), ZERO),
    )


def _part(node: Node, owner: Owner, plan: ResolvedPlan, files: _Files) -> PartScore:
    loaded, entry = files.entry(owner.code, node.id)
    location = None
    if loaded is not None and entry is not None:
        field_name = "score" if entry.score is not None else "measured"
        path = ("items", node.id, field_name)
        found = loaded.doc.node_at(path)[1]
        location = loaded.doc.locate(path if found else ("items", node.id), key=not found)
    return PartScore(
        agency=owner.code,
        agency_name=plan.agency_name(owner.code),
        domain=owner.domain if owner.role == "part" else None,
        score=effective_score(node, entry),
        measured=entry.measured if entry is not None else None,
        explanation=entry.explanation
        if entry is not None and has_text(entry.explanation)
        else None,
        location=location,
    )


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
    if is_ministry(ownership, node):
        return MergedLeaf(node=node, ownership=ownership, status="ministry", score=None)
    parts = [_part(node, owner, plan, files) for owner in ownership.scorers]
    decision: Decimal | None = None
    decision_entry: ScoreEntry | None = None
    coordinator = plan.file.coordinator
    if ownership.combine == "coordinator" and ownership.is_split:
        _, decision_entry = files.entry(coordinator, node.id)
        decision = effective_score(node, decision_entry)
    score = combine(ownership, parts, decision)
    status: LeafStatus = "scored" if score is not None else "missing"

    evidence: list[EvidenceItem] = []
    explanations: list[tuple[str, str]] = []
    comments: list[tuple[str, str]] = []
    seen: set[str] = set()
    contributors = [o.code for o in ownership.scorers]
    if decision_entry is not None:
        contributors.append(coordinator)
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
                    location=loaded.doc.locate(("items", node.id, "evidence", i)),
                )
            )
        scorer = code in scorer_codes or (code == coordinator and decision_entry is not None)
        if has_text(entry.explanation) and entry.explanation is not None:
            (explanations if scorer else comments).append((code, entry.explanation.strip()))
        if has_text(entry.comment) and entry.comment is not None:
            comments.append((code, entry.comment.strip()))
    return MergedLeaf(
        node=node,
        ownership=ownership,
        status=status,
        score=score,
        parts=tuple(parts),
        evidence=tuple(evidence),
        explanations=tuple(explanations),
        comments=tuple(comments),
    )
