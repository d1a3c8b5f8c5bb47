"""Reader of the message catalogue's data files (``locales/<lang>/<domain>.yaml``).

The files are YAML, written in a small, strict subset that a translator can edit without
escaping anything: nested mappings by indentation, block scalars (``>-`` folds the lines into
one, ``|-`` keeps them), one-line plain or single-quoted values, and comments. Everything else
is refused with ``file:line`` and what to do — before it could mean something unexpected.

Why not PyYAML: ``cchc --help`` translates its texts and must stay fast, and importing PyYAML
alone costs more than reading the help file with this reader. A test checks that PyYAML reads
every catalogue file to exactly the same data, so the files stay ordinary YAML.
"""

from __future__ import annotations

# (No regular expressions: compiling them would cost `cchc --help` more than reading its file.)
_BLOCKS = frozenset({">-", ">", ">+", "|-", "|", "|+"})
#: first characters of a plain value YAML reads as syntax, a number or a date
_NOT_FIRST = "-?:,[]{}#&*!|>'\"%@`+.~=<0123456789"
#: words YAML reads as true/false/null
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})

Tree = dict[str, "str | Tree"]


def fingerprint(text: str) -> str:
    """The ``source:`` of an English entry: 8 letters from the SHA-256 of the Vietnamese text.

    Letters ``a``–``p`` stand for the hex digits, so YAML can never read it as a number.
    """
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8].translate(_LETTERS)


_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


class CatalogueFileError(ValueError):
    """A catalogue file that does not follow the format (message: ``file:line: problem``)."""


def parse(text: str, name: str = "<catalogue>") -> Tree:
    """Parse one catalogue file into nested dicts of strings."""
    return _Parser(text, name).run()


def _is_key(key: str) -> bool:
    """Letters, digits, ``_``, ``.``, ``-``; starting with a letter or ``_`` (ASCII)."""
    bare = key.replace(".", "").replace("-", "").replace("_", "a")
    return bool(key) and key.isascii() and bare.isalnum() and (key[0].isalpha() or key[0] == "_")


