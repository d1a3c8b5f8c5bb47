"""The Excel workbook's plumbing: formats, sheets with the report's conventions, typed cells.

* every id and every piece of user text goes through ``write_string`` — ``=1+1`` in an
  explanation stays text, never a formula; ``1.10`` stays ``1.10``, never the number 1.1;
* points are numbers (``write_number``), percentages numbers formatted as %;
* every row gets an explicit height from its wrapped text (:mod:`.xlsx_fit`): LibreOffice
  Calc does not fit rows itself in a file written by XlsxWriter;
* a table has its header repeated on every printed page, frozen on screen, and an AutoFilter
  over its data rows;
* print setup: A4 landscape, fit to the page's width, the report's title in the page header,
  page numbers in the footer;
* in a draft, every sheet has "DỰ THẢO" in its page header and first row.

:class:`Workbook` reads only what :class:`BookSource` names (the report, or ``cchc remedy``'s
document); :class:`Book` is the report's, with the report model at hand as ``book.report``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from cchc_cli.report.document import AgencyRef, Report

_INVALID_SHEET = set("[]:*?/\\")


@dataclass(frozen=True)
class Pct:
    """A percentage cell (0–100) for :meth:`Book.values`."""

    value: Decimal | None


@dataclass(frozen=True)
class Link:
    """A relative link to a file cchc put beside the workbook, for :meth:`Book.values`."""

    target: str
    text: str


class BookSource(Protocol):
    """What the workbook's properties and print setup read: the report, or another document
    in the report's form (``cchc remedy``'s)."""

    @property
    def title(self) -> str: ...
    @property
    def labels(self) -> Mapping[str, str]: ...
    @property
    def draft(self) -> bool: ...
    @property
    def draft_mark(self) -> str: ...
    @property
    def date(self) -> date | None: ...
    @property
    def date_text(self) -> str: ...
    @property
    def province_full(self) -> str: ...
    @property
    def coordinator(self) -> AgencyRef: ...


class Workbook:
    """An XlsxWriter workbook in memory with the report's formats and sheet conventions."""

    def __init__(self, report: BookSource, stamp: datetime) -> None:
        import xlsxwriter

        self.source = report
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                # the workbook's own font: a column's width unit is the width of its "0",
                # so widths mean the same on every desktop (Calibri is not everywhere)
                "default_format_properties": {
                    "font_name": "Times New Roman",
                    "font_size": 11,
                    "font_scheme": "none",
                },
            },
        )
        self.wb.set_properties(
            {
                "title": report.title,
                "subject": report.labels["report_word"],
                "author": report.coordinator.name,
                "company": report.province_full,
                "keywords": "PAR INDEX; CCHC",
                "comments": report.draft_mark,
                "created": stamp,
            }
        )
        #: id of a format -> (font size, bold, wraps): what a row height depends on
        self._metrics: dict[int, tuple[float, bool, bool]] = {}
        #: per sheet: the column widths, each row's height, the table's (header row, last col)
        self._widths: dict[str, list[float]] = {}
        self._heights: dict[str, dict[int, float]] = {}
        self._tables: dict[str, tuple[int, int]] = {}
        self._add_formats()
        self.names: set[str] = set()

    def _format(self, props: dict[str, Any]) -> Any:
        """A cell format, remembered with its font size, weight and wrapping (row heights)."""
        fmt = self.wb.add_format(props)
        self._metrics[id(fmt)] = (
            float(props.get("font_size", 11)),
            bool(props.get("bold", False)),
            bool(props.get("text_wrap", False)),
        )
        return fmt

    def _add_formats(self) -> None:
        """The cell formats, added in a fixed order (their order is part of the file)."""
        base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top", "text_wrap": True}
        self.f_text = self._format({**base, "border": 1})
        self.f_num = self._format({**base, "border": 1, "num_format": "General"})
        self.f_pct = self._format({**base, "border": 1, "num_format": "0.00%"})
        self.f_head = self._format(
            {
                **base,
                "border": 1,
                "bold": True,
                "bg_color": "#EEF1F6",
                "align": "center",
                "valign": "vcenter",
            }
        )
        group = {**base, "border": 1, "bold": True}
        self.f_group = {
            1: self._format({**group, "bg_color": "#EEF1F6"}),
            2: self._format({**group, "bg_color": "#F6F8FB"}),
        }
        self.f_group_num = {
            1: self._format({**group, "bg_color": "#EEF1F6", "num_format": "General"}),
            2: self._format({**group, "bg_color": "#F6F8FB", "num_format": "General"}),
        }
        self.f_group_pct = {
            1: self._format({**group, "bg_color": "#EEF1F6", "num_format": "0.00%"}),
            2: self._format({**group, "bg_color": "#F6F8FB", "num_format": "0.00%"}),
        }
        self.f_total = self._format({**group, "bg_color": "#DDE3EC"})
        self.f_total_num = self._format({**group, "bg_color": "#DDE3EC", "num_format": "General"})
        self.f_total_pct = self._format({**group, "bg_color": "#DDE3EC", "num_format": "0.00%"})
        self.f_title = self._format({**base, "bold": True, "font_size": 13, "text_wrap": False})
        self.f_plain = self._format({**base, "text_wrap": False})
        self.f_draft = self._format(
            {**base, "bold": True, "font_size": 14, "font_color": "#B3261E", "text_wrap": False}
        )
        self.f_link = self._format({**base, "border": 1, "font_color": "#1F4E9A", "underline": 1})

    def sheet(self, name: str, widths: Sequence[float], title: str) -> tuple[Any, int]:
        """A new sheet with the print setup (A4 landscape, fit to the page's width, margins,
        the report's title in the page header, page numbers in the footer), the draft mark
        (page header, first row) and a title; returns the next row."""
        clean = (
            "".join("_" if ch in _INVALID_SHEET else ch for ch in name).strip("'")[:31] or "Sheet"
        )
        candidate, n = clean, 2
        while candidate.casefold() in self.names:
            suffix = f" ({n})"
            candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
        self.names.add(candidate.casefold())
        ws = self.wb.add_worksheet(candidate)
        self._widths[ws.name] = list(widths)
        self._heights[ws.name] = {}
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        r = self.source
        mark = ""
        if r.draft:
            mark = f'&C&"Times New Roman,Bold"&16&KB3261E{_header_escape(r.draft_mark)}'
        ws.set_header(_page_header(r.title, mark))
        ws.set_footer('&C&"Times New Roman"&9&P / &N')
        for i, width in enumerate(widths):
            ws.set_column(i, i, width)
        row = 0
        if r.draft:
            self.text(ws, row, 0, f"{r.draft_mark} — {r.labels['draft_notice']}", self.f_draft)
            row += 1
        self.text(ws, row, 0, title, self.f_title)
        row += 1
        self.text(ws, row, 0, r.title, self.f_plain)
        row += 1
        if r.date is not None:
            self.text(ws, row, 0, f"{r.labels['generated']}: {r.date_text}", self.f_plain)
            row += 1
        return ws, row + 1

    def header(self, ws: Any, row: int, labels: Sequence[str]) -> int:
        """A table's header row: repeated on every printed page, frozen on screen (with the
        first ``freeze`` columns), the top of the table's AutoFilter (:meth:`end_table`)."""
        for col, text in enumerate(labels):
            self.text(ws, row, col, text, self.f_head)
        ws.repeat_rows(row)
        self._tables[ws.name] = (row, len(labels) - 1)
        return row + 1

    def table(
        self,
        ws: Any,
        row: int,
        labels: Sequence[str],
        lines: Sequence[Sequence[object]],
        *,
        empty: str | None = None,
        freeze: int = 0,
    ) -> int:
        """A whole plain table: header, one row per line (:meth:`values`), AutoFilter; with no
        lines, ``empty`` below the header. Returns the next row."""
        row = self.header(ws, row, labels)
        self.freeze(ws, freeze)
        if not lines and empty:
            self.text(ws, row, min(1, len(labels) - 1), empty, self.f_plain)
            return row + 1
        for line in lines:
            row = self.values(ws, row, line)
        self.end_table(ws, row - 1)
        return row

    def freeze(self, ws: Any, columns: int = 0) -> None:
        """Keep the table's header row (and its first ``columns`` columns) in view."""
        header = self._tables.get(ws.name)
        if header is not None:
            ws.freeze_panes(header[0] + 1, columns)

    def end_table(self, ws: Any, last_row: int) -> None:
        """An AutoFilter over the table from its header row to ``last_row`` (the data rows:
        a total row below stays where it is when the officer sorts or filters)."""
        header = self._tables.get(ws.name)
        if header is not None and last_row > header[0]:
            ws.autofilter(header[0], 0, last_row, header[1])

    def text(self, ws: Any, row: int, col: int, value: str | None, fmt: Any = None) -> None:
        """User text, always as text (``write_string``: never a formula, never a number)."""
        fmt = fmt or self.f_text
        ws.write_string(row, col, value or "", fmt)
        self._fit(ws, row, col, value or "", fmt)

    def link(self, ws: Any, row: int, col: int, target: str, text: str) -> None:
        """A relative link to a file beside the workbook (a pack's evidence file), shown as
        ``text``; ``target`` is a path cchc made, never user text."""
        ws.write_url(row, col, f"external:{target}", self.f_link, string=text)
        self._fit(ws, row, col, text, self.f_link)

    def _fit(self, ws: Any, row: int, col: int, value: str, fmt: Any) -> None:
        """Remember the height the cell needs; :meth:`close` sets each row's height."""
        from cchc_cli.report.xlsx_fit import line_count, row_height

        size, bold, wrap = self._metrics.get(id(fmt), (11.0, False, False))
        widths = self._widths.get(ws.name, [])
        lines = line_count(value, widths[col], size, bold) if wrap and col < len(widths) else 1
        need = row_height(lines, size)
        heights = self._heights.setdefault(ws.name, {})
        heights[row] = max(heights.get(row, 0.0), need)

    def min_height(self, ws: Any, row: int, points: float) -> None:
        """At least ``points`` tall: room to type into a form's blank cells."""
        heights = self._heights.setdefault(ws.name, {})
        heights[row] = max(heights.get(row, 0.0), points)

    def number(
        self, ws: Any, row: int, col: int, value: Decimal | int | None, fmt: Any = None
    ) -> None:
        if value is None:
            ws.write_blank(row, col, None, fmt or self.f_num)
        else:
            ws.write_number(row, col, float(value), fmt or self.f_num)

    def values(self, ws: Any, row: int, values: Sequence[object]) -> int:
        """One plain table row, each cell written by its type: numbers as numbers, a
        :class:`Pct` as a percentage, everything else as text (never a formula). Returns the
        next row."""
        for col, value in enumerate(values):
            if isinstance(value, Link):
                self.link(ws, row, col, value.target, value.text)
            elif isinstance(value, Pct):
                self.pct(ws, row, col, value.value)
            elif isinstance(value, (Decimal, int)) and not isinstance(value, bool):
                self.number(ws, row, col, value)
            else:
                self.text(ws, row, col, None if value is None else str(value))
        return row + 1

    def pct(self, ws: Any, row: int, col: int, value: Decimal | None, fmt: Any = None) -> None:
        if value is None:
            ws.write_blank(row, col, None, fmt or self.f_pct)
        else:
            ws.write_number(row, col, float(value / 100), fmt or self.f_pct)

    def close(self) -> bytes:
        for ws in self.wb.worksheets():
            for row, height in sorted(self._heights.get(ws.name, {}).items()):
                ws.set_row(row, height)
        self.wb.close()
        return self.buffer.getvalue()


class Book(Workbook):
    """The report's workbook: :class:`Workbook` with the report model at hand."""

    def __init__(self, report: Report, stamp: datetime) -> None:
        super().__init__(report, stamp)
        self.report = report


def _header_escape(text: str) -> str:
    return text.replace("&", "&&")


#: Excel's limit on a page header, codes included
_HEADER_LIMIT = 255


def _page_header(title: str, mark: str) -> str:
    """The page header: the report's title on the left (cut with "…" to fit Excel's limit),
    ``mark`` (the draft mark's codes) after it."""
    prefix = '&L&"Times New Roman"&9'
    room = _HEADER_LIMIT - len(prefix) - len(mark)
    text = _header_escape(title)
    cut = len(title)
    while len(text) > room and cut > 0:
        cut -= 1
        text = _header_escape(title[:cut].rstrip() + "\u2026")
    return prefix + text + mark
