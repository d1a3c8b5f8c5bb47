"""What every cchc file model shares: strictness, the format version, finite numbers."""

from __future__ import annotations

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
