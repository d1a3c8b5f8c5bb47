"""Atomic output: write a temp file beside the target, fsync, then ``os.replace``.

Nothing half-written is ever left: on any failure the temp file is removed and the previous
version of the target (if any) is untouched. A target locked by Word/Excel on Windows raises
:class:`OutputLocked` so the command can say "close the file and run again".
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputLocked(OSError):
    """The target is open in another program (Windows sharing violation)."""


class OutputError(OSError):
    """The output could not be written (read-only folder, disk full, ...)."""


def write_bytes(target: Path, data: bytes) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            if os.name == "nt":
                raise OutputLocked(exc.errno, str(target)) from exc
            raise
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text(target: Path, text: str) -> None:
    """UTF-8 text with ``\\n`` line endings, whatever the platform."""
    write_bytes(target, text.encode("utf-8"))
