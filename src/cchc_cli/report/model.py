"""The one report model, built once from a :class:`~cchc_cli.pipeline.CheckResult`.

Every renderer (Markdown, HTML, Word, Excel) reads the same :class:`Report`; templates see its
fields as top-level variables (``province``, ``rows``, ``total`` …, and ``report`` itself).
Points stay :class:`~decimal.Decimal`; templates format them with the ``num``/``pct`` filters.

Two views share the model: the province's consolidated report (``mode == "province"``) and one
department's own report (``mode == "agency"``, ``--agency CODE``), in which rows, totals,
evidence and explanations are that department's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.core.diagnostics import Diagnostic, counts
from cchc_cli.core.fmt import format_date
from cchc_cli.core.i18n import Msg, catalogue, tr
from cchc_cli.core.ids import natural_key

if TYPE_CHECKING:
    from cchc_cli.criteria.model import Methodology
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.plan.model import LeafOwnership, ResolvedPlan
    from cchc_cli.scores.merged import EvidenceItem, Merged, MergedLeaf, MergedNode, PartScore

Mode = Literal["province", "agency"]
RowStatus = Literal["scored", "missing", "ministry", "group"]
LABEL_PREFIX = "report.label."
ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class AgencyRef:
    code: str
    name: str


@dataclass(frozen=True)
class OwnerRef:
    code: str
    name: str
    #: lead, part (a domain of a split leaf), cooperating or ministry
    role: str
    domain: str | None
    #: how the owner is shown: "Sở Tài chính (quản lý ngân sách)", "Sở Nội vụ (phối hợp)"
    text: str


@dataclass(frozen=True)
class EvidenceRef:
    agency: str
    number: str | None
    date: dt.date | None
    date_text: str
    issuer: str | None
    title: str | None
    file: str | None
    #: number and date both given (the Ministry's test for a usable document)
    complete: bool
    #: one line: "Kế hoạch năm 2019 (số 12/KH-UBND ngày 10/01/2019 của UBND tỉnh)"
    text: str


@dataclass(frozen=True)
class NoteRef:
    """An explanation (giải trình) or a cooperating agency's comment."""

    agency: str
    agency_name: str
    text: str


@dataclass
class Row:
    """One line of the summary table: an area, a criterion or a sub-criterion."""

    id: str
    title: str
    #: 1 = area (lĩnh vực), 2 = criterion (tiêu chí), 3+ = sub-criterion (tiêu chí thành phần)
    level: int
    kind: Literal["area", "criterion", "subcriterion"]
    is_leaf: bool
    #: self / survey / sipas for leaves, "" for groups
    method: str
    #: a leaf scored by the Ministry (survey, SIPAS), not self-assessed
    ministry: bool
    #: the item's maximum in the methodology
    max: Decimal
    #: maximum of the self-assessed leaves below (a self leaf: its max; a Ministry leaf: 0)
    self_max: Decimal
    #: maximum of the Ministry-scored leaves below
    ministry_max: Decimal
    #: leaf: the self-score (None = not scored yet or Ministry-scored); group: the subtotal
    score: Decimal | None
    status: RowStatus
    #: score / self_max in % (None when nothing below is self-assessed)
    percent: Decimal | None
    #: score / self_max as a number from 0 to 1 (bar charts)
    ratio: float
    #: points below the maximum (a leaf not scored loses its whole maximum)
    lost: Decimal
    measured: Decimal | None = None
    owners: tuple[OwnerRef, ...] = ()
    owners_text: str = ""
    evidence: tuple[EvidenceRef, ...] = ()
    evidence_text: str = ""
    #: "complete", "incomplete" (a document lacks number or date) or "none"
    evidence_status: str = "none"
    explanations: tuple[NoteRef, ...] = ()
    explanation_text: str = ""
    comments: tuple[NoteRef, ...] = ()
    comment_text: str = ""
    parts: tuple[PartScore, ...] = ()
    children: list[Row] = field(default_factory=list)

    @property
    def evidence_complete(self) -> bool:
        return self.evidence_status == "complete"


