"""Text that is UTF-8 read as Windows-1252 / Windows-1258 / Latin-1 and saved again.

A UTF-8 CSV opened by a program that assumed the Windows code page shows ``CÃ´ng`` for
``Công`` and ``ï»¿`` for the byte-order mark; saved again, the garbage is now the text.
:func:`unmangle` recognises it by turning the characters back into the bytes they came from
and reading those as UTF-8: real Vietnamese text never survives that (``Tên`` gives the bytes
``54 EA 6E``, which are not UTF-8), mangled text gives back the words.
"""

from __future__ import annotations

import unicodedata

_CODECS = ("cp1252", "cp1258")
#: a byte the code page had no character for (the program showed U+FFFD)
_LOST = -1


def _plausible(ch: str) -> bool:
    """A character real text has (what a mangled Vietnamese word turns back into)."""
    code = ord(ch)
    return (
        0x00A0 <= code <= 0x024F  # Latin-1 supplement, Latin extended A and B (ă, đ, ơ, ư)
        or 0x0300 <= code <= 0x0323  # combining tone marks (decomposed Vietnamese)
        or 0x1E00 <= code <= 0x1EFF  # Latin extended additional (ạ … ỹ)
        or 0x2010 <= code <= 0x2044  # dashes, quotes, ellipsis
        or code in (0x20AB, 0x20AC, 0x2122, 0xFEFF)  # ₫ € ™ BOM
    )


def _bytes_of(text: str, codec: str) -> list[int] | None:
    out: list[int] = []
    for ch in text:
        if ch == "\ufffd":
            out.append(_LOST)
            continue
        for candidate in (ch, unicodedata.normalize("NFD", ch)):
            try:
                out.extend(candidate.encode(codec))
                break
            except UnicodeEncodeError:
                continue
        else:
            if 0x80 <= ord(ch) <= 0x9F:  # a byte the code page leaves undefined, kept as is
                out.append(ord(ch))
            else:
                return None
    return out


def _decode(data: list[int]) -> tuple[str, int] | None:
    """Strict UTF-8 with lost bytes as ``?``; the text and how many of its multibyte
    characters needed no repair (a space standing for a no-break space)."""
    out: list[str] = []
    multi = spaces = i = 0
    while i < len(data):
        lead = data[i]
        if lead != _LOST and lead < 0x80:
            out.append(chr(lead))
            i += 1
            continue
        size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4
        if lead != _LOST and not (0xC2 <= lead <= 0xF4):
            return None
        # a no-break space (0xA0) that an editor turned into a plain space on the way
        seq = [lead] + [0xA0 if b == 0x20 else b for b in data[i + 1 : i + size]]
        spaces += seq != data[i : i + size]
        if len(seq) < size or any(b != _LOST and not 0x80 <= b <= 0xBF for b in seq[1:]):
            return None
        if _LOST in seq:
            out.append("?")
        else:
            try:
                ch = bytes(seq).decode("utf-8")
            except UnicodeDecodeError:
                return None
            if not _plausible(ch):
                return None
            out.append(ch)
        multi += 1
        i += size
    return "".join(out), multi - spaces


def unmangle(text: str) -> str | None:
    """The text this was before a wrong code page mangled it, or None when it is not mangled."""
    if text.isascii():
        return None
    for codec in _CODECS:
        data = _bytes_of(text, codec)
        if data is None:
            continue
        decoded = _decode(data)
        if decoded is not None and decoded[1] > 0:
            return unicodedata.normalize("NFC", decoded[0].replace("\ufeff", ""))
    return None
