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


def finite(value: D) -> D:
    """Reject NaN and infinities (``.nan``/``.inf`` in YAML, ``1e400`` overflow)."""
    if value is not None and not value.is_finite():
        raise PydanticCustomError("cchc.reason.finite", "", {})
    return value