@dataclass(frozen=True)
class Total:
    #: the self-assessed total
    score: Decimal
    #: the maximum of the self-assessed items
    max: Decimal
    percent: Decimal | None
    #: the maximum of the Ministry-scored items (survey, SIPAS)
    ministry_max: Decimal
    #: the methodology's full maximum (self + Ministry)
    full_max: Decimal
    #: self-assessed leaves: how many, how many scored, how many not yet
    items: int
    scored: int
    missing: int
    lost: Decimal


@dataclass
class AgencySummary:
    code: str
    name: str
    #: scoring or supporting
    role: str
    is_coordinator: bool
    #: leaves the agency scores (lead or domain part)
    items: int
    scored: int
    missing: int
    max: Decimal
    score: Decimal
    percent: Decimal | None
    lost: Decimal
    #: leaves on which it cooperates
    cooperating: int
    #: its score file (workspace-relative) or "" when none was found
    file: str
    #: submitted / draft / "" (no file)
    file_status: str
    #: the agency's own rows (areas → its leaves, subtotals in its perspective)
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class MethodologyRef:
    name: str
    decision: str
    decision_date: dt.date | None
    decision_date_text: str
    year: int
    #: working = our own transcription, not (yet) checked against the official annex
    status: str
    working: bool


@dataclass(frozen=True)
class PlanRef:
    title: str
    issuer: str | None
    number: str | None
    date: dt.date | None
    date_text: str
    signer: str | None
    based_on: tuple[str, ...]
    due_before: dt.date
    due_before_text: str


@dataclass(frozen=True)
class NoteBlock:
    """A block of the notes file: heading, list (items) or paragraph (text)."""

    kind: Literal["heading", "list", "para"]
    text: str = ""
    items: tuple[str, ...] = ()
    level: int = 0
    ordered: bool = False


@dataclass(frozen=True)
class Notes:
    file: str
    text: str
    blocks: tuple[NoteBlock, ...]
    sha256: str = ""


@dataclass(frozen=True)
class DiagRef:
    severity: str
    severity_text: str
    code: str
    where: str
    message: str


@dataclass(frozen=True)
class Validation:
    errors: int
    warnings: int
    infos: int
    ok: bool
    #: "0 lỗi, 2 cảnh báo, 0 thông tin"
    summary: str
    items: tuple[DiagRef, ...]


@dataclass(frozen=True)
class Checksum:
    file: str
    sha256: str


@dataclass
class Report:
    lang: str
    #: "province" (consolidated report) or "agency" (one department's report)
    mode: Mode
    draft: bool
    #: "DỰ THẢO" in a draft, "" otherwise
    draft_mark: str
    #: fixed texts in the report language: ``labels.section_summary`` …
    labels: Mapping[str, str]
    title: str
    #: the issuing body on the letterhead, line by line, upper case:
    #: ("ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN") or ("UBND TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ")
    letterhead: tuple[str, ...]
    #: generation date, only when given (``--date``); reports carry no timestamp otherwise
    date: dt.date | None
    date_text: str
    province: str
    #: "tỉnh Thái Nguyên"
    province_full: str
    year: int
    methodology: MethodologyRef
    plan: PlanRef
    coordinator: AgencyRef
    #: nested areas → criteria → sub-criteria
    areas: list[Row]
    #: the same rows flattened in table order
    rows: list[Row]
    total: Total
    ministry_items: list[Row]
    agencies: list[AgencySummary]
    #: leaves below their maximum, largest loss first (then id)
    lost: list[Row]
    #: section II: self-assessed leaves without evidence or with incomplete evidence
    explanations: list[Row]
    #: section III (province report): the coordinator's notes file, None when not configured
    notes: Notes | None
    validation: Validation
    checksums: list[Checksum]
    #: agency mode: the department the report is for
    agency: AgencySummary | None = None
    #: agency mode: leaves it cooperates on, with its comments and evidence
    cooperation: list[Row] = field(default_factory=list)


# --- building ----------------------------------------------------------------------------------


class ReportError(Exception):
    """The model cannot be built (criteria, plan or merged data missing)."""


