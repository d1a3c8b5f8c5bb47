"""Build ``cchc remedy``'s document (:class:`~cchc_cli.remedy.model.RemedyDoc`) from a checked
workspace whose ``CheckResult`` carries the appraised index.

The appraisal's status decides the document: ``provisional`` → the request for explanations,
``final`` → the remedy plan. Every sentence comes from the catalogue (``remedy.*``), filled with
figures of the index; what is not known (a number, a date, a deadline) is a blank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_cli.appraisal.summary import summarise
from cchc_cli.appraisal.text import exact, percent, rounded
from cchc_cli.core.fmt import format_date
from cchc_cli.core.i18n import catalogue, tr
from cchc_cli.remedy.form import (
    RemedyFormInput,
    day_line,
    remedy_citation,
    remedy_form,
    results_citation,
)
from cchc_cli.remedy.model import (
    AgencyBlock,
    AreaLoss,
    Kind,
    PartLine,
    RemedyDoc,
    Totals,
)
from cchc_cli.remedy.rows import UNASSIGNED, blocks, totals
from cchc_cli.report.document import AgencyRef
from cchc_cli.report.form import plan_citation
from cchc_cli.report.labels import heading, labels_for, province_full
from cchc_cli.report.provenance import working_figures

if TYPE_CHECKING:
    from cchc_cli.appraisal.index import AppraisedIndex
    from cchc_cli.core.docinfo import AgencyDocumentConfig, RemedyConfig, RemedyPlanConfig
    from cchc_cli.criteria.model import Methodology
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.report.document import FormRef
    from cchc_cli.report.labels import Heading

LABEL_PREFIX = "remedy.label."


class RemedyError(Exception):
    """The document cannot be built (criteria, plan or the appraised index missing)."""


@dataclass(frozen=True)
class _Ctx:
    """What every part of the document is made from."""

    lang: str
    kind: Kind
    index: AppraisedIndex
    plan: ResolvedPlan
    agency: str | None
    config: RemedyConfig | None
    coordinator: AgencyRef
    #: "Ủy ban nhân dân tỉnh Thái Nguyên"
    body: str
    province_full: str

    @property
    def year(self) -> int:
        return self.index.year

    def t(self, key: str, **args: object) -> str:
        return tr(key, self.lang, **args)


def document_kind(index: AppraisedIndex) -> Kind:
    """The request while the appraisal is provisional, the plan once it is final."""
    return "request" if index.status == "provisional" else "plan"


def build_remedy(
    result: CheckResult,
    *,
    lang: str = "vi",
    agency: str | None = None,
    when: dt.date | None = None,
    draft: bool = False,
) -> RemedyDoc:
    """The request or the plan of the province (or of one department, ``agency``)."""
    index, tree, plan = result.index, result.tree, result.plan
    if index is None or tree is None or plan is None:
        raise RemedyError
    ctx = _context(result, index, plan, lang, agency)
    kind, coordinator, full = ctx.kind, ctx.coordinator, ctx.province_full
    found = blocks(index, plan, kind, lang, agency)
    sums = totals(index, kind, found, lang)
    args = _args(ctx)
    head = _heading(ctx, result, args, draft or working_figures(tree) > 0)
    doc = RemedyDoc(
        lang=lang,
        kind=kind,
        mode="province" if agency is None else "agency",
        draft=bool(head.draft_mark),
        draft_mark=head.draft_mark,
        labels=_labels(ctx, args),
        title=_title(ctx),
        letterhead=head.letterhead,
        form=_form(ctx, result, tree.meta.methodology, when),
        date=when,
        date_text=format_date(when, lang),
        province=plan.file.province,
        province_full=full,
        year=index.year,
        next_year=index.year + 1,
        coordinator=coordinator,
        status=index.status,
        source=index.source,
        addressees=_addressees(ctx, found),
        intro=(),
        agencies=found,
        totals=sums,
        total_text=rounded(index.total, lang),
        max_text=rounded(index.max, lang),
        percent_text=percent(index.percent, lang),
    )
    if kind == "request":
        _request_text(ctx, doc, found, sums)
    elif agency is None:
        _plan_text(ctx, doc, sums)
    else:
        _agency_plan_text(ctx, doc, sums)
    return doc


def _context(
    result: CheckResult,
    index: AppraisedIndex,
    plan: ResolvedPlan,
    lang: str,
    agency: str | None,
) -> _Ctx:
    full = province_full(lang, plan.file.province)
    return _Ctx(
        lang=lang,
        kind=document_kind(index),
        index=index,
        plan=plan,
        agency=agency,
        config=result.workspace.config.remedy,
        coordinator=AgencyRef(plan.file.coordinator, plan.agency_name(plan.file.coordinator)),
        body=plan.file.plan.issuer or tr("report.form.body_province", lang, province_full=full),
        province_full=full,
    )


def _heading(ctx: _Ctx, result: CheckResult, args: dict[str, object], draft: bool) -> Heading:
    """The letterhead and the draft mark: the coordinator's letter (request), the province's
    plan, or the department's own plan (its issuer name from its score file's ``report:``)."""
    if ctx.kind == "request":
        issuer, own = ctx.coordinator.name, _own_config(result, ctx.coordinator.code)
    elif ctx.agency is not None:
        issuer, own = ctx.plan.agency_name(ctx.agency), _own_config(result, ctx.agency)
    else:
        issuer, own = None, None
    short = own.issuer if own is not None else None
    return heading(ctx.lang, args, agency_name=issuer, draft=draft, issuer=short)


def _form(
    ctx: _Ctx, result: CheckResult, methodology: Methodology, when: dt.date | None
) -> FormRef:
    return remedy_form(
        RemedyFormInput(
            lang=ctx.lang,
            kind=ctx.kind,
            plan=ctx.plan,
            methodology=methodology,
            agency=ctx.agency,
            request=ctx.config.request if ctx.config else None,
            remedy=ctx.config.plan if ctx.config else None,
            own=_own_config(result, ctx.agency),
            when=when,
            province_full=ctx.province_full,
        )
    )


def _own_config(result: CheckResult, code: str | None) -> AgencyDocumentConfig | None:
    """A department's ``report:`` section (its score file), if any."""
    if code is None:
        return None
    loaded = next((s for s in result.scores if s.file.agency == code), None)
    return loaded.file.report if loaded is not None else None


