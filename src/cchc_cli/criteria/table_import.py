"""``cchc criteria import``: build a criteria YAML from a table (CSV or .xlsx).

How a coordinator transcribes the official annex: one row per item with the columns ``id``,
``title``, ``max``, ``method`` and optionally ``levels`` (``0; 0.5; 1``), ``rubric`` (a rubric
key) and ``guidance``. The hierarchy comes from the ids (``3.2.5`` is a child of ``3.2``).

Phases, each reported with the table's file and row (and column):

1. read the table (UTF-8 CSV with or without BOM, UTF-16 with BOM, or .xlsx read-only);
2. check every row on its own (empty cells, numbers, methods, ids, duplicates, Excel numbers
   standing for ids);
3. build the YAML text, parse it back with the normal loader and run every tree check
   (:func:`cchc_cli.criteria.checks.check_tree`); diagnostics are mapped back to table rows.

The caller writes the text only when no phase found an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, error, warning
from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import Msg, tr
from cchc_cli.core.ids import did_you_mean, natural_key, parent_id
from cchc_cli.core.textio import decode
from cchc_cli.core.yamlio import load_yaml, parse_text
from cchc_cli.criteria.checks import UNKNOWN_RUBRIC, check_tree, is_good_id
from cchc_cli.criteria.model import CriteriaTree, Rubric, build_tree

UNREADABLE = "CCHC230"
MISSING_COLUMN = "CCHC231"
UNKNOWN_COLUMN = "CCHC232"
EMPTY_CELL = "CCHC233"
BAD_NUMBER = "CCHC234"
BAD_METHOD = "CCHC235"
EXCEL_NUMBER_ID = "CCHC236"
NO_PARENT = "CCHC237"
OUT_EXISTS = "CCHC238"
EXTRA_CELLS = "CCHC239"
DUPLICATE_ID = "CCHC201"
BAD_ID = "CCHC202"

REQUIRED: tuple[str, ...] = ("id", "title", "max")
OPTIONAL: tuple[str, ...] = ("method", "levels", "rubric", "guidance")
METHODS: tuple[str, ...] = ("self", "survey", "sipas")
ANNEX = "annex"

#: accepted spellings of the column names (compared after NFC + casefold + trimming)
ALIASES: dict[str, str] = {
    "id": "id",
    "mã": "id",
    "mã mục": "id",
    "mã tiêu chí": "id",
    "title": "title",
    "tên": "title",
    "tên mục": "title",
    "tên tiêu chí": "title",
    "nội dung": "title",
    "max": "max",
    "điểm tối đa": "max",
    "điểm": "max",
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

_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
_LEVEL_SPLIT = re.compile(r";|\|" + r"|,(?=\s)")
_SAFE_FIRST = re.compile(r"^\w", re.UNICODE)
_LOOKS_TYPED = re.compile(
    r"^(?:[-+]?[\d.,_:]+(?:e[-+]?\d+)?|null|~|true|false|yes|no|on|off|y|n)$", re.IGNORECASE
)
_NEEDS_ESCAPE = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ----------------------------------------------------------------------------------- table


@dataclass
class Cell:
    text: str
    line: int
    column: int | None


@dataclass
class Row:
    line: int
    cells: dict[str, Cell]

    def get(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell is not None else ""

    def at(self, rel: str, name: str | None = None) -> Location:
        cell = self.cells.get(name) if name else None
        if cell is None:
            return Location(rel, self.line, None)
        return Location(rel, cell.line, cell.column)


@dataclass
class Table:
    rel: str
    text: str | None  # CSV text, for source context in diagnostics
    rows: list[Row] = field(default_factory=list)


def _norm_header(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).replace("\ufeff", "").split()).casefold()


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def read_table(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, rel)
    if suffix in (".xls", ".ods"):
        return None, [error(UNREADABLE, Location(rel), reason=Msg("criteria.import.old_excel"))]
    return _read_csv(path, rel)


def _header_map(
    values: list[str], rel: str, line: int, columns: list[int | None]
) -> tuple[dict[int, str], list[Diagnostic]]:
    """Column index -> canonical name, with diagnostics for unknown/duplicate/missing columns."""
    diags: list[Diagnostic] = []
    mapping: dict[int, str] = {}
    seen: dict[str, int] = {}
    allowed = [*REQUIRED, *OPTIONAL]
    for i, raw in enumerate(values):
        name = _norm_header(raw)
        if not name:
            continue
        where = Location(rel, line, columns[i])
        canonical = ALIASES.get(name)
        if canonical is None:
            close = difflib.get_close_matches(name, list(ALIASES), n=1, cutoff=0.75)
            hint = (
                Msg(
                    f"{UNKNOWN_COLUMN}.hint_guess", {"guess": ALIASES[close[0]], "allowed": allowed}
                )
                if close
                else None
            )
            diags.append(
                warning(UNKNOWN_COLUMN, where, hint=hint, column=raw.strip(), allowed=allowed)
            )
            continue
        if canonical in seen:
            diags.append(
                error(
                    UNKNOWN_COLUMN,
                    where,
                    message=Msg(
                        f"{UNKNOWN_COLUMN}.duplicate",
                        {"column": raw.strip(), "name": canonical, "first": seen[canonical] + 1},
                    ),
                    column=raw.strip(),
                    allowed=allowed,
                )
            )
            continue
        seen[canonical] = i
        mapping[i] = canonical
    missing = [name for name in REQUIRED if name not in seen]
    if missing:
        diags.append(
            error(MISSING_COLUMN, Location(rel, line, 1), missing=missing, allowed=allowed)
        )
    return mapping, diags


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


def _position(lines: list[str], first_line: int, offset: int) -> tuple[int, int]:
    line = first_line
    for text in lines[first_line - 1 :]:
        if offset <= len(text):
            return line, offset + 1
        offset -= len(text) + 1
        line += 1
    return first_line, 1


def _read_csv(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(UNREADABLE, Location(rel), reason=exc.strerror or type(exc).__name__)]
    text, problems = decode(raw, rel)
    if text is None:
        where = problems[0] if problems else None
        at = Location(rel, where.line, where.column) if where else Location(rel)
        byte = where.message.args.get("encoding", "?") if where else "?"
        return None, [error(UNREADABLE, at, reason=Msg("criteria.import.not_utf8", {"byte": byte}))]
    text = _nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    first = next((ln for ln in lines if ln.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delimiter = max(counts, key=lambda d: (counts[d], d == ","))
    table = Table(rel=rel, text=text)
    diags: list[Diagnostic] = []
    reader = csv.reader(io_lines(text), delimiter=delimiter)
    header: dict[int, str] | None = None
    width = 0
    previous_end = 0
    try:
        for record in reader:
            start_line = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            record_text = "\n".join(lines[start_line - 1 : previous_end])
            starts = _field_starts(record_text, delimiter)
            positions = [_position(lines, start_line, s) for s in starts]
            columns: list[int | None] = [p[1] for p in positions] + [None] * len(record)
            if header is None:
                header, problems = _header_map(record, rel, start_line, columns)
                diags += problems
                if any(d.severity is Severity.ERROR for d in problems):
                    return None, diags
                width = len(record)
                continue
            if len(record) > width and any(c.strip() for c in record[width:]):
                diags.append(
                    error(
                        EXTRA_CELLS,
                        Location(rel, start_line, columns[width]),
                        cells=len(record),
                        columns=width,
                    )
                )
            cells: dict[str, Cell] = {}
            for i, value in enumerate(record):
                name = header.get(i)
                if name is not None:
                    line, col = positions[i] if i < len(positions) else (start_line, None)
                    cells[name] = Cell(value.strip(), line, col)
            table.rows.append(Row(start_line, cells))
    except csv.Error as exc:
        return None, [
            *diags,
            error(
                UNREADABLE,
                Location(rel, reader.line_num or None),
                reason=Msg("criteria.import.csv_error", {"detail": str(exc)}),
            ),
        ]
    if header is None or not table.rows:
        return None, [*diags, _no_rows(rel)]
    return table, diags


def _no_rows(rel: str) -> Diagnostic:
    return error(UNREADABLE, Location(rel), reason=Msg("criteria.import.no_rows"))


def io_lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        yield line + "\n"


def _excel_column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _read_xlsx(path: Path, rel: str) -> tuple[Table | None, list[Diagnostic]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        return None, [
            error(
                UNREADABLE,
                Location(rel),
                reason=Msg("criteria.import.bad_xlsx", {"detail": f"{type(exc).__name__}: {exc}"}),
            )
        ]
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        return None, [
            error(
                UNREADABLE,
                Location(rel),
                reason=Msg("criteria.import.bad_xlsx", {"detail": f"{type(exc).__name__}: {exc}"}),
            )
        ]
    table = Table(rel=rel, text=None)
    diags: list[Diagnostic] = []
    try:
        sheet = workbook.worksheets[0]
        header: dict[int, str] | None = None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if header is None:
                texts = ["" if v is None else str(v) for v in values]
                header, problems = _header_map(
                    texts, rel, number, [i + 1 for i in range(len(texts))]
                )
                diags += problems
                if any(d.severity is Severity.ERROR for d in problems):
                    return None, diags
                continue
            cells: dict[str, Cell] = {}
            for i, value in enumerate(values):
                name = header.get(i)
                if name is None:
                    continue
                if name == "id" and value is not None and not isinstance(value, str):
                    problem = _excel_id(value)
                    if problem is not None:
                        diags.append(
                            error(
                                EXCEL_NUMBER_ID,
                                Location(rel, number, i + 1),
                                value=str(value),
                                column=_excel_column(i),
                                row=number,
                                kind=problem,
                            )
                        )
                        cells[name] = Cell("", number, i + 1)
                        cells["_bad_id"] = Cell("x", number, i + 1)
                        continue
                cells[name] = Cell(_xlsx_text(value), number, i + 1)
            table.rows.append(Row(number, cells))
    finally:
        workbook.close()
    if header is None or not table.rows:
        return None, [*diags, _no_rows(rel)]
    return table, diags


def _excel_id(value: Any) -> Msg | None:
    """An id cell that is not text: whole numbers are fine (``3``), anything else is not."""
    if isinstance(value, (bool, dt.date, dt.datetime, dt.time)):
        return Msg("criteria.import.kind_date")
    if isinstance(value, int):
        return None
    if isinstance(value, float) and value.is_integer():
        return None
    return Msg("criteria.import.kind_number")


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".12g")
    return _nfc(str(value)).strip()


# ------------------------------------------------------------------------------------- rows


@dataclass
class Item:
    row: Row
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
    rel = table.rel
    diags: list[Diagnostic] = []
    items: list[Item] = []
    first_row: dict[str, Row] = {}
    for row in table.rows:
        bad = False
        item_id = row.get("id")
        bad = "_bad_id" in row.cells
        for name in REQUIRED:
            if not (name == "id" and bad) and not row.get(name):
                diags.append(
                    error(
                        EMPTY_CELL,
                        row.at(rel, name),
                        item=item_id or None,
                        column=name,
                        row=row.line,
                    )
                )
                bad = True
        if item_id and not is_good_id(item_id):
            diags.append(error(BAD_ID, row.at(rel, "id"), item=item_id, id=item_id))
            bad = True
        elif item_id and item_id in first_row:
            diags.append(
                error(
                    DUPLICATE_ID,
                    row.at(rel, "id"),
                    item=item_id,
                    id=item_id,
                    first_line=first_row[item_id].line,
                    line=row.line,
                )
            )
            continue
        elif item_id:
            first_row[item_id] = row
        max_value = parse_number(row.get("max")) if row.get("max") else None
        if row.get("max") and max_value is None:
            diags.append(
                error(
                    BAD_NUMBER,
                    row.at(rel, "max"),
                    item=item_id or None,
                    column="max",
                    value=row.get("max"),
                )
            )
            bad = True
        method = row.get("method") or None
        if method is not None and method not in METHODS:
            lowered = method.casefold()
            if lowered in METHODS:
                method = lowered
            else:
                guess = did_you_mean(lowered, METHODS)
                hint = (
                    Msg(f"{BAD_METHOD}.hint_guess", {"guess": guess, "allowed": list(METHODS)})
                    if guess
                    else None
                )
                diags.append(
                    error(
                        BAD_METHOD,
                        row.at(rel, "method"),
                        item=item_id or None,
                        hint=hint,
                        value=method,
                        allowed=list(METHODS),
                    )
                )
                bad = True
        levels: list[Decimal] | None = None
        if row.get("levels"):
            levels = parse_levels(row.get("levels"))
            if levels is None:
                diags.append(
                    error(
                        BAD_NUMBER,
                        row.at(rel, "levels"),
                        item=item_id or None,
                        column="levels",
                        value=row.get("levels"),
                    )
                )
                bad = True
        if bad or max_value is None:
            continue
        items.append(
            Item(
                row=row,
                id=item_id,
                title=row.get("title"),
                max=max_value,
                method=method,
                levels=levels,
                rubric=row.get("rubric") or None,
                guidance=row.get("guidance") or None,
            )
        )
    return items, diags


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


# ------------------------------------------------------------------------------------- YAML


@dataclass
class Options:
    name: str | None = None
    level: str | None = None
    year: int | None = None
    decision: str | None = None
    decision_date: dt.date | None = None
    total: Decimal | None = None
    counts: tuple[int, int, int] | None = None
    status: str = "confirmed"
    lang: str = "vi"


def scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly ``text`` (plain when safe, else quoted)."""
    if (
        text
        and text == text.strip()
        and _SAFE_FIRST.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _LOOKS_TYPED.match(text)
        and not _NEEDS_ESCAPE.search(text)
    ):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    body = json.dumps(text, ensure_ascii=False)
    return _NEEDS_ESCAPE.sub(
        lambda m: (
            f"\\u{ord(m.group()):04x}" if ord(m.group()) <= 0xFFFF else f"\\U{ord(m.group()):08x}"
        ),
        body,
    )


