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
#: formats that come with the internal companion (Excel carries its checks on a sheet)
WITH_COMPANION: tuple[Format, ...] = ("docx", "html", "md")
#: what the companion's file name adds to the report's: bao-cao-cchc-2019-phu-luc-ky-thuat.docx
COMPANION_SUFFIX = "-phu-luc-ky-thuat"


def companion_key(fmt: Format) -> str:
    """The key of a format's companion among the outputs ("docx+companion")."""
    return f"{fmt}+companion"


def file_name(fmt: Format, year: int, agency: str | None, *, companion: bool = False) -> str:
    """bao-cao-cchc-2019.html, or bao-cao-SNV-2019.html for one department; the companion:
    bao-cao-cchc-2019-phu-luc-ky-thuat.html."""
    stem = f"bao-cao-{agency}-{year}" if agency else f"bao-cao-cchc-{year}"
    return f"{stem}{COMPANION_SUFFIX if companion else ''}.{fmt}"


def targets_for(
    formats: tuple[Format, ...], out: Path | None, default_dir: Path, year: int, agency: str | None
) -> tuple[dict[str, Path], list[Diagnostic]]:
    """Where each output goes (a format, and the companion of docx/html/md beside it).
    ``--out``: a folder, or (one format) a file name ending in the format's extension
    (``--format md --out ban-in.md``, the companion then ``ban-in-phu-luc-ky-thuat.md``)."""
    if out is not None and len(formats) > 1 and out.exists() and not out.is_dir():
        reason = Msg("report.out_is_file")
        return {}, [error("CCHC525", Location(), path=str(out), fmt="all", reason=reason)]
    found: dict[str, Path] = {}
    for fmt in formats:
        path = _target(fmt, out, default_dir, file_name(fmt, year, agency), len(formats))
        found[fmt] = path
        if fmt in WITH_COMPANION:
            found[companion_key(fmt)] = path.with_name(path.stem + COMPANION_SUFFIX + path.suffix)
    return found, []


def _target(fmt: Format, out: Path | None, default_dir: Path, name: str, count: int) -> Path:
    if out is None:
        return default_dir / name
    if count > 1:
        return out / name
    # One format: a path ending in the format's extension is the file, and so is an existing
    # file (the overwrite rule then decides, core/outputs.py); anything else a folder.
    as_file = (out.suffix.lower() == f".{fmt}" and not out.is_dir()) or out.is_file()
    return out if as_file else out / name


def write(
    targets: dict[str, Path], data: dict[str, bytes], guard: OutputGuard
) -> tuple[list[Path], list[Diagnostic]]:
    """Write every output together (all or nothing): a failure on the last file still leaves
    the whole previous report in place. ``guard`` (checked beforehand) keeps an earlier report
    edited since cchc wrote it under a new name and records the folder's manifest; its notices
    come back with the diagnostics."""
    from cchc_cli.core.atomic import OutputLocked, WriteFailed

    try:
        done = guard.write({path: data[key] for key, path in targets.items()})
    except WriteFailed as exc:
        path = next((p for p in targets.values() if p == exc.target), next(iter(targets.values())))
        if isinstance(exc.cause, OutputLocked):
            return [], [error("CCHC520", Location(), path=str(path))]
        return [], [error("CCHC521", Location(), path=str(path), error=os_error_msg(exc.cause))]
    return list(targets.values()), done.notices
