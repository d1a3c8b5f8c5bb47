"""Bytes to text: the one decoder for every text file cchc reads (YAML, notes, tables).

UTF-8 with or without BOM and UTF-16 with BOM are accepted; anything else is a located
CCHC101 error. :func:`decode_lenient` is for showing source lines only (never for data).
"""

from __future__ import annotations

import bisect
import re

from cchc_cli.core.diagnostics import Diagnostic, Location, error


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with BOM, else a located error."""
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", raw[3:]
    elif raw.startswith(b"\xff\xfe") and not raw.startswith(b"\xff\xfe\x00\x00"):
        encoding, body = "utf-16-le", raw[2:]
    elif raw.startswith(b"\xfe\xff"):
        encoding, body = "utf-16-be", raw[2:]
    else:
        encoding, body = "utf-8", raw
        if _looks_like_utf16(body):
            return None, [error("CCHC101", Location(rel, 1, 1), encoding="UTF-16 (BOM?)")]
    try:
        return body.decode(encoding), []
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            return None, [error("CCHC101", Location(rel, 1, 1), encoding=encoding.upper())]
        pos = exc.start
        line = body.count(b"\n", 0, pos) + 1
        line_start = body.rfind(b"\n", 0, pos) + 1
        column = len(body[line_start:pos].decode("utf-8", "replace")) + 1
        byte = f"0x{body[pos]:02X}"
        return None, [error("CCHC101", Location(rel, line, column), encoding=byte)]


def _looks_like_utf16(body: bytes) -> bool:
    """UTF-16 without a BOM: NUL in (nearly) every other byte of the first kilobyte."""
    head = body[:1024]
    if len(head) < 4 or b"\x00" not in head:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) >= 0.4 * (len(head) // 2)


def decode_lenient(raw: bytes) -> str:
    """Text for display (source context): never fails, undecodable bytes become U+FFFD."""
    text, _ = decode(raw, "")
    if text is not None:
        return text
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8-sig", errors="replace")


#: the line breaks a text editor counts (YAML also counts U+0085, U+2028 and U+2029)
EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


def editor_lines(text: str) -> list[str]:
    """The lines of ``text`` as a text editor numbers them (``str.splitlines`` also breaks at
    U+2028, U+0085, form feeds …, which would shift every line below)."""
    lines = EDITOR_BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines if text else []


class LineIndex:
    """Line and column (1-based, in characters) of an index into a text, counted as a text
    editor counts them."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in EDITOR_BREAK.finditer(text)]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1
