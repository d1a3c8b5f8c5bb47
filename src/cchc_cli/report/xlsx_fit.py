"""Row heights for wrapped text in a worksheet.

A spreadsheet program fits a row to its wrapped text only when it lays the row out itself:
LibreOffice Calc opens a file written by XlsxWriter with every row at the default height, so
the second and later lines of a long evidence list are drawn over the next row. The workbook
therefore carries an explicit height for every row, computed here from the text: its words
wrapped greedily at the column's width, with the widths of Times New Roman's letters, and a
line height that leaves room for Vietnamese diacritics stacked above capitals (``Ễ``, ``Ộ``).

The estimate errs on the generous side (a few percent of width kept in reserve): a row a
little too tall is harmless, a row too short hides text.
"""

from __future__ import annotations

import math
import unicodedata

#: advance widths of Times New Roman (Adobe's Times-Roman metrics), in thousandths of an em
_WIDTHS: dict[str, int] = {
    **dict.fromkeys("abdghknopquvxy", 500),
    **dict.fromkeys("ce", 444),
    **dict.fromkeys("ijlt", 278),
    **dict.fromkeys("frI", 333),
    "m": 778,
    "s": 389,
    "w": 722,
    "z": 444,
    **dict.fromkeys("ACDGHKNOQUVXY", 722),
    **dict.fromkeys("BR", 667),
    **dict.fromkeys("ELTZ", 611),
    **dict.fromkeys("FPS", 556),
    "J": 389,
    "M": 889,
    "W": 944,
    **dict.fromkeys("0123456789", 500),
    " ": 250,
    **dict.fromkeys(".,", 250),
    **dict.fromkeys(":;!'|/", 278),
    **dict.fromkeys("()[]{}-`", 333),
    **dict.fromkeys('"*', 444),
    **dict.fromkeys("+<>=~^", 564),
    **dict.fromkeys("#$_", 500),
    "%": 833,
    "&": 778,
    "@": 921,
    "\u2013": 500,
    "\u2014": 1000,
    "\u2026": 1000,
    "\u201c": 444,
    "\u201d": 444,
}
#: any other letter (another script, a symbol): as wide as a capital, to be safe
_OTHER = 722
#: bold type is about this much wider
_BOLD = 1.08
#: pixels per em at 96 dpi for a font size in points
_PX_PER_PT = 96 / 72
#: a column ``w`` units wide is ``w * 7 + 5`` pixels (one unit: a "0" of the default font);
#: the cell keeps about 3 pixels of padding on each side
_PX_PER_UNIT = 7.0
_PX_PADDING = 5.0 - 2 * 3.0
#: share of the width the text is allowed to fill (the rest is the reserve)
_FILL = 0.97
#: line height as a multiple of the font size (diacritics above and below need room)
_LINE = 1.36
#: extra points per row (cell padding)
_ROW_PADDING = 3.0
#: Excel's and Calc's limit on a row's height
MAX_ROW_POINTS = 409.0
#: U+0111 and U+0110 (d, D with stroke) -> the letter they are as wide as
_STROKED = {0x0111: "d", 0x0110: "D"}


def _base(ch: str) -> str:
    """The letter without its diacritics: "ệ" → "e", "Đ" → "D" (widths are the base's)."""
    stroke = _STROKED.get(ord(ch))  # d and D with stroke do not decompose
    if stroke is not None:
        return stroke
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if decomposed else ch


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in pixels at ``size`` points."""
    em = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        em += _WIDTHS.get(_base(ch), _OTHER)
    return em / 1000 * size * _PX_PER_PT * (_BOLD if bold else 1.0)


def column_pixels(width: float) -> float:
    """The room for text in a column ``width`` units wide, in pixels."""
    return max(1.0, (width * _PX_PER_UNIT + _PX_PADDING) * _FILL)


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` units wide (each line break
    starts a new line; a word longer than the line is broken)."""
    room = column_pixels(width)
    space = text_width(" ", size, bold)
    lines = 0
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            w = text_width(word, size, bold)
            if used and used + space + w <= room:
                used += space + w
                continue
            if used:
                lines += 1
            if w > room:  # a long word (a file path, a URL) is broken where it reaches the edge
                extra = math.ceil(w / room) - 1
                lines += extra
                w -= extra * room
            used = w
    return max(lines, 1)


def row_height(lines: int, size: float) -> float:
    """The row height in points for ``lines`` lines of ``size`` point type."""
    return min(MAX_ROW_POINTS, round(lines * size * _LINE + _ROW_PADDING, 2))
