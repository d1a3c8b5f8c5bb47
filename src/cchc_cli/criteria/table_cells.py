"""Cell-level checks of an imported table, before the rows are read as items.

Each finds one kind of real-spreadsheet trouble and reports it once, at its cause: a row with
more cells than the header (CSV), a column with data but no name, a merged cell, a formula with
no saved result or an Excel error, a date or a decimal number where an id belongs, text whose
encoding was mangled, hidden rows or columns, invisible characters, and a whole column that
holds the wrong thing (a header shifted against its data). A cell reported here is marked, so
the row checks (:mod:`cchc_cli.criteria.table_rows`) do not report it again.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc_cli.core.diagnostics import Diagnostic, Location, error, info, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import is_good_id
from cchc_cli.criteria.codes import (
    CELLS_CLEANED,
    COLUMN_WRONG,
    DATE_AS_NUMBER,
    EXCEL_NUMBER_ID,
    EXTRA_CELLS,
    FORMULA_ERROR,
    FORMULA_NO_VALUE,
    HIDDEN_CELLS,
    MOJIBAKE,
    UNNAMED_COLUMN,
)
from cchc_cli.criteria.table_grid import (
    BOOL,
    DATE,
    EXCEL_ERROR,
    NO_VALUE,
    NUMBER,
    GridCell,
    GridRow,
    column_letter,
    line_ranges,
    parse_number,
    preview,
)
from cchc_cli.criteria.table_layout import Sheet, norm_id
from cchc_cli.criteria.table_merges import check_merges
from cchc_cli.criteria.table_mojibake import unmangle

#: a column is "wrong as a whole" when at least this many rows, and half of them, are wrong
_WHOLE_COLUMN = 3
#: how many cells a message lists by name
_LISTED = 5


def check_cells(sheet: Sheet) -> list[Diagnostic]:
    diags = _extra_cells(sheet)
    diags += _unnamed_columns(sheet)
    diags += check_merges(sheet)
    diags += _formulas(sheet)
    diags += _typed_values(sheet)
    mangled = _mangled(sheet)
    diags += mangled
    diags += _hidden(sheet)
    if not mangled:  # a mangled "í" holds a soft hyphen: not worth a word of its own
        diags += _cleaned(sheet)
    whole = _whole_columns(sheet)
    if whole:  # the header does not sit over its data: its unnamed columns are no news
        diags = [d for d in diags if d.code != UNNAMED_COLUMN]
    return diags + whole


def ref(sheet: Sheet, cell: GridCell) -> Msg:
    """A cell inside a sentence: "ô C5" in a spreadsheet, "dòng 5, cột 3" in a CSV."""
    if sheet.grid.spreadsheet:
        return Msg("table.cell.xlsx", {"cell": _name(sheet, cell)})
    return Msg("table.cell.csv", {"line": cell.line, "number": cell.column or 1})


def _name(sheet: Sheet, cell: GridCell) -> str | Msg:
    """A cell in a list: ``C5`` in a spreadsheet, "dòng 5" in a CSV."""
    if sheet.grid.spreadsheet:
        return f"{column_letter(cell.column or 1)}{cell.line}"
    return Msg("table.cell.line", {"line": cell.line})


def _refs(sheet: Sheet, cells: list[GridCell]) -> list[str | Msg]:
    """Cells for a list (in a CSV, one entry per line)."""
    names: dict[str, str | Msg] = {}
    for cell in cells:
        name = _name(sheet, cell)
        names.setdefault(repr(name), name)
    shown = list(names.values())
    return [*shown[:_LISTED], "\u2026"] if len(shown) > _LISTED else shown


def _mapped(
    sheet: Sheet, names: tuple[str, ...] | None = None
) -> list[tuple[GridRow, str, GridCell]]:
    """(row, column name, cell) for every kept row and mapped column (``names`` only)."""
    found = []
    for row in sheet.rows:
        for index, name in sheet.names.items():
            cell = row.at(index)
            if cell is not None and (names is None or name in names):
                found.append((row, name, cell))
    return found


# ---------------------------------------------------------------------------- columns


def _width(sheet: Sheet) -> int:
    """The header's fields (a CSV saved by Excel pads every line to the same width)."""
    return len(sheet.header.cells)


def _extra_cells(sheet: Sheet) -> list[Diagnostic]:
    """CSV: a row with more cells than the header (an unquoted separator) — the whole row is
    unreadable; when most rows are like that, the header lacks a column name: said once."""
    if sheet.grid.spreadsheet:
        return []
    width = _width(sheet)
    long = [r for r in sheet.rows if any(c.text for c in r.cells[width:])]
    wider = [r for r in sheet.rows if len(r.cells) > width]
    for row in long:
        sheet.report(row.line, "*")
    if len(wider) >= _WHOLE_COLUMN and 2 * len(wider) >= len(sheet.rows):
        for row in wider:
            sheet.report(row.line, "*")
        long = wider
        first = long[0]
        args = {
            "count": len(long),
            "total": len(sheet.rows),
            "rows": line_ranges([r.line for r in long]),
            "cells": len(first.cells),
            "columns": width,
        }
        where = Location(sheet.rel, sheet.header.line, None)
        message = Msg("table.extra.most", args)
        hint = Msg("table.extra.most.hint", args)
        return [error(EXTRA_CELLS, where, message=message, hint=hint)]
    return [
        error(EXTRA_CELLS, sheet.where(r.cells[width]), cells=len(r.cells), columns=width)
        for r in long
    ]


