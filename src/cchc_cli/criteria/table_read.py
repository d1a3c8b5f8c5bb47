"""Phase 1 of ``cchc criteria import``: read the table (CSV or .xlsx) into rows of text cells.

Accepted: UTF-8 CSV with or without BOM, UTF-16 with BOM (``,``, ``;`` or tab separated), or
.xlsx read-only (first sheet). The first non-empty row is the header; its column names may be
spelled in English or Vietnamese (:data:`ALIASES`). Every cell keeps its line and column, so
later phases can point a diagnostic at the exact cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg
from cchc_cli.core.textio import decode
from cchc_cli.criteria.codes import (
    EXCEL_NUMBER_ID,
    EXTRA_CELLS,
    MISSING_COLUMN,
    UNKNOWN_COLUMN,
    UNREADABLE,
)

REQUIRED: tuple[str, ...] = ("id", "title", "max")
OPTIONAL: tuple[str, ...] = ("method", "levels", "rubric", "guidance")

#: accepted spellings of the column names (compared after NFC + casefold + trimming)
ALIASES: dict[str, str] = {
    "id": "id",
    "mã": "id",
    "mã mục": "id",
    "mã tiêu chí": "id",
    "title": "title",
    "tên": "title",
    "tên mục": "title",
    "tên tiêu chí": "title",
    "nội dung": "title",
    "max": "max",
    "điểm tối đa": "max",
    "điểm": "max",
    "method": "method",
    "cách chấm": "method",
    "phương pháp": "method",
    "levels": "levels",
    "mức điểm": "levels",
    "rubric": "rubric",
    "thang điểm": "rubric",
    "guidance": "guidance",
    "hướng dẫn": "guidance",
    "tài liệu kiểm chứng": "guidance",
}

#: marks a row whose id cell held an Excel number or date (already reported, CCHC236)
BAD_ID_MARK = "_bad_id"


@dataclass
class Cell:
    text: str
    line: int
    column: int | None


@dataclass
class TableRow:
    """One data row of the table: canonical column name -> cell."""

    line: int
    cells: dict[str, Cell]

    def get(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell is not None else ""

    def at(self, rel: str, name: str | None = None) -> Location:
        cell = self.cells.get(name) if name else None
        if cell is None:
            return Location(rel, self.line, None)
        return Location(rel, cell.line, cell.column)


@dataclass
class Table:
    rel: str
    text: str | None  # CSV text, for source context in diagnostics
    rows: list[TableRow] = field(default_factory=list)


def read_table(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, rel)
    if suffix in (".xls", ".ods"):
        return None, [error(UNREADABLE, Location(rel), reason=Msg("criteria.import.old_excel"))]
    return _read_csv(path, rel)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _no_rows(rel: str) -> Diagnostic:
    return error(UNREADABLE, Location(rel), reason=Msg("criteria.import.no_rows"))


def _has_errors(diags: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


# ---------------------------------------------------------------------------------- header


def _norm_header(value: str) -> str:
    return " ".join(_nfc(value).replace("\ufeff", "").split()).casefold()


def _header_map(
    values: list[str], rel: str, line: int, columns: list[int | None]
) -> tuple[dict[int, str], list[Diagnostic]]:
    """Column index -> canonical name, with diagnostics for unknown/duplicate/missing columns."""
    diags: list[Diagnostic] = []
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    for i, raw in enumerate(values):
        name = _norm_header(raw)
        if not name:
            continue
        where = Location(rel, line, columns[i])
        canonical = ALIASES.get(name)
        if canonical is None:
            diags.append(_unknown_column(raw, name, where))
        elif canonical in seen:
            diags.append(_duplicate_column(raw, canonical, seen[canonical], where))
        else:
            seen[canonical] = i
            mapping[i] = canonical
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        diags.append(
            error(
                MISSING_COLUMN,
                Location(rel, line, 1),
                missing=missing,
                allowed=[*REQUIRED, *OPTIONAL],
            )
        )
    return mapping, diags


def _unknown_column(raw: str, name: str, where: Location) -> Diagnostic:
    allowed = [*REQUIRED, *OPTIONAL]
    close = difflib.get_close_matches(name, list(ALIASES), n=1, cutoff=0.75)
    hint = (
        Msg(f"{UNKNOWN_COLUMN}.hint_guess", {"guess": ALIASES[close[0]], "allowed": allowed})
        if close
        else None
    )
    return warning(UNKNOWN_COLUMN, where, hint=hint, column=raw.strip(), allowed=allowed)


def _duplicate_column(raw: str, canonical: str, first: int, where: Location) -> Diagnostic:
    return error(
        UNKNOWN_COLUMN,
        where,
        message=Msg(
            f"{UNKNOWN_COLUMN}.duplicate",
            {"column": raw.strip(), "name": canonical, "first": first + 1},
        ),
        column=raw.strip(),
        allowed=[*REQUIRED, *OPTIONAL],
    )


# ------------------------------------------------------------------------------------- CSV


def _read_csv(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    text, failure = _csv_text(path, rel)
    if text is None:
        return None, failure
    lines = text.split("\n")
    delimiter = _delimiter(lines)
    table = Table(rel=rel, text=text)
    diags: list[Diagnostic] = []
    reader = csv.reader(_csv_lines(text), delimiter=delimiter)
    header: dict[int, str] | None = None
    width = 0
    previous_end = 0
    try:
        for record in reader:
            start_line = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            record_text = "\n".join(lines[start_line - 1 : previous_end])
            starts = _field_starts(record_text, delimiter)
            positions = [_offset_position(lines, start_line, s) for s in starts]
            columns: list[int | None] = [p[1] for p in positions] + [None] * len(record)
            if header is None:
                header, problems = _header_map(record, rel, start_line, columns)
                diags += problems
                if _has_errors(problems):
                    return None, diags
                width = len(record)
                continue
            if len(record) > width and any(c.strip() for c in record[width:]):
                where = Location(rel, start_line, columns[width])
                diags.append(error(EXTRA_CELLS, where, cells=len(record), columns=width))
            table.rows.append(_csv_row(record, header, positions, start_line))
    except csv.Error as exc:
        return None, [*diags, _csv_error(rel, reader.line_num, exc)]
    if header is None or not table.rows:
        return None, [*diags, _no_rows(rel)]
    return table, diags


def _csv_text(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """The decoded text (NFC, ``\\n`` line ends), or why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(UNREADABLE, Location(rel), reason=os_error_msg(exc))]
    text, problems = decode(raw, rel)
    if text is None:
        where = problems[0] if problems else None
        at = Location(rel, where.line, where.column) if where else Location(rel)
        byte = where.message.args.get("encoding", "?") if where else "?"
        return None, [error(UNREADABLE, at, reason=Msg("criteria.import.not_utf8", {"byte": byte}))]
    return _nfc(text.replace("\r\n", "\n").replace("\r", "\n")), []