def _args(ctx: _Ctx) -> dict[str, object]:
    """What the fixed texts are filled with (labels, letterhead)."""
    return {
        "province": ctx.plan.file.province,
        "province_full": ctx.province_full,
        "year": ctx.year,
        "next_year": ctx.year + 1,
        "agency": ctx.plan.agency_name(ctx.agency) if ctx.agency else "",
        "coordinator": ctx.coordinator.name,
        "decision": ctx.index.methodology,
    }


def _labels(ctx: _Ctx, args: dict[str, object]) -> dict[str, str]:
    """The report's labels (Quốc hiệu, Tiêu ngữ, Nơi nhận …) and this command's own."""
    labels = labels_for(ctx.lang, **args)
    for key in sorted(k for k in catalogue(ctx.lang) if k.startswith(LABEL_PREFIX)):
        labels[key[len(LABEL_PREFIX) :]] = tr(key, ctx.lang, **args)
    labels["report_word"] = ctx.t(f"remedy.type.{ctx.kind}")
    return labels


def _title(ctx: _Ctx) -> str:
    if ctx.kind == "request":
        return ctx.t("remedy.request.subject", year=ctx.year)
    return ctx.t("remedy.plan.title", next_year=ctx.year + 1)


def _addressees(ctx: _Ctx, found: list[AgencyBlock]) -> tuple[str, ...]:
    """The letter's "Kính gửi": the departments with items to explain; the coordinator, who
    sends the letter, only when it is the one department (``--agency``)."""
    if ctx.kind != "request":
        return ()
    named = [b for b in found if b.code != UNASSIGNED]
    others = [b for b in named if b.code != ctx.coordinator.code]
    return tuple(b.name for b in (others or named))


def _request_text(ctx: _Ctx, doc: RemedyDoc, found: list[AgencyBlock], sums: Totals) -> None:
    """The letter: what happened, what is asked, by when."""
    index = ctx.index
    all_cut = totals(index, "request", blocks(index, ctx.plan, "request", ctx.lang), ctx.lang)
    intro = [
        ctx.t(
            "remedy.request.opening",
            plan=plan_citation(ctx.lang, ctx.plan),
            body=ctx.body,
            year=ctx.year,
            source=index.source,
            adjusted=index.count("adjusted"),
            items=all_cut.items,
            cut=exact(all_cut.points, ctx.lang),
        )
    ]
    if ctx.agency is not None and found:
        intro[0] += " " + ctx.t(
            "remedy.request.opening_agency",
            items=sums.items,
            agency=found[0].name,
            cut=exact(sums.points, ctx.lang),
        )
    addressee = found[0].name if ctx.agency and found else ctx.t("remedy.request.addressee_all")
    intro.append(ctx.t("remedy.request.ask", coordinator=ctx.coordinator.name, addressee=addressee))
    if sums.split_items:
        intro.append(ctx.t("remedy.request.split"))
    deadline = ctx.config.request.deadline if ctx.config else None
    intro.append(
        ctx.t(
            "remedy.request.deadline",
            coordinator=ctx.coordinator.name,
            date=day_line(ctx.lang, deadline),
        )
    )
    doc.intro = tuple(intro)
    doc.closing = _capital(ctx.t("remedy.request.closing", addressee=addressee))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _results(ctx: _Ctx) -> list[str]:
    """Part I's first lines: the index as appraised, the published rank when there is one."""
    index, lang = ctx.index, ctx.lang
    lines = [summarise(index, lang).text]
    rec = index.published
    if rec is not None and rec.rank is not None:
        lines.append(
            ctx.t(
                "remedy.plan.rank",
                year=ctx.year,
                total=rounded(rec.published, lang),
                rank=rec.rank,
                of=rec.of or "—",
            )
        )
    return lines


