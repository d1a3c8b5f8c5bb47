"""Merged cells of an imported spreadsheet, decided column by column.

Excel keeps a merged range's value in its top-left cell; the other cells are empty. What the
merge means depends on the column:

- ``id``, ``title``, ``max`` merged down over several rows: each item needs its own, and which
  row the value belongs to cannot be guessed — refused once for the range (CCHC254,
  "B4:B9 là ô gộp …"), and the rows of the range are not reported again as empty;
- ``method``, ``levels``, ``rubric``, ``guidance`` merged down: one value said once for
  several items ("self" for a whole criterion's sub-criteria) — the top-left value is used for
  every row of the range (info CCHC255, once per column);
- merged across one row: the value stays in its first column (a title spread over the method
  and levels columns of an area row); a required column it covers is refused (CCHC254);
- a group heading merged across the whole row is set aside before this
  (:mod:`cchc_cli.criteria.table_layout`).
"""

from __future__ import annotations

from cchc_cli.core.diagnostics import Diagnostic, Location, error, info
from cchc_cli.core.i18n import Msg
from cchc_cli.criteria.codes import MERGED_CELL, MERGED_FILLED
from cchc_cli.criteria.table_grid import Merge, line_ranges
from cchc_cli.criteria.table_header import REQUIRED
from cchc_cli.criteria.table_layout import Sheet


def check_merges(sheet: Sheet) -> list[Diagnostic]:
    if not sheet.grid.spreadsheet:
        return []
    rows = {r.line: r for r in sheet.grid.rows}
    kept = {r.line for r in sheet.rows}
    merges: dict[str, Merge] = {}
    for row in sheet.rows:
        for index in sheet.names:
            cell = row.at(index)
            if cell is not None and cell.merge is not None:
                merges.setdefault(cell.merge.ref, cell.merge)
    diags: list[Diagnostic] = []
    filled: dict[str, list[Merge]] = {}
    for merge in sorted(merges.values(), key=lambda m: (m.first_row, m.first_col)):
        lines = [n for n in range(merge.first_row, merge.last_row + 1) if n in kept]
        origin = rows.get(merge.first_row)
        top = origin.at(merge.first_col - 1) if origin is not None else None
        text = top.text if top is not None else ""
        if merge.rows > 1:
            diags += _down(sheet, merge, lines, text, filled)
        else:
            diags += _across(sheet, merge, lines)
    for name, ranges in filled.items():
        args = {"column": name, "ranges": [m.ref for m in ranges], "count": len(ranges)}
        where = Location(sheet.rel, ranges[0].first_row, ranges[0].first_col)
        diags.append(info(MERGED_FILLED, where, **args))
    return diags


def _covered(sheet: Sheet, merge: Merge) -> list[tuple[int, str]]:
    return [
        (i, n) for i, n in sorted(sheet.names.items()) if merge.first_col <= i + 1 <= merge.last_col
    ]


def _down(
    sheet: Sheet, merge: Merge, lines: list[int], text: str, filled: dict[str, list[Merge]]
) -> list[Diagnostic]:
    """Merged over several rows: refused in a required column, else the value for each row."""
    diags = []
    for index, name in _covered(sheet, merge):
        if name in REQUIRED:
            args = {
                "range": merge.ref,
                "column": name,
                "rows": line_ranges([merge.first_row, merge.last_row]),
                "count": merge.rows,
                "text": text,
            }
            where = Location(sheet.rel, merge.first_row, merge.first_col)
            diags.append(error(MERGED_CELL, where, **args))
            for line in lines:
                sheet.report(line, name)
        elif index + 1 == merge.first_col:
            for line in lines:
                sheet.filled[(line, name)] = text
            filled.setdefault(name, []).append(merge)
    return diags


def _across(sheet: Sheet, merge: Merge, lines: list[int]) -> list[Diagnostic]:
    """Merged across one row: the value is its first column's; a required column it covers
    has none."""
    diags: list[Diagnostic] = []
    if not lines:
        return diags
    for index, name in _covered(sheet, merge):
        if name not in REQUIRED or index + 1 == merge.first_col:
            continue
        owner = sheet.names.get(merge.first_col - 1)
        args = {"range": merge.ref, "column": name, "owner": owner or "", "row": merge.first_row}
        key = f"{MERGED_CELL}.across"
        where = Location(sheet.rel, merge.first_row, index + 1)
        diags.append(
            error(MERGED_CELL, where, message=Msg(key, args), hint=Msg(f"{key}.hint", args), **args)
        )
        sheet.report(merge.first_row, name)
    return diags
