"""Which items each department answers for: the one place that attributes them.

* the request (appraisal ``provisional``): the self-scored items the Ministry **adjusted
  down** (state ``adjusted``, self-score − appraised score > 0);
* the plan (appraisal ``final``): every self-scored item whose appraised score is **below its
  maximum** (the index's ``lost``).

An item goes to every agency that scores it under the plan: its lead, or every part of a split
item (4.3.1 is in the tables of the Sở Tài chính, Sở Kế hoạch và Đầu tư and Sở Tài nguyên và
Môi trường). :class:`~cchc_cli.remedy.model.Totals` shows how the tables add up to the
province's figure, each item once. Items no agency scores (only in a broken plan) are kept in a
block of their own, never dropped.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.appraisal.index import AppraisedIndex, AppraisedLeaf
from cchc_cli.appraisal.text import exact
from cchc_cli.core.i18n import tr
from cchc_cli.core.ids import natural_key
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.plan.names import owners_label
from cchc_cli.remedy.model import AgencyBlock, Kind, RemedyRow, Totals

ZERO = Decimal(0)
#: the code of the block of items no agency scores
UNASSIGNED = ""


def selected(index: AppraisedIndex, kind: Kind) -> list[AppraisedLeaf]:
    """The items of the document, most points first (then by id)."""
    if kind == "plan":
        return list(index.lost)
    cut = [leaf for leaf in index.self_leaves if leaf.state == "adjusted" and _cut(leaf) > 0]
    return sorted(cut, key=lambda leaf: (-_cut(leaf), natural_key(leaf.id)))


def _cut(leaf: AppraisedLeaf) -> Decimal:
    return leaf.cut if leaf.cut is not None else ZERO


def _points(leaf: AppraisedLeaf, kind: Kind) -> Decimal:
    """What the document counts for an item: the cut (request) or the points lost (plan)."""
    if kind == "request":
        return _cut(leaf)
    return leaf.lost if leaf.lost is not None else ZERO


def blocks(
    index: AppraisedIndex,
    plan: ResolvedPlan,
    kind: Kind,
    lang: str,
    agency: str | None = None,
) -> list[AgencyBlock]:
    """Per agency of the plan (its order; ``agency``: that one only), the items it scores."""
    leaves = selected(index, kind)
    codes = [agency] if agency is not None else list(plan.agencies)
    found: list[AgencyBlock] = []
    for code in codes:
        mine = [leaf for leaf in leaves if any(o.code == code for o in leaf.agencies)]
        if mine:
            found.append(_block(code, plan.agency_name(code), mine, kind, lang, len(found) + 1))
    orphans = [leaf for leaf in leaves if not leaf.agencies]
    if orphans and agency is None:
        name = tr("remedy.unassigned", lang)
        found.append(_block(UNASSIGNED, name, orphans, kind, lang, len(found) + 1))
    return found


def _block(
    code: str, name: str, leaves: list[AppraisedLeaf], kind: Kind, lang: str, position: int
) -> AgencyBlock:
    rows = tuple(row(leaf, code, lang) for leaf in leaves)
    points = sum((_points(leaf, kind) for leaf in leaves), ZERO)
    shared = sum((_points(leaf, kind) for leaf in leaves if len(leaf.agencies) > 1), ZERO)
    key = f"remedy.{kind}.heading"
    if kind == "plan" and shared:
        key = "remedy.plan.heading_shared"
    heading = tr(
        key,
        lang,
        position=position,
        agency=name,
        items=len(rows),
        points=exact(points, lang),
        shared=exact(shared, lang),
    )
    return AgencyBlock(code, name, rows, points, shared, heading)


def row(leaf: AppraisedLeaf, code: str, lang: str) -> RemedyRow:
    """An item as ``code``'s table shows it (a split item names the other parts)."""
    own = next((o for o in leaf.agencies if o.code == code), None)
    others = [o for o in leaf.agencies if o.code != code]
    note = ""
    if len(leaf.agencies) > 1:
        partners = owners_label(others, lang, "name")
        if own is not None and own.domain:
            note = tr("remedy.row.split", lang, domain=own.domain, partners=partners)
        else:
            note = tr("remedy.row.split_plain", lang, partners=partners)
    comment = leaf.comment or ""
    reason = comment or tr(f"remedy.row.{leaf.state}", lang)
    if leaf.state == "rejected":  # only in a draft: say the figure is not the Ministry's
        reason = " ".join(filter(None, (tr("remedy.row.rejected", lang), comment)))
    appraised = leaf.appraised if leaf.appraised is not None else ZERO
    return RemedyRow(
        id=leaf.id,
        title=leaf.node.title,
        area=leaf.area,
        max=leaf.max,
        self=leaf.self_score,
        appraised=appraised,
        lost=leaf.max - appraised,
        cut=leaf.self_points - appraised,
        state=leaf.state,
        comment=comment,
        reason=reason,
        split=len(leaf.agencies) > 1,
        note=note,
        self_text=(
            exact(leaf.self_score, lang)
            if leaf.self_score is not None
            else tr("remedy.row.not_scored", lang)
        ),
    )


def totals(index: AppraisedIndex, kind: Kind, found: list[AgencyBlock], lang: str) -> Totals:
    """Each item once, and how the blocks add up to it (see the module docstring)."""
    codes = {block.code for block in found}
    leaves = [
        leaf
        for leaf in selected(index, kind)
        if any(o.code in codes for o in leaf.agencies)
        or (UNASSIGNED in codes and not leaf.agencies)
    ]
    split = [leaf for leaf in leaves if len(leaf.agencies) > 1]
    rest = sum((_points(leaf, kind) for leaf in leaves if not leaf.agencies), ZERO)
    points = sum((_points(leaf, kind) for leaf in leaves), ZERO)
    sole = sum((b.sole for b in found if b.code != UNASSIGNED), ZERO)
    split_points = sum((_points(leaf, kind) for leaf in split), ZERO)
    rest_text = f" + {exact(rest, lang)}" if rest else ""
    check = tr(
        "remedy.check",
        lang,
        sole=exact(sole, lang),
        split=exact(split_points, lang),
        rest=rest_text,
        lost=exact(points, lang),
    )
    return Totals(
        items=len(leaves),
        points=points,
        sole=sole,
        split=split_points,
        split_items=len(split),
        rest=rest,
        agencies=len([b for b in found if b.code != UNASSIGNED]),
        check=check,
    )