class _Parser:
    def __init__(self, text: str, name: str) -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        self.ends_with_newline = text.endswith("\n")
        self.lines = text.replace("\r\n", "\n").split("\n")
        if self.ends_with_newline:
            self.lines.pop()
        self.name = name
        self.i = 0
        if "\t" in text:
            self.i = next(i for i, line in enumerate(self.lines) if "\t" in line)
            raise self.fail("a tab character; indent with spaces only")

    def fail(self, problem: str, index: int | None = None) -> CatalogueFileError:
        line = (self.i if index is None else index) + 1
        return CatalogueFileError(f"{self.name}:{line}: {problem}")

    def run(self) -> Tree:
        root: Tree = {}
        # (indent, mapping); the root mapping sits at indent 0
        stack: list[tuple[int, Tree]] = [(0, root)]
        opened: Tree | None = None  # a `key:` waiting for its nested mapping
        while self.i < len(self.lines):
            line = self.lines[self.i]
            body = line.lstrip(" ")
            if not body or body.startswith("#"):
                self.i += 1
                continue
            indent = len(line) - len(body)
            if opened is not None:
                if indent <= stack[-1][0]:
                    raise self.fail("expected the indented entries of the key on the line above")
                stack.append((indent, opened))
                opened = None
            while indent < stack[-1][0]:
                stack.pop()
            if indent != stack[-1][0]:
                raise self.fail("this line is indented differently from the keys above it")
            opened = self.entry(body, indent, stack[-1][1])
        if opened is not None:
            raise self.fail("the last key has no value", len(self.lines) - 1)
        return root

    def entry(self, body: str, indent: int, mapping: Tree) -> Tree | None:
        """Read one ``key: value`` line (and a block's lines); return a new nested mapping."""
        key, colon, rest = body.partition(":")
        if not (colon and _is_key(key) and rest[:1] in ("", " ")):
            raise self.fail("expected `key: text` (or `key: >-` and the text on the next lines)")
        rest = rest.strip(" ")
        if key.lower() in _RESERVED:
            raise self.fail(f"`{key}` cannot be a key (YAML reads it as true/false/null)")
        if key in mapping:
            raise self.fail(f"`{key}` is given twice")
        self.i += 1
        if not rest or rest.startswith("#"):
            nested: Tree = {}
            mapping[key] = nested
            return nested
        if rest in _BLOCKS:
            mapping[key] = self.block(indent, folded=rest[0] == ">", chomp=rest[1:])
        elif rest.startswith("'"):
            mapping[key] = self.quoted(rest)
        else:
            mapping[key] = self.plain(rest)
        return None

    def plain(self, rest: str) -> str:
        value = rest.split(" #", 1)[0].rstrip(" ")
        if (
            value[0] in _NOT_FIRST
            or value.lower() in _RESERVED
            or ": " in value
            or value[-1] == ":"
        ):
            raise self.fail(
                "write this text as a block: `>-` after the key, the text on the next lines",
                self.i - 1,
            )
        self.continuation()
        return value

    def quoted(self, rest: str) -> str:
        end = rest.rfind("'")
        inner = rest[1:end]
        tail = rest[end + 1 :].lstrip(" ")
        if end == 0 or inner.replace("''", "").count("'") or (tail and not tail.startswith("#")):
            raise self.fail(
                "a quoted text must close on its line ('' for a quote inside)", self.i - 1
            )
        self.continuation()
        return inner.replace("''", "'")

    def continuation(self) -> None:
        """A one-line value must not go on: YAML would join an indented next line to it."""
        if self.i < len(self.lines):
            nxt = self.lines[self.i]
            body = nxt.lstrip(" ")
            indent = len(nxt) - len(body)
            prev = self.lines[self.i - 1]
            if body and not body.startswith("#") and indent > len(prev) - len(prev.lstrip(" ")):
                raise self.fail("a one-line value cannot go on here; use `>-` and a block")

    def block(self, parent: int, *, folded: bool, chomp: str) -> str:
        """A ``|``/``>`` block scalar, folded and chomped exactly as YAML does."""
        start = self.i
        lines = self.lines
        if start >= len(lines) or not lines[start].strip(" "):
            raise self.fail("the text of a block starts on the line right after the key", start)
        first = lines[start]
        indent = len(first) - len(first.lstrip(" "))
        if indent <= parent:
            raise self.fail("the text of a block must be indented more than its key", start)
        # Nearly every entry: lines at exactly the block's indentation, then a less indented
        # line (or the end of a file that ends with a line break).
        prefix = first[:indent]
        end = start + 1
        while end < len(lines) and lines[end].startswith(prefix) and lines[end][indent] != " ":
            end += 1
        if end < len(lines) and lines[end].strip(" ") and not lines[end].startswith(prefix):
            text = (" " if folded else "\n").join(line[indent:] for line in lines[start:end])
            self.end_block(end, parent)
            return text if chomp == "-" else text + "\n"
        return self.block_in_full(start, indent, parent, folded=folded, chomp=chomp)

    def end_block(self, i: int, parent: int) -> None:
        if i < len(self.lines):
            nxt = self.lines[i]
            body = nxt.lstrip(" ")
            if body and not body.startswith("#") and len(nxt) - len(body) > parent:
                raise self.fail("this line is indented less than the text above it", i)
        self.i = i

    def block_in_full(
        self, start: int, indent: int, parent: int, *, folded: bool, chomp: str
    ) -> str:
        """Blank lines, more indented lines, the end of the file: YAML's own algorithm."""
        lines = self.lines
        chunks: list[str] = []
        breaks: list[str] = []
        line_break = ""
        i = start
        while True:
            content = lines[i][indent:]
            chunks.extend(breaks)
            leading_non_space = content[:1] != " "
            chunks.append(content)
            line_break = "\n" if i + 1 < len(lines) or self.ends_with_newline else ""
            i += 1
            breaks = []
            while i < len(lines) and len(lines[i]) <= indent and not lines[i].strip(" "):
                breaks.append("\n" if i + 1 < len(lines) or self.ends_with_newline else "")
                i += 1
            nxt = lines[i] if i < len(lines) else ""
            if i < len(lines) and len(nxt) - len(nxt.lstrip(" ")) >= indent:
                if folded and line_break == "\n" and leading_non_space and nxt[indent] != " ":
                    if not breaks:
                        chunks.append(" ")
                else:
                    chunks.append(line_break)
                continue
            break
        if chomp != "-":
            chunks.append(line_break)
        if chomp == "+":
            chunks.extend(breaks)
        self.end_block(i, parent)
        return "".join(chunks)