def labels_for(lang: str, **args: object) -> dict[str, str]:
    """Every ``report.label.*`` text of the catalogue, formatted with ``args``."""
    keys = [k for k in catalogue(lang) if k.startswith(LABEL_PREFIX)]
    return {k[len(LABEL_PREFIX) :]: tr(k, lang, **args) for k in sorted(keys)}


def percent(score: Decimal, maximum: Decimal) -> Decimal | None:
    if maximum <= 0:
        return None
    return score * HUNDRED / maximum


def _ratio(score: Decimal | None, maximum: Decimal) -> float:
    if score is None or maximum <= 0:
        return 0.0
    return round(min(max(float(score / maximum), 0.0), 1.0), 4)


def _kind(level: int) -> Literal["area", "criterion", "subcriterion"]:
    return "area" if level == 1 else "criterion" if level == 2 else "subcriterion"


def parse_notes(text: str) -> tuple[NoteBlock, ...]:
    """A small, predictable reading of the notes file: headings, lists and paragraphs."""
    blocks: list[NoteBlock] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        nonlocal para, items
        if para:
            blocks.append(NoteBlock("para", text=" ".join(para)))
            para = []
        if items:
            blocks.append(NoteBlock("list", items=tuple(items), ordered=ordered))
            items = []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        bullet = re.match(r"^[-*+]\s+(.*)$", line)
        number = re.match(r"^\d+[.)]\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(
                NoteBlock("heading", text=heading.group(2).strip(), level=len(heading.group(1)))
            )
        elif bullet or number:
            if para:
                blocks.append(NoteBlock("para", text=" ".join(para)))
                para = []
            is_ordered = number is not None
            if items and is_ordered != ordered:
                flush()
            ordered = is_ordered
            items.append((bullet or number).group(1).strip())  # type: ignore[union-attr]
        elif items and raw[:1] in (" ", "\t"):
            items[-1] = items[-1] + " " + line
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return tuple(blocks)


@dataclass
class _Ctx:
    lang: str
    plan: ResolvedPlan
    agency: str | None = None

    def name(self, code: str) -> str:
        return self.plan.agency_name(code)


def _owner_text(ctx: _Ctx, code: str, role: str, domain: str | None) -> str:
    name = ctx.name(code)
    if role == "part" and domain:
        return tr("report.owner.part", ctx.lang, name=name, domain=domain)
    if role == "cooperating":
        return tr("report.owner.cooperating", ctx.lang, name=name)
    if role == "ministry":
        return tr("report.owner.ministry", ctx.lang)
    return name


def _owners(ctx: _Ctx, own: LeafOwnership | None) -> tuple[OwnerRef, ...]:
    if own is None:
        return ()
    if own.is_ministry:
        return (
            OwnerRef(
                "BNV",
                tr("report.owner.ministry", ctx.lang),
                "ministry",
                None,
                tr("report.owner.ministry", ctx.lang),
            ),
        )
    order = {"lead": 0, "part": 1, "cooperating": 2, "ministry": 3}
    found = sorted(own.owners, key=lambda o: order.get(o.role, 9))
    return tuple(
        OwnerRef(
            o.code, ctx.name(o.code), o.role, o.domain, _owner_text(ctx, o.code, o.role, o.domain)
        )
        for o in found
    )