def _foldable(text: str) -> bool:
    return (
        text == text.strip()
        and "  " not in text
        and not _NEEDS_ESCAPE.search(text)
        and "\n" not in text
        and "\t" not in text
    )


class Writer:
    """Collects YAML lines and, for each, the table row/column it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: dict[int, tuple[int, int | None]] = {}

    def add(self, text: str, origin: tuple[int, int | None] | None = None) -> None:
        self.lines.append(text)
        if origin is not None:
            self.origin[len(self.lines)] = origin

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _origin(item: Item, name: str) -> tuple[int, int | None]:
    cell = item.row.cells.get(name)
    return (cell.line, cell.column) if cell is not None else (item.row.line, None)


def _emit_text(
    out: Writer, pad: str, key: str, text: str, origin: tuple[int, int | None] | None = None
) -> None:
    """``key: text`` on one line, or folded (``>-``) over lines of at most 100 columns."""
    if _foldable(text) and len(pad) + len(key) + 2 + len(text) > 100:
        out.add(f"{pad}{key}: >-", origin)
        width = max(40, 100 - len(pad) - 2)
        for line in textwrap.wrap(
            text, width=width, break_long_words=False, break_on_hyphens=False
        ):
            out.add(f"{pad}  {line}", origin)
    else:
        out.add(f"{pad}{key}: {scalar(text)}", origin)


def _emit_item(out: Writer, item: Item, indent: int) -> None:
    pad = " " * indent
    out.add(f"{pad}- id: {quoted(item.id)}", _origin(item, "id"))
    pad += "  "
    out.add(f"{pad}title: {scalar(item.title)}", _origin(item, "title"))
    out.add(f"{pad}max: {format_decimal(item.max)}", _origin(item, "max"))
    if item.method is not None:
        out.add(f"{pad}method: {item.method}", _origin(item, "method"))
    if item.levels is not None:
        levels = ", ".join(format_decimal(v) for v in item.levels)
        out.add(f"{pad}levels: [{levels}]", _origin(item, "levels"))
    if item.rubric is not None:
        out.add(f"{pad}rubric: {scalar(item.rubric)}", _origin(item, "rubric"))
    if item.guidance is not None:
        _emit_text(out, pad, "guidance", item.guidance, _origin(item, "guidance"))
    if item.children:
        out.add(f"{pad}children:", (item.row.line, None))
        for child in item.children:
            _emit_item(out, child, indent + 4)


def _emit_rubric(out: Writer, key: str, rubric: Rubric, explicit_status: bool) -> None:
    out.add(f"  {scalar(key)}:")
    out.add(f"    title: {scalar(rubric.title)}")
    if rubric.unit is not None:
        out.add(f"    unit: {quoted(rubric.unit)}")
    out.add(f"    min: {format_decimal(rubric.min)}")
    out.add(f"    max: {format_decimal(rubric.max)}")
    out.add("    bands:")
    for band in rubric.bands:
        out.add(
            f"      - {{from: {format_decimal(band.from_)}, "
            f"fraction: {format_decimal(band.fraction)}}}"
        )
    if explicit_status:
        out.add(f"    status: {rubric.status}")
    if rubric.source is not None:
        out.add(f"    source: {scalar(rubric.source)}")


def render_yaml(
    roots: list[Item], table_rel: str, options: Options, like: CriteriaTree | None
) -> Writer:
    lang = options.lang
    meta = like.meta if like is not None else None
    default_name = tr("criteria.import.default_name", lang)
    name = options.name or (meta.methodology.name if meta else default_name)
    level = options.level or (meta.methodology.level if meta else "province")
    year = options.year if options.year is not None else (meta.methodology.year if meta else None)
    decision = options.decision or (meta.methodology.decision if meta else None)
    decision_date = options.decision_date or (meta.methodology.decision_date if meta else None)
    total = (
        options.total
        if options.total is not None
        else (meta.declared.total if meta else Decimal(100))
    )
    if options.counts is not None:
        counts: tuple[int | None, ...] = options.counts
        declared_source: str | None = ANNEX
    elif meta is not None:
        counts = (meta.declared.areas, meta.declared.criteria, meta.declared.subcriteria)
        declared_source = meta.declared.source if options.total is None else ANNEX
    else:
        counts, declared_source = (None, None, None), ANNEX
    assert year is not None and decision is not None

    out = Writer()
    rule = "# " + "=" * 98
    out.add(rule)
    for line in tr(
        "criteria.import.header",
        lang,
        name=name,
        decision=decision,
        year=year,
        table=table_rel,
        status=options.status,
        source=ANNEX,
    ).split("\n"):
        out.add(f"# {line}".rstrip())
    out.add(rule)
    out.add("")
    out.add("format: 1")
    out.add("")
    out.add("methodology:")
    out.add(f"  name: {scalar(name)}")
    out.add(f"  level: {scalar(level)}")
    out.add(f"  year: {year}")
    out.add(f"  decision: {scalar(decision)}")
    if decision_date is not None:
        out.add(f'  decision_date: "{decision_date.isoformat()}"')
    out.add(f"  status: {options.status}")
    out.add(f"  source: {ANNEX}")
    out.add("")
    out.add("declared:")
    for key, value in zip(("areas", "criteria", "subcriteria"), counts, strict=True):
        if value is not None:
            out.add(f"  {key}: {value}")
    out.add(f"  total: {format_decimal(total)}")
    if declared_source is not None:
        out.add(f"  source: {scalar(declared_source)}")
    out.add("")
    out.add("sources:")
    annex_text = tr("criteria.import.annex_source", lang, decision=decision, table=table_rel)
    _emit_text(out, "  ", ANNEX, annex_text)
    if meta is not None:
        for key, text in meta.sources.items():
            if key != ANNEX:
                _emit_text(out, "  ", scalar(key), text)
    if meta is not None and meta.rubrics:
        out.add("")
        out.add("rubrics:")
        for key, rubric in meta.rubrics.items():
            _emit_rubric(out, key, rubric, "status" in rubric.model_fields_set)
    out.add("")
    out.add("items:")
    for item in roots:
        _emit_item(out, item, 2)
    return out


# ----------------------------------------------------------------------------------- import


@dataclass
class ImportResult:
    text: str | None
    diagnostics: list[Diagnostic]
    tree: CriteriaTree | None = None
    table_text: str | None = None


def load_like(path: Path, rel: str) -> tuple[CriteriaTree | None, list[Diagnostic]]:
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return None, problems
    tree, problems = build_tree(doc)
    return tree, problems


def import_table(
    table_path: Path,
    table_rel: str,
    out_path: Path,
    options: Options,
    like: CriteriaTree | None = None,
) -> ImportResult:
    table, diags = read_table(table_path, table_rel)
    if table is None:
        return ImportResult(None, diags)
    items, problems = parse_rows(table)
    diags += problems
    roots, problems = build_hierarchy(items, table_rel)
    diags += problems
    if any(d.severity is Severity.ERROR for d in diags):
        return ImportResult(None, diags, table_text=table.text)
    writer = render_yaml(roots, table_rel, options, like)
    text = writer.text()
    out_rel = out_path.as_posix()
    doc, problems = parse_text(text, out_rel, out_path, text.encode("utf-8"))
    if doc is None:  # pragma: no cover - the writer only emits what the loader reads back
        raise RuntimeError(f"generated YAML does not parse: {problems}")
    tree, problems = build_tree(doc)
    checks = problems + (check_tree(tree) if tree is not None else [])
    diags += [_to_table(d, writer, out_rel, table_rel, like is not None) for d in checks]
    if tree is not None:
        _verify(tree, items)
    if any(d.severity is Severity.ERROR for d in diags):
        return ImportResult(None, diags, tree, table.text)
    return ImportResult(text, diags, tree, table.text)


def _to_table(
    d: Diagnostic, writer: Writer, out_rel: str, table_rel: str, have_like: bool
) -> Diagnostic:
    """Point a diagnostic about the generated YAML at the table row it came from."""
    if d.file != out_rel:
        return d
    origin = writer.origin.get(d.line or 0)
    line, column = origin if origin is not None else (None, None)
    hint = d.hint
    if d.code == UNKNOWN_RUBRIC and not have_like:
        hint = Msg("criteria.import.rubric_hint", {"rubric": d.message.args.get("rubric", "")})
    return replace(d, file=table_rel, line=line, column=column, hint=hint)


def _verify(tree: CriteriaTree, items: list[Item]) -> None:
    """The file written says exactly what the table says (guards the YAML writer)."""
    by_id = {i.id: i for i in items}
    for node in tree.walk():
        item = by_id[node.id]
        got = (
            node.title,
            node.max,
            node.method,
            list(node.levels) if node.levels else None,
            node.rubric_key,
            node.guidance,
        )
        want = (item.title, item.max, item.method, item.levels or None, item.rubric, item.guidance)
        if got != want:  # pragma: no cover - a writer bug, never a user error
            raise RuntimeError(f"import round trip differs for {node.id}: {got} != {want}")


def summary(tree: CriteriaTree) -> dict[str, Any]:
    from cchc_cli.criteria.checks import tree_counts

    return {**tree_counts(tree), "leaves": len(tree.leaves()), "total": tree.total_max()}
