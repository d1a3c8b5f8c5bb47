"""What the YAML text itself gets wrong: the invisible and look-alike characters where they
matter, backslash escapes that silently changed a double-quoted value (codes CCHC112, CCHC113,
CCHC115), and the message for a file the parser gives up on (CCHC102, CCHC103, CCHC111,
CCHC114).

Runs on the node tree before the data is built, only when the text holds such a character or
a backslash. Keys, and values that are one ASCII word once cleaned (ids, codes, numbers,
dates, literals), are *structural*: a character of :mod:`cchc_cli.core.chars` there is an error
named at its line and column, and the value is read as the user meant it (``score`` for
``score<U+00A0>``), so no later message contradicts it ("no field `score`, did you mean
`score`?"). In free text (a title, an explanation) the characters are harmless and read as
:func:`~cchc_cli.core.chars.prepare` left them, without a message.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cchc_cli.core import chars
from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, diag, error
from cchc_cli.core.i18n import Msg

if TYPE_CHECKING:
    from cchc_cli.core.yamlio import YamlDoc

#: a backslash escape in the source of a double-quoted scalar
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
#: escapes that are never meant in cchc's files (a control or an invisible character) …
_ALWAYS = {"t": "\t", "b": "\b", "f": "\f", "a": "\a", "v": "\v", "0": "\0", "e": "\x1b"}
_ALWAYS.update({"N": "\x85", "L": "\u2028", "P": "\u2029", "_": "\u00a0"})
#: … and line breaks, which are not meant in a path or a code
_IN_PATHS = {"n": "\n", "r": "\r"}
#: a double-quoted source that reads like a file path: a file extension at the end
_PATH_LIKE = re.compile(r"\.[A-Za-z0-9]{1,5}\"?\s*$")


def scan(doc: YamlDoc, odd: tuple[int, ...]) -> list[Diagnostic]:
    """Report (and, in structural scalars, clean) what :mod:`cchc_cli.core.chars` knows about;
    ``odd``: indexes of those characters in ``doc.text``."""
    found: list[Diagnostic] = []
    covered: set[int] = set()
    free: set[int] = set()
    near = _Neighbours()
    for node, is_key in _scalars(doc.root):
        start = doc.original(node.start_mark.index, before=True)
        end = doc.original(node.end_mark.index)
        near.ends[end] = near.starts[start] = (node, start, end)
        if node.style == '"' and "\\" in doc.text[start:end]:
            found.extend(_escapes(doc, node, start, end))
        inside = odd[bisect.bisect_left(odd, start) : bisect.bisect_left(odd, end)]
        if not inside:
            continue
        covered.update(inside)
        structural, problem = _odd_scalar(doc, node, is_key, inside)
        if not structural:
            free.update(inside)
        if problem is not None:
            found.append(problem)
    for index in odd:
        if doc.text[index] == chars.BOM and index > 0:
            in_text = index in free or _in_comment(doc.text, index)
            severity = Severity.WARNING if in_text else Severity.ERROR
            found.append(diag("CCHC113", severity, doc.location(index)))
        elif (
            index not in covered
            and chars.BEFORE_PARSE.match(doc.text, index)
            and not _in_comment(doc.text, index)
        ):
            found.append(_odd_outside(doc, index, near))
    return found


class _Neighbours:
    """The scalars of a document by where they start and end (indexes in its text)."""

    def __init__(self) -> None:
        self.starts: dict[int, tuple[ScalarNode, int, int]] = {}
        self.ends: dict[int, tuple[ScalarNode, int, int]] = {}


def on_line(doc: YamlDoc, odd: tuple[int, ...], index: int) -> list[Diagnostic]:
    """CCHC112 for the odd characters on the line of a syntax error at ``index`` (the file
    could not be read, so they may be its cause)."""
    if not odd:
        return []
    line, _ = doc.lines_index.position(index)
    return [
        _odd_outside(doc, i)
        for i in odd
        if doc.lines_index.position(i)[0] == line and not _in_comment(doc.text, i)
    ]


def _scalars(root: Node) -> Iterator[tuple[ScalarNode, bool]]:
    """Every scalar node once (aliases share nodes), with whether it is a mapping key."""
    seen: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, is_key = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            yield node, is_key
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, True))
                stack.append((value, False))
        elif isinstance(node, SequenceNode):
            stack.extend((child, False) for child in node.value)


def _odd_scalar(
    doc: YamlDoc, node: ScalarNode, is_key: bool, inside: tuple[int, ...]
) -> tuple[bool, Diagnostic | None]:
    """Whether the scalar is structural (a key, or an id/code/number/date value), and CCHC112
    when odd characters there change it (the node is then cleaned)."""
    cleaned = chars.clean(node.value)
    if not is_key and chars.TOKEN.fullmatch(cleaned) is None:
        return False, None
    hits = [i for i in inside if doc.text[i] != chars.BOM and chars.matters(doc.text[i], cleaned)]
    if not hits:
        return True, None
    source = doc.text[
        doc.original(node.start_mark.index, before=True) : doc.original(node.end_mark.index)
    ]
    node.value = cleaned
    found = _distinct(doc.text[i] for i in hits)
    return True, error(
        "CCHC112",
        doc.location(hits[0]),
        chars=[chars.label(c) for c in found],
        text=chars.visible(source),
        clean=cleaned,
        hint=Msg(chars.hint_key(found), {"clean": cleaned}),
    )


def _odd_outside(doc: YamlDoc, index: int, near: _Neighbours | None = None) -> Diagnostic:
    """CCHC112 for a character in the YAML structure itself (beside a key or a value, in an
    indentation), read as a space or nothing: the message shows the key or value it touches
    (``score<U+00A0>`` is read as ``score``), else the line."""
    text, ch = doc.text, doc.text[index]
    before, after = index, index + 1
    while before > 0 and (text[before - 1] == " " or chars.BEFORE_PARSE.match(text, before - 1)):
        before -= 1
    while after < len(text) and (text[after] == " " or chars.BEFORE_PARSE.match(text, after)):
        after += 1
    if near is not None and before in near.ends:
        node, start, _ = near.ends[before]
        shown, clean = text[start : index + 1], node.value
    elif near is not None and after in near.starts:
        node, _, end = near.starts[after]
        shown, clean = text[index:end], node.value
    else:
        line, _ = doc.lines_index.position(index)
        shown = doc.lines[line - 1].strip() if line <= len(doc.lines) else ""
        clean = chars.clean(shown)
    return error(
        "CCHC112",
        doc.location(index),
        chars=[chars.label(ch)],
        text=chars.visible(shown),
        clean=clean,
        hint=Msg(chars.hint_key([ch]), {"clean": clean}),
    )


def _escapes(doc: YamlDoc, node: ScalarNode, start: int, end: int) -> Iterator[Diagnostic]:
    """CCHC115 for each escape of a double-quoted scalar that silently gave a control or an
    invisible character (``"snv\\tb-12.pdf"`` is ``snv``, a TAB, ``b-12.pdf``)."""
    source = doc.text[start:end]
    path_like = _PATH_LIKE.search(source) is not None or not any(c.isspace() for c in source)
    for match in _ESCAPE.finditer(source):
        letter = match.group(1)
        made = _ALWAYS.get(letter) or (_IN_PATHS.get(letter) if path_like else None)
        if made is None:
            continue
        yield error(
            "CCHC115",
            doc.location(start + match.start()),
            escape=match.group(),
            char=chars.label(made),
            value=chars.visible(node.value),
            written=source.strip('"'),
        )


def _distinct(found: Iterator[str]) -> list[str]:
    out: list[str] = []
    for ch in found:
        if ch not in out:
            out.append(ch)
    return out


def _in_comment(text: str, index: int) -> bool:
    """Whether ``index`` is in a ``#`` comment (approximately: a ``#`` at the line start or
    after a space, outside quotes, before it on its line)."""
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    head = text[line_start:index]
    quote: str | None = None
    for i, ch in enumerate(head):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or head[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or head[i - 1] in " \t"):
            return True
    return False


# ------------------------------------------------------------------ when parsing fails

_SYNTAX_PATTERNS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "yaml.mapping_values"),
    ("could not find expected ':'", "yaml.expected_colon"),
    ("expected <block end>", "yaml.indentation"),
    ("did not find expected key", "yaml.indentation"),
    ("did not find expected '-' indicator", "yaml.indentation"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("while scanning a quoted scalar", "yaml.unclosed_quote"),
    ("found unexpected end of stream", "yaml.unclosed_quote"),
    ("expected a single document", "yaml.multiple_documents"),
    ("but found another document", "yaml.multiple_documents"),
    ("could not determine a constructor", "yaml.unknown_tag"),
    ("found unhashable key", "yaml.complex_key"),
    ("while parsing a flow", "yaml.flow"),
    ("expected ',' or ']'", "yaml.flow"),
    ("expected ',' or '}'", "yaml.flow"),
    ("found duplicate anchor", "yaml.duplicate_anchor"),
)


def syntax_error(exc: yaml.YAMLError, doc: YamlDoc, max_depth: int) -> Diagnostic:
    """The diagnostic for a file the parser gave up on (CCHC102, 103, 111, 114), at the line and
    column the user's editor shows."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = doc.original(mark.index) if mark is not None else -1
    text = doc.text
    where = doc.location(index) if mark is not None else Location(doc.rel)
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    if 0 <= index < len(text) and text[index] == "\t":
        return error("CCHC103", where)
    if "\\t" in problem or "'\t'" in problem or "#x0009" in problem:
        return error("CCHC103", where)
    if "nesting depth" in problem:  # libyaml's own limit (1000 levels)
        return error("CCHC111", where, limit=max_depth)
    if "unknown escape character" in problem and 0 < index <= len(text):
        # the C parser points at the backslash, the Python one just after it
        if text[index : index + 1] != "\\" and text[index - 1] == "\\":
            index -= 1
        return error("CCHC114", doc.location(index), escape=text[index : index + 2])
    for pattern, key in _SYNTAX_PATTERNS:
        if pattern in problem or pattern in context:
            return error("CCHC102", where, reason=Msg(key))
    return error("CCHC102", where, reason=Msg("yaml.generic", {"detail": problem.strip()}))
