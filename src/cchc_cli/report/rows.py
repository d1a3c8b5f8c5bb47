"""The report's rows: the merged tree as table lines, in the province's view or one agency's.

A *pick* function decides, leaf by leaf, what the view shows: :func:`province_value` (every
leaf, the merged score), :func:`agency_value` (the leaves an agency scores, its own part) or
:func:`cooperation_value` (the leaves it cooperates on). Groups (areas, criteria) sum the rows
below them; a group with nothing below in this view is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_cli.core.fmt import format_date, format_number
from cchc_cli.core.i18n import tr
from cchc_cli.core.ids import natural_key
from cchc_cli.plan.names import owner_label
from cchc_cli.report.document import (
    EvidenceRef,
    NoteRef,
    OwnerRef,
    ReportRow,
    RowKind,
    RowStatus,
    Total,
)

if TYPE_CHECKING:
    from cchc_cli.plan.model import LeafOwnership, ResolvedPlan
    from cchc_cli.scores.merge import EvidenceItem, MergedLeaf, MergedNode, PartScore

ZERO = Decimal(0)
HUNDRED = Decimal(100)
#: owners are listed lead first, then domain parts, cooperating agencies, the Ministry
_ROLE_ORDER = {"lead": 0, "part": 1, "cooperating": 2, "ministry": 3}


@dataclass(frozen=True)
class RowContext:
    """What rows are built for: the report language, the plan (agency names) and, in one
    agency's report, that agency."""

    lang: str
    plan: ResolvedPlan
    agency: str | None = None

    def name(self, code: str) -> str:
        return self.plan.agency_name(code)


@dataclass
class LeafValue:
    """A leaf as one view sees it: the score, evidence and texts that view shows."""

    score: Decimal | None
    status: RowStatus
    measured: Decimal | None
    evidence: tuple[EvidenceItem, ...]
    explanations: tuple[tuple[str, str], ...]
    comments: tuple[tuple[str, str], ...]


Pick = Callable[["MergedLeaf"], "LeafValue | None"]


def percent(score: Decimal, maximum: Decimal) -> Decimal | None:
    if maximum <= 0:
        return None
    return score * HUNDRED / maximum


def _ratio(score: Decimal | None, maximum: Decimal) -> float:
    if score is None or maximum <= 0:
        return 0.0
    return round(min(max(float(score / maximum), 0.0), 1.0), 4)


def _kind(level: int) -> RowKind:
    return "area" if level == 1 else "criterion" if level == 2 else "subcriterion"


# --- what each view shows of a leaf ------------------------------------------------------------


def province_value(leaf: MergedLeaf) -> LeafValue:
    """The province's view: the merged score, every agency's evidence and texts."""
    measured = None
    if len(leaf.parts) == 1:
        measured = leaf.parts[0].measured
    return LeafValue(
        leaf.score if leaf.status == "scored" else None,
        leaf.status,
        measured,
        leaf.evidence,
        leaf.explanations,
        leaf.comments,
    )


def _own_value(leaf: MergedLeaf, code: str) -> LeafValue:
    """Agency ``code``'s own share of a leaf: its part (or the whole, as sole lead)."""
    own = leaf.ownership.role_of(code)
    part = next((p for p in leaf.parts if p.agency == code), None)
    if part is not None:
        score = part.score
    elif own is not None and own.role == "lead" and not leaf.ownership.is_split:
        score = leaf.score
    else:
        score = None
    explanations: tuple[tuple[str, str], ...]
    if part is not None and part.explanation:
        explanations = ((code, part.explanation.strip()),)
    else:
        explanations = tuple((a, t) for a, t in leaf.explanations if a == code)
    status: RowStatus = "scored" if score is not None else "missing"
    if (part is not None and part.rejected is not None) or (
        part is None and score is None and leaf.status == "rejected"
    ):
        status = "rejected"
    return LeafValue(
        score,
        status,
        part.measured if part is not None else None,
        tuple(e for e in leaf.evidence if e.agency == code),
        explanations,
        tuple((a, t) for a, t in leaf.comments if a == code),
    )


def agency_value(code: str, leaf: MergedLeaf) -> LeafValue | None:
    """Agency ``code``'s view: the self-assessed leaves it scores (lead or domain part)."""
    own = leaf.ownership.role_of(code)
    if own is None or own.role not in ("lead", "part") or leaf.status == "ministry":
        return None
    return _own_value(leaf, code)


