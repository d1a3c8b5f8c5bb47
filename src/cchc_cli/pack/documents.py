"""The documents that go in the pack beside the evidence and the index.

:func:`documents_for_pack` is the one place that decides them; the pack takes whatever it
returns: the report to sign and send (Word, as ``cchc report`` renders it) and, as the internal
material, its technical companion (checks with their positions, provenance, the files'
checksums: never in the signed document) and the report's workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.report.document import Report
    from cchc_cli.report.templates import TemplateDirs

#: folder of the documents to sign and send, and of the internal ones
SIGNED_FOLDER = "bao-cao"
INTERNAL_FOLDER = "noi-bo"

Role = Literal["signed", "internal"]


@dataclass(frozen=True)
class PackDocument:
    #: its path inside the pack
    path: str
    data: bytes
    #: "signed": the report the leadership signs and sends; "internal": for the coordinator
    role: Role


def documents_for_pack(
    report: Report, dirs: TemplateDirs, when: date | None
) -> tuple[list[PackDocument], list[Diagnostic]]:
    """The report's documents for the pack (the province's, or the department's in a
    department's pack), rendered by the report room; any diagnostic means none."""
    from cchc_cli.report.run import render
    from cchc_cli.report.targets import companion_key, file_name

    agency = report.agency.code if report.agency is not None else None
    data, problems = render(report, ("docx", "xlsx"), dirs, when)
    if problems:
        return [], problems
    year = report.year
    companion = file_name("docx", year, agency, companion=True)
    return [
        PackDocument(f"{SIGNED_FOLDER}/{file_name('docx', year, agency)}", data["docx"], "signed"),
        PackDocument(f"{INTERNAL_FOLDER}/{companion}", data[companion_key("docx")], "internal"),
        PackDocument(
            f"{INTERNAL_FOLDER}/{file_name('xlsx', year, agency)}", data["xlsx"], "internal"
        ),
    ], []
