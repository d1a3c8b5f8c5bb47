"""What ``cchc index`` prints for one province: the final index as text lines or JSON data.

Pure functions (no printing): the command writes the result. The index and its parts are shown
with two decimals (``82,85`` in Vietnamese), as the Ministry publishes them, items and areas
with all their decimals (:mod:`cchc_cli.appraisal.text`); JSON keeps every number exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cchc_cli.appraisal.index import AppraisedIndex, AppraisedLeaf, IndexPart, Reconciliation
from cchc_cli.appraisal.text import exact, percent, rounded, signed
from cchc_cli.core.i18n import tr
from cchc_cli.plan.names import owners_label

INDENT = "  "


def columns(rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Rows as aligned text: each column as wide as its widest cell (the last one unpadded);
    columns in ``right`` aligned to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines: list[str] = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            if i == len(row) - 1 and i not in right:
                cells.append(cell)
            else:
                cells.append(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]))
        lines.append(INDENT + "  ".join(cells).rstrip())
    return lines


def part_label(name: str, lang: str, *, short: bool = False) -> str:
    key = f"appraisal.part.{'short.' if short else ''}{name}"
    text = tr(key, lang)
    return name if text == key else text


# ------------------------------------------------------------------------------ text


def index_lines(index: AppraisedIndex, lang: str) -> list[str]:
    """The whole text output of ``cchc index`` for one province."""
    lines = _heading(index, lang)
    lines += ["", *_parts(index, lang)]
    lines += ["", *_areas(index, lang)]
    lines += ["", *_lost(index, lang)]
    return lines


def _heading(index: AppraisedIndex, lang: str) -> list[str]:
    self_count = len(index.self_leaves)
    lines = [
        tr(
            "appraisal.index.title",
            lang,
            year=index.year,
            province=index.province,
            total=rounded(index.total, lang),
            max=rounded(index.max, lang),
            percent=percent(index.percent, lang),
        ),
        tr(f"appraisal.index.status.{index.status}", lang, file=index.file),
        tr("appraisal.index.source", lang, source=index.source),
        tr(
            "appraisal.index.items",
            lang,
            count=self_count,
            recognised=index.count("recognised"),
            adjusted=index.count("adjusted"),
        ),
    ]
    rejected = index.count("rejected", ministry=True)
    if rejected:
        lines.append(tr("appraisal.index.rejected", lang, count=rejected))
    lines.append(
        tr(
            "appraisal.index.self_line",
            lang,
            self=exact(index.self_total, lang),
            appraised=exact(index.appraised_total, lang),
            max=exact(index.self_max, lang),
            change=signed(index.appraised_total - index.self_total, lang, exact_digits=True),
        )
    )
    if index.published is not None:
        lines.append(published_line(index.published, len(index.parts), lang))
    return lines


def published_line(rec: Reconciliation, parts: int, lang: str) -> str:
    rank = (
        tr("appraisal.published.rank", lang, rank=rec.rank, of=rec.of or "—")
        if rec.rank is not None
        else ""
    )
    key = (
        "appraisal.published.same"
        if rec.difference == 0
        else "appraisal.published.rounding"
        if rec.within
        else "appraisal.published.differs"
    )
    return tr(
        key,
        lang,
        published=exact(rec.published, lang),
        rank=rank,
        computed=exact(rec.computed, lang),
        difference=exact(abs(rec.difference), lang),
        tolerance=exact(rec.tolerance, lang),
        parts=parts,
    )


def _source(part: IndexPart, lang: str) -> str:
    text = tr(f"appraisal.source.{part.source}", lang)
    return text + (" " + tr("appraisal.rejected_mark", lang) if part.rejected else "")


def _parts(index: AppraisedIndex, lang: str) -> list[str]:
    head = [tr(f"appraisal.col.{k}", lang) for k in ("part", "max", "points", "lost", "source")]
    rows = [head]
    for part in index.parts:
        rows.append(
            [
                part_label(part.name, lang),
                rounded(part.max, lang),
                rounded(part.points, lang),
                rounded(part.lost, lang),
                _source(part, lang),
            ]
        )
    total = [tr("appraisal.col.total", lang), rounded(index.max, lang), rounded(index.total, lang)]
    rows.append([*total, rounded(index.max - index.total, lang), percent(index.percent, lang)])
    return [tr("appraisal.index.parts", lang), *columns(rows, {1, 2, 3})]


def _areas(index: AppraisedIndex, lang: str) -> list[str]:
    keys = ("id", "max", "self", "appraised", "percent", "area")
    rows = [[tr(f"appraisal.col.{k}", lang) for k in keys]]
    for area in index.areas:
        mark = "" if area.complete else "*"
        rows.append(
            [
                area.id,
                exact(area.max, lang),
                exact(area.self, lang),
                exact(area.appraised, lang) + mark,
                percent(area.percent, lang) + mark,
                area.node.title,
            ]
        )
    lines = [tr("appraisal.index.areas", lang), *columns(rows, {1, 2, 3, 4})]
    if any(not area.complete for area in index.areas):
        lines.append(tr("appraisal.index.areas_incomplete", lang))
    return lines


def _lost(index: AppraisedIndex, lang: str) -> list[str]:
    if not index.lost:
        return [tr("appraisal.index.no_lost", lang)]
    title = tr(
        "appraisal.index.lost",
        lang,
        count=len(index.lost),
        points=exact(index.lost_total, lang),
    )
    keys = ("id", "max", "self", "appraised", "lost", "cut", "agencies")
    rows = [[tr(f"appraisal.col.{k}", lang) for k in keys]]
    for leaf in index.lost:
        rows.append(_lost_row(leaf, lang))
    table = columns(rows, {1, 2, 3, 4, 5})
    pad = INDENT + " " * (max(len(row[0]) for row in rows) + 2)
    lines = [title, table[0]]
    for leaf, line in zip(index.lost, table[1:], strict=True):
        lines.append(line)
        if leaf.comment:
            lines.append(pad + tr("appraisal.index.comment", lang, comment=leaf.comment))
    return [*lines, "", *_agency_lines(index, lang)]


def _lost_row(leaf: AppraisedLeaf, lang: str) -> list[str]:
    appraised = exact(leaf.appraised, lang)
    if leaf.state == "rejected":
        appraised += " " + tr("appraisal.rejected_mark", lang)
    return [
        leaf.id,
        exact(leaf.max, lang),
        exact(leaf.self_score, lang),
        appraised,
        exact(leaf.lost, lang),
        exact(leaf.cut, lang),
        owners_label(leaf.agencies, lang, "code") or tr("appraisal.no_agency", lang),
    ]


def _agency_lines(index: AppraisedIndex, lang: str) -> list[str]:
    rows = []
    for a in index.agencies:
        items = tr("appraisal.index.agency_items", lang, count=a.items)
        if a.shared:
            items += tr("appraisal.index.shared", lang, points=exact(a.shared, lang))
        rows.append([a.code, exact(a.lost, lang), a.name, items])
    return [tr("appraisal.index.by_agency", lang), *columns(rows, {1})]


# ------------------------------------------------------------------------------ JSON


def leaf_json(leaf: AppraisedLeaf) -> dict[str, Any]:
    return {
        "id": leaf.id,
        "title": leaf.node.title,
        "agencies": [
            {"code": o.code, "name": o.name, "role": o.role, "domain": o.domain}
            for o in leaf.agencies
        ],
        "max": leaf.max,
        "self": leaf.self_score,
        "appraised": leaf.appraised,
        "lost": leaf.lost,
        "cut": leaf.cut,
        "state": leaf.state,
        "comment": leaf.comment,
    }


def index_payload(index: AppraisedIndex) -> dict[str, Any]:
    """``cchc index --format json`` (README, section "appraisal", lists the keys)."""
    return {
        "province": index.province,
        "year": index.year,
        "status": index.status,
        "self_total": index.self_total,
        "self_max": index.self_max,
        "appraised_total": index.appraised_total,
        "parts": {p.name: p.points for p in index.parts},
        "total": index.total,
        "max": index.max,
        "percent": index.percent,
        "items": {
            "self": len(index.self_leaves),
            "recognised": index.count("recognised"),
            "adjusted": index.count("adjusted"),
            "rejected": index.count("rejected"),
        },
        "lost": [leaf_json(leaf) for leaf in index.lost],
        "agencies": [
            {"code": a.code, "name": a.name, "items": a.items, "lost": a.lost, "shared": a.shared}
            for a in index.agencies
        ],
        "areas": [
            {
                "id": a.id,
                "title": a.node.title,
                "max": a.max,
                "self_max": a.self_max,
                "self": a.self,
                "appraised": a.appraised,
                "complete": a.complete,
                "percent": a.percent,
            }
            for a in index.areas
        ],
        "part_details": [
            {
                "name": p.name,
                "max": p.max,
                "points": p.points,
                "lost": p.lost,
                "source": p.source,
                "rejected": p.rejected,
            }
            for p in index.parts
        ],
        "published": published_json(index.published),
        "methodology": index.methodology,
        "source": index.source,
        "file": index.file,
    }


def published_json(rec: Reconciliation | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
        "total": rec.published,
        "rank": rec.rank,
        "of": rec.of,
        "computed": rec.computed,
        "difference": rec.difference,
        "tolerance": rec.tolerance,
        "within": rec.within,
    }
