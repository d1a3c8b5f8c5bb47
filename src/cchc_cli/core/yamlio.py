"""The one YAML loading layer used for every file cchc reads.

What it guarantees (see README, "How cchc reads YAML"):

* scalars keep their exact text: no int/float/bool/date/octal resolution (``1.10`` stays
  ``"1.10"``, ``no`` stays ``"no"``); only ``null``/``~``/empty and merge keys ``<<`` are
  resolved. Models give fields their types (points are ``Decimal``).
* duplicate keys are errors naming both lines; ``<<`` merge keys are legal overrides.
* UTF-8 (with or without BOM), UTF-16 with BOM and CRLF are accepted; anything else is a clear
  "not UTF-8" error at the offending byte. Every string is normalised to Unicode NFC.
* lines and columns are those a text editor shows (only ``\n``, ``\r\n``, ``\r`` end a line);
  invisible and look-alike characters are read as the user meant them and named where they
  matter (:mod:`cchc_cli.core.chars`, :mod:`cchc_cli.core.yamlscan`).
* anchors/aliases are bounded by the size of the expanded document, nesting by depth and files
  by size, so a "billion laughs" file fails in milliseconds.
* the libyaml C parser is used when available, the pure-Python one otherwise: same results.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cchc_cli.core import yamlscan
from cchc_cli.core.chars import prepare
from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.textio import LineIndex, decode, editor_lines

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_EXPANDED_NODES = 250_000
MAX_DEPTH = 64

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"

# Same set PyYAML's reader rejects, checked ourselves so we can say where and why.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _nfc_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return unicodedata.normalize("NFC", loader.construct_scalar(node))


def _make_loader(base: type[Any]) -> type[Any]:
    """A loader subclass with its *own* resolver table: only null and merge are implicit; every
    string comes back NFC."""
    loader: Any = type(f"Cchc{base.__name__}", (base,), {})
    resolvers: dict[Any, list[tuple[str, Any]]] = {}
    for first, entries in base.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in entries if tag in (NULL_TAG, MERGE_TAG)]
        if kept:
            resolvers[first] = kept
    loader.yaml_implicit_resolvers = resolvers
    loader.add_constructor(STR_TAG, _nfc_str)
    return cast("type[Any]", loader)


def _already_nfc(loader: type[Any]) -> type[Any]:
    """The same loader for a text that is NFC throughout and has no escapes (nearly every file):
    each of its strings is NFC already, so none is normalised again (a tenth of the parse)."""
    fast: Any = type(f"{loader.__name__}Nfc", (loader,), {})
    fast.add_constructor(STR_TAG, fast.construct_yaml_str)
    return cast("type[Any]", fast)


PY_LOADER: type[Any] = _make_loader(yaml.SafeLoader)
C_LOADER: type[Any] | None = (
    _make_loader(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else None
)
_FAST = {PY_LOADER: _already_nfc(PY_LOADER)}
if C_LOADER is not None:
    _FAST[C_LOADER] = _already_nfc(C_LOADER)


def libyaml_in_use() -> bool:
    return C_LOADER is not None


@dataclass
class YamlDoc:
    """A parsed file: the data, the node tree (for locations) and the text (for context)."""

    path: Path
    rel: str
    text: str
    root: Node
    data: Any
    #: the file's bytes as read (its checksum is worked out only when a report asks for it)
    raw: bytes = field(default=b"", repr=False, compare=False)
    #: indexes (in ``text``) of the characters dropped before parsing (zero-width ones)
    removed: tuple[int, ...] = ()
    _lines: list[str] | None = field(default=None, repr=False)
    _index: LineIndex | None = field(default=None, repr=False, compare=False)
    _shifts: list[int] | None = field(default=None, repr=False, compare=False)
    #: id(mapping node) -> {key text: (key node, value node)}, built on first lookup
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def sha256(self) -> str:
        """The SHA-256 of the bytes read (reports list it; ``hashlib`` loads OpenSSL, which a
        plain ``validate`` need not pay for)."""
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @property
    def lines(self) -> list[str]:
        """The lines as a text editor shows them."""
        if self._lines is None:
            self._lines = editor_lines(self.text)
        return self._lines

    @property
    def lines_index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def original(self, index: int, *, before: bool = False) -> int:
        """The index in ``text`` of the parser's ``index`` (the parser did not see the
        characters in ``removed``); ``before``: a dropped character just before counts as
        part of what starts there."""
        if not self.removed:
            return index
        if self._shifts is None:
            self._shifts = [at - rank for rank, at in enumerate(self.removed)]
        find = bisect.bisect_left if before else bisect.bisect_right
        return index + find(self._shifts, index)

    def location(self, index: int) -> Location:
        """The line and column of an index into ``text``."""
        line, column = self.lines_index.position(index)
        return Location(self.rel, line, column)

    def at(self, node: Node | None) -> Location:
        if node is None:
            return Location(self.rel)
        mark = node.start_mark
        if self.removed:
            return self.location(self.original(mark.index))
        return Location(self.rel, mark.line + 1, mark.column + 1)

    def source(self, node: Node) -> str:
        """The node's text as written in the file."""
        return self.text[self.original(node.start_mark.index) : self.original(node.end_mark.index)]

    def node_at(self, loc: tuple[Any, ...], *, key: bool = False) -> tuple[Node, bool]:
        """Walk ``loc`` (keys and indexes) through the node tree.

        Returns the deepest node reached and whether the whole path was found. With
        ``key=True`` the last mapping step returns the *key* node (the caret goes on the key).
        """
        node: Node = self.root
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            if isinstance(node, MappingNode):
                pair = self._mapping_keys(node).get(str(part))
                if pair is None:
                    return node, False
                node = pair[0] if (key and last) else pair[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return node, False
                node = node.value[part]
            else:
                return node, False
        return node, True

    def locate(self, loc: tuple[Any, ...], *, key: bool = False) -> Location:
        node, _ = self.node_at(loc, key=key)
        return self.at(node)

    def _mapping_keys(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """The mapping's scalar keys (first occurrence wins), indexed once per mapping."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    index.setdefault(_key_text(key_node), (key_node, value_node))
            self._keys[id(node)] = index
        return index


def _key_text(node: ScalarNode) -> str:
    return unicodedata.normalize("NFC", node.value)


def _walk_limits(root: Node, rel: str, doc_at: Any) -> list[Diagnostic]:
    """Bound expansion (aliases), depth and cycles without ever expanding the graph."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                children.extend((k, v))
        if done:
            on_stack.discard(nid)
            size[nid] = 1 + sum(size[id(c)] for c in children)
            depth[nid] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[nid] > MAX_EXPANDED_NODES:
                return [error("CCHC105", doc_at(node), limit=MAX_EXPANDED_NODES)]
            if depth[nid] > MAX_DEPTH:
                return [error("CCHC111", doc_at(node), limit=MAX_DEPTH)]
            continue
        if nid in size:
            continue
        if nid in on_stack:
            return [error("CCHC105", doc_at(node), limit=MAX_EXPANDED_NODES)]
        on_stack.add(nid)
        stack.append((node, True))
        for child in children:
            if id(child) in on_stack:
                return [error("CCHC105", doc_at(child), limit=MAX_EXPANDED_NODES)]
            if id(child) not in size:
                stack.append((child, False))
    return []


def _plain_tree(root: Node) -> bool:
    """Fast path: True when the document is within the size and depth limits and no mapping
    can have a duplicate key (no merge keys, no complex keys, no repeated key text).

    One cheap pass over the nodes; aliases are visited as often as they are expanded, so the
    visit count is the expanded size and a "billion laughs" stops at the limit. When it says
    False, the exact checks (:func:`_walk_limits`, :func:`_duplicate_keys`) run and report.
    """
    visits = 0
    stack: list[tuple[Node, int]] = [(root, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, level = pop()
        visits += 1
        if level > MAX_DEPTH or visits > MAX_EXPANDED_NODES:
            return False
        kind = node.__class__
        if kind is MappingNode:
            seen: set[str] = set()
            below = level + 1
            for key_node, value_node in node.value:
                if key_node.__class__ is not ScalarNode or key_node.tag == MERGE_TAG:
                    return False
                text = key_node.value
                if not text.isascii():
                    text = unicodedata.normalize("NFC", text)
                if text in seen:
                    return False
                seen.add(text)
                push((key_node, below))
                push((value_node, below))
        elif kind is SequenceNode:
            below = level + 1
            for child in node.value:
                push((child, below))
    return True


def _duplicate_keys(root: Node, doc_at: Any) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen_nodes: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first: dict[tuple[str, str], Node] = {}
            for key_node, value_node in node.value:
                stack.append(value_node)
                if key_node.tag == MERGE_TAG or not isinstance(key_node, ScalarNode):
                    stack.append(key_node)
                    continue
                ident = (key_node.tag, _key_text(key_node))
                if ident in first:
                    where = doc_at(key_node)
                    found.append(
                        error(
                            "CCHC104",
                            where,
                            key=_key_text(key_node),
                            first_line=first[ident].start_mark.line + 1,
                            line=where.line,
                        )
                    )
                else:
                    first[ident] = key_node
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return found


def parse_text(
    text: str, rel: str, path: Path, raw: bytes, *, use_c: bool | None = None
) -> tuple[YamlDoc | None, list[Diagnostic]]:
    """Parse already-decoded text. ``use_c`` forces one parser (tests compare both).

    The document comes back with the diagnostics that do not stop reading it (an invisible
    character in a key, already read as meant); None when it cannot be read."""
    doc = YamlDoc(
        path=path,
        rel=rel,
        text=text,
        root=ScalarNode(NULL_TAG, ""),
        data=None,
        raw=raw,
    )
    bad = _NON_PRINTABLE.search(text)
    if bad is not None:
        return None, [error("CCHC110", doc.location(bad.start()), char=f"U+{ord(bad.group()):04X}")]
    prepared = prepare(text)
    doc.removed = prepared.removed
    if use_c is None:
        use_c = C_LOADER is not None
    loader_cls = C_LOADER if (use_c and C_LOADER is not None) else PY_LOADER
    if "\\" not in prepared.text and unicodedata.is_normalized("NFC", prepared.text):
        loader_cls = _FAST[loader_cls]  # an escape could spell a combining mark: not here
    loader = loader_cls(prepared.text)
    found: list[Diagnostic] = []
    try:
        try:
            root = loader.get_single_node()
            if root is None:
                return None, [error("CCHC107", Location(rel, 1, 1))]
            doc.root = root
            if prepared.odd or "\\" in prepared.text:
                found = yamlscan.scan(doc, prepared.odd)
            if not _plain_tree(root):
                limits = _walk_limits(root, rel, doc.at)
                if limits:
                    return None, limits
                dups = _duplicate_keys(root, doc.at)
                if dups:
                    return None, found + dups
            doc.data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        near = yamlscan.on_line(doc, prepared.odd, doc.original(mark.index)) if mark else []
        return None, [*near, yamlscan.syntax_error(exc, doc, MAX_DEPTH)]
    except RecursionError:
        return None, [error("CCHC111", Location(rel, 1, 1), limit=MAX_DEPTH)]
    return doc, found


def load_yaml(
    path: Path, rel: str, *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[YamlDoc | None, list[Diagnostic]]:
    """Read, decode and parse one file. Never raises for bad input: returns diagnostics."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [error("CCHC106", Location(rel), size=size, limit=max_bytes)]
        with path.open("rb") as handle:  # bounded: a link to /dev/zero must not eat memory
            raw = handle.read(max_bytes + 1)
    except IsADirectoryError:
        return None, [error("CCHC109", Location(rel), reason=Msg("yaml.unreadable.directory"))]
    except OSError as exc:
        from cchc_cli.core.oserrors import os_error_msg

        return None, [error("CCHC109", Location(rel), reason=os_error_msg(exc))]
    if len(raw) > max_bytes:
        return None, [error("CCHC106", Location(rel), size=max(size, len(raw)), limit=max_bytes)]
    text, problems = decode(raw, rel)
    if text is None:
        return None, problems
    return parse_text(text, rel, path, raw)


def require_mapping(doc: YamlDoc) -> list[Diagnostic]:
    """Every cchc file is a mapping at the top level."""
    if isinstance(doc.data, dict):
        return []
    kind = "list" if isinstance(doc.data, list) else "scalar"
    return [error("CCHC108", doc.at(doc.root), kind=Msg(f"yaml.kind.{kind}"))]
