"""The documents of ``cchc remedy``: the data every renderer (Word, Excel, Markdown) reads.

:func:`cchc_cli.remedy.build.build_remedy` fills one :class:`RemedyDoc`; templates see its
fields as top-level variables (``kind``, ``agencies``, ``form`` …, see :func:`template_context`).
Points stay :class:`~decimal.Decimal`; templates format them with the ``num`` filter.

Two documents share the model:

* ``kind == "request"`` (the appraisal is ``provisional``): the coordinator's letter asking the
  departments to explain the items the Ministry marked down, with blank columns for their
  explanation and additional evidence;
* ``kind == "plan"`` (the appraisal is ``final``): the remedy plan, with the points lost per
  department, the appraiser's reason and blank columns for cause, remedy, deadline and
  cooperating agencies; the province's plan adds the results by part, area and department.

Data only: this module imports nothing else of cchc_cli at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cchc_cli.report.document import AgencyRef, FormRef

Kind = Literal["request", "plan"]
Mode = Literal["province", "agency"]


@dataclass(frozen=True)
class RemedyRow:
    """One item in one department's table (a split item is a row in each part's table)."""

    id: str
    title: str
    #: the id of its area (level 1)
    area: str
    max: Decimal
    #: the self-score (None: not scored)
    self: Decimal | None
    appraised: Decimal
    #: maximum − appraised
    lost: Decimal
    #: self-score − appraised (negative when the Ministry raised it)
    cut: Decimal
    #: recognised, adjusted or rejected
    state: str
    #: the appraiser's comment, "" when none
    comment: str
    #: what the document prints as the reason: the comment, or why there is none
    reason: str
    #: scored by several agencies, each a domain part (4.3.1)
    split: bool
    #: a split item: "Tiêu chí chia phần, phần …; cùng chấm: …"; "" otherwise
    note: str
    #: the self-score as printed ("0,5", or "Chưa chấm")
    self_text: str


@dataclass(frozen=True)
class AgencyBlock:
    """One department and its rows: the items marked down (request) or that lost points (plan)."""

    code: str
    name: str
    rows: tuple[RemedyRow, ...]
    #: cut (request) or lost (plan) over its rows, a split item counted in full
    points: Decimal
    #: the part of ``points`` that is on split items
    shared: Decimal
    #: the block's heading: "1. Sở Tài chính: 3 tiêu chí, mất 2,125 điểm …"
    heading: str

    @property
    def items(self) -> int:
        return len(self.rows)

    @property
    def sole(self) -> Decimal:
        """Points on the items it scores alone."""
        return self.points - self.shared


@dataclass(frozen=True)
class Totals:
    """How the departments' tables add up to the province's figure: ``sole`` (every department's
    items scored alone) + ``split`` (each split item once) + ``rest`` (items no agency scores, in
    a broken plan only) = ``points`` (each item once)."""

    items: int
    points: Decimal
    sole: Decimal
    split: Decimal
    split_items: int
    rest: Decimal
    agencies: int
    #: "Cộng: 11,875 (…) + 1,375 (…) = 13,25 điểm."
    check: str


@dataclass(frozen=True)
class AreaLoss:
    """An area's self-scored items after the appraisal (the plan's table by area)."""

    id: str
    title: str
    self_max: Decimal
    self: Decimal
    appraised: Decimal
    lost: Decimal
    #: how many of its items lost points
    items: int


@dataclass(frozen=True)
class PartLine:
    """A part of the index (the plan's table of parts); points None: not known yet."""

    name: str
    label: str
    max: Decimal
    points: Decimal | None
    lost: Decimal | None


@dataclass
class RemedyDoc:
    lang: str
    kind: Kind
    #: "province" (every department) or "agency" (``--agency CODE``)
    mode: Mode
    draft: bool
    #: "DỰ THẢO" in a draft, "" otherwise
    draft_mark: str
    #: fixed texts in the document's language: ``labels.col_cause`` …
    labels: Mapping[str, str]
    #: the summary (trích yếu): "Khắc phục hạn chế, nâng cao Chỉ số …" / "V/v giải trình …"
    title: str
    #: the issuing body on the letterhead, line by line, upper case
    letterhead: tuple[str, ...]
    form: FormRef
    #: ``--date`` (also fixes the Office files' timestamps), None otherwise
    date: dt.date | None
    date_text: str
    province: str
    province_full: str
    #: the index's year; the plan is for ``next_year``
    year: int
    next_year: int
    coordinator: AgencyRef
    #: the appraisal's status ("provisional", "final") and where its figures come from
    status: str
    source: str
    #: the request's addressees ("Kính gửi"), one per line
    addressees: tuple[str, ...]
    #: the body before the first table, paragraph by paragraph
    intro: tuple[str, ...]
    agencies: list[AgencyBlock]
    totals: Totals
    #: the plan (province): the index by part and the self-scored items by area
    parts: list[PartLine] = field(default_factory=list)
    areas: list[AreaLoss] = field(default_factory=list)
    #: the plan (province): "Kết quả thẩm định chính thức …: Chỉ số CCHC 79,74/100,00 …"
    results: tuple[str, ...] = ()
    #: the body after the summary tables (tasks, implementation), paragraph by paragraph
    body: tuple[str, ...] = ()
    #: the plan: the implementation's paragraphs (part III)
    org: tuple[str, ...] = ()
    closing: str = ""
    #: index total, maximum and percentage as printed (two decimals)
    total_text: str = ""
    max_text: str = ""
    percent_text: str = ""

    @property
    def rows(self) -> list[RemedyRow]:
        """Every row of every block, in the blocks' order (a split item once per part)."""
        return [row for block in self.agencies for row in block.rows]

    @property
    def split(self) -> bool:
        return any(row.split for row in self.rows)


def template_context(doc: RemedyDoc) -> dict[str, object]:
    """What a template sees: every field of the model as a variable, and ``doc`` itself."""
    context: dict[str, object] = {f.name: getattr(doc, f.name) for f in fields(doc)}
    context["doc"] = doc
    context["rows"] = doc.rows
    return context