def _evidence(ctx: _Ctx, items: tuple[EvidenceItem, ...]) -> tuple[EvidenceRef, ...]:
    found: list[EvidenceRef] = []
    for e in items:
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
        found.append(
            EvidenceRef(
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
        )
    return tuple(found)


def _notes(ctx: _Ctx, pairs: tuple[tuple[str, str], ...]) -> tuple[NoteRef, ...]:
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


@dataclass
class _LeafValue:
    score: Decimal | None
    status: RowStatus
    measured: Decimal | None
    evidence: tuple[EvidenceItem, ...]
    explanations: tuple[tuple[str, str], ...]
    comments: tuple[tuple[str, str], ...]


def _province_value(leaf: MergedLeaf) -> _LeafValue:
    measured = None
    if len(leaf.parts) == 1:
        measured = leaf.parts[0].measured
    return _LeafValue(
        leaf.score if leaf.status == "scored" else None,
        leaf.status,
        measured,
        leaf.evidence,
        leaf.explanations,
        leaf.comments,
    )


def _agency_value(leaf: MergedLeaf, code: str) -> _LeafValue:
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
    return _LeafValue(
        score,
        "scored" if score is not None else "missing",
        part.measured if part is not None else None,
        tuple(e for e in leaf.evidence if e.agency == code),
        explanations,
        tuple((a, t) for a, t in leaf.comments if a == code),
    )


def _leaf_row(ctx: _Ctx, node: MergedNode, leaf: MergedLeaf, value: _LeafValue) -> Row:
    n = leaf.node
    ministry = leaf.status == "ministry"
    self_max = ZERO if ministry else n.max
    score = None if ministry else value.score
    status: RowStatus = "ministry" if ministry else value.status
    if status == "scored" and score is not None:
        lost = n.max - score
    elif status == "missing":
        lost = n.max
    else:
        lost = ZERO
    evidence = _evidence(ctx, value.evidence)
    owners = _owners(ctx, leaf.ownership)
    explanations = _notes(ctx, value.explanations)
    comments = _notes(ctx, value.comments)
    several = len({e.agency for e in explanations}) > 1 or leaf.ownership.is_split
    parts = tuple(
        p if p.agency_name else replace(p, agency_name=ctx.name(p.agency)) for p in leaf.parts
    )
    return Row(
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
    )


def _build_rows(
    ctx: _Ctx,
    nodes: list[MergedNode],
    pick: Callable[[MergedLeaf], _LeafValue | None],
) -> list[Row]:
    """Rows for ``nodes``; ``pick`` gives a leaf's value in this view, or None to leave it out."""
    rows: list[Row] = []
    for node in sorted(nodes, key=lambda m: natural_key(m.id)):
        if node.leaf is not None and not node.children:
            value = pick(node.leaf)
            if value is not None:
                rows.append(_leaf_row(ctx, node, node.leaf, value))
            continue
        children = _build_rows(ctx, node.children, pick)
        if not children:
            continue
        n = node.node
        self_max = sum((c.self_max for c in children), ZERO)
        ministry_max = sum((c.ministry_max for c in children), ZERO)
        score = sum((c.score for c in children if c.score is not None and not c.ministry), ZERO)
        lost = sum((c.lost for c in children), ZERO)
        rows.append(
            Row(
                id=n.id,
                title=n.title,
                level=n.depth,
                kind=_kind(n.depth),
                is_leaf=False,
                method="",
                ministry=False,
                max=n.max,
                self_max=self_max,
                ministry_max=ministry_max,
                score=score,
                status="group",
                percent=percent(score, self_max),
                ratio=_ratio(score, self_max),
                lost=lost,
                children=children,
            )
        )
    return rows


def _flatten(rows: list[Row]) -> list[Row]:
    flat: list[Row] = []
    for row in rows:
        flat.append(row)
        flat.extend(_flatten(row.children))
    return flat


def _total(rows: list[Row]) -> Total:
    leaves = [r for r in _flatten(rows) if r.is_leaf]
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


def _lost(rows: list[Row]) -> list[Row]:
    leaves = [r for r in _flatten(rows) if r.is_leaf and not r.ministry and r.lost > 0]
    return sorted(leaves, key=lambda r: (-r.lost, natural_key(r.id)))


def _explanations(rows: list[Row]) -> list[Row]:
    return [
        r
        for r in _flatten(rows)
        if r.is_leaf and not r.ministry and r.evidence_status != "complete"
    ]


def _agency_summary(ctx: _Ctx, merged: Merged, code: str, result: CheckResult) -> AgencySummary:
    agency = ctx.plan.agencies.get(code)
    sub = _Ctx(ctx.lang, ctx.plan, code)

    def pick(leaf: MergedLeaf) -> _LeafValue | None:
        own = leaf.ownership.role_of(code)
        if own is None or own.role not in ("lead", "part") or leaf.status == "ministry":
            return None
        return _agency_value(leaf, code)

    rows = _build_rows(sub, merged.roots, pick)
    total = _total(rows)
    cooperating = sum(
        1
        for leaf in merged.leaves
        if (o := leaf.ownership.role_of(code)) is not None and o.role == "cooperating"
    )
    file, status = "", ""
    for loaded in result.scores:
        if loaded.file.agency == code:
            file, status = loaded.rel, loaded.file.status
            break
    return AgencySummary(
        code=code,
        name=ctx.name(code),
        role=agency.role if agency is not None else "scoring",
        is_coordinator=code == ctx.plan.file.coordinator,
        items=total.items,
        scored=total.scored,
        missing=total.missing,
        max=total.max,
        score=total.score,
        percent=total.percent,
        lost=total.lost,
        cooperating=cooperating,
        file=file,
        file_status=status,
        rows=_flatten(rows),
    )


def _validation(lang: str, diagnostics: list[Diagnostic]) -> Validation:
    from cchc_cli.cli.output import location_text

    c = counts(diagnostics)
    items = tuple(
        DiagRef(
            d.severity.value,
            tr(f"severity.{d.severity.value}", lang),
            d.code,
            location_text(d),
            tr(d.message, lang),
        )
        for d in diagnostics
    )
    summary = tr(
        "report.validation_summary", lang, errors=c["error"], warnings=c["warning"], infos=c["info"]
    )
    return Validation(c["error"], c["warning"], c["info"], c["error"] == 0, summary, items)


def _methodology(lang: str, m: Methodology) -> MethodologyRef:
    return MethodologyRef(
        name=m.name,
        decision=m.decision,
        decision_date=m.decision_date,
        decision_date_text=format_date(m.decision_date, lang),
        year=m.year,
        status=m.status,
        working=m.status != "confirmed",
    )


def _plan_ref(lang: str, plan: ResolvedPlan) -> PlanRef:
    f = plan.file
    return PlanRef(
        title=f.plan.title,
        issuer=f.plan.issuer,
        number=f.plan.number,
        date=f.plan.date,
        date_text=format_date(f.plan.date, lang),
        signer=f.plan.signer,
        based_on=tuple(f.plan.based_on),
        due_before=f.due_before,
        due_before_text=format_date(f.due_before, lang),
    )


def _province_full(lang: str, province: str) -> str:
    low = province.casefold()
    if low.startswith(("tỉnh", "thành phố", "tp.")) or low.endswith((" province", " city")):
        return province
    return tr("report.province_full", lang, province=province)


def read_notes(path: Path, rel: str) -> tuple[Notes | None, list[Diagnostic]]:
    """The coordinator's notes file (section III): UTF-8 text, Markdown-ish."""
    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.yamlio import MAX_FILE_BYTES

    try:
        with path.open("rb") as handle:  # bounded: a notes "file" may be a device or huge
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [error("CCHC523", Location(rel), error=exc.strerror or str(exc))]
    if len(raw) > MAX_FILE_BYTES:
        too_large = Msg("report.notes.too_large", {"limit": MAX_FILE_BYTES})
        return None, [error("CCHC523", Location(rel), error=too_large)]
    digest = hashlib.sha256(raw).hexdigest()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        not_utf8 = Msg("report.notes.not_utf8", {"byte": f"0x{raw[exc.start]:02X}"})
        return None, [error("CCHC523", Location(rel, line), error=not_utf8)]
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # HTML comments are notes to the editor, not report text.
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL).strip("\n")
    return Notes(file=rel, text=text, blocks=parse_notes(text), sha256=digest), []


