"""What kind of file the table is, from its bytes (the name may lie: Explorer renames, web
systems export HTML as ``.xls``).

:func:`sniff` answers ``"xlsx"`` or ``"csv"`` for what cchc reads, or a refusal (CCHC264) that
names the format and says how to save the table as .xlsx or CSV UTF-8.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg
from cchc_cli.criteria.codes import UNREADABLE, UNSUPPORTED_FORMAT

#: larger than any annex table could be (a CSV of 8 MB is some 50 000 rows)
MAX_CSV_BYTES = 8 * 1024 * 1024
#: what an .xlsx may unpack to (its sheets, shared strings, styles)
MAX_XLSX_UNPACKED = 32 * 1024 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def sniff(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    """``"xlsx"``, ``"csv"``, or None with the reason (file unreadable or format refused)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        size = path.stat().st_size
    except OSError as exc:
        return None, [error(UNREADABLE, Location(rel), reason=os_error_msg(exc))]
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, rel)
    kind = _other_kind(head, path)
    if kind is not None:
        return None, [refuse(rel, kind)]
    if size > MAX_CSV_BYTES:
        return None, [refuse(rel, "too_large", size=_megabytes(size))]
    return "csv", []


def refuse(rel: str, kind: str, **args: object) -> Diagnostic:
    """CCHC264 for one format: its own message part and its own way out."""
    return error(
        UNSUPPORTED_FORMAT,
        Location(rel),
        what=Msg(f"table.format.{kind}", dict(args)),
        hint=Msg(f"table.format.{kind}.hint", dict(args)),
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _other_kind(head: bytes, path: Path) -> str | None:
    """The format of a file that is not a zip archive, when it is not plain text."""
    if head.startswith(_OLE2):
        try:
            with path.open("rb") as handle:
                body = handle.read(1 << 20)
        except OSError:  # pragma: no cover - it was readable a moment ago
            body = head
        return "encrypted" if _ENCRYPTED in body else "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")) or b"<html" in lowered[:512]:
        return "html"
    if lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "xml2003"
    if head.startswith((b"{\\rtf",)):
        return "rtf"
    return None


def _zip_kind(path: Path, rel: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
            unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError) as exc:
        detail = f"{type(exc).__name__}: {exc}"
        return None, [
            error(
                UNREADABLE,
                Location(rel),
                reason=Msg("criteria.import.bad_xlsx", {"detail": detail}),
            )
        ]
    if b"opendocument.spreadsheet" in mimetype:
        return None, [refuse(rel, "ods")]
    if b"opendocument" in mimetype:
        return None, [refuse(rel, "odt")]
    if "xl/workbook.bin" in names:
        return None, [refuse(rel, "xlsb")]
    if "word/document.xml" in names:
        return None, [refuse(rel, "docx")]
    if "xl/workbook.xml" not in names:
        return None, [refuse(rel, "zip")]
    if unpacked > MAX_XLSX_UNPACKED:
        return None, [refuse(rel, "too_large", size=_megabytes(unpacked))]
    return "xlsx", []
