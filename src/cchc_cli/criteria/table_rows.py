"""Phase 2 of ``cchc criteria import``: every table row on its own, then the hierarchy.

Each row is checked alone (empty cells, numbers, methods, ids, duplicates) and becomes an
:class:`Item`; the items are then attached to their parents by id (``3.2.5`` under ``3.2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from cchc_cli.core.diagnostics import Diagnostic, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean, is_good_id, natural_key, parent_id
from cchc_cli.criteria.codes import (
    BAD_ID,
    BAD_METHOD,
    BAD_NUMBER,
    DUPLICATE_ID,
    EMPTY_CELL,
    NO_PARENT,
)
from cchc_cli.criteria.table_read import BAD_ID_MARK, REQUIRED, Table, TableRow

METHODS: tuple[str, ...] = ("self", "survey", "sipas")

_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_LEVEL_SPLIT = re.compile(r";|\|" + r"|,(?=\s)")


@dataclass
class Item:
    """One row of the table, checked: what the YAML writer emits for it."""

    row: TableRow
    id: str
    title: str
    max: Decimal
    method: str | None
    levels: list[Decimal] | None
    rubric: str | None
    guidance: str | None
    children: list[Item] = field(default_factory=list)


def parse_number(text: str) -> Decimal | None:
    """``0.5``, ``0,5`` (decimal comma), ``10``; None when not a plain number."""
    value = text.strip()
    if not _NUMBER.match(value):
        return None
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None


def parse_levels(text: str) -> list[Decimal] | None:
    body = text.strip().removeprefix("[").removesuffix("]")
    parts = [p.strip() for p in _LEVEL_SPLIT.split(body)]
    values: list[Decimal] = []
    for part in parts:
        number = parse_number(part)
        if number is None:
            return None
        values.append(number)
    return values


def parse_rows(table: Table) -> tuple[list[Item], list[Diagnostic]]:
    diags: list[Diagnostic] = []
    items: list[Item] = []
    first_row: dict[str, TableRow] = {}
    for row in table.rows:
        item, problems = _parse_row(row, table.rel, first_row)
        diags += problems
        if item is not None:
            items.append(item)
    return items, diags


def _parse_row(
    row: TableRow, rel: str, first_row: dict[str, TableRow]
) -> tuple[Item | None, list[Diagnostic]]:
    """The row as an item, or None when it has an error (a repeated id: nothing else said)."""
    item_id = row.get("id")
    diags = _empty_cells(row, rel)
    bad = BAD_ID_MARK in row.cells or bool(diags)
    if item_id and not is_good_id(item_id):
        diags.append(error(BAD_ID, row.at(rel, "id"), item=item_id, id=item_id))
        bad = True
    elif item_id and item_id in first_row:
        first_line = first_row[item_id].line
        where = row.at(rel, "id")
        diags.append(
            error(
                DUPLICATE_ID, where, item=item_id, id=item_id, first_line=first_line, line=row.line
            )
        )
        return None, diags
    elif item_id:
        first_row[item_id] = row
    max_value, max_problems = _max_cell(row, rel, item_id)
    method, method_problems = _method_cell(row, rel, item_id)
    levels, levels_problems = _levels_cell(row, rel, item_id)
    problems = max_problems + method_problems + levels_problems
    diags += problems
    if bad or problems or max_value is None:
        return None, diags
    item = Item(
        row=row,
        id=item_id,
        title=row.get("title"),
        max=max_value,
        method=method,
        levels=levels,
        rubric=row.get("rubric") or None,
        guidance=row.get("guidance") or None,
    )
    return item, diags


def _empty_cells(row: TableRow, rel: str) -> list[Diagnostic]:
    """Every required cell has text (an id already reported as an Excel number excepted)."""
    item_id = row.get("id")
    bad_id = BAD_ID_MARK in row.cells
    return [
        error(EMPTY_CELL, row.at(rel, name), item=item_id or None, column=name, row=row.line)
        for name in REQUIRED
        if not (name == "id" and bad_id) and not row.get(name)
    ]


def _max_cell(row: TableRow, rel: str, item_id: str) -> tuple[Decimal | None, list[Diagnostic]]:
    text = row.get("max")
    value = parse_number(text) if text else None
    if text and value is None:
        where = row.at(rel, "max")
        return None, [error(BAD_NUMBER, where, item=item_id or None, column="max", value=text)]
    return value, []


def _method_cell(row: TableRow, rel: str, item_id: str) -> tuple[str | None, list[Diagnostic]]:
    """One of :data:`METHODS`, in any letter case; did-you-mean when it is none of them."""
    method = row.get("method") or None
    if method is None or method in METHODS:
        return method, []
    lowered = method.casefold()
    if lowered in METHODS:
        return lowered, []
    guess = did_you_mean(lowered, METHODS)
    hint = (
        Msg(f"{BAD_METHOD}.hint_guess", {"guess": guess, "allowed": list(METHODS)})
        if guess
        else None
    )
    problem = error(
        BAD_METHOD,
        row.at(rel, "method"),
        item=item_id or None,
        hint=hint,
        value=method,
        allowed=list(METHODS),
    )
    return method, [problem]


def _levels_cell(
    row: TableRow, rel: str, item_id: str
) -> tuple[list[Decimal] | None, list[Diagnostic]]:
    text = row.get("levels")
    if not text:
        return None, []
    levels = parse_levels(text)
    if levels is None:
        where = row.at(rel, "levels")
        return None, [error(BAD_NUMBER, where, item=item_id or None, column="levels", value=text)]
    return levels, []


def build_hierarchy(items: list[Item], rel: str) -> tuple[list[Item], list[Diagnostic]]:
    """Attach every item to the item whose id is its id minus the last number."""
    by_id = {item.id: item for item in items}
    roots: list[Item] = []
    diags: list[Diagnostic] = []
    for item in sorted(items, key=lambda i: natural_key(i.id)):
        parent = parent_id(item.id)
        if parent is None:
            roots.append(item)
        elif parent in by_id:
            by_id[parent].children.append(item)
        else:
            diags.append(
                error(NO_PARENT, item.row.at(rel, "id"), item=item.id, id=item.id, parent=parent)
            )
    return roots, diags
