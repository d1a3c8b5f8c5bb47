"""An .xlsx sheet as a :class:`~cchc_cli.criteria.table_grid.Grid`.

The sheet read is the first one shown in Excel (hidden sheets are skipped, and named), or the
one ``--sheet`` names (by name, or by its number among the shown sheets, from 1). Each cell
keeps what Excel stored: its typed value, its formula and the result Excel saved for it (a
workbook written by a program that does not calculate has none), its merged range, and whether
its row or column is hidden.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error, info, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.criteria.codes import HIDDEN_SHEET_CHOSEN, NO_SUCH_SHEET, SHEET_READ, UNREADABLE
from cchc_cli.criteria.table_grid import (
    EXCEL_ERROR,
    NO_VALUE,
    Grid,
    GridCell,
    GridRow,
    Merge,
    clean,
    typed_text,
)
from cchc_cli.criteria.table_sniff import refuse

#: columns past this one are not looked at (an annex has a handful)
MAX_COLUMN = 64
#: an annex has a few hundred rows; a sheet with more holding data is not an annex table
MAX_ROWS = 10_000


def read_xlsx(path: Path, rel: str, sheet: str | None) -> tuple[Grid | None, list[Diagnostic]]:
    book, failure = _load(path, rel, data_only=False)
    if book is None:
        return None, failure
    try:
        chosen, diags = choose_sheet(book, sheet, rel)
        if chosen is None:
            return None, diags
        cells = _cells(chosen)
        if len({row for row, _ in cells}) > MAX_ROWS:
            return None, [*diags, refuse(rel, "too_many_rows", rows=MAX_ROWS)]
        cached: dict[tuple[int, int], Any] = {}
        if any(c.data_type == "f" for c in cells.values()):
            cached = _cached_values(path, rel, chosen.title)
        return _grid(chosen, cells, cached, rel), diags
    finally:
        book.close()


def _load(path: Path, rel: str, *, data_only: bool) -> tuple[Any, list[Diagnostic]]:
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=data_only), []
    except Exception as exc:  # OSError, BadZipFile, KeyError, ValueError, openpyxl's own errors
        detail = f"{type(exc).__name__}: {exc}"
        reason = Msg("criteria.import.bad_xlsx", {"detail": detail})
        return None, [error(UNREADABLE, Location(rel), reason=reason)]


def _cells(sheet: Any) -> dict[tuple[int, int], Any]:
    """The cells the file holds (never the empty grid around them), left of :data:`MAX_COLUMN`."""
    held: dict[tuple[int, int], Any] = sheet._cells
    return {key: cell for key, cell in held.items() if key[1] <= MAX_COLUMN}


def _cached_values(path: Path, rel: str, title: str) -> dict[tuple[int, int], Any]:
    """Cell -> (the value Excel saved for its formula, its type) from a second, data-only read."""
    book, _ = _load(path, rel, data_only=True)
    if book is None:  # pragma: no cover - it was read a moment ago
        return {}
    try:
        cells = _cells(book[title])
        return {key: (cell.value, cell.data_type) for key, cell in cells.items()}
    finally:
        book.close()


# ---------------------------------------------------------------------------- which sheet


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def choose_sheet(book: Any, wanted: str | None, rel: str) -> tuple[Any, list[Diagnostic]]:
    """The sheet to read, with an info naming the others (hidden ones marked)."""
    sheets = list(book.worksheets)
    shown = [s for s in sheets if s.sheet_state == "visible"]
    if wanted is None:
        if not shown:
            names = [s.title for s in sheets]
            args = {"sheets": names}
            message = Msg("table.sheet.none_shown", args)
            hint = Msg("table.sheet.none_shown.hint", args)
            return None, [error(NO_SUCH_SHEET, Location(rel), message=message, hint=hint)]
        chosen = shown[0]
    else:
        chosen = _by_name_or_number(sheets, shown, wanted)
        if chosen is None:
            return None, [_no_such_sheet(rel, wanted, sheets)]
    diags: list[Diagnostic] = []
    others = [_named(s) for s in sheets if s is not chosen]
    if chosen.sheet_state != "visible":
        diags.append(warning(HIDDEN_SHEET_CHOSEN, Location(rel), sheet=chosen.title))
    if others:
        diags.append(info(SHEET_READ, Location(rel), sheet=chosen.title, others=others))
    return chosen, diags


def _by_name_or_number(sheets: list[Any], shown: list[Any], wanted: str) -> Any:
    for sheet in sheets:
        if sheet.title == wanted:
            return sheet
    for sheet in sheets:
        if _key(sheet.title) == _key(wanted):
            return sheet
    number = wanted.strip()
    if number.isdigit() and 1 <= int(number) <= len(shown):
        return shown[int(number) - 1]
    return None


def _named(sheet: Any) -> Msg:
    key = "table.sheet.shown_name" if sheet.sheet_state == "visible" else "table.sheet.hidden_name"
    return Msg(key, {"sheet": sheet.title})


def _no_such_sheet(rel: str, wanted: str, sheets: list[Any]) -> Diagnostic:
    names = [s.title for s in sheets]
    guess = did_you_mean(_key(wanted), [_key(n) for n in names])
    hint = None
    if guess is not None:
        real = next(n for n in names if _key(n) == guess)
        hint = Msg(
            f"{NO_SUCH_SHEET}.hint_guess", {"guess": real, "sheets": [_named(s) for s in sheets]}
        )
    return error(
        NO_SUCH_SHEET, Location(rel), hint=hint, wanted=wanted, sheets=[_named(s) for s in sheets]
    )


# ------------------------------------------------------------------------------ the grid


def _merges(sheet: Any) -> dict[tuple[int, int], Merge]:
    found: dict[tuple[int, int], Merge] = {}
    for rng in sheet.merged_cells.ranges:
        merge = Merge(rng.min_row, rng.min_col, rng.max_row, min(rng.max_col, MAX_COLUMN))
        if merge.rows * merge.cols > 100_000:  # a whole-column merge: only its first cells matter
            merge = Merge(merge.first_row, merge.first_col, merge.first_row + 999, merge.last_col)
        for row in range(merge.first_row, merge.last_row + 1):
            for col in range(merge.first_col, merge.last_col + 1):
                found[(row, col)] = merge
    return found


def _hidden(sheet: Any) -> tuple[set[int], set[int]]:
    rows = {int(r) for r, dim in sheet.row_dimensions.items() if dim.hidden}
    cols: set[int] = set()
    for dim in sheet.column_dimensions.values():
        if dim.hidden and dim.min is not None:
            last = min(dim.max or dim.min, MAX_COLUMN)
            cols.update(range(dim.min, last + 1))
    return rows, cols


def _grid(
    sheet: Any, cells: dict[tuple[int, int], Any], cached: dict[tuple[int, int], Any], rel: str
) -> Grid:
    merges = _merges(sheet)
    hidden_rows, hidden_cols = _hidden(sheet)
    grid = Grid(rel=rel, spreadsheet=True, hidden_rows=hidden_rows, hidden_cols=hidden_cols)
    by_row: dict[int, dict[int, GridCell]] = {}
    for (row, col), cell in cells.items():
        by_row.setdefault(row, {})[col] = _grid_cell(cell, row, col, cached)
    for row, col in merges:
        by_row.setdefault(row, {}).setdefault(col, GridCell("", row, col))
    for row in sorted(by_row):
        found = by_row[row]
        width = max(found)
        line = [found.get(col) or GridCell("", row, col) for col in range(1, width + 1)]
        for col, gcell in enumerate(line, start=1):
            gcell.merge = merges.get((row, col))
        grid.rows.append(GridRow(row, line))
    return grid


def _grid_cell(cell: Any, row: int, col: int, cached: dict[tuple[int, int], Any]) -> GridCell:
    if cell.data_type == "f":
        formula = str(getattr(cell.value, "text", cell.value))
        value, kind = cached.get((row, col), (None, "n"))
        if value is None:
            # "str" is a formula whose saved result is the empty string; "n" has no result
            empty = GridCell("", row, col, kind=NO_VALUE if kind != "str" else "text")
            empty.formula = formula
            return empty
        found = _value_cell(value, kind, row, col)
        found.formula = formula
        return found
    return _value_cell(cell.value, cell.data_type, row, col)


def _value_cell(value: Any, data_type: str, row: int, col: int) -> GridCell:
    if data_type == "e":
        return GridCell(str(value), row, col, kind=EXCEL_ERROR, value=value)
    text, kind = typed_text(value)
    cleaned, removed = clean(text)
    raw = text if text.strip() != cleaned else None
    return GridCell(cleaned, row, col, kind=kind, value=value, cleaned=removed, raw=raw)
