"""Numbers, percentages and dates as people read them (Vietnamese: ``10,5`` and dd/mm/yyyy)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


def format_decimal(value: Decimal) -> str:
    """Plain decimal text without exponent or trailing zeros: 0.50 -> 0.5, 1E+1 -> 10."""
    if not value.is_finite():
        return str(value)
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def format_number(value: Any, lang: str = "vi") -> str:
    """Points as people write them: ``10,5`` in Vietnamese, ``10.5`` in English; ``—`` for none."""
    if value is None or value == "":
        return "—"
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format_decimal(dec)
    return text.replace(".", ",") if lang == "vi" else text


def format_percent(value: Any, lang: str = "vi") -> str:
    if value is None or value == "":
        return "—"
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(dec.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def format_date(value: date | None, lang: str = "vi") -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
