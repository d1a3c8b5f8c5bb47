"""A CSV table as a :class:`~cchc_cli.criteria.table_grid.Grid`.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM; ``,``, ``;`` (what Excel writes under a
Vietnamese or European locale) or tab separated, guessed from the first lines, or named by
Excel's own first line ``sep=;``. Every cell keeps its line and column.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg
from cchc_cli.core.textio import decode
from cchc_cli.criteria.codes import UNREADABLE
from cchc_cli.criteria.table_grid import Grid, GridCell, GridRow, clean

DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r"^\ufeff?\"?sep=(.)\"?,*$", re.IGNORECASE)
#: how many non-empty lines the separator is guessed from
_SNIFF_LINES = 12


def read_csv(path: Path, rel: str) -> tuple[Grid | None, list[Diagnostic]]:
    text, failure = _csv_text(path, rel)
    if text is None:
        return None, failure
    lines = text.split("\n")
    skip, delimiter = _sep_directive(lines)
    if delimiter is None:
        delimiter = guess_delimiter(lines)
    grid = Grid(rel=rel, spreadsheet=False, text=text)
    reader = csv.reader(_csv_lines(text, skip), delimiter=delimiter)
    previous_end = skip
    try:
        for record in reader:
            start_line = previous_end + 1
            previous_end = skip + reader.line_num
            record_text = "\n".join(lines[start_line - 1 : previous_end])
            starts = _field_starts(record_text, delimiter)
            positions = [_offset_position(lines, start_line, s) for s in starts]
            grid.rows.append(_grid_row(record, positions, start_line))
    except csv.Error as exc:
        return None, [_csv_error(rel, skip + reader.line_num, exc)]
    return grid, []


def _csv_text(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """The decoded text (``\\n`` line ends), or why it cannot be read."""
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
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")), []


def _sep_directive(lines: list[str]) -> tuple[int, str | None]:
    """Excel's ``sep=;`` first line: (lines to skip, the separator it names)."""
    if lines:
        m = _SEP_LINE.match(lines[0].strip())
        if m and m.group(1) in DELIMITERS:
            return 1, m.group(1)
    return 0, None


def guess_delimiter(lines: list[str]) -> str:
    """The separator that splits the first non-empty lines most consistently.

    Each candidate scores the number of lines it splits into the most common field count
    (above one), times that count; ties go to ``,`` then ``;``. A title line above the
    header ("PHỤ LỤC …") holds no separator and does not count against any.
    """
    sample = [ln for ln in lines if ln.strip()][:_SNIFF_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(r) for r in csv.reader(sample, delimiter=delimiter)] if sample else []
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        common = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(common), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_lines(text: str, skip: int) -> Iterator[str]:
    for line in text.split("\n")[skip:]:
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


def _grid_row(record: list[str], positions: list[tuple[int, int]], start_line: int) -> GridRow:
    cells: list[GridCell] = []
    for i, value in enumerate(record):
        line, col = positions[i] if i < len(positions) else (start_line, None)
        text, removed = clean(value)
        raw = value if value.strip() != text else None
        cells.append(GridCell(text, line, col, cleaned=removed, raw=raw))
    return GridRow(start_line, cells)


def _csv_error(rel: str, line: int, exc: csv.Error) -> Diagnostic:
    return error(
        UNREADABLE,
        Location(rel, line or None),
        reason=Msg("criteria.import.csv_error", {"detail": str(exc)}),
    )
