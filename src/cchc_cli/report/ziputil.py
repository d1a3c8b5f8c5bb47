"""Deterministic Office files: a fixed timestamp for document properties and zip entries.

Word and Excel files are zip archives whose entries carry the time they were written; the
same inputs must give the same bytes, so both renderers stamp everything with ``--date`` (or a
fixed epoch) and rewrite the archive through :func:`stable_zip`.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

#: used for document properties and zip entries when no --date is given
EPOCH = datetime(2000, 1, 1)


def stamp_for(when: date | None) -> datetime:
    """The fixed timestamp of an output made on ``when`` (midnight), or :data:`EPOCH`."""
    return datetime(when.year, when.month, when.day) if when else EPOCH


def stable_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite a zip (docx/xlsx) with fixed entry timestamps: same content, same bytes."""
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