def cooperation_value(code: str, leaf: MergedLeaf) -> LeafValue | None:
    """The leaves agency ``code`` cooperates on: the merged score, its own evidence and
    comments."""
    own = leaf.ownership.role_of(code)
    if own is None or own.role != "cooperating":
        return None
    value = _own_value(leaf, code)
    value.score, value.status = leaf.score, leaf.status
    return value


# --- owners, evidence and texts ------------------------------------------------------------------


def _owners(ctx: RowContext, own: LeafOwnership | None) -> tuple[OwnerRef, ...]:
    if own is None:
        return ()
    if own.is_ministry:
        ministry = tr("report.owner.ministry", ctx.lang)
        return (OwnerRef("BNV", ministry, "ministry", None, ministry),)
    found = sorted(own.owners, key=lambda o: _ROLE_ORDER.get(o.role, 9))
    return tuple(
        OwnerRef(o.code, ctx.name(o.code), o.role, o.domain, owner_label(o, ctx.lang))
        for o in found
    )


def _evidence_ref(ctx: RowContext, e: EvidenceItem) -> EvidenceRef:
    bits = []
    if e.number:
        bits.append(tr("report.ev.number", ctx.lang, number=e.number))
    if e.date is not None:
        bits.append(tr("report.ev.date", ctx.lang, date=format_date(e.date, ctx.lang)))
    if e.issuer:
        bits.append(tr("report.ev.issuer", ctx.lang, issuer=e.issuer))
    detail = " ".join(bits)
    title = e.title or e.file or ""
    text = f"{title} ({detail})" if title and detail else title or detail
    return EvidenceRef(
        agency=e.agency,
        number=e.number,
        date=e.date,
        date_text=format_date(e.date, ctx.lang),
        issuer=e.issuer,
        title=e.title,
        file=e.file,
        complete=e.complete,
        text=text,
    )


def _note_refs(ctx: RowContext, pairs: tuple[tuple[str, str], ...]) -> tuple[NoteRef, ...]:
    return tuple(
        NoteRef(code, ctx.name(code), text) for code, text in pairs if text and text.strip()
    )


def _note_text(notes: tuple[NoteRef, ...], several: bool) -> str:
    if not notes:
        return ""
    if len(notes) == 1 and not several:
        return notes[0].text
    return "\n".join(f"{n.agency_name}: {n.text}" for n in notes)


def _evidence_status(evidence: tuple[EvidenceRef, ...]) -> str:
    if not evidence:
        return "none"
    return "complete" if all(e.complete for e in evidence) else "incomplete"


# --- rows ----------------------------------------------------------------------------------------


def _leaf_row(ctx: RowContext, leaf: MergedLeaf, value: LeafValue) -> ReportRow:
    n = leaf.node
    ministry = leaf.status == "ministry"
    self_max = ZERO if ministry else n.max
    score = None if ministry else value.score
    status: RowStatus = "ministry" if ministry else value.status
    if status == "scored" and score is not None:
        lost = n.max - score
    elif status in ("missing", "rejected"):
        lost = n.max
    else:
        lost = ZERO
    evidence = tuple(_evidence_ref(ctx, e) for e in value.evidence)
    owners = _owners(ctx, leaf.ownership)
    explanations = _note_refs(ctx, value.explanations)
    comments = _note_refs(ctx, value.comments)
    several = len({e.agency for e in explanations}) > 1 or leaf.ownership.is_split
    parts = tuple(
        p if p.agency_name else replace(p, agency_name=ctx.name(p.agency)) for p in leaf.parts
    )
    parts_text, combine_text = _split_texts(ctx, leaf, parts)
    return ReportRow(
        id=n.id,
        title=n.title,
        level=n.depth,
        kind=_kind(n.depth),
        is_leaf=True,
        method=n.method or "",
        ministry=ministry,
        max=n.max,
        self_max=self_max,
        ministry_max=n.max if ministry else ZERO,
        score=score,
        status=status,
        percent=percent(score, self_max) if score is not None else None,
        ratio=_ratio(score, self_max),
        lost=lost,
        measured=value.measured,
        owners=owners,
        owners_text="; ".join(o.text for o in owners),
        evidence=evidence,
        evidence_text="\n".join(e.text for e in evidence),
        evidence_status=_evidence_status(evidence),
        explanations=explanations,
        explanation_text=_note_text(explanations, several and ctx.agency is None),
        comments=comments,
        comment_text=_note_text(comments, True),
        parts=parts,
        parts_text=parts_text,
        combine_text=combine_text,
    )