def _delimiter(lines: list[str]) -> str:
    """The most frequent of ``,``, ``;`` and tab on the first non-empty line (ties: comma)."""
    first = next((ln for ln in lines if ln.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _csv_lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield line + "\n"


def _field_starts(text: str, delimiter: str) -> list[int]:
    """Character offsets where each field of one CSV record starts (quotes respected)."""
    starts = [0]
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def _offset_position(lines: list[str], first_line: int, offset: int) -> tuple[int, int]:
    """(line, column) of a character offset into the record starting at ``first_line``."""
    line = first_line
    for text in lines[first_line - 1 :]:
        if offset <= len(text):
            return line, offset + 1
        offset -= len(text) + 1
        line += 1
    return first_line, 1


def _csv_row(
    record: list[str], header: dict[int, str], positions: list[tuple[int, int]], start_line: int
) -> TableRow:
    cells: dict[str, Cell] = {}
    for i, value in enumerate(record):
        name = header.get(i)
        if name is not None:
            line, col = positions[i] if i < len(positions) else (start_line, None)
            cells[name] = Cell(value.strip(), line, col)
    return TableRow(start_line, cells)


def _csv_error(rel: str, line: int, exc: csv.Error) -> Diagnostic:
    return error(
        UNREADABLE,
        Location(rel, line or None),
        reason=Msg("criteria.import.csv_error", {"detail": str(exc)}),
    )


# ------------------------------------------------------------------------------------ xlsx


def _read_xlsx(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # OSError, BadZipFile, KeyError, ValueError, openpyxl's own errors
        return None, [
            error(
                UNREADABLE,
                Location(rel),
                reason=Msg("criteria.import.bad_xlsx", {"detail": f"{type(exc).__name__}: {exc}"}),
            )
        ]
    try:
        return _read_sheet(workbook.worksheets[0], rel)
    finally:
        workbook.close()


def _read_sheet(sheet: Any, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    table = Table(rel=rel, text=None)
    diags: list[Diagnostic] = []
    header: dict[int, str] | None = None
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if header is None:
            texts = ["" if v is None else str(v) for v in values]
            header, problems = _header_map(texts, rel, number, [i + 1 for i in range(len(texts))])
            diags += problems
            if _has_errors(problems):
                return None, diags
            continue
        row, problems = _xlsx_row(values, header, rel, number)
        diags += problems
        table.rows.append(row)
    if header is None or not table.rows:
        return None, [*diags, _no_rows(rel)]
    return table, diags


def _xlsx_row(
    values: tuple[Any, ...], header: dict[int, str], rel: str, number: int
) -> tuple[TableRow, list[Diagnostic]]:
    cells: dict[str, Cell] = {}
    diags: list[Diagnostic] = []
    for i, value in enumerate(values):
        name = header.get(i)
        if name is None:
            continue
        if name == "id" and value is not None and not isinstance(value, str):
            problem = _excel_id(value)
            if problem is not None:
                diags.append(
                    error(
                        EXCEL_NUMBER_ID,
                        Location(rel, number, i + 1),
                        value=str(value),
                        column=_excel_column(i),
                        row=number,
                        kind=problem,
                    )
                )
                cells[name] = Cell("", number, i + 1)
                cells[BAD_ID_MARK] = Cell("x", number, i + 1)
                continue
        cells[name] = Cell(_xlsx_text(value), number, i + 1)
    return TableRow(number, cells), diags


def _excel_column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _excel_id(value: Any) -> Msg | None:
    """An id cell that is not text: whole numbers are fine (``3``), anything else is not."""
    if isinstance(value, (bool, dt.date, dt.datetime, dt.time)):
        return Msg("criteria.import.kind_date")
    if isinstance(value, int):
        return None
    if isinstance(value, float) and value.is_integer():
        return None
    return Msg("criteria.import.kind_number")


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".12g")
    return _nfc(str(value)).strip()
