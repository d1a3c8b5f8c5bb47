"""Excel: the report model as a workbook (XlsxWriter), one function per sheet.

* cells are written through :class:`~cchc_cli.report.xlsx_book.Book`: user text always as
  text (never a formula), points as numbers, percentages as numbers formatted as %;
* the main table has one line per area, criterion and sub-criterion, each carrying its order,
  its area and its level (so that an officer can sort and filter it and still read it); area
  and criterion rows are subtotal rows (bold, shaded); a total row closes each table, below
  the AutoFilter's range;
* the items the Ministry scores itself (survey, SIPAS) have their own sheet;
* one sheet per agency; in a draft, every sheet has "DỰ THẢO" in its page header and first row.

Row heights, AutoFilter, frozen headers and the print setup come from
:class:`~cchc_cli.report.xlsx_book.Book`.

Stable output: fixed document properties (``--date`` or a fixed epoch) and zip timestamps.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cchc_cli.report.document import Report, ReportRow
from cchc_cli.report.xlsx_book import Book, Pct
from cchc_cli.report.ziputil import stable_zip, stamp_for


def ministry_only(row: ReportRow) -> bool:
    """An item, or a group all of whose items, the Ministry scores itself: no self-score (never
    a 0 that reads as one)."""
    return row.ministry or (not row.is_leaf and row.self_max == 0 and row.ministry_max > 0)


def _status_text(report: Report, row: ReportRow) -> str:
    if ministry_only(row):
        return report.labels["status_ministry"]
    if row.status in ("missing", "rejected"):
        return report.labels[f"status_{row.status}"]
    if row.is_leaf and not row.ministry and row.evidence_status == "none":
        return report.labels["evidence_none"]
    if row.is_leaf and not row.ministry and row.evidence_status == "incomplete":
        return report.labels["evidence_incomplete"]
    return ""


#: the main table's columns: label key and width (a ``None`` label: the status column)
MAIN_COLUMNS: tuple[tuple[str | None, float], ...] = (
    ("col_no", 5),
    ("col_area", 7),
    ("col_level", 16),
    ("col_id", 8),
    ("col_title", 44),
    ("col_max", 8),
    ("col_self_max", 10),
    ("col_score", 9),
    ("col_percent", 8),
    ("col_owner", 24),
    ("col_evidence", 42),
    ("col_explanation", 38),
    ("col_comment", 26),
    ("col_measured", 8),
    (None, 18),
)
ROW_WIDTHS = tuple(width for _, width in MAIN_COLUMNS)
#: columns kept in view when the officer scrolls right: order, area, level, id
_FROZEN = 4


def _level_text(report: Report, row: ReportRow) -> str:
    return report.labels[f"level_{row.kind}"]


def _main_row(book: Book, ws: Any, row: int, n: int, area: str, item: ReportRow) -> None:
    """One line of the main table: its place (order, area, level), then its figures and texts."""
    group = not item.is_leaf
    level = min(item.level, 2)
    ft = book.f_group[level] if group else book.f_text
    fn = book.f_group_num[level] if group else book.f_num
    fp = book.f_group_pct[level] if group else book.f_pct
    r = book.report
    book.number(ws, row, 0, n, fn)
    book.text(ws, row, 1, area, ft)
    book.text(ws, row, 2, _level_text(r, item), ft)
    book.text(ws, row, 3, item.id, ft)
    book.text(ws, row, 4, item.title, ft)
    book.number(ws, row, 5, item.max, fn)
    book.number(ws, row, 6, item.self_max if item.self_max else None, fn)
    book.number(ws, row, 7, None if ministry_only(item) else item.score, fn)
    book.pct(ws, row, 8, item.percent, fp)
    book.text(ws, row, 9, item.owners_text, ft)
    book.text(ws, row, 10, item.evidence_text, ft)
    book.text(ws, row, 11, item.explanation_text, ft)
    book.text(ws, row, 12, item.comment_text, ft)
    book.number(ws, row, 13, item.measured, fn)
    book.text(ws, row, 14, _status_text(r, item), ft)


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
    """The main table: every area, criterion and sub-criterion on its own line, each line
    carrying its area and level, so that sorting and filtering keep it readable; a total row
    below the AutoFilter's range."""
    L = book.report.labels
    row = book.header(ws, row, [L[key] if key else "" for key, _ in MAIN_COLUMNS])
    book.freeze(ws, _FROZEN)
    area = ""
    for n, item in enumerate(rows, start=1):
        if item.level == 1:
            area = item.id
        _main_row(book, ws, row, n, area, item)
        row += 1
    book.end_table(ws, row - 1)
    for col in range(len(MAIN_COLUMNS)):
        book.text(ws, row, col, "", book.f_total)
    book.text(ws, row, 4, total_label, book.f_total)
    book.number(ws, row, 6, total_max, book.f_total_num)
    book.number(ws, row, 7, total_score, book.f_total_num)
    book.pct(ws, row, 8, total_pct, book.f_total_pct)
    return row + 2


