"""``cchc status`` and ``cchc merged``: progress per agency and the merged result, as data.

Both read the same :class:`~cchc_cli.pipeline.CheckResult` as ``validate`` and take the province
totals from the same :class:`~cchc_cli.scores.merge.Merged`, so they always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Severity, counts
from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.deadline import days_late, days_left, deadline_last_day
from cchc_cli.scores.merge import Merged
from cchc_cli.scores.model import LoadedScores
from cchc_cli.scores.semantics import file_contribution, primary_files

ZERO = Decimal(0)


@dataclass
class AgencyStatus:
    code: str
    name: str
    file: str | None
    #: "none", "draft", "submitted"; or the file is there but was not read: "misnamed",
    #: "unreadable" (not UTF-8), "invalid" (format errors) — see scores.files.present_files
    state: str
    submitted: date | None
    days_late: int
    owned: int
    scored: int
    #: items whose value was rejected (counted 0): :func:`cchc_cli.scores.semantics.contribution`
    rejected: int
    errors: int
    warnings: int
    claimed: Decimal
    possible: Decimal

    @property
    def missing(self) -> int:
        return self.owned - self.scored - self.rejected


@dataclass
class StatusReport:
    province: str
    year: int
    due_before: date
    today: date
    merged: Merged
    agencies: list[AgencyStatus] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def last_day(self) -> date:
        return deadline_last_day(self.due_before)

    @property
    def days_left(self) -> int:
        return days_left(self.today, self.due_before)

    @property
    def days_late(self) -> int:
        return days_late(self.today, self.due_before)


def build_status(
    plan: ResolvedPlan,
    merged: Merged,
    loaded: list[LoadedScores],
    diagnostics: list[Diagnostic],
    today: date,
    present: Mapping[str, tuple[str, str]] | None = None,
) -> StatusReport:
    """``present``: agency -> (file, state) of files there but not read (never "no file")."""
    files = primary_files(loaded, plan)
    present = present or {}
    report = StatusReport(
        province=plan.file.province,
        year=plan.file.year,
        due_before=plan.file.due_before,
        today=today,
        merged=merged,
        counts=counts(diagnostics),
    )
    for code in plan.scoring_agencies():
        owned = plan.scored_items(code)
        item = files.get(code)
        found = [
            file_contribution(leaf.node, item, decision=role == "decision") for leaf, role in owned
        ]
        mine = [d for d in diagnostics if d.agency == code]
        submitted = item.file.submitted if item is not None else None
        unread = present.get(code) if item is None else None
        report.agencies.append(
            AgencyStatus(
                code=code,
                name=plan.agency_name(code),
                file=item.rel if item is not None else (unread[0] if unread else None),
                state=item.file.status if item is not None else (unread[1] if unread else "none"),
                submitted=submitted,
                days_late=days_late(submitted, plan.file.due_before)
                if submitted is not None
                else 0,
                owned=len(owned),
                scored=sum(1 for c in found if c.state == "scored"),
                rejected=sum(1 for c in found if c.state == "rejected"),
                errors=sum(1 for d in mine if d.severity is Severity.ERROR),
                warnings=sum(1 for d in mine if d.severity is Severity.WARNING),
                claimed=sum((c.counted for c in found), ZERO),
                possible=sum((leaf.node.max for leaf, _ in owned), ZERO),
            )
        )
    return report


def total_json(merged: Merged) -> dict[str, Any]:
    return {"score": merged.total_score, "max": merged.total_max}


def status_payload(report: StatusReport) -> dict[str, Any]:
    merged = report.merged
    self_leaves = [leaf for leaf in merged.leaves if leaf.status != "ministry"]
    return {
        "province": report.province,
        "year": report.year,
        "total": total_json(merged),
        "ministry_max": merged.ministry_max,
        "items": {
            "self": len(self_leaves),
            "scored": sum(1 for leaf in self_leaves if leaf.status == "scored"),
            "missing": sum(1 for leaf in self_leaves if leaf.status == "missing"),
            "rejected": sum(1 for leaf in self_leaves if leaf.status == "rejected"),
        },
        "deadline": {
            "due_before": report.due_before,
            "last_day": report.last_day,
            "today": report.today,
            "days_left": max(report.days_left, 0) if report.days_late == 0 else 0,
            "days_late": report.days_late,
        },
        "agencies": [
            {
                "agency": a.code,
                "name": a.name,
                "file": a.file,
                "status": a.state,
                "submitted": a.submitted,
                "days_late": a.days_late,
                "owned": a.owned,
                "scored": a.scored,
                "missing": a.missing,
                "rejected": a.rejected,
                "errors": a.errors,
                "warnings": a.warnings,
                "claimed": a.claimed,
                "possible": a.possible,
            }
            for a in report.agencies
        ],
        "diagnostics": report.counts,
    }


def deadline_line(report: StatusReport, lang: str) -> str:
    pending = sum(1 for a in report.agencies if a.state != "submitted")
    if pending == 0 and report.agencies:
        return tr("scores.status.deadline_done", lang, due=report.due_before)
    if report.days_late > 0:
        return tr(
            "scores.status.deadline_late",
            lang,
            due=report.due_before,
            days=report.days_late,
            pending=pending,
        )
    if report.days_left == 0:
        return tr("scores.status.deadline_today", lang, due=report.due_before, pending=pending)
    return tr(
        "scores.status.deadline_left",
        lang,
        due=report.due_before,
        last_day=report.last_day,
        days=report.days_left,
        pending=pending,
    )


def total_line(merged: Merged, lang: str) -> str:
    self_leaves = [leaf for leaf in merged.leaves if leaf.status != "ministry"]
    return tr(
        "scores.status.total",
        lang,
        score=format_decimal(merged.total_score),
        max=format_decimal(merged.total_max),
        scored=sum(1 for leaf in self_leaves if leaf.status == "scored"),
        leaves=len(self_leaves),
        ministry=format_decimal(merged.ministry_max),
    )


def _state_style(a: AgencyStatus) -> str:
    if a.state in ("misnamed", "unreadable", "invalid"):
        return "bold red"
    return "yellow" if a.days_late or a.state == "none" else ""


def render_status(report: StatusReport, console: Any, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(tr("scores.status.title", lang, province=report.province, year=report.year))
    )
    table.add_column(Text(tr("scores.status.col.code", lang)), no_wrap=True)
    table.add_column(Text(tr("scores.status.col.agency", lang)), min_width=10)
    table.add_column(Text(tr("scores.status.col.state", lang)), min_width=10)
    rejected = any(a.rejected for a in report.agencies)
    keys = ("owned", "scored", "missing", "rejected", "errors", "warnings")
    for key in keys if rejected else tuple(k for k in keys if k != "rejected"):
        table.add_column(Text(tr(f"scores.status.col.{key}", lang)), justify="right")
    table.add_column(Text(tr("scores.status.col.points", lang)), justify="right", no_wrap=True)
    for a in report.agencies:
        if a.state == "submitted" and a.submitted is not None:
            key = "scores.status.state.late" if a.days_late else "scores.status.state.submitted"
            state = tr(key, lang, date=a.submitted, days=a.days_late)
        elif a.state == "submitted":  # no `submitted:` date (CCHC404 says so)
            state = tr("scores.status.state.submitted_undated", lang)
        else:
            state = tr(f"scores.status.state.{a.state}", lang)
        counts = [Text(str(a.rejected), style="bold red" if a.rejected else "")] if rejected else []
        table.add_row(
            Text(a.code),
            Text(a.name),
            Text(state, style=_state_style(a)),
            str(a.owned),
            str(a.scored),
            Text(str(a.missing), style="yellow" if a.missing else ""),
            *counts,
            Text(str(a.errors), style="bold red" if a.errors else ""),
            Text(str(a.warnings), style="yellow" if a.warnings else ""),
            f"{format_decimal(a.claimed)}/{format_decimal(a.possible)}",
        )
    console.print(table)
    console.print(Text(deadline_line(report, lang)))
    console.print(Text(total_line(report.merged, lang)))