def _plan_config(ctx: _Ctx) -> tuple[RemedyPlanConfig | None, str, str]:
    """``remedy.plan``, the results decision cited (or ""), the deadline line (or blanks)."""
    cfg = ctx.config.plan if ctx.config else None
    results = results_citation(ctx.lang, ctx.year, ctx.index.status, cfg.results if cfg else None)
    return cfg, results, day_line(ctx.lang, cfg.deadline if cfg else None)


def _plan_text(ctx: _Ctx, doc: RemedyDoc, sums: Totals) -> None:
    """The province's plan: opening, results (part I), tasks (part II), implementation (III)."""
    _, results, deadline = _plan_config(ctx)
    coordinator = ctx.coordinator.name
    key = "remedy.plan.opening_results" if results else "remedy.plan.opening"
    plan = plan_citation(ctx.lang, ctx.plan)
    doc.intro = (
        ctx.t(key, results=results, plan=plan, body=ctx.body, year=ctx.year,
              next_year=ctx.year + 1),
    )  # fmt: skip
    lost = ctx.t("remedy.plan.lost", lost=exact(sums.points, ctx.lang), items=sums.items)
    doc.results = (*_results(ctx), lost)
    doc.parts = _parts(ctx.index, ctx.lang)
    doc.areas = _areas(ctx.index)
    doc.body = (ctx.t("remedy.plan.tasks"),)
    doc.org = (
        ctx.t("remedy.plan.org_fill", coordinator=coordinator, date=deadline),
        ctx.t("remedy.plan.org_follow", coordinator=coordinator, body=ctx.body),
    )
    doc.closing = ctx.t("remedy.plan.closing", coordinator=coordinator, body=ctx.body)


def _agency_plan_text(ctx: _Ctx, doc: RemedyDoc, sums: Totals) -> None:
    """A department's own plan: the same parts, its items only."""
    cfg, results, deadline = _plan_config(ctx)
    coordinator = ctx.coordinator.name
    name = ctx.plan.agency_name(ctx.agency or "")
    key = "remedy.plan.opening_agency_results" if results else "remedy.plan.opening_agency"
    remedy = remedy_citation(ctx.lang, ctx.plan, cfg, ctx.body)
    doc.intro = (
        ctx.t(key, results=results, remedy=remedy, agency=name, year=ctx.year,
              next_year=ctx.year + 1),
    )  # fmt: skip
    lost = ctx.t(
        "remedy.plan.lost_agency", agency=name, lost=exact(sums.points, ctx.lang), items=sums.items
    )
    if sums.split:
        lost += " " + ctx.t("remedy.plan.shared_agency", shared=exact(sums.split, ctx.lang))
    doc.results = (*_results(ctx), lost)
    doc.body = (ctx.t("remedy.plan.tasks_agency", agency=name),)
    doc.org = (
        ctx.t("remedy.plan.org_agency", agency=name, coordinator=coordinator, date=deadline),
    )
    doc.closing = ctx.t(
        "remedy.plan.closing_agency", agency=name, coordinator=coordinator, body=ctx.body
    )


def _parts(index: AppraisedIndex, lang: str) -> list[PartLine]:
    found = []
    for part in index.parts:
        key = f"appraisal.part.{part.name}"
        label = tr(key, lang)
        known = part.source != "none"
        found.append(
            PartLine(
                name=part.name,
                label=part.name if label == key else label,
                max=part.max,
                points=part.points if known else None,
                lost=part.lost if known else None,
            )
        )
    return found


def _areas(index: AppraisedIndex) -> list[AreaLoss]:
    """Every area's self-scored items: maximum, self-scores, appraised scores, points lost."""
    zero = Decimal(0)
    found = []
    for area in index.areas:
        own = [leaf for leaf in index.self_leaves if leaf.area == area.id]
        lost = [leaf for leaf in index.lost if leaf.area == area.id]
        found.append(
            AreaLoss(
                id=area.id,
                title=area.node.title,
                self_max=area.self_max,
                self=area.self,
                appraised=sum((leaf.appraised or zero for leaf in own), zero),
                lost=sum((leaf.lost or zero for leaf in lost), zero),
                items=len(lost),
            )
        )
    return found
