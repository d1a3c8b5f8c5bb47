"""Excel: the report model as a workbook (XlsxWriter), one function per sheet.

* cells are written through :class:`~cchc_cli.report.xlsx_book.Book`: user text always as
  text (never a formula), points as numbers, percentages as numbers formatted as %;
* area and criterion rows are subtotal rows (bold, shaded); a total row closes each table;
* one sheet per agency; in a draft, every sheet has "DỰ THẢO" in its page header and first row.

Stable output: fixed document properties (``--date`` or a fixed epoch) and zip timestamps.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cchc_cli.report.document import Report, ReportRow
from cchc_cli.report.xlsx_book import Book, Pct
from cchc_cli.report.ziputil import stable_zip, stamp_for


def _status_text(report: Report, row: ReportRow) -> str:
    if row.status == "ministry":
        return report.labels["status_ministry"]
    if row.status == "missing":
        return report.labels["status_missing"]
    if row.is_leaf and not row.ministry and row.evidence_status == "none":
        return report.labels["evidence_none"]
    if row.is_leaf and not row.ministry and row.evidence_status == "incomplete":
        return report.labels["evidence_incomplete"]
    return ""


def _rows_table(
    book: Book,
    ws: Any,
    row: int,
    rows: list[ReportRow],
    total_label: str,
    total_score: Decimal,
    total_max: Decimal,
    total_pct: Decimal | None,
) -> int:
    r = book.report
    L = r.labels
    row = book.header(
        ws,
        row,
        [
            L["col_id"],
            L["col_title"],
            L["col_max"],
            L["col_self_max"],
            L["col_score"],
            L["col_percent"],
            L["col_owner"],
            L["col_evidence"],
            L["col_explanation"],
            L["col_comment"],
            L["col_measured"],
            "",
        ],
    )
    for item in rows:
        group = not item.is_leaf
        level = min(item.level, 2)
        ft = book.f_group[level] if group else book.f_text
        fn = book.f_group_num[level] if group else book.f_num
        fp = book.f_group_pct[level] if group else book.f_pct
        book.text(ws, row, 0, item.id, ft)
        book.text(ws, row, 1, item.title, ft)
        book.number(ws, row, 2, item.max, fn)
        book.number(ws, row, 3, item.self_max if item.self_max else None, fn)
        book.number(ws, row, 4, None if item.ministry else item.score, fn)
        book.pct(ws, row, 5, item.percent, fp)
        book.text(ws, row, 6, item.owners_text, ft)
        book.text(ws, row, 7, item.evidence_text, ft)
        book.text(ws, row, 8, item.explanation_text, ft)
        book.text(ws, row, 9, item.comment_text, ft)
        book.number(ws, row, 10, item.measured, fn)
        book.text(ws, row, 11, _status_text(r, item), ft)
        row += 1
    book.text(ws, row, 0, "", book.f_total)
    book.text(ws, row, 1, total_label, book.f_total)
    book.text(ws, row, 2, "", book.f_total)
    book.number(ws, row, 3, total_max, book.f_total_num)
    book.number(ws, row, 4, total_score, book.f_total_num)
    book.pct(ws, row, 5, total_pct, book.f_total_pct)
    for col in range(6, 12):
        book.text(ws, row, col, "", book.f_total)
    return row + 2


ROW_WIDTHS = (9, 48, 9, 11, 10, 9, 26, 42, 42, 30, 9, 22)


def _summary_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    title = L["section_agency_summary"] if r.mode == "agency" else L["section_summary"]
    ws, row = book.sheet(L["sheet_summary"], ROW_WIDTHS, title)
    total_label = L["total_agency"] if r.mode == "agency" else L["total"]
    row = _rows_table(
        book, ws, row, r.rows, total_label, r.total.score, r.total.max, r.total.percent
    )
    if r.mode == "province":
        book.text(ws, row, 1, L["ministry_items"], book.f_title)
        row += 1
        for col, text in enumerate([L["col_id"], L["col_item"], L["col_max"], L["col_method"]]):
            ws.write_string(row, col, text, book.f_head)
        row += 1
        for item in r.ministry_items:
            method = L["method_sipas"] if item.method == "sipas" else L["method_survey"]
            row = book.values(ws, row, [item.id, item.title, item.max, method])
        book.text(ws, row, 0, "", book.f_total)
        book.text(ws, row, 1, L["ministry_total"], book.f_total)
        book.number(ws, row, 2, r.total.ministry_max, book.f_total_num)
        book.text(ws, row, 3, "", book.f_total)
        row += 1
        book.text(ws, row, 0, "", book.f_total)
        book.text(ws, row, 1, L["full_max"], book.f_total)
        book.number(ws, row, 2, r.total.full_max, book.f_total_num)
        book.text(ws, row, 3, "", book.f_total)


def _explanations_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(
        L["sheet_explanations"], (9, 48, 26, 10, 9, 42, 48, 22), L["section_explanations"]
    )
    row = book.header(
        ws,
        row,
        [
            L["col_id"],
            L["col_item"],
            L["col_owner"],
            L["col_score"],
            L["col_max"],
            L["col_evidence"],
            L["col_explanation"],
            "",
        ],
    )
    if not r.explanations:
        book.text(ws, row, 1, L["none_explanations"], book.f_plain)
    for item in r.explanations:
        row = book.values(
            ws,
            row,
            [
                item.id,
                item.title,
                item.owners_text,
                item.score,
                item.max,
                item.evidence_text,
                item.explanation_text or L["no_explanation"],
                _status_text(r, item),
            ],
        )


def _lost_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_lost"], (6, 9, 48, 9, 10, 9, 26, 48), L["appendix_lost"])
    row = book.header(
        ws,
        row,
        [
            L["col_no"],
            L["col_id"],
            L["col_item"],
            L["col_max"],
            L["col_score"],
            L["col_lost"],
            L["col_owner"],
            L["col_explanation"],
        ],
    )
    if not r.lost:
        book.text(ws, row, 2, L["none_lost"], book.f_plain)
    for n, item in enumerate(r.lost, start=1):
        row = book.values(
            ws,
            row,
            [
                n,
                item.id,
                item.title,
                item.max,
                item.score,
                item.lost,
                item.owners_text,
                item.explanation_text,
            ],
        )


def _agencies_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(
        L["sheet_agencies"], (12, 40, 10, 9, 9, 11, 10, 9, 9, 9, 26, 14), L["appendix_agencies"]
    )
    row = book.header(
        ws,
        row,
        [
            L["col_id"],
            L["col_agency"],
            L["col_items"],
            L["col_scored"],
            L["col_missing"],
            L["col_self_max"],
            L["col_score"],
            L["col_percent"],
            L["col_lost"],
            L["col_cooperating"],
            L["col_file"],
            L["col_file_status"],
        ],
    )
    for a in r.agencies:
        name = a.name + (f" — {L['coordinator_mark']}" if a.is_coordinator else "")
        status = L.get(f"file_{a.file_status}", L["file_none"]) if a.file_status else L["file_none"]
        row = book.values(
            ws,
            row,
            [
                a.code,
                name,
                a.items,
                a.scored,
                a.missing,
                a.max,
                a.score,
                Pct(a.percent),
                a.lost,
                a.cooperating,
                a.file,
                status,
            ],
        )


def _agency_sheets(book: Book) -> None:
    r = book.report
    L = r.labels
    for a in r.agencies:
        if not a.rows:
            continue
        ws, row = book.sheet(a.code, ROW_WIDTHS, f"{a.name} ({a.code})")
        _rows_table(book, ws, row, a.rows, L["total_agency"], a.score, a.max, a.percent)


def _cooperation_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_cooperation"], (9, 48, 30, 42, 48), L["section_cooperation"])
    row = book.header(
        ws, row, [L["col_id"], L["col_item"], L["col_owner"], L["col_evidence"], L["col_comment"]]
    )
    if not r.cooperation:
        book.text(ws, row, 1, L["none_cooperation"], book.f_plain)
    for item in r.cooperation:
        row = book.values(
            ws, row, [item.id, item.title, item.owners_text, item.evidence_text, item.comment_text]
        )


def _checks_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_checks"], (40, 70, 30, 60), L["appendix_validation"])
    status = L["validation_ok"] if r.validation.ok else L["validation_errors"]
    book.text(ws, row, 0, f"{status} ({r.validation.summary})", book.f_plain)
    row += 2
    if r.validation.items:
        row = book.header(
            ws, row, [L["col_where"], L["col_message"], L["col_code"], L["col_severity"]]
        )
        for d in r.validation.items:
            row = book.values(ws, row, [d.where, d.message, d.code, d.severity_text])
        row += 1
    book.text(ws, row, 0, L["appendix_checksums"], book.f_title)
    row += 1
    for col, text in enumerate([L["col_file"], L["col_sha256"]]):
        ws.write_string(row, col, text, book.f_head)
    row += 1
    for c in r.checksums:
        row = book.values(ws, row, [c.file, c.sha256])


def render_xlsx(report: Report, *, when: date | None = None) -> bytes:
    """The workbook's bytes: the same report and date give the same bytes."""
    stamp = stamp_for(when)
    book = Book(report, stamp)
    _summary_sheet(book)
    _explanations_sheet(book)
    if report.mode == "agency":
        _cooperation_sheet(book)
    _lost_sheet(book)
    if report.mode == "province":
        _agencies_sheet(book)
        _agency_sheets(book)
    _checks_sheet(book)
    return stable_zip(book.close(), stamp)
