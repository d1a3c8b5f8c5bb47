"""``cchc report`` and ``cchc templates check`` as library calls (the CLI only wraps them).

Everything is rendered in memory first; files are written only when every requested format
rendered, each one atomically (a temp file beside the target, then ``os.replace``).
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from cchc_cli.core.diagnostics import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Diagnostic,
    Location,
    blocking,
    error,
    has_errors,
    info,
    warning,
)
from cchc_cli.core.i18n import Msg
from cchc_cli.report.model import Notes, Report, build_report, read_notes
from cchc_cli.report.templates import (
    TemplateDirs,
    builtin_dir,
    make_env,
    template_diagnostic,
    undeclared_names,
)

Format = Literal["docx", "xlsx", "html", "md"]
FORMATS: tuple[Format, ...] = ("docx", "xlsx", "html", "md")
#: exit codes (same meaning as everywhere in cchc)


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    exit_code: int = EXIT_OK


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
            fmt_text = "all"
            return {}, [
                error(
                    "CCHC525",
                    Location(),
                    path=str(out),
                    fmt=fmt_text,
                    reason=Msg("report.out_is_file"),
                )
            ]
        return {fmt: out / names[fmt] for fmt in formats}, []
    fmt = formats[0]
    # One format: a path ending in the format's extension is the file; anything else a folder.
    as_file = out.suffix.lower() == f".{fmt}" and not out.is_dir()
    return {fmt: out if as_file else out / names[fmt]}, []


def template_dirs(
    user: Path | None, root: Path | None
) -> tuple[TemplateDirs | None, list[Diagnostic]]:
    if user is not None and not user.is_dir():
        return None, [error("CCHC508", Location(), folder=str(user))]
    return TemplateDirs(user=user, builtin=builtin_dir(), root=root), []


def template_checksums(dirs: TemplateDirs) -> dict[str, str]:
    sums: dict[str, str] = {}
    for path in dirs.user_files():
        try:
            sums[dirs.display(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue
    return sums


def render(
    report: Report, formats: tuple[Format, ...], dirs: TemplateDirs, when: date | None
) -> tuple[dict[Format, bytes], list[Diagnostic]]:
    """Render each format in memory. Any diagnostic means nothing should be written."""
    from cchc_cli.report.docx import render_docx
    from cchc_cli.report.render_text import render_text
    from cchc_cli.report.xlsx import render_xlsx

    data: dict[Format, bytes] = {}
    problems: list[Diagnostic] = []
    for fmt in formats:
        if fmt in ("html", "md"):
            text, found = render_text(report, fmt, dirs)
            problems += found
            if text is not None:
                data[fmt] = text.encode("utf-8")
        elif fmt == "docx":
            blob, found = render_docx(report, dirs, when=when)
            problems += found
            if blob is not None:
                data[fmt] = blob
        else:
            data[fmt] = render_xlsx(report, when=when)
    return data, problems


def write(
    targets: dict[Format, Path], data: dict[Format, bytes], shown: dict[Format, str]
) -> tuple[list[Path], list[Diagnostic]]:
    """Write every format together (all or nothing): a failure on the last file still leaves
    the whole previous report in place."""
    from cchc_cli.core.atomic import OutputLocked, WriteFailed, write_many

    try:
        write_many({path: data[fmt] for fmt, path in targets.items()})
    except WriteFailed as exc:
        fmt = next((f for f, p in targets.items() if p == exc.target), next(iter(targets)))
        if isinstance(exc.cause, OutputLocked):
            return [], [error("CCHC520", Location(), path=shown[fmt])]
        reason = exc.cause.strerror or str(exc.cause)
        if exc.cause.errno == errno.ENOSPC:
            reason = f"{reason} (ENOSPC)"
        return [], [error("CCHC521", Location(), path=shown[fmt], error=reason)]
    return list(targets.values()), []


def make_report(
    *,
    workspace: object,
    formats: tuple[Format, ...],
    out: Path | None,
    agency: str | None,
    draft: bool,
    when: date | None,
    today: date | None,
    templates: Path | None,
    lang: str,
    strict: bool = False,
    display: dict[Path, str] | None = None,
) -> tuple[Outcome, object]:
    """Run the checks, build the model, render and write. Returns the outcome and the
    CheckResult (for source context when showing diagnostics)."""
    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import check_workspace
    from cchc_cli.report.model import ReportError

    assert isinstance(workspace, Workspace)
    ws = workspace
    outcome = Outcome()
    result = check_workspace(ws, today=today or when)
    if agency is None:
        outcome.diagnostics.extend(result.diagnostics)
    else:
        # A department's own report is not held up by another department's score file.
        others = {loaded.rel for loaded in result.scores if loaded.file.agency != agency}
        outcome.diagnostics.extend(d for d in result.diagnostics if d.file not in others)

    user_dir = templates if templates is not None else ws.templates_dir
    dirs, problems = template_dirs(user_dir, ws.root)
    if dirs is None:
        outcome.diagnostics += problems
        outcome.exit_code = EXIT_USAGE
        return outcome, result

    if result.plan is not None and agency is not None and agency not in result.plan.agencies:
        known = list(result.plan.agencies)
        guess = did_you_mean(agency, known)
        listed = ", ".join(known)
        hint = (
            Msg("CCHC522.hint_guess", {"guess": guess, "known": listed})
            if guess
            else Msg("CCHC522.hint", {"known": listed})
        )
        outcome.diagnostics.append(error("CCHC522", Location(), agency_code=agency, hint=hint))
        outcome.exit_code = EXIT_USAGE
        return outcome, result

    notes: Notes | None = None
    if agency is None and ws.notes_path is not None and ws.config.notes is not None:
        notes, problems = read_notes(ws.notes_path, ws.config.notes)
        outcome.diagnostics += problems

    errors = blocking(outcome.diagnostics, strict)  # --strict: warnings count, as in validate
    if errors and not draft:
        outcome.diagnostics.append(error("CCHC510", Location(), errors=errors))
        outcome.exit_code = EXIT_ERRORS
        return outcome, result

    try:
        report = build_report(
            result,
            lang=lang,
            draft=draft,
            when=when,
            agency=agency,
            notes=notes,
            extra_checksums=template_checksums(dirs),
        )
    except ReportError:
        outcome.diagnostics.append(error("CCHC511", Location()))
        outcome.exit_code = EXIT_ERRORS
        return outcome, result
    if report.agency is not None and report.agency.items == 0:
        outcome.diagnostics.append(
            warning("CCHC524", Location(), agency_code=report.agency.code, name=report.agency.name)
        )

    default_dir = ws.output_dir
    targets, problems = targets_for(formats, out, default_dir, report.year, agency)
    if problems:
        outcome.diagnostics += problems
        outcome.exit_code = EXIT_USAGE
        return outcome, result

    data, problems = render(report, formats, dirs, when)
    if problems:
        outcome.diagnostics += problems
        outcome.exit_code = EXIT_ERRORS
        return outcome, result

    shown = {fmt: (display or {}).get(path, str(path)) for fmt, path in targets.items()}
    written, problems = write(targets, data, shown)
    outcome.written = written
    outcome.diagnostics += problems
    if problems:
        outcome.exit_code = EXIT_ERRORS
        return outcome, result
    if draft and errors:
        outcome.diagnostics.append(info("CCHC512", Location(), errors=errors))
    return outcome, result


# --- templates check -----------------------------------------------------------------------------


def known_template_names() -> list[str]:
    return sorted(
        p.name for p in builtin_dir().iterdir() if p.is_file() and not p.name.startswith(".")
    )


def check_templates(
    folder: Path, report: Report | None, root: Path | None
) -> tuple[list[Diagnostic], int]:
    """Check a template folder: every .j2 parses, reads only documented variables and (with a
    model) renders under StrictUndefined; the Word template's tags parse and render too.

    Returns the diagnostics and how many template files were checked.
    """
    from jinja2 import TemplateError

    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.report.docx import check_docx, unknown_variable_diagnostics
    from cchc_cli.report.render_text import render_text

    dirs, problems = template_dirs(folder, root)
    if dirs is None:
        return problems, 0
    found: list[Diagnostic] = []
    files = (
        dirs.user_files()
        if folder.resolve() != dirs.builtin.resolve()
        else sorted(p for p in dirs.builtin.iterdir() if p.suffix in (".j2", ".docx"))
    )
    builtin_names = known_template_names()
    for path in files:
        shown = dirs.display(path)
        if path.name not in builtin_names:
            guess = did_you_mean(path.name, builtin_names)
            listed = ", ".join(builtin_names)
            hint = (
                Msg("CCHC509.hint_guess", {"guess": guess, "known": listed})
                if guess
                else Msg("CCHC509.hint", {"known": listed})
            )
            found.append(warning("CCHC509", Location(shown), name=path.name, hint=hint))
        if path.suffix == ".docx":
            found += check_docx(path, dirs, report)
            continue
        fmt = "html" if ".html" in path.name else "md"
        env = make_env(fmt, dirs, report.lang if report else "vi")  # type: ignore[arg-type]
        try:
            source = path.read_text(encoding="utf-8")
            names = undeclared_names(env, source)
        except TemplateError as exc:
            found.append(template_diagnostic(exc, dirs, name=str(path)))
            continue
        except (OSError, UnicodeDecodeError):
            found.append(error("CCHC506", Location(shown), template=shown))
            continue
        found += unknown_variable_diagnostics(list(names), shown, names)
    # Render each entry template (with the user's overrides in place) against the real model.
    if report is not None and not has_errors(found):
        for fmt in ("html", "md"):
            _, problems = render_text(report, fmt, dirs)  # type: ignore[arg-type]
            found += problems
    return found, len(files)
