"""The appraised index as the consolidated report shows it: one line, and its figures.

The report model (:mod:`cchc_cli.report.document`) holds an :class:`IndexSummary` as
``appraisal`` (None when cchc.yaml names no appraisal file); templates print ``appraisal.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cchc_cli.appraisal.index import AppraisedIndex
from cchc_cli.appraisal.text import exact, percent, rounded
from cchc_cli.core.i18n import tr


@dataclass(frozen=True)
class IndexSummary:
    #: "provisional" or "final"
    status: str
    total: Decimal
    max: Decimal
    percent: Decimal | None
    self_total: Decimal
    appraised_total: Decimal
    self_max: Decimal
    recognised: int
    adjusted: int
    source: str
    #: the index part name -> points (``self``, ``sipas``, ``survey``, ``impact``)
    parts: tuple[tuple[str, Decimal], ...]
    published_total: Decimal | None
    published_rank: int | None
    published_of: int | None
    #: the whole sentence, in the report's language
    text: str


def summarise(index: AppraisedIndex, lang: str) -> IndexSummary:
    rec = index.published
    text = tr(
        f"appraisal.report.line.{index.status}",
        lang,
        total=rounded(index.total, lang),
        max=rounded(index.max, lang),
        percent=percent(index.percent, lang),
        appraised=exact(index.appraised_total, lang),
        self=exact(index.self_total, lang),
        self_max=exact(index.self_max, lang),
        recognised=index.count("recognised"),
        adjusted=index.count("adjusted"),
        source=index.source,
    )
    return IndexSummary(
        status=index.status,
        total=index.total,
        max=index.max,
        percent=index.percent,
        self_total=index.self_total,
        appraised_total=index.appraised_total,
        self_max=index.self_max,
        recognised=index.count("recognised"),
        adjusted=index.count("adjusted"),
        source=index.source,
        parts=tuple((p.name, p.points) for p in index.parts),
        published_total=rec.published if rec is not None else None,
        published_rank=rec.rank if rec is not None else None,
        published_of=rec.of if rec is not None else None,
        text=text,
    )
