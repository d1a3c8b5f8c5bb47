"""What ``cchc index`` prints for several provinces (ranking) or two years (``--compare``).

Pure functions (no printing), like :mod:`cchc_cli.appraisal.view`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli.appraisal.compare import Comparison, RankedProvince, part_names
from cchc_cli.appraisal.text import exact, percent, rounded, signed
from cchc_cli.appraisal.view import columns, part_label, published_json
from cchc_cli.core.i18n import tr

# ------------------------------------------------------------------------------ ranking


def ranking_lines(ranked: list[RankedProvince], lang: str) -> list[str]:
    names = part_names([r.index for r in ranked])
    head = [tr("appraisal.col.rank", lang), tr("appraisal.col.province", lang)]
    head += [tr("appraisal.col.total", lang), tr("appraisal.col.percent", lang)]
    head += [part_label(n, lang, short=True) for n in names]
    head += [tr("appraisal.col.published", lang), tr("appraisal.col.folder", lang)]
    rows = [head]
    for r in ranked:
        index = r.index
        parts = {p.name: p.points for p in index.parts}
        row = [str(r.rank), index.province, rounded(index.total, lang)]
        row.append(percent(index.percent, lang))
        row += [rounded(parts.get(n), lang) for n in names]
        row += [_published_cell(r, lang), r.folder]
        rows.append(row)
    right = {0, *range(2, 4 + len(names))}
    title = tr("appraisal.ranking.title", lang, count=len(ranked))
    return [title, *columns(rows, right)]


def _published_cell(r: RankedProvince, lang: str) -> str:
    rec = r.index.published
    if rec is None:
        return "—"
    if rec.rank is None:
        return rounded(rec.published, lang)
    return tr(
        "appraisal.ranking.published",
        lang,
        total=rounded(rec.published, lang),
        rank=rec.rank,
        of=rec.of or "—",
    )


def ranking_payload(ranked: list[RankedProvince]) -> dict[str, Any]:
    return {
        "provinces": [
            {
                "province": r.index.province,
                "folder": r.folder,
                "year": r.index.year,
                "methodology": r.index.methodology,
                "status": r.index.status,
                "total": r.index.total,
                "max": r.index.max,
                "percent": r.index.percent,
                "rank": r.rank,
                "parts": {p.name: p.points for p in r.index.parts},
                "published": published_json(r.index.published),
            }
            for r in ranked
        ]
    }


# ------------------------------------------------------------------------------ two years


def comparison_lines(cmp: Comparison, lang: str) -> list[str]:
    before, after = cmp.before, cmp.after
    lines = [
        tr(
            "appraisal.compare.title",
            lang,
            province=after.province,
            year=after.year,
            other_year=before.year,
            other=cmp.other,
        ),
        tr(
            "appraisal.compare.total",
            lang,
            before=rounded(before.total, lang),
            after=rounded(after.total, lang),
            change=signed(cmp.change, lang),
            percent_before=percent(before.percent, lang),
            percent_after=percent(after.percent, lang),
            percent_change=signed(cmp.percent_change, lang),
        ),
    ]
    years = [str(before.year), str(after.year)]
    if cmp.parts:
        head = [tr("appraisal.col.part", lang), *years, tr("appraisal.col.change", lang)]
        rows = [head] + [
            [
                part_label(p.name, lang),
                rounded(p.before.points, lang),
                rounded(p.after.points, lang),
                signed(p.change, lang),
            ]
            for p in cmp.parts
        ]
        lines += ["", tr("appraisal.index.parts", lang), *columns(rows, {1, 2, 3})]
    if cmp.areas:
        lines += ["", *_area_changes(cmp, years, lang)]
    lines += _not_compared_lines(cmp, lang)
    return lines


def _area_changes(cmp: Comparison, years: list[str], lang: str) -> list[str]:
    change = tr("appraisal.col.change", lang)
    head = [tr("appraisal.col.id", lang), *years, change]
    head += [f"% {y}" for y in years] + [change, tr("appraisal.col.area", lang)]
    rows = [head]
    for a in cmp.areas:
        mark = "" if a.before.complete and a.after.complete else "*"
        rows.append(
            [
                a.id,
                exact(a.before.appraised, lang) + mark,
                exact(a.after.appraised, lang) + mark,
                signed(a.change, lang, exact_digits=True),
                percent(a.before.percent, lang) + mark,
                percent(a.after.percent, lang) + mark,
                signed(a.percent_change, lang),
                a.after.node.title,
            ]
        )
    lines = [tr("appraisal.compare.areas", lang), *columns(rows, {1, 2, 3, 4, 5, 6})]
    if any(not (a.before.complete and a.after.complete) for a in cmp.areas):
        lines.append(tr("appraisal.index.areas_incomplete", lang))
    return lines


def _not_compared_lines(cmp: Comparison, lang: str) -> list[str]:
    notes = cmp.not_compared()
    if not notes:
        return []
    lines = ["", tr("appraisal.compare.not_compared", lang)]
    for note in notes:
        year = cmp.before.year if note.kind.endswith("_before") else cmp.after.year
        name = part_label(note.id, lang) if note.kind.startswith("part") and note.id else note.id
        text = tr(
            f"appraisal.compare.note.{note.kind}",
            lang,
            id=name or "",
            before=_shown(note.before, lang),
            after=_shown(note.after, lang),
            year=year,
        )
        lines.append(f"  - {text}")
    return lines


def _shown(value: str | Decimal | None, lang: str) -> str:
    if isinstance(value, Decimal):
        return exact(value, lang)
    return value or ""


def comparison_payload(cmp: Comparison) -> dict[str, Any]:
    before, after = cmp.before, cmp.after
    return {
        "province": after.province,
        "year": after.year,
        "other": {
            "province": before.province,
            "year": before.year,
            "methodology": before.methodology,
            "folder": cmp.other,
        },
        "total": {"before": before.total, "after": after.total, "change": cmp.change},
        "percent": {"before": before.percent, "after": after.percent, "change": cmp.percent_change},
        "parts": [
            {"name": p.name, "before": p.before.points, "after": p.after.points, "change": p.change}
            for p in cmp.parts
        ],
        "areas": [
            {
                "id": a.id,
                "title": a.after.node.title,
                "max_before": a.before.max,
                "max": a.after.max,
                "before": a.before.appraised,
                "after": a.after.appraised,
                "change": a.change,
                "percent_before": a.before.percent,
                "percent": a.after.percent,
                "percent_change": a.percent_change,
            }
            for a in cmp.areas
        ],
        "not_compared": [
            {"kind": n.kind, "id": n.id, "before": n.before, "after": n.after}
            for n in cmp.not_compared()
        ],
    }
