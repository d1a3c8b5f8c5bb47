"""Where the report's files go (``--out``) and writing them: all formats or none."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg

if TYPE_CHECKING:
    from cchc_cli.core.outputs import OutputGuard

Format = Literal["docx", "xlsx", "html", "md"]
FORMATS: tuple[Format, ...] = ("docx", "xlsx", "html", "md")


def file_name(fmt: Format, year: int, agency: str | None) -> str:
    """bao-cao-cchc-2019.html, or bao-cao-SNV-2019.html for one department."""
    stem = f"bao-cao-{agency}-{year}" if agency else f"bao-cao-cchc-{year}"
    return f"{stem}.{fmt}"


def targets_for(
    formats: tuple[Format, ...], out: Path | None, default_dir: Path, year: int, agency: str | None
) -> tuple[dict[Format, Path], list[Diagnostic]]:
    """Where each format goes. ``--out``: a folder, or (one format) a file name ending in the
    format's extension (``--format md --out ban-in.md``)."""
    names = {fmt: file_name(fmt, year, agency) for fmt in formats}
    if out is None:
        return {fmt: default_dir / names[fmt] for fmt in formats}, []
    if len(formats) > 1:
        if out.exists() and not out.is_dir():
            reason = Msg("report.out_is_file")
            return {}, [error("CCHC525", Location(), path=str(out), fmt="all", reason=reason)]
        return {fmt: out / names[fmt] for fmt in formats}, []
    fmt = formats[0]
    # One format: a path ending in the format's extension is the file, and so is an existing
    # file (the overwrite rule then decides, core/outputs.py); anything else a folder.
    as_file = (out.suffix.lower() == f".{fmt}" and not out.is_dir()) or out.is_file()
    return {fmt: out if as_file else out / names[fmt]}, []


def write(
    targets: dict[Format, Path], data: dict[Format, bytes], guard: OutputGuard
) -> tuple[list[Path], list[Diagnostic]]:
    """Write every format together (all or nothing): a failure on the last file still leaves
    the whole previous report in place. ``guard`` (checked beforehand) keeps an earlier report
    edited since cchc wrote it under a new name and records the folder's manifest; its notices
    come back with the diagnostics."""
    from cchc_cli.core.atomic import OutputLocked, WriteFailed

    try:
        done = guard.write({path: data[fmt] for fmt, path in targets.items()})
    except WriteFailed as exc:
        path = next((p for p in targets.values() if p == exc.target), next(iter(targets.values())))
        if isinstance(exc.cause, OutputLocked):
            return [], [error("CCHC520", Location(), path=str(path))]
        reason = os_error_msg(exc.cause)
        return [], [error("CCHC521", Location(), path=str(path), error=reason)]
    return list(targets.values()), done.notices
