"""The header row of an imported table: which row it is, and which column holds what.

The header is the first row (of the first thirty that hold anything) naming at least two known
columns, so a title such as "PHỤ LỤC …" above it is passed over. Column names may be spelled in
English or Vietnamese (:data:`ALIASES`). A header whose names are UTF-8 read with the wrong code
page (``ï»¿id``, ``CÃ´ng``) is one encoding error (CCHC259), not a list of unknown columns.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from cchc_cli.core.diagnostics import Diagnostic, Location, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.criteria.codes import MISSING_COLUMN, MOJIBAKE, UNKNOWN_COLUMN
from cchc_cli.criteria.table_grid import Grid, GridCell, GridRow
from cchc_cli.criteria.table_mojibake import unmangle

REQUIRED: tuple[str, ...] = ("id", "title", "max")
OPTIONAL: tuple[str, ...] = ("method", "levels", "rubric", "guidance")

#: accepted spellings of the column names (compared after NFC + casefold + trimming)
ALIASES: dict[str, str] = {
    "id": "id",
    "mã": "id",
    "mã mục": "id",
    "mã tiêu chí": "id",
    "mã số": "id",
    "title": "title",
    "tên": "title",
    "tên mục": "title",
    "tên tiêu chí": "title",
    "nội dung": "title",
    "nội dung tiêu chí": "title",
    "tiêu chí": "title",
    "lĩnh vực/tiêu chí": "title",
    "lĩnh vực/tiêu chí/tiêu chí thành phần": "title",
    "tên lĩnh vực/tiêu chí/tiêu chí thành phần": "title",
    "max": "max",
    "điểm tối đa": "max",
    "điểm": "max",
    "số điểm tối đa": "max",
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

#: what the official annex calls its id column ("số thứ tự"); read as the id column only when
#: no other column is (elsewhere it is a row counter)
WEAK_ALIASES: dict[str, str] = {"stt": "id", "tt": "id", "số tt": "id", "số thứ tự": "id"}

_SEPARATORS = re.compile(r"\s*[/,;]\s*")

#: how many rows holding something are searched for the header
_SCAN = 30


def norm_header(value: str) -> str:
    """``Lĩnh vực, Tiêu chí / Tiêu chí thành phần:`` -> ``lĩnh vực/tiêu chí/tiêu chí thành phần``"""
    text = " ".join(unicodedata.normalize("NFC", value).replace("\ufeff", "").split()).casefold()
    return _SEPARATORS.sub("/", text).strip(" :*.")


def _alias(name: str) -> str | None:
    """The column a header names; ``?`` (a character lost to a wrong code page) matches any."""
    if name in ALIASES:
        return ALIASES[name]
    if name in WEAK_ALIASES:
        return WEAK_ALIASES[name]
    if "?" in name:
        pattern = re.compile("^" + re.escape(name).replace(r"\?", ".") + "$")
        for spelled, canonical in ALIASES.items():
            if pattern.match(spelled):
                return canonical
    return None


def _known(cell: GridCell) -> bool:
    name = norm_header(cell.text)
    repaired = unmangle(cell.raw or cell.text)
    return _alias(name) is not None or (
        repaired is not None and _alias(norm_header(repaired)) is not None
    )


def find_header(grid: Grid) -> int | None:
    """Index (in ``grid.rows``) of the header row: the first naming two known columns, else the
    first row holding anything; None for a table with nothing in it."""
    first: int | None = None
    seen = 0
    for index, row in enumerate(grid.rows):
        if row.blank():
            continue
        if first is None:
            first = index
        if sum(1 for c in row.cells if c.text and _known(c)) >= 2:
            return index
        seen += 1
        if seen >= _SCAN:
            break
    return first


def header_map(row: GridRow, rel: str) -> tuple[dict[int, str], list[Diagnostic]]:
    """Column index -> canonical name, with diagnostics for mangled, unknown, duplicate or
    missing columns (a mangled header is reported alone: nothing else about it is true)."""
    mangled = _mangled_header(row, rel)
    if mangled is not None:
        return {}, [mangled]
    diags: list[Diagnostic] = []
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    weak: list[tuple[int, GridCell, Location]] = []
    for i, cell in enumerate(row.cells):
        name = norm_header(cell.text)
        if not name:
            continue
        where = Location(rel, cell.line, cell.column)
        canonical = ALIASES.get(name)
        if canonical is None and name in WEAK_ALIASES:
            weak.append((i, cell, where))
        elif canonical is None:
            diags.append(_unknown_column(cell.text, name, where))
        elif canonical in seen:
            diags.append(_duplicate_column(cell.text, canonical, seen[canonical], where))
        else:
            seen[canonical] = i
            mapping[i] = canonical
    for i, cell, where in weak:
        if "id" in seen:  # a row counter beside the real id column
            diags.append(_unknown_column(cell.text, norm_header(cell.text), where))
        else:
            seen["id"] = i
            mapping[i] = "id"
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        at = Location(rel, row.line, 1)
        diags.append(error(MISSING_COLUMN, at, missing=missing, allowed=[*REQUIRED, *OPTIONAL]))
    return mapping, diags


def _mangled_header(row: GridRow, rel: str) -> Diagnostic | None:
    pairs: list[Msg] = []
    first: GridCell | None = None
    for cell in row.cells:
        repaired = unmangle(cell.raw or cell.text) if cell.text else None
        if repaired is not None:
            first = first or cell
            args = {"text": cell.text, "repaired": " ".join(repaired.split())}
            pairs.append(Msg("table.mojibake.pair", args))
    if first is None:
        return None
    where = Location(rel, first.line, first.column)
    return error(
        MOJIBAKE,
        where,
        message=Msg("table.mojibake.header", {"pairs": pairs, "line": row.line}),
        pairs=pairs,
    )


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
