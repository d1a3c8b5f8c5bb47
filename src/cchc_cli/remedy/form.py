"""The administrative form of ``cchc remedy``'s documents, built on the report's
(:func:`cchc_cli.report.form.form_ref`, Nghị định 30/2020/NĐ-CP, Phụ lục I).

Where the values come from (README, "cchc remedy"):

* the **request** is a letter (công văn) of the plan's coordinator (Sở Nội vụ) to the
  departments: ``remedy.request`` of ``cchc.yaml``. A letter's symbol is the issuer's and the
  drafting unit's abbreviations (``SNV-CCHC``), which cchc cannot know: without ``symbol`` the
  number line is ``Số:      /      ``, both blanks to fill by hand. The first recipient is
  "Như trên" (the addressees), as letters write it;
* the province's **plan**: ``remedy.plan`` of ``cchc.yaml``, symbol ``KH-UBND`` unless given
  (KH is the abbreviation of Kế hoạch; the province's People's Committee issues it);
* a department's own plan (``--agency``): the department's issuer name, place, signer and
  archive unit from the ``report:`` section of its score file (the same head signs), symbol
  ``KH-<code>``; its number, date and recipients are left blank (the department's report number
  is not its plan's), ``--date`` fills the date.

Nothing is guessed: a value not given is the blank of :data:`cchc_cli.report.form.BLANK`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cchc_cli.core.docinfo import DocumentConfig, RemedyPlanConfig, RequestConfig
from cchc_cli.core.fmt import format_date
from cchc_cli.core.i18n import tr
from cchc_cli.report.form import BLANK, FormInput, day_month, form_ref, plan_citation

if TYPE_CHECKING:
    from cchc_cli.core.docinfo import AgencyDocumentConfig
    from cchc_cli.criteria.model import Methodology
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.remedy.model import Kind
    from cchc_cli.report.document import FormRef

#: results decisions cchc knows, by the index's year: the date of the decision; its text is
#: catalogue key ``remedy.results.<year>`` (documents-and-appraisal.md, section 3, confirmed:
#: "2019 results were approved by QĐ 330/QĐ-BNV of 13/05/2020")
KNOWN_RESULTS: dict[int, dt.date] = {2019: dt.date(2020, 5, 13)}


@dataclass(frozen=True)
class RemedyFormInput:
    lang: str
    kind: Kind
    plan: ResolvedPlan
    methodology: Methodology
    #: ``--agency``: the department (a plan: its own; a request: the one addressee)
    agency: str | None
    request: RequestConfig | None
    remedy: RemedyPlanConfig | None
    #: the department's ``report:`` section (its own plan)
    own: AgencyDocumentConfig | None
    when: dt.date | None
    province_full: str


def remedy_form(src: RemedyFormInput) -> FormRef:
    """Number, date, signer, recipients, and the appendices' "Kèm theo …" line."""
    if src.kind == "request":
        return _request_form(src)
    return _plan_form(src)


def _request_form(src: RemedyFormInput) -> FormRef:
    lang, cfg = src.lang, src.request
    base = form_ref(_input(src, src.plan.file.coordinator, cfg))
    symbol = _given(cfg.symbol if cfg else None) or BLANK
    like_above = tr("remedy.form.like_above", lang)
    return _finish(src, base, symbol, (like_above, *base.recipients))


def _plan_form(src: RemedyFormInput) -> FormRef:
    lang = src.lang
    if src.agency is None:
        cfg: DocumentConfig | None = src.remedy
        default = tr("remedy.form.symbol_plan", lang)
    else:
        own = src.own
        cfg = (
            DocumentConfig(place=own.place, signer=own.signer, archive=own.archive)
            if own is not None
            else None
        )
        default = tr("remedy.form.symbol_plan_agency", lang, agency_code=src.agency)
    base = form_ref(_input(src, src.agency, cfg))
    symbol = _given(cfg.symbol if cfg else None) or default
    return _finish(src, base, symbol, base.recipients)


def _input(src: RemedyFormInput, agency: str | None, cfg: DocumentConfig | None) -> FormInput:
    return FormInput(
        lang=src.lang,
        plan=src.plan,
        methodology=src.methodology,
        agency=agency,
        config=cfg,
        when=src.when,
        submitted=None,
        province_full=src.province_full,
    )


def _finish(
    src: RemedyFormInput, base: FormRef, symbol: str, recipients: tuple[str, ...]
) -> FormRef:
    """The report's form with this document's symbol, "Kèm theo" line and recipients."""
    lang = src.lang
    day, month = day_month(base.date)
    if base.date is not None and lang != "vi":
        month = f"{base.date.month:02d}"
    # a blank date leaves the year blank too: the report's form prints the year its plan is
    # due, but these documents follow the appraisal, whose year cchc does not assume
    year = str(base.date.year) if base.date else BLANK
    issuer = base.issuer
    if src.agency is None and src.kind == "plan":
        issuer = tr("report.form.issuer_province", lang, province_full=src.province_full)
    attached = tr(
        "remedy.form.attached",
        lang,
        kind=tr(f"remedy.kind.{src.kind}", lang),
        number=base.number,
        symbol=symbol,
        day=day,
        month=month,
        year=year,
        issuer=issuer,
    )
    return replace(
        base,
        symbol=symbol,
        number_line=tr("report.form.number_line", lang, number=base.number, symbol=symbol),
        date_line=tr(
            "report.form.date_line", lang, place=base.place, day=day, month=month, year=year
        ),
        issuer=issuer,
        attached=attached,
        opening="",
        recipients=recipients,
    )


def _given(value: str | None) -> str:
    return value.strip() if value else ""


def day_line(lang: str, when: dt.date | None) -> str:
    """ "ngày 05 tháng 3 năm 2020", or its blanks (a deadline not given)."""
    day, month = day_month(when)
    if when is not None and lang != "vi":
        month = f"{when.month:02d}"
    year = str(when.year) if when else BLANK
    return tr("remedy.form.day_line", lang, day=day, month=month, year=year)


def results_citation(lang: str, year: int, status: str, given: str | None) -> str:
    """The decision that published the results: as ``remedy.plan.results`` gives it, else the one
    cchc knows for the year (only once the appraisal is final); "" when none is known."""
    text = _given(given).rstrip(";.")
    if text:
        return text
    when = KNOWN_RESULTS.get(year)
    if when is None or status != "final":
        return ""
    return tr(f"remedy.results.{year}", lang, date=format_date(when, lang))


def remedy_citation(lang: str, plan: ResolvedPlan, cfg: RemedyPlanConfig | None, body: str) -> str:
    """The province's remedy plan cited in full (a department's plan implements it) when its
    number is given; else the province's self-assessment plan."""
    number = _given(cfg.number if cfg else None)
    if cfg is None or not number:
        return plan_citation(lang, plan)
    symbol = _given(cfg.symbol) or tr("remedy.form.symbol_plan", lang)
    date = tr("remedy.form.cite_date", lang, date=format_date(cfg.date, lang)) if cfg.date else ""
    return tr(
        "remedy.form.cite_remedy",
        lang,
        number=number,
        symbol=symbol,
        date=date,
        body=body,
        next_year=plan.file.year + 1,
    ).replace("  ", " ")
