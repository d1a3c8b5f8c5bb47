"""Bytes to text: the one decoder for every text file cchc reads (YAML, notes, tables).

UTF-8 with or without BOM and UTF-16 with BOM are accepted; anything else is a located
CCHC101 error. :func:`decode_lenient` is for showing source lines only (never for data).
"""

from __future__ import annotations

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
