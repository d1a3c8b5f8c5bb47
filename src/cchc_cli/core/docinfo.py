"""What the signed report says about itself: number, symbol, place, date, signer, recipients.

Two places hold it (README, "Báo cáo"): the ``report:`` section of ``cchc.yaml`` for the
province's report, and the ``report:`` section of a department's own score file for that
department's report (the department numbers, dates and signs its report, and its score file is
the one document it already fills and sends; ``submitted:`` there is the date it signs).

Nothing here has a default that could be mistaken for a fact: a value not given stays ``None``
and the report prints the blank officials fill by hand (``Số:      /BC-UBND``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import field_validator

from cchc_cli.core.modelbase import StrictModel


def _none_is_empty_dict(value: object) -> object:
    return {} if value is None else value


class SignerConfig(StrictModel):
    """The signature block (NĐ 30/2020, Phụ lục I, mục II.7, chức vụ, họ tên và chữ ký)."""

    #: signing on behalf of a collective body: "TM. ỦY BAN NHÂN DÂN"
    authority: str | None = None
    #: a deputy signing for the head: "KT. CHỦ TỊCH" (then ``title`` is "PHÓ CHỦ TỊCH")
    deputy: str | None = None
    #: the signer's title: "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC"
    title: str | None = None
    #: the signer's full name, no academic title before it
    name: str | None = None


class DocumentConfig(StrictModel):
    """The ``report:`` section of ``cchc.yaml``: the province's report."""

    #: the number the clerk (văn thư) gives the report when it is signed: "25"
    number: str | None = None
    #: the symbol after the slash: "BC-UBND"
    symbol: str | None = None
    #: the date it is signed
    date: dt.date | None = None
    #: the place name of the date line (địa danh): "Thái Nguyên"
    place: str | None = None
    signer: SignerConfig = SignerConfig()  # frozen: one shared empty block is safe
    #: "Nơi nhận", one recipient per entry, without the final "Lưu: VT, …" line
    recipients: list[str] = []  # (pydantic copies it; no factory to inspect at import)
    #: the unit that drafted it, for the last recipient line "Lưu: VT, <archive>."
    archive: str | None = None

    @field_validator("signer", mode="before")
    @classmethod
    def _signer(cls, value: object) -> object:
        return _none_is_empty_dict(value)

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients(cls, value: object) -> object:
        return [] if value is None else value


class AgencyDocumentConfig(DocumentConfig):
    """The ``report:`` section of a department's score file: that department's report."""

    #: the issuing body as the letterhead prints it, under "UBND TỈNH …", when it is shorter
    #: than the agency's name in the plan ("Văn phòng" for "Văn phòng UBND tỉnh")
    issuer: str | None = None

    #: part III of the department's report (difficulties and recommendations): headings
    #: ``## …``, lists ``- …``/``1. …`` and paragraphs, as in the province's notes file
    notes: str | None = None


class RequestConfig(DocumentConfig):
    """``remedy.request`` of ``cchc.yaml``: the coordinator's letter (công văn) asking the
    departments to explain the items the provisional appraisal marked down.

    A letter's symbol is the issuer's abbreviation and the drafting unit's (``SNV-CCHC``), which
    cchc cannot know: ``symbol`` not given prints a blank to fill by hand.
    """

    #: the day the departments' explanations are due at the coordinator
    deadline: dt.date | None = None


class RemedyPlanConfig(DocumentConfig):
    """``remedy.plan`` of ``cchc.yaml``: the province's remedy plan (kế hoạch khắc phục)."""

    #: the decision that published the results, cited in full as the opening paragraph cites
    #: it: "Quyết định số …/QĐ-BNV ngày … của Bộ Nội vụ phê duyệt …" (cchc knows only 2019's)
    results: str | None = None
    #: the day the departments send their completed plan (cause, remedy, deadline) back
    deadline: dt.date | None = None


class RemedyConfig(StrictModel):
    """The ``remedy:`` section of ``cchc.yaml``: the documents of ``cchc remedy``."""

    request: RequestConfig = RequestConfig()
    plan: RemedyPlanConfig = RemedyPlanConfig()

    @field_validator("request", "plan", mode="before")
    @classmethod
    def _sections(cls, value: object) -> object:
        return _none_is_empty_dict(value)
