"""Where the report comes from: the methodology and plan it follows, the validation result of
its input files and the SHA-256 of every file it was made from (its appendix)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import Diagnostic, counts
from cchc_cli.core.fmt import format_date
from cchc_cli.core.i18n import tr
from cchc_cli.report.document import Checksum, DiagRef, MethodologyRef, PlanRef, Validation

if TYPE_CHECKING:
    from cchc_cli.criteria.model import CriteriaTree, Methodology
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.plan.model import ResolvedPlan
    from cchc_cli.report.templates import TemplateDirs


def methodology_ref(lang: str, m: Methodology) -> MethodologyRef:
    return MethodologyRef(
        name=m.name,
        decision=m.decision,
        decision_date=m.decision_date,
        decision_date_text=format_date(m.decision_date, lang),
        year=m.year,
        status=m.status,
        working=m.status != "confirmed",
    )


def plan_ref(lang: str, plan: ResolvedPlan) -> PlanRef:
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


def working_figures(tree: CriteriaTree) -> int:
    """How many figures of the criteria tree are still working assumptions."""
    from cchc_cli.criteria.stats import figures

    return sum(1 for f in figures(tree) if not f.confirmed)


def draft_reasons(
    lang: str, requested: bool, errors: int, working: int, args: Mapping[str, object]
) -> tuple[str, ...]:
    """Why the report is a draft, for the internal companion; empty for a final report.

    A report is a draft when ``--draft`` asked for one (which is also the only way to make one
    while errors remain) and whenever the criteria tree still has working figures: points
    computed on assumed maxima are not figures a leader signs as final.
    """
    reasons: list[str] = []
    if requested:
        reasons.append(tr("report.draft_reason.requested", lang))
    if errors:
        reasons.append(tr("report.draft_reason.errors", lang, errors=errors))
    if working:
        reasons.append(tr("report.draft_reason.working", lang, count=working, **args))
    return tuple(reasons)


def validation(lang: str, diagnostics: list[Diagnostic]) -> Validation:
    """The validation appendix: counts, a one-line summary and every diagnostic."""
    c = counts(diagnostics)
    items = tuple(
        DiagRef(
            d.severity.value,
            tr(f"severity.{d.severity.value}", lang),
            d.code,
            d.where,
            tr(d.message, lang),
        )
        for d in diagnostics
    )
    summary = tr(
        "report.validation_summary", lang, errors=c["error"], warnings=c["warning"], infos=c["info"]
    )
    return Validation(c["error"], c["warning"], c["info"], c["error"] == 0, summary, items)


def checksums(
    result: CheckResult, hidden: Iterable[str], extra: Mapping[str, str]
) -> list[Checksum]:
    """The workspace file, every file read except ``hidden`` ones, then ``extra`` (the notes
    file, user templates), sorted by path."""
    skip = set(hidden)
    sums = {result.workspace.doc.rel: result.workspace.doc.sha256}
    sums.update((rel, doc.sha256) for rel, doc in result.docs.items() if rel not in skip)
    sums.update(extra)
    return [Checksum(k, v) for k, v in sorted(sums.items())]


def template_checksums(dirs: TemplateDirs) -> dict[str, str]:
    """The user's own template files (the built-ins are part of cchc, not of the inputs)."""
    sums: dict[str, str] = {}
    for path in dirs.user_files():
        try:
            sums[dirs.display(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    return sums
