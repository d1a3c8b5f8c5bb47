"""The report's fixed texts in its language: labels, title, letterhead and draft mark.

All of them come from the message catalogue (``report.label.*``, ``report.title.*``,
``report.letterhead.*``), formatted with the same arguments (province, year, agency …).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cchc_cli.core.i18n import catalogue, tr

LABEL_PREFIX = "report.label."


@dataclass(frozen=True)
class Heading:
    """What stands at the top of the report: its title, letterhead and fixed texts."""

    title: str
    #: the issuing body, line by line, upper case
    letterhead: tuple[str, ...]
    labels: Mapping[str, str]
    #: "DỰ THẢO" in a draft, "" otherwise
    draft_mark: str


def labels_for(lang: str, **args: object) -> dict[str, str]:
    """Every ``report.label.*`` text of the catalogue, formatted with ``args``."""
    keys = [k for k in catalogue(lang) if k.startswith(LABEL_PREFIX)]
    return {k[len(LABEL_PREFIX) :]: tr(k, lang, **args) for k in sorted(keys)}


def province_full(lang: str, province: str) -> str:
    """The full name: "tỉnh Thái Nguyên" from "Thái Nguyên" (one saying tỉnh/thành phố stays)."""
    low = province.casefold()
    if low.startswith(("tỉnh", "thành phố", "tp.")) or low.endswith((" province", " city")):
        return province
    return tr("report.province_full", lang, province=province)


def heading(
    lang: str,
    args: Mapping[str, object],
    *,
    agency_name: str | None,
    draft: bool,
    issuer: str | None = None,
) -> Heading:
    """The province's heading, or (``agency_name`` given) one department's; ``issuer``: the
    department's name as its letterhead prints it, when not its full name."""
    if agency_name is None:
        title = tr("report.title.province", lang, **args)
        letterhead = (
            tr("report.letterhead.province_1", lang, **args).upper(),
            tr("report.letterhead.province_2", lang, **args).upper(),
        )
    else:
        title = tr("report.title.agency", lang, **args)
        body = (issuer or agency_name).upper()
        letterhead = (tr("report.letterhead.agency_1", lang, **args).upper(), body)
    return Heading(
        title=title,
        letterhead=letterhead,
        labels=labels_for(lang, **args),
        draft_mark=tr("report.draft_mark", lang) if draft else "",
    )
