"""Points and changes as ``cchc index`` and the report write them (no printing here).

The index, its parts and percentages are written with two decimals, as the Ministry publishes
them (``82,85``); an item's or an area's points keep every decimal they have, with at least two
(``0,50``, ``0,375``), so that what is shown adds up.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.appraisal.semantics import two_places
from cchc_cli.core.fmt import format_decimal, format_percent

CENT = Decimal("0.01")


def _lang(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "vi" else text


def rounded(value: Decimal | None, lang: str) -> str:
    """Two decimals, rounded half up: ``82,85`` (vi), ``82.85`` (en); ``—`` for none."""
    if value is None:
        return "—"
    return _lang(format(two_places(value), "f"), lang)


def exact(value: Decimal | None, lang: str) -> str:
    """Every decimal the value has, at least two: ``0,50``, ``0,375``; ``—`` for none."""
    if value is None:
        return "—"
    if value == value.quantize(CENT):
        return _lang(format(value.quantize(CENT), "f"), lang)
    return _lang(format_decimal(value), lang)


def signed(value: Decimal | None, lang: str, *, exact_digits: bool = False) -> str:
    """A change with its sign: ``+0,50``, ``-1,25``, ``0,00``."""
    if value is None:
        return "—"
    text = exact(value, lang) if exact_digits else rounded(value, lang)
    return "+" + text if value > 0 and any(c in "123456789" for c in text) else text


def percent(value: Decimal | None, lang: str) -> str:
    return format_percent(value, lang)
