"""Build the one report model from a :class:`~cchc_cli.pipeline.CheckResult`.

:func:`build_report` is a sequence of small steps: the agencies' summaries, the scope (the
province's rows and notes, or one agency's rows and cooperation), the heading, the provenance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING

from cchc_cli.core.fmt import format_date
from cchc_cli.report.document import (
    AgencyRef,
    AgencySummary,
    FormRef,
    Notes,
    Report,
    ReportRow,
)
from cchc_cli.report.form import FormInput, form_ref
from cchc_cli.report.labels import heading, province_full
from cchc_cli.report.notes import parse_notes
from cchc_cli.report.provenance import (
    checksums,
    draft_reasons,
    methodology_ref,
    plan_ref,
    validation,
    working_figures,
)
from cchc_cli.report.reconcile import reconciliation, sole_figures
from cchc_cli.report.rows import (
    RowContext,
    agency_value,
    build_rows,
    cooperation_value,
    explanation_rows,
    flatten,
    lost_rows,
    province_value,
    total,
)

if TYPE_CHECKING:
    from cchc_cli.appraisal.summary import IndexSummary
    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.docinfo import AgencyDocumentConfig
    from cchc_cli.criteria.model import CriteriaTree
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.scores.merge import Merged
    from cchc_cli.scores.model import LoadedScores


class ReportError(Exception):
    """The model cannot be built (criteria, plan or merged data missing)."""


@dataclass(frozen=True)
class _Sources:
    """The checked inputs, known to be complete, and the report language."""

    result: CheckResult
    tree: CriteriaTree
    plan: ResolvedPlan
    merged: Merged
    lang: str

    @cached_property
    def present(self) -> dict[str, tuple[str, str]]:
        """Agencies whose score file is there but was not read: agency -> (file, state)."""
        from cchc_cli.scores.files import present_files

        r = self.result
        return present_files(r.workspace, r.scores, r.diagnostics)

    def context(self, agency: str | None = None) -> RowContext:
        """Rows in the province's view, or (``agency``) in that agency's."""
        return RowContext(self.lang, self.plan, agency)


@dataclass
class _Scope:
    """What the report covers: the whole province, or one agency (``agency`` set)."""

    areas: list[ReportRow]
    diagnostics: list[Diagnostic]
    notes: Notes | None = None
    appraisal: IndexSummary | None = None
    agency: AgencySummary | None = None
    cooperation: list[ReportRow] = field(default_factory=list)
    ministry_items: list[ReportRow] = field(default_factory=list)
    #: files whose checksums this report leaves out (other agencies' score files)
    hidden: set[str] = field(default_factory=set)


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
    src = _sources(result, lang)
    summaries = [_agency_summary(src, code) for code in _scoring_agencies(src)]
    scope = _province_scope(src, notes) if agency is None else _agency_scope(src, agency, summaries)
    return _assemble(src, scope, summaries, draft, when, _extra_sums(scope, extra_checksums))


def _sources(result: CheckResult, lang: str) -> _Sources:
    if result.tree is None or result.plan is None or result.merged is None:
        raise ReportError("no merged data")
    return _Sources(result, result.tree, result.plan, result.merged, lang)


def _scoring_agencies(src: _Sources) -> list[str]:
    """The coordinator and every agency with a role on some leaf, in the plan's order."""
    coordinator = src.plan.file.coordinator
    return [
        code
        for code in src.plan.agencies
        if code == coordinator
        or any(leaf.ownership.role_of(code) is not None for leaf in src.merged.leaves)
    ]


def _agency_summary(src: _Sources, code: str) -> AgencySummary:
    """One agency's line in the agencies appendix, with its own rows."""
    agency = src.plan.agencies.get(code)
    rows = build_rows(src.context(code), src.merged.roots, partial(agency_value, code))
    sums = total(rows)
    cooperating = sum(
        1
        for leaf in src.merged.leaves
        if (o := leaf.ownership.role_of(code)) is not None and o.role == "cooperating"
    )
    loaded = _loaded(src, code)
    sole = sole_figures(rows)
    return AgencySummary(
        code=code,
        name=src.plan.agency_name(code),
        role=agency.role if agency is not None else "scoring",
        is_coordinator=code == src.plan.file.coordinator,
        items=sums.items,
        scored=sums.scored,
        missing=sums.missing,
        max=sums.max,
        score=sums.score,
        percent=sums.percent,
        lost=sums.lost,
        cooperating=cooperating,
        file=loaded.rel if loaded is not None else src.present.get(code, ("", ""))[0],
        file_status=loaded.file.status
        if loaded is not None
        else src.present.get(code, ("", ""))[1],
        rows=flatten(rows),
        sole_items=sole.items,
        sole_scored=sole.scored,
        sole_max=sole.max,
        sole_score=sole.score,
        sole_percent=sole.percent,
        sole_lost=sole.lost,
        split_items=sole.split_items,
    )


def _loaded(src: _Sources, code: str) -> LoadedScores | None:
    """The agency's score file, if it has one."""
    return next((s for s in src.result.scores if s.file.agency == code), None)


def _province_scope(src: _Sources, notes: Notes | None) -> _Scope:
    from cchc_cli.appraisal.summary import summarise

    areas = build_rows(src.context(), src.merged.roots, province_value)
    ministry = [r for r in flatten(areas) if r.is_leaf and r.ministry]
    index = src.result.index
    appraisal = summarise(index, src.lang) if index is not None else None
    return _Scope(
        areas, src.result.diagnostics, notes=notes, ministry_items=ministry, appraisal=appraisal
    )


