"""Phase 3 of ``cchc criteria import``: the criteria YAML text for the imported items.

The text is written line by line (never through a YAML dumper) so that it reads like the
hand-written files: a header comment, ids quoted, long guidance folded at 100 columns. Each
line remembers the table row/column it came from, so a problem the tree checks find in the
generated file can be reported at the table cell (:class:`YamlLines`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from dataclasses import dataclass
from decimal import Decimal

from cchc_cli.core.chars import BEFORE_PARSE
from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.criteria.model import CriteriaFile, CriteriaTree, Rubric
from cchc_cli.criteria.table_rows import Item

#: the source key the generated file gives the transcribed annex
ANNEX = "annex"

_SAFE_FIRST = re.compile(r"^\w", re.UNICODE)
_LOOKS_TYPED = re.compile(
    r"^(?:[-+]?[\d.,_:]+(?:e[-+]?\d+)?|null|~|true|false|yes|no|on|off|y|n)$", re.IGNORECASE
)
#: written as an escape: what YAML cannot hold as is, and what cchc reads as a space or nothing
#: (invisible characters, line separators: :mod:`cchc_cli.core.chars`)
_NEEDS_ESCAPE = re.compile(
    f"[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|{BEFORE_PARSE.pattern}"
)

Origin = tuple[int, int | None]


@dataclass
class Options:
    """What the command line says about the file (else taken from ``--like``, or defaults)."""

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


class YamlLines:
    """Collects YAML lines and, for each, the table row/column it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: dict[int, Origin] = {}

    def add(self, text: str, origin: Origin | None = None) -> None:
        self.lines.append(text)
        if origin is not None:
            self.origin[len(self.lines)] = origin

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


@dataclass
class _Header:
    """The methodology and declared figures of the file: options, else ``--like``, else defaults."""

    name: str
    level: str
    year: int
    decision: str
    decision_date: dt.date | None
    total: Decimal
    counts: tuple[int | None, ...]
    declared_source: str | None


def render_yaml(
    roots: list[Item], table_rel: str, options: Options, like: CriteriaTree | None
) -> YamlLines:
    meta = like.meta if like is not None else None
    head = _header(options, meta)
    out = YamlLines()
    _emit_banner(out, head, options, table_rel)
    out.add("")
    out.add("format: 1")
    out.add("")
    _emit_methodology(out, head, options.status)
    out.add("")
    _emit_declared(out, head)
    out.add("")
    _emit_sources(out, head, table_rel, options.lang, meta)
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


def _header(options: Options, meta: CriteriaFile | None) -> _Header:
    default_name = tr("criteria.import.default_name", options.lang)
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
    return _Header(name, level, year, decision, decision_date, total, counts, declared_source)


def _emit_banner(out: YamlLines, head: _Header, options: Options, table_rel: str) -> None:
    rule = "# " + "=" * 98
    out.add(rule)
    for line in tr(
        "criteria.import.header",
        options.lang,
        name=head.name,
        decision=head.decision,
        year=head.year,
        table=table_rel,
        status=options.status,
        source=ANNEX,
    ).split("\n"):
        out.add(f"# {line}".rstrip())
    out.add(rule)


def _emit_methodology(out: YamlLines, head: _Header, status: str) -> None:
    out.add("methodology:")
    out.add(f"  name: {scalar(head.name)}")
    out.add(f"  level: {scalar(head.level)}")
    out.add(f"  year: {head.year}")
    out.add(f"  decision: {scalar(head.decision)}")
    if head.decision_date is not None:
        out.add(f'  decision_date: "{head.decision_date.isoformat()}"')
    out.add(f"  status: {status}")
    out.add(f"  source: {ANNEX}")


def _emit_declared(out: YamlLines, head: _Header) -> None:
    out.add("declared:")
    for key, value in zip(("areas", "criteria", "subcriteria"), head.counts, strict=True):
        if value is not None:
            out.add(f"  {key}: {value}")
    out.add(f"  total: {format_decimal(head.total)}")
    if head.declared_source is not None:
        out.add(f"  source: {scalar(head.declared_source)}")


def _emit_sources(
    out: YamlLines, head: _Header, table_rel: str, lang: str, meta: CriteriaFile | None
) -> None:
    """The annex first (this table), then every other source of ``--like``."""
    out.add("sources:")
    annex_text = tr("criteria.import.annex_source", lang, decision=head.decision, table=table_rel)
    _emit_text(out, "  ", ANNEX, annex_text)
    if meta is not None:
        for key, text in meta.sources.items():
            if key != ANNEX:
                _emit_text(out, "  ", scalar(key), text)


def _emit_text(out: YamlLines, pad: str, key: str, text: str, origin: Origin | None = None) -> None:
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


def _origin(item: Item, name: str) -> Origin:
    cell = item.row.cells.get(name)
    return (cell.line, cell.column) if cell is not None else (item.row.line, None)


def _emit_item(out: YamlLines, item: Item, indent: int) -> None:
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


def _emit_rubric(out: YamlLines, key: str, rubric: Rubric, explicit_status: bool) -> None:
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
