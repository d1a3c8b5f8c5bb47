"""The pack's index as a workbook (``muc-luc.xlsx``), for the officer who enters the items into
the Ministry's software one by one.

* "Mục lục": one line per area, criterion and item, in the report's order, each carrying its
  area and level (sort and filter keep it readable); an item's line: owners, maximum,
  self-score, explanation, how many documents, and a link to its folder in the pack;
* "Tài liệu": one line per evidence document: its item, agency, number, date, issuer, title,
  a link to its file in the pack, the file as the score file names it, and a remark (no file,
  not a scan);
* "Văn bản": the report documents in the pack.

Written with the report's workbook conventions (:class:`~cchc_cli.report.xlsx_book.Book`):
user text as text, numbers as numbers, row heights, AutoFilter, print setup.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cchc_cli.core.i18n import tr
from cchc_cli.report.xlsx import ministry_only
from cchc_cli.report.xlsx_book import Book, Link
from cchc_cli.report.ziputil import stable_zip, stamp_for

if TYPE_CHECKING:
    from cchc_cli.pack.content import PackContent, PackedDocument, PackedItem
    from cchc_cli.pack.documents import PackDocument


def label(lang: str, key: str) -> str:
    return tr(f"pack.label.{key}", lang)


def item_status(lang: str, item: PackedItem) -> str:
    """What the index says beside an item: Ministry-scored, not scored, a cooperation."""
    row = item.row
    if ministry_only(row):
        return label(lang, "status_ministry")
    if not row.is_leaf:
        return ""
    if item.cooperating:
        return label(lang, "status_cooperating")
    if row.status == "missing":
        return label(lang, "status_missing")
    return ""


def document_note(lang: str, doc: PackedDocument) -> str:
    """A document's remark: no file named, its file missing, not a scan; "" when all is well."""
    if not doc.source:
        return label(lang, "note_no_file")
    if doc.path is None:
        return label(lang, "note_missing")
    return "" if doc.scan else label(lang, "note_not_scan")


def _items_sheet(book: Book, content: PackContent, lang: str) -> None:
    L = book.report.labels
    widths = (5, 7, 16, 8, 46, 24, 8, 9, 40, 9, 12, 18)
    ws, row = book.sheet(label(lang, "sheet_items"), widths, label(lang, "title_items"))
    head = [L["col_no"], L["col_area"], L["col_level"], L["col_id"], L["col_title"]]
    head += [L["col_owner"], L["col_max"], L["col_score"], L["col_explanation"]]
    head += [label(lang, "col_documents"), label(lang, "col_folder"), ""]
    row = book.header(ws, row, head)
    book.freeze(ws, 4)
    for n, item in enumerate(content.items, start=1):
        r = item.row
        group = not r.is_leaf
        ft = book.f_group[min(r.level, 2)] if group else book.f_text
        fn = book.f_group_num[min(r.level, 2)] if group else book.f_num
        book.number(ws, row, 0, n, fn)
        for col, text in enumerate((item.area, L[f"level_{r.kind}"], r.id, r.title, r.owners_text)):
            book.text(ws, row, col + 1, text, ft)
        book.number(ws, row, 6, r.max, fn)
        book.number(ws, row, 7, None if ministry_only(r) else r.score, fn)
        book.text(ws, row, 8, r.explanation_text, ft)
        book.number(ws, row, 9, len(item.documents) if r.is_leaf else None, fn)
        if item.folder is not None:
            book.link(ws, row, 10, f"{item.folder}/", item.folder)
        else:
            book.text(ws, row, 10, "", ft)
        book.text(ws, row, 11, item_status(lang, item), ft)
        row += 1
    book.end_table(ws, row - 1)


def _documents_sheet(book: Book, content: PackContent, lang: str) -> None:
    L = book.report.labels
    widths = (5, 8, 40, 22, 16, 11, 24, 40, 34, 30, 22)
    ws, row = book.sheet(label(lang, "sheet_documents"), widths, label(lang, "title_documents"))
    head = [L["col_no"], L["col_id"], L["col_item"], L["col_agency"]]
    head += [label(lang, k) for k in ("col_number", "col_date", "col_issuer", "col_doc_title")]
    head += [label(lang, "col_pack_file"), label(lang, "col_source"), label(lang, "col_note")]
    lines: list[list[object]] = []
    for item in content.items:
        for doc in item.documents:
            ev = doc.ref
            where: object = Link(doc.path, doc.path) if doc.path else ""
            lines.append(
                [
                    len(lines) + 1,
                    item.row.id,
                    item.row.title,
                    doc.agency_name,
                    ev.number or "",
                    ev.date_text,
                    ev.issuer or "",
                    ev.title or "",
                    where,
                    doc.source,
                    document_note(lang, doc),
                ]
            )
    book.table(ws, row, head, lines, empty=label(lang, "none_documents"), freeze=2)


def _reports_sheet(book: Book, documents: list[PackDocument], lang: str) -> None:
    ws, row = book.sheet(label(lang, "sheet_reports"), (60, 50), label(lang, "title_reports"))
    head = [label(lang, "col_pack_file"), label(lang, "col_role")]
    lines: list[list[object]] = [
        [Link(d.path, d.path), label(lang, f"role_{d.role}")] for d in documents
    ]
    book.table(ws, row, head, lines)


def render_index_xlsx(
    content: PackContent, documents: list[PackDocument], when: date | None
) -> bytes:
    """The index workbook's bytes: the same content and date give the same bytes."""
    stamp = stamp_for(when)
    book = Book(content.report, stamp)
    lang = content.report.lang
    _items_sheet(book, content, lang)
    _documents_sheet(book, content, lang)
    _reports_sheet(book, documents, lang)
    return stable_zip(book.close(), stamp)