def _split_texts(
    ctx: RowContext, leaf: MergedLeaf, parts: tuple[PartScore, ...]
) -> tuple[str, str]:
    """A split leaf's parts ("Sở Tài chính (quản lý ngân sách): 1; …") and combine rule."""
    own = leaf.ownership
    if not own.is_split or own.combine is None:
        return "", ""
    missing = tr("report.label.status_missing", ctx.lang)
    shown = []
    for p in parts:
        name = f"{p.agency_name} ({p.domain})" if p.domain else p.agency_name
        score = format_number(p.score, ctx.lang) if p.score is not None else missing
        shown.append(f"{name}: {score}")
    coordinator = ctx.name(ctx.plan.file.coordinator)
    combine = tr(f"report.combine.{own.combine}", ctx.lang, coordinator=coordinator)
    return "; ".join(shown), combine


def _group_row(node: MergedNode, children: list[ReportRow]) -> ReportRow:
    n = node.node
    self_max = sum((c.self_max for c in children), ZERO)
    ministry_max = sum((c.ministry_max for c in children), ZERO)
    # a group the Ministry scores entirely (2.5, 8.1) has no self-score at all, not a 0
    ministry = self_max == 0 and ministry_max > 0
    total_score = sum((c.score for c in children if c.score is not None and not c.ministry), ZERO)
    score = None if ministry else total_score
    return ReportRow(
        id=n.id,
        title=n.title,
        level=n.depth,
        kind=_kind(n.depth),
        is_leaf=False,
        method="",
        ministry=ministry,
        max=n.max,
        self_max=self_max,
        ministry_max=ministry_max,
        score=score,
        status="ministry" if ministry else "group",
        percent=percent(total_score, self_max),
        ratio=_ratio(score, self_max),
        lost=sum((c.lost for c in children), ZERO),
        children=children,
    )


def build_rows(ctx: RowContext, nodes: list[MergedNode], pick: Pick) -> list[ReportRow]:
    """Rows for ``nodes`` (nested); ``pick`` gives a leaf's value in this view, or None to
    leave it out."""
    rows: list[ReportRow] = []
    for node in sorted(nodes, key=lambda m: natural_key(m.id)):
        if node.leaf is not None and not node.children:
            value = pick(node.leaf)
            if value is not None:
                rows.append(_leaf_row(ctx, node.leaf, value))
            continue
        children = build_rows(ctx, node.children, pick)
        if children:
            rows.append(_group_row(node, children))
    return rows


def flatten(rows: list[ReportRow]) -> list[ReportRow]:
    """Nested rows in table order."""
    flat: list[ReportRow] = []
    for row in rows:
        flat.append(row)
        flat.extend(flatten(row.children))
    return flat


def total(rows: list[ReportRow]) -> Total:
    leaves = [r for r in flatten(rows) if r.is_leaf]
    own = [r for r in leaves if not r.ministry]
    score = sum((r.score for r in own if r.score is not None), ZERO)
    maximum = sum((r.self_max for r in own), ZERO)
    ministry_max = sum((r.ministry_max for r in leaves), ZERO)
    return Total(
        score=score,
        max=maximum,
        percent=percent(score, maximum),
        ministry_max=ministry_max,
        full_max=maximum + ministry_max,
        items=len(own),
        scored=sum(1 for r in own if r.status == "scored"),
        missing=sum(1 for r in own if r.status == "missing"),
        lost=sum((r.lost for r in own), ZERO),
    )


def lost_rows(rows: list[ReportRow]) -> list[ReportRow]:
    """Self-assessed leaves below their maximum, largest loss first (then id)."""
    leaves = [r for r in flatten(rows) if r.is_leaf and not r.ministry and r.lost > 0]
    return sorted(leaves, key=lambda r: (-r.lost, natural_key(r.id)))


def explanation_rows(rows: list[ReportRow]) -> list[ReportRow]:
    """Self-assessed leaves without evidence or with incomplete evidence (section II)."""
    return [
        r for r in flatten(rows) if r.is_leaf and not r.ministry and r.evidence_status != "complete"
    ]
