"""What every cchc file model shares: strictness, the format version, finite numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1

D = TypeVar("D", Decimal, "Decimal | None")


class StrictModel(BaseModel):
    """Unknown keys are errors (a misspelt key must never be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class VersionedFile(StrictModel):
    """A whole cchc file: starts with ``format: 1`` so the format can evolve."""

    format: int

    @field_validator("format")
    @classmethod
    def _format(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise PydanticCustomError(
                "cchc.reason.format_version", "", {"value": value, "supported": FORMAT_VERSION}
            )
        return value


#: no cchc number (points, maxima, levels, measured values) has more whole digits than this;
#: larger ones (``1e400``, ``99999999999999999999``) are typing mistakes, and exponents far
#: beyond it would overflow decimal arithmetic (``1e999999999``)
MAX_WHOLE_DIGITS = 15


def finite(value: D) -> D:
    """Reject NaN, infinities (``.nan``/``.inf`` in YAML) and absurdly large numbers."""
    if value is not None and not value.is_finite():
        raise PydanticCustomError("cchc.reason.finite", "", {})
    if value is not None and value and value.adjusted() >= MAX_WHOLE_DIGITS:
        raise PydanticCustomError("cchc.reason.number_digits", "", {})
    return value


#: a number as cchc reads it (and the JSON Schemas describe it): ASCII digits, a dot before the
#: decimals, an optional exponent, spaces or tabs around (Python's own ``Decimal`` would also
#: take ``1_000``, other scripts' digits and ``NaN``)
NUMBER_TEXT = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"
#: a date as cchc reads it: YEAR-MONTH-DAY (pydantic would also take a count of seconds)
DATE_TEXT = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_NUMBER = re.compile(NUMBER_TEXT)
_DATE = re.compile(DATE_TEXT)
_NOT_FINITE = re.compile(r"[+-]?\.?(nan|inf|infinity)", re.IGNORECASE)


def number_text(value: object) -> object:
    """Before a number field: text must be a plain number (see :data:`NUMBER_TEXT`)."""
    if not isinstance(value, str):
        return value
    text = value.strip(" \t")
    if _NUMBER.fullmatch(text):
        return text
    if _NOT_FINITE.fullmatch(text):
        raise PydanticCustomError("cchc.reason.finite", "", {})
    raise PydanticCustomError("cchc.reason.number", "", {})


def date_text(value: object) -> object:
    """Before a date field: text must be YEAR-MONTH-DAY (see :data:`DATE_TEXT`); whether that
    day exists is pydantic's check (reworded by :mod:`cchc_cli.core.modelval`)."""
    if not isinstance(value, str):
        return value
    text = value.strip(" \t")
    if _DATE.fullmatch(text):
        return text
    raise PydanticCustomError("cchc.reason.date", "", {})
