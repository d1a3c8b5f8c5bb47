"""Checks of a ``report:`` section (cchc.yaml, or a department's score file): CCHC530–CCHC535.

Only what would put a wrong line on the signed page is reported, as warnings (the report is
still made): a symbol typed into the number, an academic title before the signer's name, the
archive line typed into the recipients, a symbol that is not a report's, a deputy signing under
a head's title, and a department's report date that contradicts its ``submitted:`` date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, warning
from cchc_cli.core.docinfo import DocumentConfig
from cchc_cli.core.yamlio import YamlDoc

#: academic and honorary titles written before a name (NĐ 30/2020, Phụ lục I, mục II.7, chức
#: vụ, họ tên và chữ ký: not on a signature): GS., PGS., TS., TSKH., ThS., CN., KS., BS.,
#: DS., NGND, NGƯT, TTND, TTUT …
_TITLES = re.compile(
    r"^(gs|pgs|tskh|ts|ths|cn|ks|bs|ds|ls|kts|ngnd|ng\u01b0t|ttnd|ttut|nsnd|ns\u01b0t)\.?\s+",
    re.IGNORECASE,
)
#: the archive line ("Lưu: VT, …") written into the recipients list
_ARCHIVE = re.compile(r"^\s*[-–]?\s*l\u01b0u\s*:", re.IGNORECASE)
#: the symbol of a report (báo cáo) starts with BC-
_REPORT_SYMBOL = re.compile(r"^BC-", re.IGNORECASE)
#: a deputy's title starts with "PHÓ" (Phó Chủ tịch, Phó Giám đốc)
_DEPUTY_TITLE = re.compile(r"^ph\u00f3\s", re.IGNORECASE)


def check_document_config(
    doc: YamlDoc,
    config: DocumentConfig | None,
    *,
    base: tuple[Any, ...] = ("report",),
    agency: str | None = None,
    submitted: dt.date | None = None,
) -> list[Diagnostic]:
    """The warnings of one ``report:`` section, located at the offending value."""
    if config is None:
        return []
    ids = {"agency": agency}
    out: list[Diagnostic] = []
    if config.number and "/" in config.number:
        at = doc.locate((*base, "number"))
        out.append(warning("CCHC530", at, **ids, value=config.number.strip()))
    name = config.signer.name
    title = _TITLES.match(name.strip()) if name else None
    if name and title:
        at = doc.locate((*base, "signer", "name"))
        found = title.group(0).strip()
        out.append(warning("CCHC531", at, **ids, value=name.strip(), title=found))
    for i, line in enumerate(config.recipients):
        if line and _ARCHIVE.match(line):
            at = doc.locate((*base, "recipients", i))
            out.append(warning("CCHC532", at, **ids, value=line.strip()))
    if config.symbol and not _REPORT_SYMBOL.match(config.symbol.strip()):
        at = doc.locate((*base, "symbol"))
        out.append(warning("CCHC533", at, **ids, value=config.symbol.strip()))
    out += _deputy(doc, config, base, agency)
    if submitted is not None and config.date is not None and config.date != submitted:
        at = doc.locate((*base, "date"))
        out.append(
            warning(
                "CCHC534",
                at,
                **ids,
                date=config.date.isoformat(),
                submitted=submitted.isoformat(),
            )
        )
    return out


def _deputy(
    doc: YamlDoc, config: DocumentConfig, base: tuple[Any, ...], agency: str | None
) -> list[Diagnostic]:
    """A deputy signing for the head (``deputy: KT. …``) signs under a deputy's title."""
    signer = config.signer
    if not signer.deputy or not signer.title:
        return []
    if _DEPUTY_TITLE.match(signer.title.strip()):
        return []
    at = doc.locate((*base, "signer", "title"))
    return [
        warning(
            "CCHC535", at, agency=agency, deputy=signer.deputy.strip(), title=signer.title.strip()
        )
    ]
