"""The administrative form of the signed report (Nghị định 30/2020/NĐ-CP, Phụ lục I).

:func:`form_ref` turns the ``report:`` section (cchc.yaml for the province, the department's
score file for a department), ``--date`` and the plan into a :class:`FormRef`: the number line,
the place-and-date line, the opening paragraph with its citations, the signature block and the
recipients. A value that is not given is never guessed: it is printed as the blank officials
fill by hand (non-breaking spaces, so that no renderer collapses them).

Rules followed (Phụ lục I; README, "Báo cáo"):

* date line: "<place>, ngày dd tháng mm năm yyyy", days 01–09 and months 01–02 with a leading
  zero, other months without one (mục II.4, địa danh và thời gian ban hành);
* citations: a document cited for the first time is cited in full — type, number/symbol, date,
  issuer, summary; later only type and number/symbol (mục II.6, nội dung): the plan's
  ``based_on`` entries are already written so; the plan itself is cited from its fields;
* the signer's name carries no academic title (mục II.7, chức vụ, họ tên và chữ ký; checked by
  CCHC531).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cchc_cli.core.fmt import format_date
from cchc_cli.core.i18n import tr
from cchc_cli.report.document import FormRef, SignerRef

if TYPE_CHECKING:
    from cchc_cli.core.docinfo import DocumentConfig
    from cchc_cli.criteria.model import Methodology
    from cchc_cli.plan.model import ResolvedPlan

#: what a blank to fill by hand looks like: non-breaking spaces survive HTML and Word alike
BLANK = "\u00a0" * 6


@dataclass(frozen=True)
class FormInput:
    """Everything the form is made from."""

    lang: str
    plan: ResolvedPlan
    methodology: Methodology
    #: None: the province's report; else the department's code
    agency: str | None
    config: DocumentConfig | None
    #: ``--date`` (wins over the configuration)
    when: dt.date | None
    #: a department's ``submitted:`` date (used when its ``report.date`` is not given)
    submitted: dt.date | None
    #: the issuing body's name in the province's report ("Ủy ban nhân dân tỉnh Thái Nguyên")
    province_full: str


def form_ref(src: FormInput) -> FormRef:
    lang, plan = src.lang, src.plan
    cfg = src.config
    args = {"province_full": src.province_full, "province": plan.file.province}
    if src.agency is None:
        symbol_default = tr("report.form.symbol_province", lang)
        issuer = tr("report.form.issuer_province", lang, **args)
    else:
        symbol_default = tr("report.form.symbol_agency", lang, agency_code=src.agency)
        issuer = plan.agency_name(src.agency)
    number = _text(cfg.number if cfg else None) or BLANK
    symbol = _text(cfg.symbol if cfg else None) or symbol_default
    place = _text(cfg.place if cfg else None) or plan.file.province
    when = src.when or (cfg.date if cfg else None) or src.submitted
    # a blank date still prints the year: the report is signed the year its plan is due
    year = str(when.year if when else plan.file.due_before.year)
    day, month = day_month(when)
    if when is not None and lang != "vi":  # the leading-zero rule is the Vietnamese decree's
        month = f"{when.month:02d}"
    return FormRef(
        number=number,
        symbol=symbol,
        number_line=tr("report.form.number_line", lang, number=number, symbol=symbol),
        place=place,
        date=when,
        date_line=tr("report.form.date_line", lang, place=place, day=day, month=month, year=year),
        issuer=issuer,
        attached=tr(
            "report.form.attached",
            lang,
            number=number,
            symbol=symbol,
            day=day,
            month=month,
            year=year,
            issuer=issuer,
        ),
        opening=_opening(src, issuer),
        signer=_signer(src),
        recipients=tuple(_recipient(r) for r in (cfg.recipients if cfg else []) if _text(r)),
        archive=_archive(lang, cfg),
    )


def _text(value: str | None) -> str:
    return value.strip() if value else ""


def day_month(when: dt.date | None) -> tuple[str, str]:
    """Day 01–09 and months 01–02 with a leading zero (NĐ 30/2020, Phụ lục I, mục II.4)."""
    if when is None:
        return BLANK, BLANK
    month = f"{when.month:02d}" if when.month <= 2 else str(when.month)
    return f"{when.day:02d}", month


def _recipient(text: str) -> str:
    """One "Nơi nhận" entry, ending with ";" whatever the user typed."""
    return _text(text).rstrip(";.,").rstrip() + ";"


def _archive(lang: str, cfg: DocumentConfig | None) -> str:
    unit = _text(cfg.archive if cfg else None).rstrip(".")
    if unit:
        return tr("report.form.archive", lang, unit=unit)
    return tr("report.form.archive_blank", lang)


def _signer(src: FormInput) -> SignerRef:
    """The signature block: as configured; by default the collective body's authority and
    the head's title for the province, the head's title ("GIÁM ĐỐC") for a department
    whose name says it is a Sở; the name always left blank when not given."""
    lang = src.lang
    given = src.config.signer if src.config else None
    if src.agency is None:
        authority = tr("report.form.authority_province", lang)
        title = tr("report.form.title_province", lang)
    else:
        authority = ""
        name = src.plan.agency_name(src.agency)
        is_department = name.casefold().startswith(
            tr("report.form.department_word", lang).casefold() + " "
        )
        title = tr("report.form.title_agency", lang) if is_department else ""
    if given is None:
        return SignerRef(authority, "", title, "")
    return SignerRef(
        authority=_text(given.authority) or authority,
        deputy=_text(given.deputy),
        title=_text(given.title) or title,
        name=_text(given.name),
    )


def plan_citation(lang: str, plan: ResolvedPlan) -> str:
    """The plan cited in full: type, number, date, issuer, summary — as far as the plan file
    knows them (an unknown number is left out, never made up)."""
    info = plan.file.plan
    issuer = info.issuer or ""
    if not info.number:
        if not issuer:
            return info.title
        return tr("report.form.cite_plan", lang, title=info.title, issuer=issuer)
    kind = tr("report.form.plan_kind", lang)
    summary = info.title
    if summary.casefold().startswith(kind.casefold() + " "):
        summary = summary[len(kind) + 1 :]
    date = tr("report.form.cite_date", lang, date=format_date(info.date, lang)) if info.date else ""
    return tr(
        "report.form.cite_plan_numbered",
        lang,
        kind=kind,
        number=info.number,
        date=date,
        issuer=issuer,
        summary=summary,
    ).replace("  ", " ")


def _citations(src: FormInput) -> list[str]:
    """The Ministry's decisions (the plan's ``based_on``, or at least the methodology's
    decision), then the plan itself."""
    lang = src.lang
    cited = [c.strip().rstrip(";.") for c in src.plan.file.plan.based_on if c.strip()]
    decision = src.methodology.decision
    if not any(decision in c for c in cited):
        when = src.methodology.decision_date
        date = tr("report.form.cite_date", lang, date=format_date(when, lang)) if when else ""
        cited.insert(0, tr("report.form.cite_decision", lang, decision=decision, date=date).strip())
    cited.append(plan_citation(lang, src.plan))
    return cited


def _opening(src: FormInput, issuer: str) -> str:
    lang = src.lang
    cited = _citations(src)
    joined = "; ".join(cited[:-1])
    citations = (
        tr("report.form.cite_and", lang, first=joined, last=cited[-1]) if joined else cited[-1]
    )
    year = src.plan.file.year
    if src.agency is None:
        return tr(
            "report.form.opening_province",
            lang,
            citations=citations,
            issuer=_body_name(src),
            year=year,
        )
    return tr("report.form.opening_agency", lang, citations=citations, agency=issuer, year=year)


def _body_name(src: FormInput) -> str:
    """The province's issuing body written in full ("Ủy ban nhân dân tỉnh Thái Nguyên")."""
    return src.plan.file.plan.issuer or tr(
        "report.form.body_province", src.lang, province_full=src.province_full
    )
