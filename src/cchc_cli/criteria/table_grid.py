"""The grid every table reader produces (CSV, .xlsx), before anything is known of its columns.

A :class:`Grid` is the sheet as the user sees it: rows of cells, each with its text, its place
(line and column; for a spreadsheet the row number and column number, ``C5``) and what the
spreadsheet knew about it — the kind of value (number, date, a formula without a saved result,
an Excel error such as ``#REF!``), the merged range it belongs to, whether its row or column is
hidden. :mod:`cchc_cli.criteria.table_layout` decides what the grid means.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from cchc_cli.core.diagnostics import Location

#: what a cell holds, as the spreadsheet stored it
TEXT, NUMBER, DATE, BOOL, NO_VALUE, EXCEL_ERROR = "text", "number", "date", "bool", "none", "err"

#: characters that carry nothing a reader sees: dropped from every cell (and named in an info)
INVISIBLE = {
    "\u200b": "U+200B",
    "\u200c": "U+200C",
    "\u200d": "U+200D",
    "\u2060": "U+2060",
    "\ufeff": "U+FEFF",
    "\u00ad": "U+00AD",
}
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\r": ""}


@dataclass(frozen=True)
class Merge:
    """A merged range (``B4:B9``): its corners, 1-based, inclusive."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    @property
    def ref(self) -> str:
        return (
            f"{cell_ref(self.first_row, self.first_col)}:{cell_ref(self.last_row, self.last_col)}"
        )

    @property
    def rows(self) -> int:
        return self.last_row - self.first_row + 1

    @property
    def cols(self) -> int:
        return self.last_col - self.first_col + 1

    def is_origin(self, row: int, col: int) -> bool:
        return (row, col) == (self.first_row, self.first_col)


@dataclass
class GridCell:
    text: str
    line: int
    column: int | None
    kind: str = TEXT
    value: Any = None  # the typed value a spreadsheet gave (number, date), else None
    formula: str | None = None
    merge: Merge | None = None
    cleaned: str | None = None  # what :func:`clean` removed, for the info (e.g. "U+200B")
    raw: str | None = None  # the text before :func:`clean`, when it differs (encoding checks)

    @property
    def ref(self) -> str:
        """``C5`` for a spreadsheet cell (line = row); ``line:column`` for CSV is the caller's."""
        return cell_ref(self.line, self.column or 1)


@dataclass
class GridRow:
    line: int
    cells: list[GridCell]

    def blank(self) -> bool:
        return all(not c.text and c.kind in (TEXT, NUMBER) for c in self.cells)

    def at(self, index: int) -> GridCell | None:
        return self.cells[index] if 0 <= index < len(self.cells) else None


@dataclass
class Grid:
    rel: str
    spreadsheet: bool  # cells are named A1-style (xlsx) rather than line:column (CSV)
    text: str | None = None  # CSV text, for source context in diagnostics
    rows: list[GridRow] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def column_letter(column: int) -> str:
    """1 -> ``A``, 27 -> ``AA``."""
    name = ""
    while column > 0:
        column, rem = divmod(column - 1, 26)
        name = chr(65 + rem) + name
    return name


def cell_ref(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def clean(raw: str) -> tuple[str, str | None]:
    """NFC text without invisible characters, with ordinary spaces, trimmed; and the names of
    the invisible characters removed (None when there were none)."""
    text = unicodedata.normalize("NFC", raw)
    found = sorted({name for ch, name in INVISIBLE.items() if ch in text})
    for ch in INVISIBLE:
        text = text.replace(ch, "")
    for ch, repl in _SPACES.items():
        text = text.replace(ch, repl)
    return text.strip(), (", ".join(found) if found else None)


def typed_text(value: Any) -> tuple[str, str]:
    """A spreadsheet value as text, and its kind (numbers without float noise)."""
    if value is None:
        return "", TEXT
    if isinstance(value, bool):
        return str(value).upper(), BOOL
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return _date_text(value), DATE
    if isinstance(value, (int, float)):
        if isinstance(value, float) and value.is_integer():
            return str(int(value)), NUMBER
        return format(value, ".12g") if isinstance(value, float) else str(value), NUMBER
    return str(value), TEXT


def _date_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


# ------------------------------------------------------------------- the table as columns


@dataclass
class Cell:
    text: str
    line: int
    column: int | None


@dataclass
class TableRow:
    """One data row of the table: canonical column name -> cell.

    ``reported`` names the columns whose problem an earlier phase has already reported (``*``:
    the whole row), so that the row checks say nothing more about them.
    """

    line: int
    cells: dict[str, Cell]
    reported: set[str] = field(default_factory=set)

    def get(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell is not None else ""

    def at(self, rel: str, name: str | None = None) -> Location:
        cell = self.cells.get(name) if name else None
        if cell is None:
            return Location(rel, self.line, None)
        return Location(rel, cell.line, cell.column)

    def was_reported(self, name: str) -> bool:
        return name in self.reported or "*" in self.reported


@dataclass
class Table:
    rel: str
    text: str | None  # CSV text, for source context in diagnostics
    rows: list[TableRow] = field(default_factory=list)
    spreadsheet: bool = False


_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> Decimal | None:
    """``0.5``, ``0,5`` (decimal comma), ``10``; None when not a plain number."""
    value = text.strip()
    if not _NUMBER.match(value):
        return None
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain numbers
        return None


def line_ranges(lines: list[int], limit: int = 6) -> str:
    """``5–9, 12, 15–41``: row numbers as runs (at most ``limit`` runs, then ``…``)."""
    runs: list[list[int]] = []
    for line in sorted(set(lines)):
        if runs and line == runs[-1][1] + 1:
            runs[-1][1] = line
        else:
            runs.append([line, line])
    parts = [str(a) if a == b else f"{a}\u2013{b}" for a, b in runs[:limit]]
    if len(runs) > limit:
        parts.append("\u2026")
    return ", ".join(parts)


def preview(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, for quoting a cell in a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"