def _agency_scope(src: _Sources, code: str, summaries: list[AgencySummary]) -> _Scope:
    summary = next((s for s in summaries if s.code == code), None) or _agency_summary(src, code)
    ctx = src.context(code)
    areas = build_rows(ctx, src.merged.roots, partial(agency_value, code))
    cooperating = build_rows(ctx, src.merged.roots, partial(cooperation_value, code))
    # everything except other departments' score files (criteria and plan problems stay)
    others = {s.rel for s in src.result.scores if s.file.agency != code}
    return _Scope(
        areas,
        [d for d in src.result.diagnostics if d.file not in others],
        notes=_agency_notes(src, code),
        agency=summary,
        cooperation=[r for r in flatten(cooperating) if r.is_leaf],
        hidden={s.rel for s in src.result.scores} - {summary.file},
    )


def _agency_notes(src: _Sources, code: str) -> Notes | None:
    """Part III of a department's report: ``report.notes`` of its score file."""
    loaded = _loaded(src, code)
    config = loaded.file.report if loaded is not None else None
    if loaded is None or config is None or not config.notes or not config.notes.strip():
        return None
    text = config.notes.strip("\n")
    return Notes(file=loaded.rel, text=text, blocks=parse_notes(text))


def _extra_sums(scope: _Scope, extra: Mapping[str, str] | None) -> dict[str, str]:
    """Checksums beyond the files read: the notes file shown, then ``extra`` (templates)."""
    sums: dict[str, str] = {}
    if scope.agency is None and scope.notes is not None and scope.notes.sha256:
        sums[scope.notes.file] = scope.notes.sha256
    sums.update(extra or {})
    return sums


def _assemble(
    src: _Sources,
    scope: _Scope,
    summaries: list[AgencySummary],
    draft: bool,
    when: dt.date | None,
    extra: Mapping[str, str],
) -> Report:
    lang, plan = src.lang, src.plan
    province = plan.file.province
    coordinator = AgencyRef(plan.file.coordinator, plan.agency_name(plan.file.coordinator))
    agency_name = scope.agency.name if scope.agency is not None else None
    args = _text_args(src, agency_name, coordinator)
    checked = validation(lang, scope.diagnostics)
    reasons = draft_reasons(lang, draft, checked.errors, working_figures(src.tree), args)
    own = _agency_config(src, scope)
    issuer = own.issuer if own is not None else None
    head = heading(lang, args, agency_name=agency_name, draft=bool(reasons), issuer=issuer)
    sums = total(scope.areas)
    return Report(
        lang=lang,
        mode="province" if scope.agency is None else "agency",
        draft=bool(reasons),
        draft_mark=head.draft_mark,
        labels=head.labels,
        title=head.title,
        letterhead=head.letterhead,
        date=when,
        date_text=format_date(when, lang),
        province=province,
        province_full=province_full(lang, province),
        year=plan.file.year,
        methodology=methodology_ref(lang, src.tree.meta.methodology),
        plan=plan_ref(lang, plan),
        coordinator=coordinator,
        areas=scope.areas,
        rows=flatten(scope.areas),
        total=sums,
        ministry_items=scope.ministry_items,
        agencies=summaries,
        lost=lost_rows(scope.areas),
        explanations=explanation_rows(scope.areas),
        notes=scope.notes,
        validation=checked,
        checksums=checksums(src.result, scope.hidden, extra),
        agency=scope.agency,
        cooperation=scope.cooperation,
        appraisal=scope.appraisal,
        form=_form(src, scope, when),
        draft_reasons=reasons,
        reconciliation=(
            reconciliation(scope.areas, summaries, sums) if scope.agency is None else None
        ),
        companion_title=head.labels.get("companion_title", ""),
    )


def _text_args(src: _Sources, agency_name: str | None, coordinator: AgencyRef) -> dict[str, object]:
    """What the report's fixed texts are filled with (labels, title, letterhead)."""
    province = src.plan.file.province
    return {
        "province": province,
        "province_full": province_full(src.lang, province),
        "year": src.plan.file.year,
        "agency": agency_name or "",
        "coordinator": coordinator.name,
        "decision": src.tree.meta.methodology.decision,
    }


def _agency_config(src: _Sources, scope: _Scope) -> AgencyDocumentConfig | None:
    """A department's ``report:`` section (its score file), if any."""
    loaded = _loaded(src, scope.agency.code) if scope.agency is not None else None
    return loaded.file.report if loaded is not None else None


def _form(src: _Sources, scope: _Scope, when: dt.date | None) -> FormRef:
    """Number, date, opening paragraph, signer and recipients of the signed report."""
    code = scope.agency.code if scope.agency is not None else None
    loaded = _loaded(src, code) if code is not None else None
    config = src.result.workspace.config.report if code is None else None
    if loaded is not None:
        config = loaded.file.report
    province = src.plan.file.province
    return form_ref(
        FormInput(
            lang=src.lang,
            plan=src.plan,
            methodology=src.tree.meta.methodology,
            agency=code,
            config=config,
            when=when,
            submitted=loaded.file.submitted if loaded is not None else None,
            province_full=province_full(src.lang, province),
        )
    )