def build_report(
    result: CheckResult,
    *,
    lang: str = "vi",
    draft: bool = False,
    when: dt.date | None = None,
    agency: str | None = None,
    notes: Notes | None = None,
    extra_checksums: Mapping[str, str] | None = None,
) -> Report:
    """Build the report model. Raises :class:`ReportError` when there is no merged data."""
    if result.tree is None or result.plan is None or result.merged is None:
        raise ReportError("no merged data")
    plan = result.plan
    merged = result.merged
    ctx = _Ctx(lang, plan)
    province = plan.file.province
    coordinator = AgencyRef(plan.file.coordinator, plan.agency_name(plan.file.coordinator))

    scoring = [
        code
        for code in plan.agencies
        if code == plan.file.coordinator
        or any(leaf.ownership.role_of(code) is not None for leaf in merged.leaves)
    ]
    summaries = [_agency_summary(ctx, merged, code, result) for code in scoring]

    agency_summary: AgencySummary | None = None
    cooperation: list[Row] = []
    if agency is None:
        areas = _build_rows(ctx, merged.roots, _province_value)
        diagnostics = result.diagnostics
        shown_notes = notes
    else:
        agency_summary = next((s for s in summaries if s.code == agency), None)
        if agency_summary is None:
            agency_summary = _agency_summary(ctx, merged, agency, result)
        sub = _Ctx(lang, plan, agency)

        def pick(leaf: MergedLeaf) -> _LeafValue | None:
            own = leaf.ownership.role_of(agency)
            if own is None or own.role not in ("lead", "part") or leaf.status == "ministry":
                return None
            return _agency_value(leaf, agency)

        def pick_coop(leaf: MergedLeaf) -> _LeafValue | None:
            own = leaf.ownership.role_of(agency)
            if own is None or own.role != "cooperating":
                return None
            value = _agency_value(leaf, agency)
            value.score, value.status = leaf.score, leaf.status
            return value

        areas = _build_rows(sub, merged.roots, pick)
        cooperation = [r for r in _flatten(_build_rows(sub, merged.roots, pick_coop)) if r.is_leaf]
        # everything except other departments' score files (criteria and plan problems stay)
        others = {loaded.rel for loaded in result.scores if loaded.file.agency != agency}
        diagnostics = [d for d in result.diagnostics if d.file not in others]
        shown_notes = None

    rows = _flatten(areas)
    total = _total(areas)
    ministry_items = (
        [
            r
            for r in _flatten(_build_rows(ctx, merged.roots, _province_value))
            if r.is_leaf and r.ministry
        ]
        if agency is None
        else []
    )

    checksums = {result.workspace.doc.rel: result.workspace.doc.sha256}
    for rel, doc in result.docs.items():
        if (
            agency is not None
            and any(s.rel == rel for s in result.scores)
            and rel != (agency_summary.file if agency_summary else "")
        ):
            continue
        checksums[rel] = doc.sha256
    if shown_notes is not None and shown_notes.sha256:
        checksums[shown_notes.file] = shown_notes.sha256
    checksums.update(extra_checksums or {})

    agency_name = agency_summary.name if agency_summary is not None else ""
    args = {
        "province": province,
        "province_full": _province_full(lang, province),
        "year": plan.file.year,
        "agency": agency_name,
        "coordinator": coordinator.name,
        "decision": result.tree.meta.methodology.decision,
    }
    labels = labels_for(lang, **args)
    letterhead: tuple[str, ...]
    if agency is None:
        title = tr("report.title.province", lang, **args)
        letterhead = (
            tr("report.letterhead.province_1", lang, **args).upper(),
            tr("report.letterhead.province_2", lang, **args).upper(),
        )
    else:
        title = tr("report.title.agency", lang, **args)
        letterhead = (tr("report.letterhead.agency_1", lang, **args).upper(), agency_name.upper())

    return Report(
        lang=lang,
        mode="province" if agency is None else "agency",
        draft=draft,
        draft_mark=tr("report.draft_mark", lang) if draft else "",
        labels=labels,
        title=title,
        letterhead=letterhead,
        date=when,
        date_text=format_date(when, lang),
        province=province,
        province_full=_province_full(lang, province),
        year=plan.file.year,
        methodology=_methodology(lang, result.tree.meta.methodology),
        plan=_plan_ref(lang, plan),
        coordinator=coordinator,
        areas=areas,
        rows=rows,
        total=total,
        ministry_items=ministry_items,
        agencies=summaries,
        lost=_lost(areas),
        explanations=_explanations(areas),
        notes=shown_notes,
        validation=_validation(lang, diagnostics),
        checksums=[Checksum(k, v) for k, v in sorted(checksums.items())],
        agency=agency_summary,
        cooperation=cooperation,
    )


def template_context(report: Report) -> dict[str, object]:
    """What a template sees: every field of the model as a variable, and ``report`` itself."""
    from dataclasses import fields

    context: dict[str, object] = {f.name: getattr(report, f.name) for f in fields(report)}
    context["report"] = report
    return context
