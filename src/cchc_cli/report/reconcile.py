"""How the agencies' appendix adds up to the province's total.

A split leaf (4.3: three departments each score their domain on the leaf's full scale) appears
in every one of those departments' own tables; adding their totals would count it three times.
The appendix therefore lists, per agency, only the leaves it scores alone, then the split
leaves once each with the score the plan's rule combines; the two add up to the province's
self-assessed total exactly (:class:`~cchc_cli.report.document.Reconciliation`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from cchc_cli.report.document import AgencySummary, Reconciliation, ReportRow, Total
from cchc_cli.report.rows import flatten, percent

ZERO = Decimal(0)


@dataclass(frozen=True)
class Sole:
    """An agency's figures over the leaves it scores alone (split leaves left out)."""

    items: int
    scored: int
    max: Decimal
    score: Decimal
    percent: Decimal | None
    lost: Decimal
    split_items: int


def sole_figures(rows: Iterable[ReportRow]) -> Sole:
    leaves = [r for r in flatten(list(rows)) if r.is_leaf and not r.ministry]
    alone = [r for r in leaves if not r.split]
    maximum = sum((r.self_max for r in alone), ZERO)
    score = sum((r.score for r in alone if r.score is not None), ZERO)
    return Sole(
        items=len(alone),
        scored=sum(1 for r in alone if r.status == "scored"),
        max=maximum,
        score=score,
        percent=percent(score, maximum),
        lost=sum((r.lost for r in alone), ZERO),
        split_items=len(leaves) - len(alone),
    )


def reconciliation(
    province_rows: list[ReportRow], agencies: list[AgencySummary], total: Total
) -> Reconciliation:
    split = [r for r in flatten(province_rows) if r.split and not r.ministry]
    agencies_max = sum((a.sole_max for a in agencies), ZERO)
    agencies_score = sum((a.sole_score for a in agencies), ZERO)
    split_max = sum((r.self_max for r in split), ZERO)
    split_score = sum((r.score for r in split if r.score is not None), ZERO)
    return Reconciliation(
        agencies_max=agencies_max,
        agencies_score=agencies_score,
        split_max=split_max,
        split_score=split_score,
        rest_max=total.max - agencies_max - split_max,
        rest_score=total.score - agencies_score - split_score,
        total_max=total.max,
        total_score=total.score,
        parts_max=sum((a.max for a in agencies), ZERO),
        parts_score=sum((a.score for a in agencies), ZERO),
        split_rows=tuple(split),
    )
