"""Reading the report's Excel tables by their column headers (not by position), for tests."""

from __future__ import annotations

from typing import Any


def header(sheet: Any, first: str = "STT") -> tuple[int, dict[str, int]]:
    """The table's header row (1-based) and its columns by label (0-based), found by the label
    of its first column."""
    for row in sheet.iter_rows():
        if row[0].value == first:
            return row[0].row, {c.value: i for i, c in enumerate(row) if c.value}
    raise AssertionError(f"no table with a first column {first!r} in {sheet.title}")


def rows_by_id(sheet: Any) -> tuple[dict[str, int], dict[str, tuple[Any, ...]]]:
    """The main table's columns, and its lines by item id (the "Mã" column)."""
    top, cols = header(sheet)
    found: dict[str, tuple[Any, ...]] = {}
    for row in sheet.iter_rows(min_row=top + 1):
        value = row[cols["Mã"]].value
        if isinstance(value, str) and value:
            found[value] = row
    return cols, found


def total(sheet: Any, label: str) -> tuple[float, float]:
    """(score, maximum) of the total row whose title cell is ``label``."""
    _, cols = header(sheet)
    title = cols["Lĩnh vực / tiêu chí / tiêu chí thành phần"]
    row = next(r for r in sheet.iter_rows() if r[title].value == label)
    return row[cols["Điểm tự đánh giá"]].value, row[cols["Điểm tối đa tự đánh giá"]].value
