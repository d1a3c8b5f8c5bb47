"""Phase 2 of ``cchc criteria import``: every table row on its own, then the hierarchy.

Each row is checked alone (empty cells, numbers, methods, ids, duplicates) and becomes an
:class:`Item`; the items are then attached to their parents by id (``3.2.5`` under ``3.2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cchc_cli.core.diagnostics import Diagnostic, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import depth, did_you_mean, is_good_id, natural_key, parent_id
from cchc_cli.criteria.codes import (
    BAD_ID,
    BAD_METHOD,
    BAD_NUMBER,
    DUPLICATE_ID,
    EMPTY_CELL,
    NO_PARENT,
)
from cchc_cli.criteria.table_grid import Table, TableRow, line_ranges, parse_number
from cchc_cli.criteria.table_header import REQUIRED

__all__ = [
    "METHODS",
    "Item",
    "Parsed",
    "build_hierarchy",
    "parse_levels",
    "parse_number",
    "parse_rows",
]

METHODS: tuple[str, ...] = ("self", "survey", "sipas")

#: an id Excel turned into a date: 03/02/2020, 3-2, 3-Feb, 2020-02-03
_DATE = re.compile(
    r"^(\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?|\d{1,2}-[A-Za-z]{3}|[A-Za-z]{3}-\d{1,2}|\d{4}-\d{2}-\d{2})$"
)
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


@dataclass
class Parsed:
    """The items of the rows without errors, and every id the table holds (a row rejected for
    another reason still has its id: its children are not "without a parent")."""

    items: list[Item] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # id -> line of its first row
    order: list[tuple[int, str]] = field(default_factory=list)  # (line, id) in table order


def parse_rows(table: Table) -> Parsed:
    parsed = Parsed()
    for row in table.rows:
        item, problems = _parse_row(row, table.rel, parsed)
        parsed.diagnostics += problems
        if item is not None:
            parsed.items.append(item)
    return parsed


def _parse_row(row: TableRow, rel: str, parsed: Parsed) -> tuple[Item | None, list[Diagnostic]]:
    """The row as an item, or None when it has an error (a repeated id: nothing else said)."""
    item_id = row.get("id") if not row.was_reported("id") else ""
    if row.was_reported("*"):
        _remember(parsed, row, item_id)
        return None, []
    diags = _empty_cells(row, rel)
    bad = bool(row.reported) or bool(diags)
    if item_id and not is_good_id(item_id):
        hint = Msg("table.bad_id.date_hint", {"id": item_id}) if _DATE.match(item_id) else None
        diags.append(error(BAD_ID, row.at(rel, "id"), item=item_id, hint=hint, id=item_id))
        bad = True
    elif item_id and item_id in parsed.ids:
        diags.append(_duplicate(row, rel, item_id, parsed))
        return None, diags
    _remember(parsed, row, item_id)
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


def _remember(parsed: Parsed, row: TableRow, item_id: str) -> None:
    if item_id and is_good_id(item_id) and item_id not in parsed.ids:
        parsed.ids[item_id] = row.line
        parsed.order.append((row.line, item_id))


def _duplicate(row: TableRow, rel: str, item_id: str, parsed: Parsed) -> Diagnostic:
    """CCHC201; when the row before is ``1.9`` and this ``1.1``, Excel made ``1.10`` a number."""
    first_line = parsed.ids[item_id]
    previous = parsed.order[-1][1] if parsed.order else None
    meant = item_id + "0"
    hint = None
    if (
        previous is not None
        and parent_id(previous) == parent_id(meant)
        and int(previous.rsplit(".", 1)[-1]) + 1 == int(meant.rsplit(".", 1)[-1])
    ):
        args = {"id": item_id, "previous": previous, "meant": meant}
        hint = Msg("table.duplicate.excel_hint", args)
    return error(
        DUPLICATE_ID,
        row.at(rel, "id"),
        item=item_id,
        hint=hint,
        id=item_id,
        first_line=first_line,
        line=row.line,
    )


def _empty_cells(row: TableRow, rel: str) -> list[Diagnostic]:
    """Every required cell has text (a cell whose problem was already reported excepted)."""
    item_id = row.get("id") if not row.was_reported("id") else ""
    return [
        error(EMPTY_CELL, row.at(rel, name), item=item_id or None, column=name, row=row.line)
        for name in REQUIRED
        if not row.was_reported(name) and not row.get(name)
    ]


def _max_cell(row: TableRow, rel: str, item_id: str) -> tuple[Decimal | None, list[Diagnostic]]:
    text = row.get("max") if not row.was_reported("max") else ""
    value = parse_number(text) if text else None
    if text and value is None:
        where = row.at(rel, "max")
        return None, [error(BAD_NUMBER, where, item=item_id or None, column="max", value=text)]
    return value, []


def _method_cell(row: TableRow, rel: str, item_id: str) -> tuple[str | None, list[Diagnostic]]:
    """One of :data:`METHODS`, in any letter case; did-you-mean when it is none of them."""
    method = row.get("method") or None
    if method is None or method in METHODS or row.was_reported("method"):
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
    if not text or row.was_reported("levels"):
        return None, []
    levels = parse_levels(text)
    if levels is None:
        where = row.at(rel, "levels")
        return None, [error(BAD_NUMBER, where, item=item_id or None, column="levels", value=text)]
    return levels, []


def build_hierarchy(parsed: Parsed, rel: str) -> tuple[list[Item], list[Diagnostic]]:
    """Attach every item to the item whose id is its id minus the last number.

    A parent whose row is in the table but has an error of its own is not reported again for
    each child; a parent missing from the table is reported once, with all its children.
    """
    by_id = {item.id: item for item in parsed.items}
    roots: list[Item] = []
    orphans: dict[str, list[Item]] = {}
    for item in sorted(parsed.items, key=lambda i: natural_key(i.id)):
        parent = parent_id(item.id)
        if parent is None:
            roots.append(item)
        elif parent in by_id:
            by_id[parent].children.append(item)
        elif parent not in parsed.ids:
            orphans.setdefault(parent, []).append(item)
    diags = [_no_parent(parent, children, parsed, rel) for parent, children in orphans.items()]
    return roots, diags


def _no_parent(parent: str, children: list[Item], parsed: Parsed, rel: str) -> Diagnostic:
    children = sorted(children, key=lambda i: i.row.line)
    first = children[0]
    args: dict[str, object] = {"id": first.id, "parent": parent}
    message = None
    if len(children) > 1:
        args |= {
            "more": len(children) - 1,
            "ids": [c.id for c in children[1:6]] + (["\u2026"] if len(children) > 6 else []),
            "rows": line_ranges([c.row.line for c in children]),
        }
        message = Msg("table.no_parent.many", args)
    typo = _typed_instead(parent, first.row.line, parsed)
    hint = None
    if typo is not None:
        hint = Msg("table.no_parent.typo_hint", {**args, "line": typo[0], "typed": typo[1]})
    return error(
        NO_PARENT, first.row.at(rel, "id"), item=first.id, message=message, hint=hint, **args
    )


def _typed_instead(parent: str, before: int, parsed: Parsed) -> tuple[int, str] | None:
    """The row above the first child, at the parent's level, under the same grandparent: the
    parent typed with a wrong id (``1.6`` where ``1.5`` was meant)."""
    level = depth(parent)
    above = [(line, i) for line, i in parsed.order if line < before and depth(i) == level]
    if not above:
        return None
    line, typed = above[-1]
    if typed != parent and parent_id(typed) == parent_id(parent):
        return line, typed
    return None
