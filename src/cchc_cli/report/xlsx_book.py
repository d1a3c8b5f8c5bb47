"""The Excel workbook's plumbing: formats, sheets with the report's conventions, typed cells.

* every id and every piece of user text goes through ``write_string`` — ``=1+1`` in an
  explanation stays text, never a formula; ``1.10`` stays ``1.10``, never the number 1.1;
* points are numbers (``write_number``), percentages numbers formatted as %;
* in a draft, every sheet has "DỰ THẢO" in its page header and first row.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from cchc_cli.report.document import Report

_INVALID_SHEET = set("[]:*?/\\")


@dataclass(frozen=True)
class Pct:
    """A percentage cell (0–100) for :meth:`Book.values`."""

    value: Decimal | None


class Book:
    """An XlsxWriter workbook in memory with the report's formats and sheet conventions."""

    def __init__(self, report: Report, stamp: datetime) -> None:
        import xlsxwriter

        self.report = report
        self.buffer = io.BytesIO()
        self.wb = xlsxwriter.Workbook(
            self.buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
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
        self._add_formats()
        self.names: set[str] = set()

    def _add_formats(self) -> None:
        """The cell formats, added in a fixed order (their order is part of the file)."""
        base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top", "text_wrap": True}
        self.f_text = self.wb.add_format({**base, "border": 1})
        self.f_num = self.wb.add_format({**base, "border": 1, "num_format": "General"})
        self.f_pct = self.wb.add_format({**base, "border": 1, "num_format": "0.00%"})
        self.f_head = self.wb.add_format(
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
            1: self.wb.add_format({**group, "bg_color": "#EEF1F6"}),
            2: self.wb.add_format({**group, "bg_color": "#F6F8FB"}),
        }
        self.f_group_num = {
            1: self.wb.add_format({**group, "bg_color": "#EEF1F6", "num_format": "General"}),
            2: self.wb.add_format({**group, "bg_color": "#F6F8FB", "num_format": "General"}),
        }
        self.f_group_pct = {
            1: self.wb.add_format({**group, "bg_color": "#EEF1F6", "num_format": "0.00%"}),
            2: self.wb.add_format({**group, "bg_color": "#F6F8FB", "num_format": "0.00%"}),
        }
        self.f_total = self.wb.add_format({**group, "bg_color": "#DDE3EC"})
        self.f_total_num = self.wb.add_format(
            {**group, "bg_color": "#DDE3EC", "num_format": "General"}
        )
        self.f_total_pct = self.wb.add_format(
            {**group, "bg_color": "#DDE3EC", "num_format": "0.00%"}
        )
        self.f_title = self.wb.add_format(
            {**base, "bold": True, "font_size": 13, "text_wrap": False}
        )
        self.f_plain = self.wb.add_format({**base, "text_wrap": False})
        self.f_draft = self.wb.add_format(
            {**base, "bold": True, "font_size": 14, "font_color": "#B3261E", "text_wrap": False}
        )

    def sheet(self, name: str, widths: Sequence[float], title: str) -> tuple[Any, int]:
        """A new sheet with the draft mark (header, first row) and a title; returns the next row."""
        clean = (
            "".join("_" if ch in _INVALID_SHEET else ch for ch in name).strip("'")[:31] or "Sheet"
        )
        candidate, n = clean, 2
        while candidate.casefold() in self.names:
            suffix = f" ({n})"
            candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
        self.names.add(candidate.casefold())
        ws = self.wb.add_worksheet(candidate)
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        ws.set_footer("&C&P / &N")
        for i, width in enumerate(widths):
            ws.set_column(i, i, width)
        row = 0
        r = self.report
        if r.draft:
            ws.set_header(f'&C&"Times New Roman,Bold"&16&KB3261E{_header_escape(r.draft_mark)}')
            ws.write_string(row, 0, f"{r.draft_mark} — {r.labels['draft_notice']}", self.f_draft)
            row += 1
        ws.write_string(row, 0, title, self.f_title)
        row += 1
        ws.write_string(row, 0, r.title, self.f_plain)
        row += 1
        if r.date is not None:
            ws.write_string(row, 0, f"{r.labels['generated']}: {r.date_text}", self.f_plain)
            row += 1
        return ws, row + 1

    def header(self, ws: Any, row: int, labels: Sequence[str]) -> int:
        for col, text in enumerate(labels):
            ws.write_string(row, col, text, self.f_head)
        ws.repeat_rows(row)
        ws.freeze_panes(row + 1, 0)
        return row + 1

    def text(self, ws: Any, row: int, col: int, value: str | None, fmt: Any = None) -> None:
        ws.write_string(row, col, value or "", fmt or self.f_text)

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
            if isinstance(value, Pct):
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
        self.wb.close()
        return self.buffer.getvalue()


def _header_escape(text: str) -> str:
    return text.replace("&", "&&")
