"""Phase 1 of ``cchc criteria import``: read the table into rows of text cells.

What the file is comes from its bytes (:mod:`cchc_cli.criteria.table_sniff`): .xlsx
(:mod:`cchc_cli.criteria.table_xlsx`; the first shown sheet, or ``--sheet``) or CSV
(:mod:`cchc_cli.criteria.table_csv`; UTF-8 with or without BOM, UTF-16 with BOM, ``,``/``;``/
tab separated); .xls, .ods, .xlsb, HTML, PDF, Word are refused with the way to save them.
The grid is then understood (:mod:`cchc_cli.criteria.table_layout`: header row, rows that are
not items) and checked cell by cell (:mod:`cchc_cli.criteria.table_cells`). Every cell keeps its
line and column, so later phases can point a diagnostic at the exact cell.
"""

from __future__ import annotations

from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, warning
from cchc_cli.criteria.codes import COLUMN_WRONG, SHEET_NOT_APPLICABLE
from cchc_cli.criteria.table_cells import check_cells
from cchc_cli.criteria.table_csv import read_csv
from cchc_cli.criteria.table_grid import Cell, Table, TableRow
from cchc_cli.criteria.table_header import ALIASES, OPTIONAL, REQUIRED
from cchc_cli.criteria.table_layout import layout, no_rows, to_table
from cchc_cli.criteria.table_sniff import sniff
from cchc_cli.criteria.table_xlsx import read_xlsx

__all__ = ["ALIASES", "OPTIONAL", "REQUIRED", "Cell", "Table", "TableRow", "read_table"]


def read_table(
    path: Path, rel: str, sheet: str | None = None
) -> tuple[Table | None, list[Diagnostic]]:
    kind, diags = sniff(path, rel)
    if kind is None:
        return None, diags
    if kind == "xlsx":
        grid, diags = read_xlsx(path, rel, sheet)
    else:
        grid, diags = read_csv(path, rel)
        if sheet is not None:
            diags.append(warning(SHEET_NOT_APPLICABLE, Location(rel), sheet=sheet))
    if grid is None:
        return None, diags
    understood, problems = layout(grid)
    diags += problems
    if understood is None:
        return None, diags
    problems = check_cells(understood)
    diags += problems
    if any(d.code == COLUMN_WRONG or d.message.key == "table.extra.most" for d in problems):
        # the header does not sit over its data: every row error would repeat that
        return None, diags
    table = to_table(understood)
    if not table.rows:
        return None, [*diags, no_rows(rel)]
    return table, diags
