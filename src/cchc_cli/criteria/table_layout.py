"""Phase 1b of ``cchc criteria import``: what the grid of a real spreadsheet means.

Found in the grid (:mod:`cchc_cli.criteria.table_grid`): the header row (a title above it is
passed over, CCHC256), then the rows that are not items — a totals row ("Tổng cộng", CCHC262),
a group heading that is one cell across the row, notes and signatures below the table (CCHC256).
The cell-level checks (merged cells, formulas, dates, encodings …) are in
:mod:`cchc_cli.criteria.table_cells`. What is left becomes the :class:`Table` the row checks
read; a problem found here marks its cell as reported, so no later phase repeats it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, error, info, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import is_good_id
from cchc_cli.criteria.codes import ROWS_SKIPPED, TOTALS_ROW, UNREADABLE
from cchc_cli.criteria.table_grid import (
    Cell,
    Grid,
    GridCell,
    GridRow,
    Table,
    TableRow,
    column_letter,
    line_ranges,
    parse_number,
    preview,
)
from cchc_cli.criteria.table_header import find_header, header_map

#: the columns whose text is one line (line breaks typed with Alt+Enter become spaces)
ONE_LINE = ("id", "title", "max", "method", "levels", "rubric")
_TOTALS = re.compile(
    r"^(tổng cộng|tổng số điểm|tổng số|tổng điểm tối đa|tổng điểm|tổng|cộng|total)\s*([:(].*)?$"
)
#: a group label typed in the id column: I, II, IV., A, B.
_GROUP_LABEL = re.compile(r"^([IVXLC]+|[A-ZĐ])[.)]?$")


@dataclass
class Sheet:
    """The grid with its header understood, while the layout checks run."""

    grid: Grid
    header: GridRow
    names: dict[int, str]  # column index -> canonical column name
    rows: list[GridRow] = field(default_factory=list)
    reported: dict[int, set[str]] = field(default_factory=dict)  # line -> columns reported
    filled: dict[tuple[int, str], str] = field(default_factory=dict)  # merged values copied

    @property
    def rel(self) -> str:
        return self.grid.rel

    def index(self, name: str) -> int | None:
        return next((i for i, n in self.names.items() if n == name), None)

    def cell(self, row: GridRow, name: str) -> GridCell | None:
        index = self.index(name)
        return row.at(index) if index is not None else None

    def text(self, row: GridRow, name: str) -> str:
        if (row.line, name) in self.filled:
            return self.filled[(row.line, name)]
        cell = self.cell(row, name)
        return cell.text if cell is not None else ""

    def where(self, cell: GridCell) -> Location:
        return Location(self.rel, cell.line, cell.column)

    def report(self, line: int, name: str) -> None:
        self.reported.setdefault(line, set()).add(name)

    def label(self, index: int) -> Msg:
        """A column as the user finds it: ``C`` in a spreadsheet, its number in a CSV, with the
        header text when there is one."""
        head = self.header.at(index)
        title = head.text if head is not None else ""
        bare = "" if title else "_bare"
        if self.grid.spreadsheet:
            letter = column_letter(index + 1)
            return Msg(f"table.column.letter{bare}", {"letter": letter, "header": title})
        return Msg(f"table.column.number{bare}", {"number": index + 1, "header": title})


def no_rows(rel: str) -> Diagnostic:
    return error(UNREADABLE, Location(rel), reason=Msg("criteria.import.no_rows"))


def layout(grid: Grid) -> tuple[Sheet | None, list[Diagnostic]]:
    """The header understood and the rows that are not items set aside (each named)."""
    index = find_header(grid)
    if index is None:
        return None, [no_rows(grid.rel)]
    header = grid.rows[index]
    names, diags = header_map(header, grid.rel)
    if any(d.severity is Severity.ERROR for d in diags):
        return None, diags
    sheet = Sheet(grid, header, names)
    diags += _above(sheet, grid.rows[:index])
    body = [r for r in grid.rows[index + 1 :] if not r.blank()]
    under = _header_continued(sheet, body)
    diags += _skipped(sheet, under, "table.skipped.header_rows", Severity.INFO)
    sheet.rows, skipped = _set_aside(sheet, body[len(under) :])
    return sheet, diags + skipped


def _header_continued(sheet: Sheet, body: list[GridRow]) -> list[GridRow]:
    """Rows under the header that belong to it: a header two rows tall, its cells merged down
    ("Mã" over rows 4–5) and sub-headings beside them ("Tối đa" under "Điểm")."""
    top = sheet.header.line
    under: list[GridRow] = []
    for row in body:
        merged_from_header = any(
            c.merge is not None and c.merge.first_row <= top for c in row.cells
        )
        if not merged_from_header or _item_like(sheet, row):
            break
        top = row.line
        under.append(row)
    return under


def _first_text(row: GridRow) -> str:
    return next((preview(c.text) for c in row.cells if c.text), "")


def _above(sheet: Sheet, rows: list[GridRow]) -> list[Diagnostic]:
    """Info: the rows above the header (a title, a date) are not read."""
    held = [r for r in rows if not r.blank()]
    if not held:
        return []
    args = {
        "rows": line_ranges([r.line for r in held]),
        "text": _first_text(held[0]),
        "header": sheet.header.line,
    }
    message = Msg("table.skipped.above", args)
    hint = Msg("table.skipped.above.hint", args)
    return [info(ROWS_SKIPPED, Location(sheet.rel, held[0].line, None), message=message, hint=hint)]


def norm_id(text: str) -> str:
    """An id as typed, without spaces, without the apostrophe that makes Excel keep a number as
    text (``'1.10``) and without a final dot (``1.1.`` is ``1.1``)."""
    squeezed = "".join(text.split()).lstrip("'\u2019")
    return squeezed[:-1] if squeezed.endswith(".") and len(squeezed) > 1 else squeezed


def _item_like(sheet: Sheet, row: GridRow) -> bool:
    """A row that is meant as an item: a good id, or a number for its maximum."""
    return (
        is_good_id(norm_id(sheet.text(row, "id")))
        or parse_number(sheet.text(row, "max")) is not None
    )


def _totals(sheet: Sheet, row: GridRow) -> bool:
    label = sheet.text(row, "id") or sheet.text(row, "title")
    if is_good_id(norm_id(sheet.text(row, "id"))):
        return False
    return bool(_TOTALS.match(" ".join(label.split()).casefold()))


def _heading(sheet: Sheet, row: GridRow) -> bool:
    """A group heading or a note: one text across the row, or a label such as ``II`` and a
    text, with no maximum. It cannot be an item."""
    if _item_like(sheet, row):
        return False
    held = [c for c in row.cells if c.text or c.kind != "text"]
    if len(held) == 1:
        return parse_number(held[0].text) is None
    return len(held) == 2 and bool(_GROUP_LABEL.match(held[0].text.strip()))


def _set_aside(sheet: Sheet, body: list[GridRow]) -> tuple[list[GridRow], list[Diagnostic]]:
    # notes below the table follow its last item; a table with no item-like row at all (its
    # header shifted against the data) keeps every row, for the column checks to explain
    last_item = max((i for i, r in enumerate(body) if _item_like(sheet, r)), default=len(body) - 1)
    kept: list[GridRow] = []
    totals: list[GridRow] = []
    headings: list[GridRow] = []
    below = body[last_item + 1 :]
    for row in body[: last_item + 1]:
        if _totals(sheet, row):
            totals.append(row)
        elif _heading(sheet, row):
            headings.append(row)
        else:
            kept.append(row)
    diags = [_totals_row(sheet, row, kept) for row in totals]
    diags += _skipped(sheet, headings, ROWS_SKIPPED, Severity.WARNING)
    notes = [r for r in below if not _totals(sheet, r)]
    diags += [_totals_row(sheet, row, kept) for row in below if _totals(sheet, row)]
    diags += _skipped(sheet, notes, "table.skipped.below", Severity.INFO)
    return kept, diags


def _skipped(sheet: Sheet, rows: list[GridRow], key: str, severity: Severity) -> list[Diagnostic]:
    if not rows:
        return []
    args = {
        "rows": line_ranges([r.line for r in rows]),
        "text": _first_text(rows[0]),
        "count": len(rows),
    }
    make = warning if severity is Severity.WARNING else info
    where = Location(sheet.rel, rows[0].line, None)
    return [make(ROWS_SKIPPED, where, message=Msg(key, args), hint=Msg(f"{key}.hint", args))]


def _totals_row(sheet: Sheet, row: GridRow, items: list[GridRow]) -> Diagnostic:
    """The totals row is not an item; a warning when it disagrees with the areas' sum."""
    stated = parse_number(sheet.text(row, "max"))
    areas = [
        parse_number(sheet.text(r, "max")) for r in items if norm_id(sheet.text(r, "id")).isdigit()
    ]
    total = sum((a for a in areas if a is not None), Decimal(0))
    label = preview(sheet.text(row, "id") or sheet.text(row, "title"))
    where = Location(sheet.rel, row.line, None)
    args = {
        "text": label,
        "row": row.line,
        "stated": stated if stated is not None else "",
        "sum": total,
    }
    if stated is not None and areas and stated != total:
        return warning(TOTALS_ROW, where, message=Msg(f"{TOTALS_ROW}.differs", args), **args)
    return info(TOTALS_ROW, where, **args)


# ------------------------------------------------------------------------------ the table


def _cell_text(name: str, text: str) -> str:
    if name == "id":
        return norm_id(text)
    if name in ONE_LINE:
        return " ".join(text.split())
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def to_table(sheet: Sheet) -> Table:
    table = Table(rel=sheet.rel, text=sheet.grid.text, spreadsheet=sheet.grid.spreadsheet)
    for row in sheet.rows:
        cells: dict[str, Cell] = {}
        for index, name in sheet.names.items():
            found = row.at(index)
            line = found.line if found is not None else row.line
            column = found.column if found is not None else None
            cells[name] = Cell(_cell_text(name, sheet.text(row, name)), line, column)
        table.rows.append(TableRow(row.line, cells, set(sheet.reported.get(row.line, set()))))
    return table