def _unnamed_columns(sheet: Sheet) -> list[Diagnostic]:
    """A column with data but an empty header cell is not read: said once per column."""
    width = _width(sheet) if not sheet.grid.spreadsheet else None
    held: dict[int, list[GridCell]] = {}
    for row in sheet.rows:
        if sheet.reported.get(row.line, set()) >= {"*"}:
            continue
        for index, cell in enumerate(row.cells[:width]):
            head = sheet.header.at(index)
            if index in sheet.names or (head is not None and head.text) or not cell.text:
                continue
            held.setdefault(index, []).append(cell)
    diags = []
    for index, cells in sorted(held.items()):
        args = {
            "column": sheet.label(index),
            "count": len(cells),
            "first": _name(sheet, cells[0]),
            "text": preview(cells[0].text, 40),
        }
        diags.append(warning(UNNAMED_COLUMN, sheet.where(cells[0]), **args))
    return diags


# ------------------------------------------------------------------------------ values


def _formulas(sheet: Sheet) -> list[Diagnostic]:
    """A formula with no saved result (one error for the file: the cause is how it was
    saved); an Excel error value (#REF!, #DIV/0! …) at its cell."""
    diags = []
    missing: list[GridCell] = []
    for row, name, cell in _mapped(sheet):
        if cell.kind == NO_VALUE:
            missing.append(cell)
            sheet.report(row.line, name)
        elif cell.kind == EXCEL_ERROR:
            found = {"ref": ref(sheet, cell), "value": cell.text, "formula": cell.formula or ""}
            key = f"{FORMULA_ERROR}.formula" if cell.formula else FORMULA_ERROR
            message = Msg(key, found)
            diags.append(error(FORMULA_ERROR, sheet.where(cell), message=message, **found))
            sheet.report(row.line, name)
    if missing:
        first = missing[0]
        args: dict[str, object] = {
            "ref": ref(sheet, first),
            "formula": first.formula or "",
            "count": len(missing),
            "cells": _refs(sheet, missing),
        }
        key = FORMULA_NO_VALUE if len(missing) == 1 else f"{FORMULA_NO_VALUE}.many"
        diags.append(error(FORMULA_NO_VALUE, sheet.where(first), message=Msg(key, args), **args))
    return diags


def _typed_values(sheet: Sheet) -> list[Diagnostic]:
    """Excel's types where they cannot be meant: a date for a maximum or a level (``1.5``
    read as a date), a decimal number or a date for an id (``1.10`` became ``1.1``)."""
    diags = []
    for row, name, cell in _mapped(sheet, ("id", "max", "levels")):
        if name == "id" and cell.kind in (NUMBER, DATE, BOOL):
            kind = _id_problem(cell)
            if kind is None:
                continue
            args = {"value": cell.text, "column": column_letter(cell.column or 1), "row": cell.line}
            diags.append(error(EXCEL_NUMBER_ID, sheet.where(cell), kind=kind, **args))
            sheet.report(row.line, "id")
        elif name != "id" and cell.kind == DATE:
            args = {"ref": ref(sheet, cell), "value": cell.text, "column": name}
            diags.append(error(DATE_AS_NUMBER, sheet.where(cell), **args))
            sheet.report(row.line, name)
    return diags


def _id_problem(cell: GridCell) -> Msg | None:
    """Whole numbers are fine as ids (``3``); a decimal, a date or TRUE is not."""
    if cell.kind == NUMBER and is_good_id(cell.text) and "." not in cell.text:
        return None
    return Msg(
        "criteria.import.kind_number" if cell.kind == NUMBER else "criteria.import.kind_date"
    )


def _mangled(sheet: Sheet) -> list[Diagnostic]:
    """Text mangled by a wrong code page: one error, at the first such cell, with the count."""
    found: list[tuple[GridCell, str]] = []
    for _row, _name, cell in _mapped(sheet):
        repaired = unmangle(cell.raw or cell.text) if cell.text else None
        if repaired is not None:
            found.append((cell, repaired))
    if not found:
        return []
    cell, repaired = found[0]
    args = {
        "ref": ref(sheet, cell),
        "text": preview(cell.text, 40),
        "repaired": preview(repaired, 40),
        "count": len(found),
    }
    return [error(MOJIBAKE, sheet.where(cell), **args)]


