"""The coordinator's notes file (section III, difficulties and recommendations).

A small, predictable reading of Markdown: headings, bulleted or numbered lists and paragraphs,
nothing else (the text is the province's, the templates decide how it looks). HTML comments
are notes to the editor and are dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg
from cchc_cli.core.textio import decode
from cchc_cli.core.yamlio import MAX_FILE_BYTES
from cchc_cli.report.document import NoteBlock, Notes

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\d+[.)]\s+(.*)$")
_COMMENT = re.compile(r"<!--.*?-->", flags=re.DOTALL)


def read_notes(path: Path, rel: str) -> tuple[Notes | None, list[Diagnostic]]:
    """Read the notes file (UTF-8, or UTF-16 with BOM). Any problem is one CCHC523."""
    try:
        with path.open("rb") as handle:  # bounded: a notes "file" may be a device or huge
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [error("CCHC523", Location(rel), error=os_error_msg(exc))]
    if len(raw) > MAX_FILE_BYTES:
        too_large = Msg("report.notes.too_large", {"limit": MAX_FILE_BYTES})
        return None, [error("CCHC523", Location(rel), error=too_large)]
    decoded, problems = decode(raw, rel)
    if decoded is None:
        return None, [_unreadable(problem, rel) for problem in problems[:1]]
    text = unicodedata.normalize("NFC", decoded.replace("\r\n", "\n").replace("\r", "\n"))
    text = _COMMENT.sub("", text).strip("\n")
    digest = hashlib.sha256(raw).hexdigest()
    return Notes(file=rel, text=text, blocks=parse_notes(text), sha256=digest), []


def _unreadable(problem: Diagnostic, rel: str) -> Diagnostic:
    """The decoder's problem (CCHC101) as the notes file's own CCHC523, at the same line."""
    found = str(problem.message.args.get("encoding", ""))
    if found.startswith("0x"):
        return error(
            "CCHC523",
            Location(rel, problem.line),
            error=Msg("report.notes.not_utf8", {"byte": found}),
        )
    found_in = Msg("report.notes.encoding", {"encoding": found})
    return error("CCHC523", Location(rel, problem.line), error=found_in)


def parse_notes(text: str) -> tuple[NoteBlock, ...]:
    """Headings, lists and paragraphs of the notes text, in order."""
    parser = _NotesParser()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parser.feed(raw)
    parser.flush()
    return tuple(parser.blocks)


@dataclass
class _NotesParser:
    """Line by line: an open paragraph or an open list, closed by a blank line or a heading."""

    blocks: list[NoteBlock] = field(default_factory=list)
    para: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    ordered: bool = False

    def feed(self, raw: str) -> None:
        line = raw.strip()
        heading = _HEADING.match(line)
        item = _BULLET.match(line) or _NUMBER.match(line)
        if not line:
            self.flush()
        elif heading:
            self.flush()
            text = heading.group(2).strip()
            self.blocks.append(NoteBlock("heading", text=text, level=len(heading.group(1))))
        elif item:
            self._close_para()
            is_ordered = _BULLET.match(line) is None
            if self.items and is_ordered != self.ordered:
                self._close_list()
            self.ordered = is_ordered
            self.items.append(item.group(1).strip())
        elif self.items and raw[:1] in (" ", "\t"):
            self.items[-1] = self.items[-1] + " " + line
        else:
            self._close_list()
            self.para.append(line)

    def flush(self) -> None:
        self._close_para()
        self._close_list()

    def _close_para(self) -> None:
        if self.para:
            self.blocks.append(NoteBlock("para", text=" ".join(self.para)))
            self.para = []

    def _close_list(self) -> None:
        if self.items:
            self.blocks.append(NoteBlock("list", items=tuple(self.items), ordered=self.ordered))
            self.items = []
