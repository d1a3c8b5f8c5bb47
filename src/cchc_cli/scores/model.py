"""Agency score files: the file model. Checks live in :mod:`cchc_cli.scores.checks`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import field_validator

from cchc_cli.core.docinfo import AgencyDocumentConfig
from cchc_cli.core.modelbase import (
    FORMAT_VERSION,
    StrictModel,
    VersionedFile,
    date_text,
    finite,
    number_text,
)
from cchc_cli.core.yamlio import YamlDoc

SCORE_FORMAT = FORMAT_VERSION


class Evidence(StrictModel):
    """One evidence document (tài liệu kiểm chứng)."""

    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    file: str | None = None

    _date = field_validator("date", mode="before")(date_text)


class ScoreEntry(StrictModel):
    score: Decimal | None = None
    measured: Decimal | None = None
    explanation: str | None = None
    comment: str | None = None
    evidence: list[Evidence] = []

    _number = field_validator("score", "measured", mode="before")(number_text)
    _finite = field_validator("score", "measured")(finite)

    @field_validator("evidence", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return [] if value is None else value


class ScoreFile(VersionedFile):
    agency: str
    year: int
    status: Literal["draft", "submitted"]
    submitted: dt.date | None = None
    items: dict[str, ScoreEntry | None] = {}
    #: number, date, signer, recipients and part III of the department's own report
    report: AgencyDocumentConfig | None = None

    _date = field_validator("submitted", mode="before")(date_text)

    @field_validator("items", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value


@dataclass
class LoadedScores:
    """A score file that parsed and matched the format."""

    doc: YamlDoc
    file: ScoreFile
    #: values that are not even numbers, left out of ``file`` so the rest of it still counts:
    #: item id -> {field (score or measured) -> the text written}
    invalid: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def rel(self) -> str:
        return self.doc.rel