def _hidden(sheet: Sheet) -> list[Diagnostic]:
    """Rows or columns hidden in Excel are read all the same: said once for each."""
    diags = []
    rows = [r for r in sheet.rows if r.line in sheet.grid.hidden_rows]
    if rows:
        args = {"rows": line_ranges([r.line for r in rows]), "count": len(rows)}
        where = sheet.where(rows[0].cells[0])
        diags.append(warning(HIDDEN_CELLS, where, **args))
    cols = [i for i in sheet.names if i + 1 in sheet.grid.hidden_cols]
    if cols:
        args = {"columns": [sheet.label(i) for i in cols]}
        where = sheet.where(sheet.header.cells[cols[0]])
        message = Msg(f"{HIDDEN_CELLS}.columns", args)
        diags.append(
            warning(
                HIDDEN_CELLS,
                where,
                message=message,
                hint=Msg(f"{HIDDEN_CELLS}.hint_columns", args),
                **args,
            )
        )
    return diags


def _cleaned(sheet: Sheet) -> list[Diagnostic]:
    """Info: invisible characters dropped, ids read without spaces or a final dot."""
    invisible = [(c, c.cleaned) for _r, _n, c in _mapped(sheet) if c.cleaned]
    retyped = [c for _r, _n, c in _mapped(sheet, ("id",)) if c.text and norm_id(c.text) != c.text]
    diags = []
    if invisible:
        chars = sorted({name for _c, found in invisible if found for name in found.split(", ")})
        cells = [c for c, _ in invisible]
        args = {"chars": chars, "count": len(cells), "cells": _refs(sheet, cells)}
        diags.append(info(CELLS_CLEANED, sheet.where(cells[0]), **args))
    if retyped:
        first = retyped[0]
        args = {
            "text": first.text,
            "id": norm_id(first.text),
            "count": len(retyped),
            "cells": _refs(sheet, retyped),
        }
        message = Msg(f"{CELLS_CLEANED}.ids", args)
        diags.append(
            info(
                CELLS_CLEANED,
                sheet.where(first),
                message=message,
                hint=Msg(f"{CELLS_CLEANED}.hint_ids", args),
                **args,
            )
        )
    return diags


# ------------------------------------------------------------------ the column as a whole


def _bad_id(text: str) -> bool:
    return not is_good_id(norm_id(text))


def _bad_number(text: str) -> bool:
    return parse_number(text) is None


def _empty(text: str) -> bool:
    return not text


def _an_id(text: str) -> bool:
    return is_good_id(norm_id(text))


def _a_maximum(text: str) -> bool:
    """A number that is not also an id with a dot (``1.2`` is an id more than a maximum)."""
    return parse_number(text) is not None and not ("." in text and is_good_id(text))


def _a_title(text: str) -> bool:
    return len(text) > 3 and parse_number(text) is None and not is_good_id(text)


_COLUMN_TESTS: dict[str, tuple[Callable[[str], bool], Callable[[str], bool]]] = {
    # column: (is wrong, is what belongs there — to find the column where it went)
    "id": (_bad_id, _an_id),
    "max": (_bad_number, _a_maximum),
    "title": (_empty, _a_title),
}


def _whole_columns(sheet: Sheet) -> list[Diagnostic]:
    """A column wrong in most rows is one problem (the header does not sit over its data),
    not one error per row."""
    diags = []
    for name, (wrong, belongs) in _COLUMN_TESTS.items():
        index = sheet.index(name)
        if index is None:
            continue
        rows = [r for r in sheet.rows if not (sheet.reported.get(r.line, set()) & {name, "*"})]
        bad = [r for r in rows if wrong(sheet.text(r, name))]
        if len(bad) < _WHOLE_COLUMN or 2 * len(bad) < len(rows):
            continue
        diags.append(_column_wrong(sheet, index, name, bad, rows, belongs))
        for row in bad:
            sheet.report(row.line, name)
    return diags


def _column_wrong(
    sheet: Sheet,
    index: int,
    name: str,
    bad: list[GridRow],
    rows: list[GridRow],
    belongs: Callable[[str], bool],
) -> Diagnostic:
    cells = [c for r in bad if (c := r.at(index)) is not None and c.text]
    args: dict[str, object] = {
        "column": sheet.label(index),
        "count": len(bad),
        "total": len(rows),
        "rows": line_ranges([r.line for r in bad]),
    }
    if cells:
        args |= {"ref": ref(sheet, cells[0]), "text": preview(cells[0].text, 40)}
        message = Msg(f"{COLUMN_WRONG}.{name}", args)
    else:
        message = Msg(f"{COLUMN_WRONG}.empty", args)
    elsewhere = _where_it_went(sheet, index, rows, belongs)
    hint = None
    if elsewhere is not None:
        hint = Msg(f"{COLUMN_WRONG}.hint_elsewhere", {**args, "other": sheet.label(elsewhere)})
    head = sheet.header.at(index)
    where = Location(sheet.rel, sheet.header.line, head.column if head else index + 1)
    return error(COLUMN_WRONG, where, message=message, hint=hint, **args)


def _where_it_went(
    sheet: Sheet, index: int, rows: list[GridRow], belongs: Callable[[str], bool]
) -> int | None:
    """The column where most rows hold what this one should (the most such rows wins)."""
    width = max((len(r.cells) for r in rows), default=0)
    best, best_count = None, len(rows) // 2
    for other in range(width):
        if other == index:
            continue
        count = sum(1 for r in rows if (c := r.at(other)) is not None and belongs(c.text))
        if count > best_count:
            best, best_count = other, count
    return best
