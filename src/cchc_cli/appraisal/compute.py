"""Build the final index of one province (:class:`~cchc_cli.appraisal.index.AppraisedIndex`).

Rules (README, section "appraisal"):

* a self-scored leaf not listed in the appraisal file is recognised: its self-score counts;
  a listed one counts the appraised score; a value that fails its check (outside [0, max],
  off the item's levels) counts 0 and the leaf is marked ``rejected``;
* a Ministry-scored leaf counts the per-item value when one is given; its part's points are the
  part total of ``parts:`` when given (a per-item value for the same part is then rejected),
  else the sum of the per-item values;
* the index total is the sum of the parts; areas add up what is known per leaf;
* the points lost are those of every self-scored leaf below its maximum after appraisal,
  attributed to every agency that scores it under the plan (each part of a split item).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cchc_cli.appraisal.index import (
    AgencyLoss,
    AppraisedIndex,
    AppraisedLeaf,
    AreaIndex,
    IndexPart,
    LeafState,
    PartSource,
    Reconciliation,
)
from cchc_cli.appraisal.model import LoadedAppraisal
from cchc_cli.appraisal.semantics import (
    PART_ROUNDING,
    ZERO,
    counted,
    impact_areas,
    judge,
    judge_part,
    part_key,
    part_of,
    percent_of,
)
from cchc_cli.core.ids import natural_key
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.merge import Merged, MergedLeaf
from cchc_cli.scores.semantics import has_text


def compute_index(
    tree: CriteriaTree, plan: ResolvedPlan, merged: Merged, loaded: LoadedAppraisal
) -> AppraisedIndex:
    """The index of the province from its merged self-assessment and the appraisal file."""
    impact = impact_areas(tree)
    leaves = [_leaf(m, loaded, impact) for m in merged.leaves]
    parts = _parts(leaves, loaded)
    self_leaves = [leaf for leaf in leaves if not leaf.ministry]
    total = sum((p.points for p in parts), ZERO)
    maximum = tree.total_max()
    lost = sorted(
        (leaf for leaf in self_leaves if leaf.appraised is not None and leaf.appraised < leaf.max),
        key=lambda leaf: (-(leaf.lost or ZERO), natural_key(leaf.id)),
    )
    meta = loaded.file
    return AppraisedIndex(
        province=plan.file.province,
        year=plan.file.year,
        methodology=tree.meta.methodology.decision,
        status=meta.status,
        source=meta.source.strip(),
        file=loaded.rel,
        leaves=leaves,
        parts=parts,
        areas=_areas(tree, leaves),
        self_total=sum((leaf.self_points for leaf in self_leaves), ZERO),
        self_max=sum((leaf.max for leaf in self_leaves), ZERO),
        appraised_total=sum((leaf.appraised or ZERO for leaf in self_leaves), ZERO),
        total=total,
        max=maximum,
        percent=percent_of(total, maximum),
        lost=lost,
        agencies=_agencies(plan, lost),
        published=_reconcile(loaded, total, len(parts)),
    )


def _leaf(merged: MergedLeaf, loaded: LoadedAppraisal, impact: set[str]) -> AppraisedLeaf:
    node = merged.node
    ministry = merged.status == "ministry"
    area = (node.ancestors() or [node])[0].id
    entry = loaded.file.items.get(node.id)
    value = entry.score if entry is not None else None
    comment = entry.comment if entry is not None else None
    part = part_of(node, area, impact, ministry=ministry)
    leaf = AppraisedLeaf(
        node=node,
        ownership=merged.ownership,
        area=area,
        part=part,
        ministry=ministry,
        self_score=merged.score if merged.status == "scored" else None,
        value=value,
        appraised=None,
        state="ministry",
        comment=comment.strip() if comment is not None and has_text(comment) else None,
        location=loaded.doc.locate(("items", node.id, "score")) if entry is not None else None,
    )
    if ministry:
        if value is None:
            return leaf
        if part in loaded.file.parts:  # the part total counts; never both
            return replace(leaf, state="rejected")
        verdict = judge(node, value, ministry=True)
        state: LeafState = "ministry" if verdict == "ok" else "rejected"
        return replace(leaf, appraised=counted(value, verdict), state=state)
    written = value if value is not None else leaf.self_points
    verdict = judge(node, written, ministry=False)
    if verdict != "ok":
        return replace(leaf, appraised=ZERO, state="rejected")
    recognised = value is None or value == leaf.self_points
    return replace(leaf, appraised=written, state="recognised" if recognised else "adjusted")


def _parts(leaves: list[AppraisedLeaf], loaded: LoadedAppraisal) -> list[IndexPart]:
    """One part per name the leaves go to, in the published order."""
    found: list[IndexPart] = []
    for name in sorted({leaf.part for leaf in leaves}, key=part_key):
        mine = [leaf for leaf in leaves if leaf.part == name]
        maximum = sum((leaf.max for leaf in mine), ZERO)
        ministry = mine[0].ministry
        if ministry and name in loaded.file.parts:
            value = loaded.file.parts[name]
            verdict = judge_part(value, maximum)
            found.append(
                IndexPart(
                    name=name,
                    max=maximum,
                    points=counted(value, verdict),
                    source="total",
                    value=value,
                    rejected=verdict != "ok",
                    location=loaded.doc.locate(("parts", name)),
                )
            )
            continue
        known = [leaf.appraised for leaf in mine if leaf.appraised is not None]
        source: PartSource = "items" if known or not ministry else "none"
        points = sum(known, ZERO)
        found.append(IndexPart(name=name, max=maximum, points=points, source=source))
    return found


def _areas(tree: CriteriaTree, leaves: list[AppraisedLeaf]) -> list[AreaIndex]:
    found: list[AreaIndex] = []
    for root in sorted(tree.roots, key=lambda n: natural_key(n.id)):
        mine = [leaf for leaf in leaves if leaf.area == root.id]
        own = [leaf for leaf in mine if not leaf.ministry]
        appraised = sum((leaf.appraised for leaf in mine if leaf.appraised is not None), ZERO)
        found.append(
            AreaIndex(
                node=root,
                max=root.max,
                self_max=sum((leaf.max for leaf in own), ZERO),
                self=sum((leaf.self_points for leaf in own), ZERO),
                appraised=appraised,
                complete=all(leaf.appraised is not None for leaf in mine if leaf.ministry),
                percent=percent_of(appraised, root.max),
            )
        )
    return found


def _agencies(plan: ResolvedPlan, lost: list[AppraisedLeaf]) -> list[AgencyLoss]:
    """Per agency of the plan (its order): the items it scores that lost points."""
    found: list[AgencyLoss] = []
    for code in plan.agencies:
        mine = [leaf for leaf in lost if any(o.code == code for o in leaf.agencies)]
        if not mine:
            continue
        found.append(
            AgencyLoss(
                code=code,
                name=plan.agency_name(code),
                items=len(mine),
                lost=sum((leaf.lost or ZERO for leaf in mine), ZERO),
                shared=sum((leaf.lost or ZERO for leaf in mine if len(leaf.agencies) > 1), ZERO),
            )
        )
    return found


def _reconcile(loaded: LoadedAppraisal, total: Decimal, parts: int) -> Reconciliation | None:
    published = loaded.file.published
    if published is None:
        return None
    return Reconciliation(
        published=published.total,
        computed=total,
        tolerance=PART_ROUNDING * parts,
        rank=published.rank,
        of=published.of,
        location=loaded.doc.locate(("published", "total")),
    )
