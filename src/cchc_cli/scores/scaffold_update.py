"""``cchc scaffold --update``: append newly assigned items without touching a byte of the rest.

The new items are inserted as text at the end of the ``items`` mapping, indented like the items
already there; every existing byte (comments, order, line endings, BOM, encoding) is kept. A file
whose ``items`` cannot be extended that way (flow style, not a mapping) is refused (CCHC431).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import tr
from cchc_cli.core.textio import decode
from cchc_cli.core.yamlio import YamlDoc, parse_text
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.scaffold_items import item_block


@dataclass
class UpdatePlan:
    """What ``--update`` would do to one file."""

    added: list[str] = field(default_factory=list)
    data: bytes | None = None
    problems: list[Diagnostic] = field(default_factory=list)


_BREAK = re.compile(r"\r\n|\r|\n")


def _newline_of(text: str) -> str:
    match = _BREAK.search(text)
    return match.group() if match else "\n"


def _bom_and_encoding(raw: bytes) -> tuple[bytes, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[:3], "utf-8"
    if raw.startswith(b"\xff\xfe"):
        return raw[:2], "utf-16-le"
    if raw.startswith(b"\xfe\xff"):
        return raw[:2], "utf-16-be"
    return b"", "utf-8"


def plan_update(path: Path, rel: str, plan: ResolvedPlan, code: str, lang: str) -> UpdatePlan:
    """Compute the new bytes of ``path`` with the items ``code`` now has but the file lacks."""
    result = UpdatePlan()
    raw = path.read_bytes()
    text, problems = decode(raw, rel)
    if text is None:
        result.problems = problems
        return result
    doc, problems = parse_text(text, rel, path, raw)
    if doc is None:
        result.problems = problems
        return result
    found = _items_of(doc, rel)
    if isinstance(found, Diagnostic):
        result.problems = [found]
        return result
    items_key, items_value, existing = found
    new_pairs = [
        (leaf, role) for leaf, role in plan.listed_items(code) if leaf.item not in existing
    ]
    if not new_pairs:
        return result
    nl = _newline_of(text)
    indent, inner = _indents(items_value)
    block: list[str] = [indent + "# " + tr("scores.scaffold.update_marker", lang)]
    for leaf, role in new_pairs:
        block += item_block(leaf, code, role, lang, indent=indent, inner=inner)
    new_text = _insert(doc, items_key, items_value, nl.join(block) + nl, nl)
    if new_text is None:
        result.problems = [error("CCHC431", Location(rel), file=rel)]
        return result
    bom, encoding = _bom_and_encoding(raw)
    result.data = bom + new_text.encode(encoding)
    result.added = [leaf.item for leaf, _ in new_pairs]
    return result


def _items_of(
    doc: YamlDoc, rel: str
) -> tuple[ScalarNode | None, Node | None, set[str]] | Diagnostic:
    """The ``items`` key, its value and the item ids already there; CCHC431 when the file's
    ``items`` cannot be extended as text (not a mapping, flow style)."""
    root = doc.root
    if not isinstance(root, MappingNode):
        return error("CCHC431", doc.at(root), file=rel)
    items_key: ScalarNode | None = None
    items_value: Node | None = None
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "items":
            items_key, items_value = key_node, value_node
    existing: set[str] = set()
    if isinstance(items_value, MappingNode):
        if items_value.flow_style:
            return error("CCHC431", doc.at(items_value), file=rel)
        existing = {k.value for k, _ in items_value.value if isinstance(k, ScalarNode)}
    elif items_value is not None and not (
        isinstance(items_value, ScalarNode)
        and items_value.tag.endswith(":null")
        and items_value.value == ""
    ):
        return error("CCHC431", doc.at(items_value), file=rel)
    return items_key, items_value, existing


def _insert(
    doc: YamlDoc, items_key: ScalarNode | None, items_value: Node | None, body: str, nl: str
) -> str | None:
    """The file's text with ``body`` added at the end of ``items`` (None: no clean place for
    it). Parser positions are mapped back to the text (invisible characters were dropped)."""
    text = doc.text
    if items_key is None:
        at = len(text)
        body = "items:" + nl + body
    elif isinstance(items_value, MappingNode):
        at = doc.original(items_value.end_mark.index)
    else:
        # `items:` with nothing after it: insert right after that line.
        line_end = _BREAK.search(text, doc.original(items_key.end_mark.index))
        at = line_end.end() if line_end else len(text)
    at = min(at, len(text))
    if at == len(text) and text and not text.endswith(("\n", "\r")):
        body = nl + body
    elif at < len(text) and at > 0 and text[at - 1] not in "\r\n":
        return None
    return text[:at] + body + text[at:]


def _indents(items_value: object) -> tuple[str, str]:
    """The indentation the file already uses for item keys and for fields inside an item."""
    if not isinstance(items_value, MappingNode) or not items_value.value:
        return "  ", "  "
    first_key = items_value.value[0][0]
    key_col = first_key.start_mark.column
    inner = 2
    for _, value in items_value.value:
        if isinstance(value, MappingNode) and value.value and not value.flow_style:
            inner = max(1, value.value[0][0].start_mark.column - key_col)
            break
    return " " * key_col, " " * inner
