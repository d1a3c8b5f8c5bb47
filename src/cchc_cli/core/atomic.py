"""Atomic output: write a temp file beside the target, fsync, then ``os.replace``.

Nothing half-written is ever left: on any failure the temp file is removed and the previous
version of the target (if any) is untouched. A target locked by Word/Excel on Windows raises
:class:`OutputLocked` so the command can say "close the file and run again".

A process killed in the middle of a write (power cut, SIGKILL) cannot remove its temp file; the
target itself is still the complete previous version. Such a leftover (``.NAME.xxxx.tmp``, a
hidden file) is removed by the next write of the same target once it is :data:`STALE_SECONDS`
old (a younger one may belong to another cchc still writing).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

#: age after which a leftover temp file of a target is treated as abandoned
STALE_SECONDS = 600


class OutputLocked(OSError):
    """The target is open in another program (Windows sharing violation)."""


class WriteFailed(OSError):
    """:func:`write_many` failed at ``target`` (``cause`` is the original error)."""

    def __init__(self, target: Path, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause))
        self.target = target
        self.cause = cause


def remove_stale_temps(target: Path, *, older_than: float = STALE_SECONDS) -> None:
    """Delete abandoned temp files of ``target`` (left by a killed process)."""
    prefix = f".{target.name}."
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > older_than:
                    entry.unlink()


def _final_mode(target: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what a plain
    ``open()`` would give (0666 less the umask) — never mkstemp's private 0600, which would
    hide a report from colleagues on a shared folder."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a synced temp file beside ``target``; return the temp file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    mode = _final_mode(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # best effort (e.g. some network shares)
            os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except PermissionError as exc:
        if os.name == "nt":
            raise OutputLocked(exc.errno, str(target)) from exc
        raise


def write_bytes(target: Path, data: bytes) -> None:
    target = Path(target)
    tmp = _stage(target, data)
    try:
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_stream(target: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Like :func:`write_bytes` for output too large to hold in memory (a zip of scans):
    ``fill`` writes into the temp file (which it may seek in); the target is replaced only
    when ``fill`` returned and the data is synced."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    mode = _final_mode(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_many(files: Mapping[Path, bytes]) -> None:
    """Write several files together: every temp file is written and synced first, and only
    when all of them are on disk are they renamed into place. A full disk or a read-only
    folder therefore leaves every previous target untouched (not some old, some new).

    Raises :class:`WriteFailed` naming the target that failed. Only a rename can fail after
    others succeeded (a target locked by another program on Windows).
    """
    staged: list[tuple[Path, Path]] = []
    current: Path | None = None
    try:
        for target, data in files.items():
            current = Path(target)
            staged.append((_stage(current, data), current))
        while staged:
            tmp, current = staged[0]
            _replace(tmp, current)
            staged.pop(0)
    except OSError as exc:
        _discard(staged)
        raise WriteFailed(current or Path(), exc) from exc
    except BaseException:
        _discard(staged)
        raise


def _discard(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_text(target: Path, text: str) -> None:
    """UTF-8 text with ``\\n`` line endings, whatever the platform."""
    write_bytes(target, text.encode("utf-8"))
