"""The documents that go in the pack beside the evidence and the index.

:func:`documents_for_pack` is the one place that decides them; the pack takes whatever it
returns. Today: the report to sign and send (Word, as ``cchc report`` renders it) and, as the
internal material, the report's workbook, whose "Kiểm tra" sheet carries the checks and the
files' checksums. When the report room renders a separate internal companion document, it
replaces the workbook here and nowhere else.
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
    from cchc_cli.report.targets import file_name

    agency = report.agency.code if report.agency is not None else None
    data, problems = render(report, ("docx", "xlsx"), dirs, when)
    if problems:
        return [], problems
    return [
        PackDocument(
            f"{SIGNED_FOLDER}/{file_name('docx', report.year, agency)}", data["docx"], "signed"
        ),
        PackDocument(
            f"{INTERNAL_FOLDER}/{file_name('xlsx', report.year, agency)}", data["xlsx"], "internal"
        ),
    ], []
