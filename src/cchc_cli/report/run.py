"""``cchc report`` as a library call (the CLI only wraps it): one :class:`ReportRequest` in,
an :class:`Outcome` (diagnostics, files written, exit code) out.

Everything is rendered in memory first; files are written only when every requested format
rendered, each one atomically (a temp file beside the target, then ``os.replace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Diagnostic,
    Location,
    blocking,
    counts,
    error,
    has_errors,
    info,
    warning,
)
from cchc_cli.core.i18n import Msg
from cchc_cli.core.outputs import OutputGuard, workspace_inputs
from cchc_cli.report.build import ReportError, build_report
from cchc_cli.report.document import Notes, Report
from cchc_cli.report.notes import read_notes
from cchc_cli.report.provenance import template_checksums
from cchc_cli.report.targets import FORMATS, Format, companion_key, targets_for, write
from cchc_cli.report.templates import TemplateDirs, template_dirs

if TYPE_CHECKING:
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import CheckResult

__all__ = ["FORMATS", "Outcome", "ReportRequest", "run_report"]


@dataclass(frozen=True)
class ReportRequest:
    """What ``cchc report`` was asked for."""

    workspace: Workspace
    formats: tuple[Format, ...] = FORMATS
    #: ``--out``: a folder, or (one format) a file; None = the workspace's output folder
    out: Path | None = None
    #: ``--agency CODE``: that department's own report instead of the province's
    agency: str | None = None
    draft: bool = False
    #: ``--date``: the report's date (also fixes the Office files' timestamps)
    when: date | None = None
    #: ``--today``: the day deadlines are checked against (default: ``when``, else the clock)
    today: date | None = None
    #: ``--templates DIR`` (default: the workspace's ``templates:``)
    templates: Path | None = None
    lang: str = "vi"
    #: warnings block the report too, as in ``cchc validate --strict``
    strict: bool = False
    #: ``--force``: replace an existing file even if it is an input or cchc did not write it
    #: (core/outputs.py)
    force: bool = False


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    exit_code: int = EXIT_OK


def run_report(request: ReportRequest) -> tuple[Outcome, CheckResult]:
    """Run the checks, build the model, render and write. Returns the outcome and the
    CheckResult (for source context when showing diagnostics)."""
    from cchc_cli.pipeline import check_workspace

    outcome = Outcome()
    result = check_workspace(request.workspace, today=request.today or request.when)
    outcome.diagnostics.extend(own_diagnostics(result, request.agency))
    outcome.exit_code = _make(request, result, outcome)
    return outcome, result


def own_diagnostics(result: CheckResult, agency: str | None) -> list[Diagnostic]:
    """A department's own report is not held up by another department's score file."""
    if agency is None:
        return list(result.diagnostics)
    others = {loaded.rel for loaded in result.scores if loaded.file.agency != agency}
    return [d for d in result.diagnostics if d.file not in others]


def _make(request: ReportRequest, result: CheckResult, outcome: Outcome) -> int:
    """Everything after the checks, step by step; adds to ``outcome`` and returns the exit code."""
    ws = request.workspace
    user_dir = request.templates if request.templates is not None else ws.templates_dir
    dirs, problems = template_dirs(user_dir, ws.root)
    outcome.diagnostics += problems
    if dirs is None:
        return EXIT_USAGE
    unknown = unknown_agency(request.agency, result)
    if unknown is not None:
        outcome.diagnostics.append(unknown)
        return EXIT_USAGE
    notes = request_notes(request, outcome)
    errors = blocking(outcome.diagnostics, request.strict)  # --strict: warnings count
    if errors and not request.draft:
        outcome.diagnostics.append(_still_wrong("CCHC510", outcome.diagnostics, request.strict))
        return EXIT_ERRORS
    code = _build_and_write(request, result, outcome, dirs, notes)
    if code == EXIT_OK and request.draft and errors:
        outcome.diagnostics.append(_still_wrong("CCHC512", outcome.diagnostics, request.strict))
    return code


def _still_wrong(code: str, found: list[Diagnostic], strict: bool) -> Diagnostic:
    """CCHC510 (no report) or CCHC512 (a draft): "dữ liệu còn N lỗi", with the very counts of
    the summary line below it (it restates them, so it is not counted itself)."""
    from dataclasses import replace

    c = counts(found)
    severe = error if code == "CCHC510" else info
    if strict and c["warning"]:
        message = Msg(f"{code}.strict", {"errors": c["error"], "warnings": c["warning"]})
        made = severe(code, Location(), message=message, errors=c["error"])
    else:
        made = severe(code, Location(), errors=c["error"])
    return replace(made, counted=False)


def unknown_agency(agency: str | None, result: CheckResult) -> Diagnostic | None:
    """CCHC522 for ``--agency`` naming no agency of the plan (with a guess)."""
    from cchc_cli.core.ids import did_you_mean

    if result.plan is None or agency is None or agency in result.plan.agencies:
        return None
    known = list(result.plan.agencies)
    guess = did_you_mean(agency, known)
    listed = ", ".join(known)
    hint = (
        Msg("CCHC522.hint_guess", {"guess": guess, "known": listed})
        if guess
        else Msg("CCHC522.hint", {"known": listed})
    )
    return error("CCHC522", Location(), agency_code=agency, hint=hint)


def request_notes(request: ReportRequest, outcome: Outcome) -> Notes | None:
    """The coordinator's notes file: the province's report only, when cchc.yaml names one."""
    ws = request.workspace
    if request.agency is not None or ws.notes_path is None or ws.config.notes is None:
        return None
    notes, problems = read_notes(ws.notes_path, ws.config.notes)
    outcome.diagnostics += problems
    return notes


def report_model(
    request: ReportRequest,
    result: CheckResult,
    outcome: Outcome,
    dirs: TemplateDirs,
    notes: Notes | None,
) -> Report | None:
    """The report model as ``cchc report`` builds it (also for ``cchc pack``); None (CCHC511
    in ``outcome``) when the criteria or the plan cannot give one."""
    try:
        report = build_report(
            result,
            lang=request.lang,
            draft=request.draft,
            when=request.when,
            agency=request.agency,
            notes=notes,
            extra_checksums=template_checksums(dirs),
        )
    except ReportError:
        outcome.diagnostics.append(error("CCHC511", Location()))
        return None
    if report.agency is not None and report.agency.items == 0:
        outcome.diagnostics.append(
            warning("CCHC524", Location(), agency_code=report.agency.code, name=report.agency.name)
        )
    return report


def _build_and_write(
    request: ReportRequest,
    result: CheckResult,
    outcome: Outcome,
    dirs: TemplateDirs,
    notes: Notes | None,
) -> int:
    report = report_model(request, result, outcome, dirs, notes)
    if report is None:
        return EXIT_ERRORS
    targets, problems = targets_for(
        request.formats, request.out, request.workspace.output_dir, report.year, request.agency
    )
    outcome.diagnostics += problems
    if problems:
        return EXIT_USAGE
    guard = _guard(request, dirs)
    problems = guard.check(dict.fromkeys(targets.values()))
    outcome.diagnostics += problems
    if problems:
        return EXIT_ERRORS
    data, problems = render(report, request.formats, dirs, request.when)
    outcome.diagnostics += problems
    if problems:
        return EXIT_ERRORS
    outcome.written, problems = write(targets, data, guard)
    outcome.diagnostics += problems
    if has_errors(problems):
        return EXIT_ERRORS
    if report.draft and not request.draft:
        # the criteria tree's working figures made what was written a draft (the reason is in
        # the companion): said about the files written, so never folded with the criteria notes
        decision = report.methodology.decision
        outcome.diagnostics.append(info("CCHC536", Location(), decision=decision))
    if report.appraisal is not None:
        # known after the submission: said here and in the companion, never in the signed text
        outcome.diagnostics.append(info("CCHC615", Location(), index_line=report.appraisal.text))
    return EXIT_OK


def _guard(request: ReportRequest, dirs: TemplateDirs) -> OutputGuard:
    """The one overwrite rule (core/outputs.py): a report never replaces an input; an earlier
    report edited since cchc wrote it is kept under a new name."""
    extra = [(dirs.user, "folder")] if dirs.user is not None else []
    inputs = workspace_inputs(request.workspace, extra)
    return OutputGuard(inputs, force=request.force, edited="keep", lang=request.lang)


def render(
    report: Report, formats: tuple[Format, ...], dirs: TemplateDirs, when: date | None
) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Render each format in memory, and the internal companion of docx/html/md (key
    ``"docx+companion"`` …). Any diagnostic means nothing should be written."""
    from cchc_cli.report.xlsx import render_xlsx

    data: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for fmt in formats:
        if fmt == "xlsx":
            data[fmt] = render_xlsx(report, when=when)
            continue
        for companion in (False, True):
            blob, found = _render_one(report, fmt, dirs, when, companion=companion)
            problems += found
            if blob is not None:
                data[companion_key(fmt) if companion else fmt] = blob
    return data, problems


def _render_one(
    report: Report, fmt: Format, dirs: TemplateDirs, when: date | None, *, companion: bool
) -> tuple[bytes | None, list[Diagnostic]]:
    from cchc_cli.report.docx import render_docx
    from cchc_cli.report.markup import render_markup
    from cchc_cli.report.templates import DOCX_COMPANION, DOCX_TEMPLATE

    if fmt == "docx":
        name = DOCX_COMPANION if companion else DOCX_TEMPLATE
        return render_docx(report, dirs, when=when, name=name)
    text, found = render_markup(
        report, "html" if fmt == "html" else "md", dirs, companion=companion
    )
    return (text.encode("utf-8") if text is not None else None), found
