"""Agency score files: the file model. Checks live in :mod:`cchc_cli.score_checks`."""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from cchc_cli.yamlio import YamlDoc

SCORE_FORMAT = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _finite(value: Decimal | None) -> Decimal | None:
    if value is not None and not value.is_finite():
        raise PydanticCustomError("cchc.reason.finite", "", {})
    return value


class Evidence(_Strict):
    """One evidence document (tài liệu kiểm chứng)."""

    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    file: str | None = None


class ScoreEntry(_Strict):
    score: Decimal | None = None
    measured: Decimal | None = None
    explanation: str | None = None
    comment: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    _finite = field_validator("score", "measured")(_finite)

    @field_validator("evidence", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value


class ScoreFile(_Strict):
    format: int
    agency: str
    year: int
    status: Literal["draft", "submitted"]
    submitted: dt.date | None = None
    items: dict[str, ScoreEntry | None] = Field(default_factory=dict)

    @field_validator("format")
    @classmethod
    def _format(cls, value: int) -> int:
        if value != SCORE_FORMAT:
            raise PydanticCustomError(
                "cchc.reason.format_version", "", {"value": value, "supported": SCORE_FORMAT}
            )
        return value

    @field_validator("items", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value


@dataclass
class LoadedScores:
    """A score file that parsed and matched the format."""

    doc: YamlDoc
    file: ScoreFile

    @property
    def rel(self) -> str:
        return self.doc.rel
