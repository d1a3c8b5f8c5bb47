"""Where ``cchc remedy``'s files go, and writing them: every format or none, through the one
overwrite rule (:mod:`cchc_cli.core.outputs`).

Names: ``giai-trinh-cchc-2019.docx`` (the request), ``ke-hoach-khac-phuc-cchc-2019.docx`` (the
plan); one department's: ``giai-trinh-STC-2019.docx``, ``ke-hoach-khac-phuc-STC-2019.docx``.
``--out``: a folder; with one format, a file name with that format's extension.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.oserrors import os_error_msg

if TYPE_CHECKING:
    from cchc_cli.core.outputs import OutputGuard
    from cchc_cli.remedy.model import Kind

Format = Literal["docx", "xlsx", "md"]
FORMATS: tuple[Format, ...] = ("docx", "xlsx", "md")
STEMS = {"request": "giai-trinh", "plan": "ke-hoach-khac-phuc"}


def file_name(kind: Kind, fmt: Format, year: int, agency: str | None) -> str:
    return f"{STEMS[kind]}-{agency or 'cchc'}-{year}.{fmt}"


def targets_for(
    kind: Kind,
    formats: tuple[Format, ...],
    out: Path | None,
    default_dir: Path,
    year: int,
    agency: str | None,
) -> tuple[dict[Format, Path], list[Diagnostic]]:
    """Each format's file (CCHC656 when ``--out`` does not fit ``--format``)."""
    found: dict[Format, Path] = {}
    fmt_text = formats[0] if len(formats) == 1 else "all"
    if out is not None and len(formats) > 1 and out.exists() and not out.is_dir():
        reason = Msg("remedy.out_is_file")
        return {}, [error("CCHC656", Location(), path=str(out), fmt=fmt_text, reason=reason)]
    for fmt in formats:
        name = file_name(kind, fmt, year, agency)
        if out is None:
            found[fmt] = default_dir / name
        elif len(formats) > 1:
            found[fmt] = out / name
        else:
            # one format: a name with the format's extension is the file, and so is an existing
            # file (the overwrite rule then decides, core/outputs.py); anything else a folder
            as_file = (out.suffix.lower() == f".{fmt}" and not out.is_dir()) or out.is_file()
            found[fmt] = out if as_file else out / name
    return found, []


def write(
    targets: dict[Format, Path], data: dict[Format, bytes], guard: OutputGuard
) -> tuple[list[Path], list[Diagnostic]]:
    """Write every file together (all or nothing); the guard (checked beforehand) keeps an
    earlier file edited since cchc wrote it under a new name (CCHC130) — the department's
    filled-in copy is never lost."""
    from cchc_cli.core.atomic import OutputLocked, WriteFailed

    try:
        done = guard.write({path: data[fmt] for fmt, path in targets.items()})
    except WriteFailed as exc:
        path = next((p for p in targets.values() if p == exc.target), next(iter(targets.values())))
        if isinstance(exc.cause, OutputLocked):
            return [], [error("CCHC657", Location(), path=str(path))]
        return [], [error("CCHC658", Location(), path=str(path), error=os_error_msg(exc.cause))]
    return list(targets.values()), done.notices
