"""Invisible and look-alike characters: what they are called, and how cchc reads them.

Text pasted from Word, a web page or a chat, or typed with an unusual keyboard layout, brings
characters that look like nothing, or like an ordinary letter, digit or space:

* *zero-width* characters (U+200B/C/D, U+2060, U+00AD, direction marks and other invisible
  format characters, and U+FEFF — a byte order mark, which inside a file means two files were
  joined): dropped before parsing;
* *line separators* U+2028, U+2029 and NEL U+0085: YAML counts them as line breaks, a text
  editor does not; read as an ordinary space, so lines and columns stay those of the editor;
* *odd spaces* (U+00A0 no-break space, U+202F, U+2007, U+3000, U+2000–U+200A): read as an
  ordinary space;
* *look-alikes*: full-width forms (U+FF01–U+FF5E: ``１``, ``Ａ``, ``：``), Cyrillic and Greek
  letters that look Latin, and dashes or a minus sign where a number or a date is expected.

The first three are replaced by :func:`prepare` before YAML sees the text, with one character
per character (or dropped, the positions remembered) so that every line and column is still the
one the user's editor shows. :mod:`cchc_cli.core.yamlscan` then reports them where they matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_cli.core.i18n import Msg

BOM = "\ufeff"
#: invisible format characters: the named ones, then direction marks and other format controls
#: (U+200E/F, U+202A–U+202E, U+2061–U+2064, U+2066–U+2069, U+180E)
ZERO_WIDTH = (
    "\u200b\u200c\u200d\u2060\u00ad"
    + BOM
    + "\u200e\u200f"
    + chr(0x180E)
    + "".join(
        chr(c) for c in (*range(0x202A, 0x202F), *range(0x2061, 0x2065), *range(0x2066, 0x206A))
    )
)
LINE_SEPARATORS = "\u2028\u2029\x85"
ODD_SPACES = "\u00a0\u202f\u2007\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63"
#: Cyrillic and Greek letters that look like Latin ones (code point -> the Latin letter)
LOOKALIKES = {
    chr(code): latin
    for code, latin in (
        (0x0410, "A"),
        (0x0412, "B"),
        (0x0421, "C"),
        (0x0415, "E"),
        (0x041D, "H"),
        (0x0406, "I"),
        (0x0408, "J"),
        (0x041A, "K"),
        (0x041C, "M"),
        (0x041E, "O"),
        (0x0420, "P"),
        (0x0405, "S"),
        (0x0422, "T"),
        (0x0425, "X"),
        (0x0423, "Y"),
        (0x0430, "a"),
        (0x0435, "e"),
        (0x0456, "i"),
        (0x0458, "j"),
        (0x043E, "o"),
        (0x0440, "p"),
        (0x0441, "c"),
        (0x0455, "s"),
        (0x0445, "x"),
        (0x0443, "y"),
        (0x0391, "A"),
        (0x0392, "B"),
        (0x0395, "E"),
        (0x0396, "Z"),
        (0x0397, "H"),
        (0x0399, "I"),
        (0x039A, "K"),
        (0x039C, "M"),
        (0x039D, "N"),
        (0x039F, "O"),
        (0x03A1, "P"),
        (0x03A4, "T"),
        (0x03A5, "Y"),
        (0x03A7, "X"),
        (0x03BF, "o"),
        (0x03BD, "v"),
    )
}
#: characters replaced before parsing (one space each) or dropped
BEFORE_PARSE = re.compile(f"[{ZERO_WIDTH}{LINE_SEPARATORS}{ODD_SPACES}]")
#: every character this module knows about
ODD = re.compile(
    f"[{ZERO_WIDTH}{LINE_SEPARATORS}{ODD_SPACES}{DASHES}\uff01-\uff5e{''.join(LOOKALIKES)}]"
)
#: what :func:`visible` writes as a code point: those and the control characters
_SHOWN = re.compile(f"{ODD.pattern}|[\x00-\x1f\x7f]")
#: a value that is a number or a date once cleaned: there a dash is a look-alike too
_NUMBER_OR_DATE = re.compile(r"[-+]?[0-9][0-9.,/-]*|[-+][0-9.,]+")
#: a value that is one ASCII word once cleaned: an id, a code, a number, a date, a name
TOKEN = re.compile(r"[!-~]+")
#: characters with a name of their own in the catalogue (others are named by their class)
NAMED = {
    *"\u200b\u200c\u200d\u2060\u00ad" + BOM,
    *LINE_SEPARATORS,
    "\u00a0",
    "\u202f",
    "\u3000",
    "\u2212",
    "\u2013",
    "\u2014",
    "\u2011",
    *"\t\n\r\b\f\a\v\0\x1b",
}


@dataclass(frozen=True)
class Prepared:
    """Text made ready for the YAML parser.

    ``text`` has the zero-width characters dropped and the line separators and odd spaces
    replaced by a space; ``removed`` are the indexes (in the original) of the characters
    dropped, ``odd`` the indexes of every character of :data:`ODD` in the original.
    """

    text: str
    removed: tuple[int, ...]
    odd: tuple[int, ...]


def prepare(text: str) -> Prepared:
    """The text the parser reads (see :class:`Prepared`); the same object when clean."""
    if text.isascii():
        return Prepared(text, (), ())
    odd = tuple(m.start() for m in ODD.finditer(text) if _may_matter(text, m.start()))
    if not odd:
        return Prepared(text, (), ())
    removed: list[int] = []
    out: list[str] = []
    last = 0
    for match in BEFORE_PARSE.finditer(text):
        index = match.start()
        out.append(text[last:index])
        if match.group() in ZERO_WIDTH:
            removed.append(index)
        else:
            out.append(" ")
        last = index + 1
    out.append(text[last:])
    return Prepared("".join(out), tuple(removed), odd)


def _may_matter(text: str, index: int) -> bool:
    """A dash matters only next to a digit (``−0.5``, ``2020–01–16``); free text is full of
    dashes (``2019 – 2020``) that need no second look."""
    if text[index] not in DASHES:
        return True
    return text[index + 1 : index + 2].isdigit() or (index > 0 and text[index - 1].isdigit())


def clean(text: str) -> str:
    """``text`` as the user meant it: no zero-width characters, ordinary spaces, ASCII forms
    of full-width characters and look-alike letters, ends stripped; dashes become ``-`` where
    the result is a number or a date."""
    out: list[str] = []
    for ch in text:
        if ch in ZERO_WIDTH:
            continue
        if ch in LINE_SEPARATORS or ch in ODD_SPACES:
            out.append(" ")
        elif "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(LOOKALIKES.get(ch, ch))
    result = "".join(out).strip()
    dashed = "".join("-" if ch in DASHES else ch for ch in result)
    return dashed if dashed != result and _NUMBER_OR_DATE.fullmatch(dashed) else result


def matters(ch: str, cleaned: str) -> bool:
    """Whether ``ch`` changes the meaning of a value that reads ``cleaned`` once cleaned (a
    dash only in a number or a date)."""
    if ch in DASHES:
        return _NUMBER_OR_DATE.fullmatch(cleaned) is not None
    return True


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def label(ch: str) -> Msg:
    """The character for a message: ``U+00A0 (dấu cách không ngắt)``."""
    if ch in NAMED:
        name: Msg = Msg(f"chars.U{ord(ch):04X}")
    elif "\uff01" <= ch <= "\uff5e":
        name = Msg("chars.fullwidth", {"ascii": chr(ord(ch) - 0xFEE0)})
    elif ch in LOOKALIKES:
        script = "cyrillic" if 0x0400 <= ord(ch) <= 0x04FF else "greek"
        name = Msg(f"chars.lookalike.{script}", {"ascii": LOOKALIKES[ch]})
    elif ch in DASHES:
        name = Msg("chars.dash")
    elif ch in ZERO_WIDTH:
        name = Msg("chars.format")
    else:
        name = Msg("chars.space")
    return Msg("chars.label", {"code": code_point(ch), "name": name})


def visible(text: str) -> str:
    """``text`` with each odd character written as ``<U+00A0>``, so that two texts that look
    the same on screen are seen to differ."""
    return _SHOWN.sub(lambda m: f"<{code_point(m.group())}>", text)


def hint_key(chars: list[str]) -> str:
    """The hint that fits the characters found (the first one decides)."""
    first = chars[0]
    if first in ZERO_WIDTH or first in LINE_SEPARATORS:
        return "chars.hint.invisible"
    if first in ODD_SPACES:
        return "chars.hint.space"
    if first in DASHES:
        return "chars.hint.dash"
    return "chars.hint.lookalike"
