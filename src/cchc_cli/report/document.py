"""The report model: the dataclasses every renderer (Markdown, HTML, Word, Excel) reads.

:func:`cchc_cli.report.build.build_report` fills one :class:`Report`; templates see its fields as
top-level variables (``province``, ``rows``, ``total`` …, and ``report`` itself, see
:func:`template_context`). Points stay :class:`~decimal.Decimal`; templates format them with the
``num``/``pct`` filters.

Two views share the model: the province's consolidated report (``mode == "province"``) and one
department's own report (``mode == "agency"``, ``--agency CODE``), in which rows, totals,
evidence and explanations are that department's.

Data only: this module imports nothing else of cchc_cli at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cchc_cli.appraisal.summary import IndexSummary
    from cchc_cli.scores.merge import PartScore

Mode = Literal["province", "agency"]
RowStatus = Literal["scored", "missing", "rejected", "ministry", "group"]
RowKind = Literal["area", "criterion", "subcriterion"]


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
class ReportRow:
    """One line of the report's tables: an area, a criterion or a sub-criterion."""

    id: str
    title: str
    #: 1 = area (lĩnh vực), 2 = criterion (tiêu chí), 3+ = sub-criterion (tiêu chí thành phần)
    level: int
    kind: RowKind
    is_leaf: bool
    #: self / survey / sipas for leaves, "" for groups
    method: str
    #: a leaf scored by the Ministry (survey, SIPAS), not self-assessed; or a group whose
    #: leaves all are (2.5, 8.1): such rows show "Bộ Nội vụ đánh giá", never a 0
    ministry: bool
    #: the item's maximum in the methodology
    max: Decimal
    #: maximum of the self-assessed leaves below (a self leaf: its max; a Ministry leaf: 0)
    self_max: Decimal
    #: maximum of the Ministry-scored leaves below
    ministry_max: Decimal
    #: leaf: the self-score (None = not scored yet or Ministry-scored); group: the subtotal
    #: (None for a group the Ministry scores entirely)
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
    #: a split leaf (4.3): each agency's part, "Sở Tài chính (quản lý ngân sách): 1; …"
    parts_text: str = ""
    #: a split leaf: how the parts make its score, "lấy điểm thấp nhất trong các phần"
    combine_text: str = ""
    children: list[ReportRow] = field(default_factory=list)

    @property
    def evidence_complete(self) -> bool:
        return self.evidence_status == "complete"

    @property
    def split(self) -> bool:
        """A leaf several agencies score a domain part of (4.3)."""
        return self.is_leaf and len(self.parts) > 1


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
    #: submitted / draft / "" (no file); or the file is there but was not read: unreadable
    #: (not UTF-8), invalid (format errors), misnamed (wrong name or sub-folder)
    file_status: str
    #: the agency's own rows (areas → its leaves, subtotals in its perspective)
    rows: list[ReportRow] = field(default_factory=list)
    #: the same figures without the split leaves (4.3: a domain part of a leaf several
    #: agencies score): what the agency adds to the province's total on its own
    sole_items: int = 0
    sole_scored: int = 0
    sole_max: Decimal = Decimal(0)
    sole_score: Decimal = Decimal(0)
    sole_percent: Decimal | None = None
    sole_lost: Decimal = Decimal(0)
    #: split leaves the agency scores a part of
    split_items: int = 0


@dataclass(frozen=True)
class Reconciliation:
    """How the agencies' table adds up to the province's total.

    ``agencies`` (every agency's leaves scored alone) + ``split`` (the split leaves, each
    counted once with the score combined by the plan's rule) + ``rest`` (self-assessed leaves
    no agency scores: only in a draft of a broken plan) = the province's self-assessed total.
    ``parts`` is what adding every agency's full table would give (each split leaf counted once
    per agency, on its full scale), shown so nobody adds those up by hand and wonders.
    """

    agencies_max: Decimal
    agencies_score: Decimal
    split_max: Decimal
    split_score: Decimal
    rest_max: Decimal
    rest_score: Decimal
    total_max: Decimal
    total_score: Decimal
    parts_max: Decimal
    parts_score: Decimal
    #: the split leaves (province view: combined score, ``parts`` with every agency's share)
    split_rows: tuple[ReportRow, ...] = ()


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
class SignerRef:
    """The signature block, line by line; an empty string is a line not printed (``deputy``)
    or left blank for the hand (``name``)."""

    authority: str
    deputy: str
    title: str
    name: str


@dataclass(frozen=True)
class FormRef:
    """The administrative form of the signed report (Nghị định 30/2020/NĐ-CP, Phụ lục I).

    Every value comes from the ``report:`` sections (cchc.yaml, a department's score file),
    ``--date`` or the plan; what is not given is a blank (non-breaking spaces) to fill by hand.
    """

    #: "25", or blanks
    number: str
    #: "BC-UBND", "BC-SNV"
    symbol: str
    #: "Số: 25/BC-UBND" / "Số:      /BC-UBND"
    number_line: str
    place: str
    date: dt.date | None
    #: "Thái Nguyên, ngày 18 tháng 01 năm 2020" (leading zero for days 1–9 and months 1–2)
    date_line: str
    #: the issuer as later lines name it: "UBND tỉnh Thái Nguyên", "Sở Nội vụ"
    issuer: str
    #: the first line of every appendix: "Kèm theo Báo cáo số …/BC-UBND ngày … của …"
    attached: str
    #: the opening paragraph: the plan and the Ministry's decisions cited in full
    opening: str
    signer: SignerRef
    #: "Nơi nhận" entries, each ending with ";"
    recipients: tuple[str, ...]
    #: the last recipient line: "Lưu: VT, SNV."
    archive: str


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
    areas: list[ReportRow]
    #: the same rows flattened in table order
    rows: list[ReportRow]
    total: Total
    ministry_items: list[ReportRow]
    agencies: list[AgencySummary]
    #: leaves below their maximum, largest loss first (then id)
    lost: list[ReportRow]
    #: section II: self-assessed leaves without evidence or with incomplete evidence
    explanations: list[ReportRow]
    #: section III (province report): the coordinator's notes file, None when not configured
    notes: Notes | None
    validation: Validation
    checksums: list[Checksum]
    #: agency mode: the department the report is for
    agency: AgencySummary | None = None
    #: agency mode: leaves it cooperates on, with its comments and evidence
    cooperation: list[ReportRow] = field(default_factory=list)
    #: province report: the Ministry's appraisal and the final index (``appraisal:`` in
    #: cchc.yaml), None when there is none; ``appraisal.text`` is one sentence to print
    appraisal: IndexSummary | None = None
    #: number, date, opening paragraph, signer, recipients of the signed report
    form: FormRef | None = None
    #: why this is a draft (for the internal companion): requested, errors, working figures
    draft_reasons: tuple[str, ...] = ()
    #: province mode: how the agencies' appendix adds up to the province's total
    reconciliation: Reconciliation | None = None
    #: the internal companion's title ("Phụ lục kỹ thuật (nội bộ, không ký)")
    companion_title: str = ""


def template_context(report: Report) -> dict[str, object]:
    """What a template sees: every field of the model as a variable, and ``report`` itself."""
    context: dict[str, object] = {f.name: getattr(report, f.name) for f in fields(report)}
    context["report"] = report
    return context
