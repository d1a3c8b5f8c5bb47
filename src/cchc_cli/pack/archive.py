"""The pack's zip: the same inputs give the same bytes.

Entries are written in one sorted order with one fixed timestamp (``--date``, else the fixed
epoch of the report's Office files), fixed permissions and compression, and no extra fields.
Evidence files are streamed from disk in blocks (a scan of several hundred megabytes is never
held in memory); the generated documents are small and come as bytes. The archive comment
marks the file as a pack cchc wrote (see :func:`is_own_pack`).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from cchc_cli.core.ids import natural_key

#: the archive comment of every pack cchc writes
PACK_MARK = b"cchc pack 1"
_BLOCK = 1 << 20


class EvidenceUnreadable(OSError):
    """An evidence file could not be read while it was copied (``path``: its path in the pack)."""

    def __init__(self, path: str, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause))
        self.path = path
        self.cause = cause


@dataclass(frozen=True)
class Entry:
    """One file of the pack: its bytes, or the file on disk to stream them from."""

    path: str
    data: bytes | None = None
    source: Path | None = None
    #: where it sorts: index first, then the documents, then the items' folders
    rank: int = 2

    def key(self) -> tuple[object, ...]:
        folder, _, name = self.path.rpartition("/")
        return (self.rank, natural_key(folder) if folder else (), folder, name.casefold(), name)


def _info(path: str, stamp: datetime) -> zipfile.ZipInfo:
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    entry = zipfile.ZipInfo(path, date_time=when)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    entry.create_system = 3  # Unix, on every system: the same bytes wherever cchc runs
    return entry


def write_pack(handle: BinaryIO, entries: Sequence[Entry], stamp: datetime) -> int:
    """Write the zip into ``handle``; returns the number of bytes of evidence copied."""
    copied = 0
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.comment = PACK_MARK
        for entry in sorted(entries, key=Entry.key):
            info = _info(entry.path, stamp)
            if entry.data is not None:
                archive.writestr(info, entry.data)
                continue
            if entry.source is None:
                raise ValueError(f"pack entry {entry.path} has neither data nor source")
            copied += _copy(archive, info, entry.path, entry.source)
    return copied


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, source: Path) -> int:
    """Stream one evidence file into the archive, block by block."""
    try:
        src = source.open("rb")
    except OSError as exc:
        raise EvidenceUnreadable(path, exc) from exc
    with src:
        info.file_size = os.fstat(src.fileno()).st_size  # zipfile decides on Zip64 by it
        with archive.open(info, "w") as dst:
            while True:
                try:
                    block = src.read(_BLOCK)
                except OSError as exc:
                    raise EvidenceUnreadable(path, exc) from exc
                if not block:
                    break
                dst.write(block)
    return info.file_size


def is_own_pack(path: Path) -> bool:
    """Whether ``path`` is a zip cchc wrote as a pack (its archive comment says so)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment == PACK_MARK
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