def _summary_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    title = L["section_agency_summary"] if r.mode == "agency" else L["section_summary"]
    ws, row = book.sheet(L["sheet_summary"], ROW_WIDTHS, title)
    total_label = L["total_agency"] if r.mode == "agency" else L["total"]
    _rows_table(book, ws, row, r.rows, total_label, r.total.score, r.total.max, r.total.percent)


def _ministry_sheet(book: Book) -> None:
    """The items the Ministry scores itself (survey, SIPAS): their own sheet, with the
    maximum they carry and the methodology's full maximum."""
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_ministry"], (8, 60, 10, 30), L["ministry_items"])
    row = book.header(ws, row, [L["col_id"], L["col_item"], L["col_max"], L["col_method"]])
    book.freeze(ws)
    for item in r.ministry_items:
        method = L["method_sipas"] if item.method == "sipas" else L["method_survey"]
        row = book.values(ws, row, [item.id, item.title, item.max, method])
    book.end_table(ws, row - 1)
    totals = ((L["ministry_total"], r.total.ministry_max), (L["full_max"], r.total.full_max))
    for label, value in totals:
        book.text(ws, row, 0, "", book.f_total)
        book.text(ws, row, 1, label, book.f_total)
        book.number(ws, row, 2, value, book.f_total_num)
        book.text(ws, row, 3, "", book.f_total)
        row += 1


def _explanations_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(
        L["sheet_explanations"], (9, 48, 26, 10, 9, 42, 48, 22), L["section_explanations"]
    )
    head = ["col_id", "col_item", "col_owner", "col_score", "col_max", "col_evidence"]
    lines = [
        [
            item.id,
            item.title,
            item.owners_text,
            item.score,
            item.max,
            item.evidence_text,
            item.explanation_text or L["no_explanation"],
            _status_text(r, item),
        ]
        for item in r.explanations
    ]
    labels = [L[k] for k in head] + [L["col_explanation"], ""]
    book.table(ws, row, labels, lines, empty=L["none_explanations"], freeze=1)


def _lost_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_lost"], (6, 9, 48, 9, 10, 9, 26, 48), L["appendix_lost"])
    head = ["col_no", "col_id", "col_item", "col_max", "col_score", "col_lost", "col_owner"]
    lines = [
        [
            n,
            item.id,
            item.title,
            item.max,
            item.score,
            item.lost,
            item.owners_text,
            item.explanation_text,
        ]
        for n, item in enumerate(r.lost, start=1)
    ]
    labels = [L[k] for k in head] + [L["col_explanation"]]
    book.table(ws, row, labels, lines, empty=L["none_lost"], freeze=2)


def _agencies_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(
        L["sheet_agencies"], (12, 40, 10, 9, 9, 11, 10, 9, 9, 9, 26, 14), L["appendix_agencies"]
    )
    head = ["col_id", "col_agency", "col_items", "col_scored", "col_missing", "col_self_max"]
    head += ["col_score", "col_percent", "col_lost", "col_cooperating", "col_file"]
    lines: list[list[object]] = []
    for a in r.agencies:
        name = a.name + (f" — {L['coordinator_mark']}" if a.is_coordinator else "")
        status = L.get(f"file_{a.file_status}", L["file_none"]) if a.file_status else L["file_none"]
        lines.append(
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
            ]
        )
    book.table(ws, row, [L[k] for k in head] + [L["col_file_status"]], lines, freeze=1)


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
    head = ["col_id", "col_item", "col_owner", "col_evidence", "col_comment"]
    lines = [
        [item.id, item.title, item.owners_text, item.evidence_text, item.comment_text]
        for item in r.cooperation
    ]
    book.table(ws, row, [L[k] for k in head], lines, empty=L["none_cooperation"], freeze=1)


def _checks_sheet(book: Book) -> None:
    r = book.report
    L = r.labels
    ws, row = book.sheet(L["sheet_checks"], (40, 70, 30, 60), L["appendix_validation"])
    status = L["validation_ok"] if r.validation.ok else L["validation_errors"]
    book.text(ws, row, 0, f"{status} ({r.validation.summary})", book.f_plain)
    row += 2
    if r.validation.items:
        head = [L["col_where"], L["col_message"], L["col_code"], L["col_severity"]]
        lines = [[d.where, d.message, d.code, d.severity_text] for d in r.validation.items]
        row = book.table(ws, row, head, lines) + 1
    book.text(ws, row, 0, L["appendix_checksums"], book.f_title)
    row += 1
    for col, text in enumerate([L["col_file"], L["col_sha256"]]):
        book.text(ws, row, col, text, book.f_head)
    row += 1
    for c in r.checksums:
        row = book.values(ws, row, [c.file, c.sha256])


def render_xlsx(report: Report, *, when: date | None = None) -> bytes:
    """The workbook's bytes: the same report and date give the same bytes."""
    stamp = stamp_for(when)
    book = Book(report, stamp)
    _summary_sheet(book)
    if report.mode == "province":
        _ministry_sheet(book)
    _explanations_sheet(book)
    if report.mode == "agency":
        _cooperation_sheet(book)
    _lost_sheet(book)
    if report.mode == "province":
        _agencies_sheet(book)
        _agency_sheets(book)
    _checks_sheet(book)
    return stable_zip(book.close(), stamp)
