"""Excel: ``cchc remedy``'s document as a workbook the departments fill in.

* "Tổng hợp": the figures by department (each item once in the total, split items once more
  below), then (the province's plan) the index by part and the self-scored items by area;
* "Tất cả": every department's rows in one table, the agency on every row (filter by agency);
* one sheet per department (its code): its rows only, to send it and get it back.

A row: the item, its figures, the appraiser's comment, then the blank columns the department
fills (request: explanation, additional evidence; plan: cause, remedy, deadline, cooperating
agencies), at least three lines tall. Written with the report's workbook conventions
(:class:`~cchc_cli.report.xlsx_book.Workbook`): user text through ``write_string``, points as
numbers, row heights, AutoFilter, header rows repeated, A4 landscape.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cchc_cli.remedy.model import AgencyBlock, RemedyDoc, RemedyRow
from cchc_cli.report.xlsx_book import Pct, Workbook
from cchc_cli.report.ziputil import stable_zip, stamp_for

#: the blank columns' minimum height: three lines of 11 pt
FILL_POINTS = 45.0
_BLANKS = {
    "request": ("col_answer", "col_evidence"),
    "plan": ("col_cause", "col_remedy", "col_deadline", "col_partners"),
}
_WIDTHS = {"request": (30, 30), "plan": (24, 30, 12, 18)}


def render_xlsx(doc: RemedyDoc, *, when: date | None = None) -> bytes:
    stamp = stamp_for(when)
    book = Workbook(doc, stamp)
    _summary(book, doc)
    if len(doc.agencies) > 1:
        _rows_sheet(book, doc, doc.labels["sheet_all"], doc.agencies, with_agency=True)
    for block in doc.agencies:
        _rows_sheet(book, doc, block.code or "—", [block], with_agency=False)
    return stable_zip(book.close(), stamp)


def _head(doc: RemedyDoc, with_agency: bool) -> tuple[list[str], list[float]]:
    L = doc.labels
    head = [L["col_no"]] + ([L["col_agency"]] if with_agency else [])
    head += [L["col_id"], L["col_item"], L["col_max"], L["col_self"], L["col_appraised"]]
    head.append(L["col_cut"] if doc.kind == "request" else L["col_lost"])
    head.append(L["col_comment"] if doc.kind == "request" else L["col_reason"])
    head += [L[key] for key in _BLANKS[doc.kind]]
    widths = [5.0] + ([20.0] if with_agency else []) + [8.0, 40.0, 8.0, 8.0, 9.0, 8.0, 36.0]
    widths += [float(w) for w in _WIDTHS[doc.kind]]
    return head, widths


def _line(
    doc: RemedyDoc, n: int, block: AgencyBlock, row: RemedyRow, with_agency: bool
) -> list[object]:
    title = f"{row.title}\n{row.note}" if row.note else row.title
    line: list[object] = [n] + (
        [f"{block.name} ({block.code})" if block.code else block.name] if with_agency else []
    )
    line += [row.id, title, row.max, row.self if row.self is not None else row.self_text]
    line += [row.appraised, row.cut if doc.kind == "request" else row.lost, row.reason]
    line += [""] * len(_BLANKS[doc.kind])
    return line


def _rows_sheet(
    book: Workbook, doc: RemedyDoc, name: str, blocks: list[AgencyBlock], *, with_agency: bool
) -> None:
    head, widths = _head(doc, with_agency)
    title = blocks[0].heading if len(blocks) == 1 else doc.labels[f"appendix_{doc.kind}"]
    ws, row = book.sheet(name, widths, title)
    book.text(ws, row - 1, 0, doc.labels[f"fill_note_{doc.kind}"], book.f_plain)
    row = book.header(ws, row + 1, head)
    book.freeze(ws, 4 if with_agency else 3)
    n = 0
    for block in blocks:
        for item in block.rows:
            n += 1
            book.min_height(ws, row, FILL_POINTS)
            row = book.values(ws, row, _line(doc, n, block, item, with_agency))
    book.end_table(ws, row - 1)


def _summary(book: Workbook, doc: RemedyDoc) -> None:
    L = doc.labels
    widths = [40.0, 12.0, 12.0, 14.0, 14.0, 12.0, 10.0]
    ws, row = book.sheet(L["sheet_summary"], widths, L["sheet_summary"])
    for text in (*(doc.results or doc.intro[:1]), doc.totals.check):
        book.text(ws, row, 0, text, book.f_plain)
        row += 1
    row += 1
    points = L["col_cut"] if doc.kind == "request" else L["col_lost"]
    head = [L["col_agency"], L["col_items"], points, L["col_shared"], L["col_sole"]]
    lines: list[list[object]] = [
        [f"{b.name} ({b.code})" if b.code else b.name, b.items, b.points, b.shared, b.sole]
        for b in doc.agencies
    ]
    row = book.table(ws, row, head, lines)
    t = doc.totals
    if t.split_items:
        row = book.values(ws, row, [L["split_once"], t.split_items, None, t.split, None])
    _total(book, ws, row, [L["total"], t.items, t.points, t.split, t.sole])
    row += 2
    if doc.parts:
        head = [L["col_part"], L["col_max"], L["col_points"], L["col_lost"]]
        parts: list[list[object]] = [[p.label, p.max, p.points, p.lost] for p in doc.parts]
        row = _plain_table(book, ws, row, head, parts)
        row += 1
    if doc.areas:
        head = [L["col_area"], L["col_self_max"], L["col_self"], L["col_appraised"], L["col_lost"]]
        head += [L["col_items"], L["col_percent"]]
        lines = [
            [f"{a.id}. {a.title}", a.self_max, a.self, a.appraised, a.lost, a.items,
             Pct(a.appraised / a.self_max * 100 if a.self_max else None)]
            for a in doc.areas
        ]  # fmt: skip
        _plain_table(book, ws, row, head, lines)


def _plain_table(
    book: Workbook, ws: Any, row: int, head: list[str], lines: list[list[object]]
) -> int:
    """A second table on a sheet: a header row in the table style, no AutoFilter (a sheet has
    one: the first table's)."""
    for col, text in enumerate(head):
        book.text(ws, row, col, text, book.f_head)
    row += 1
    for line in lines:
        row = book.values(ws, row, line)
    return row


def _total(book: Workbook, ws: Any, row: int, values: list[object]) -> None:
    for col, value in enumerate(values):
        if isinstance(value, (Decimal, int)):
            book.number(ws, row, col, value, book.f_total_num)
        else:
            book.text(ws, row, col, str(value), book.f_total)
