"""The appraisal file: the file model and its reading. Checks live in
:mod:`cchc_cli.appraisal.checks`, what the values count for in :mod:`cchc_cli.appraisal.semantics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.core.modelbase import StrictModel, VersionedFile, finite
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import YamlDoc, load_yaml

AppraisalStatus = Literal["provisional", "final"]
#: points as written: a finite number of sensible size (range checks come later, located)
Points = Annotated[Decimal, AfterValidator(finite)]


class AppraisedEntry(StrictModel):
    """One item as the Ministry appraised it: the score that enters the index, and why."""

    score: Points
    comment: str | None = None


class Published(StrictModel):
    """The result as announced (e.g. QĐ 330/QĐ-BNV for 2019): total, rank among ``of``."""

    total: Points
    #: validated before ``rank`` (which is checked against it)
    of: int | None = Field(default=None, ge=1)
    rank: int | None = Field(default=None, ge=1)

    @field_validator("rank")
    @classmethod
    def _rank_within(cls, rank: int | None, info: ValidationInfo) -> int | None:
        of = info.data.get("of")
        if rank is not None and of is not None and rank > of:
            raise PydanticCustomError("cchc.appraisal.reason.rank_of", "", {"rank": rank, "of": of})
        return rank


class AppraisalFile(VersionedFile):
    province: str = Field(min_length=1)
    year: int
    #: the methodology's decision as the criteria file declares it (``1150/QĐ-BNV``)
    methodology: str = Field(min_length=1)
    #: where the figures come from (the Ministry's software, a decision, a notice)
    source: str = Field(min_length=1)
    status: AppraisalStatus
    items: dict[str, AppraisedEntry] = {}
    #: Ministry-scored points by scoring method (``survey``, ``sipas``)
    parts: dict[str, Points] = {}
    published: Published | None = None

    @field_validator("items", "parts", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value


@dataclass
class LoadedAppraisal:
    """An appraisal file that parsed and matched the format."""

    doc: YamlDoc
    file: AppraisalFile

    @property
    def rel(self) -> str:
        return self.doc.rel


def read_appraisal(
    path: Path, rel: str
) -> tuple[YamlDoc | None, LoadedAppraisal | None, list[Diagnostic]]:
    """The file's document (None when unreadable) and model (None when it does not match)."""
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return None, None, problems
    model, found = validate_doc(doc, AppraisalFile)
    if model is None:
        return doc, None, [*problems, *found]
    return doc, LoadedAppraisal(doc, model), problems
