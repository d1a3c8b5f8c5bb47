"""``cchc remedy`` as a library call (the CLI only wraps it): one :class:`RemedyRequest` in, the
report room's :class:`~cchc_cli.report.run.Outcome` (diagnostics, files written, exit code) and
the document (None when none was made) out.

The steps: an appraisal file is required (CCHC650, exit 1); the same checks as ``cchc report``
(a department's document is not held up by another department's score file); ``--agency``
must name an agency of the plan (CCHC522, exit 2); errors refuse the document (CCHC651, exit 1)
unless ``--draft``; a document with no item is not written (CCHC654/655, exit 0); every format
is rendered in memory, then all are written together through the overwrite rule.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Diagnostic,
    Location,
    counts,
    error,
    has_errors,
    info,
)
from cchc_cli.core.i18n import Msg
from cchc_cli.core.outputs import OutputGuard, workspace_inputs
from cchc_cli.remedy.build import RemedyError, build_remedy, document_kind
from cchc_cli.remedy.targets import FORMATS, Format, targets_for, write
from cchc_cli.report.run import Outcome, own_diagnostics, unknown_agency
from cchc_cli.report.templates import TemplateDirs, template_dirs

if TYPE_CHECKING:
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.remedy.model import RemedyDoc

__all__ = ["FORMATS", "RemedyRequest", "run_remedy"]


@dataclass(frozen=True)
class RemedyRequest:
    """What ``cchc remedy`` was asked for."""

    workspace: Workspace
    formats: tuple[Format, ...] = FORMATS
    #: ``--out``: a folder, or (one format) a file; None = the workspace's output folder
    out: Path | None = None
    #: ``--agency CODE``: that department's request or plan
    agency: str | None = None
    #: ``--draft``: make the document although errors remain (marked DỰ THẢO)
    draft: bool = False
    #: ``--date``: the document's date (also fixes the Office files' timestamps)
    when: date | None = None
    lang: str = "vi"
    #: ``--force``: replace an existing file even if it is an input or cchc did not write it
    force: bool = False


def run_remedy(request: RemedyRequest) -> tuple[Outcome, CheckResult | None, RemedyDoc | None]:
    from cchc_cli.core.workspace import CONFIG_NAME
    from cchc_cli.pipeline import check_workspace

    outcome = Outcome()
    ws = request.workspace
    if ws.config.appraisal is None:
        outcome.diagnostics.append(error("CCHC650", Location(CONFIG_NAME), config=CONFIG_NAME))
        outcome.exit_code = EXIT_ERRORS
        return outcome, None, None
    result = check_workspace(ws, today=request.when)
    outcome.diagnostics.extend(own_diagnostics(result, request.agency))
    outcome.exit_code, doc = _make(request, result, outcome)
    return outcome, result, doc


def _make(
    request: RemedyRequest, result: CheckResult, outcome: Outcome
) -> tuple[int, RemedyDoc | None]:
    ws = request.workspace
    dirs, problems = template_dirs(ws.templates_dir, ws.root)
    outcome.diagnostics += problems
    if dirs is None:
        return EXIT_USAGE, None
    unknown = unknown_agency(request.agency, result)
    if unknown is not None:
        outcome.diagnostics.append(unknown)
        return EXIT_USAGE, None
    kind = document_kind(result.index) if result.index is not None else "any"
    what = Msg(f"remedy.document.{kind}")
    errors = counts(outcome.diagnostics)["error"]
    # no index: the appraisal file (or the data under it) could not be read, even for a draft
    if (errors and not request.draft) or result.index is None:
        refusal = error("CCHC651", Location(), document=what, errors=errors)
        outcome.diagnostics.append(replace(refusal, counted=False))
        return EXIT_ERRORS, None
    try:
        doc = build_remedy(
            result, lang=request.lang, agency=request.agency, when=request.when, draft=request.draft
        )
    except RemedyError:
        return EXIT_ERRORS, None
    if not doc.agencies:
        outcome.diagnostics.append(_nothing(doc, request.agency, result))
        return EXIT_OK, doc
    code = _render_and_write(request, doc, dirs, outcome)
    if code == EXIT_OK:
        outcome.diagnostics += _draft_notes(request, result, doc, errors)
    return code, doc


def _nothing(doc: RemedyDoc, agency: str | None, result: CheckResult) -> Diagnostic:
    """CCHC654 (nothing to explain) or CCHC655 (nothing lost): nothing is written."""
    code = "CCHC654" if doc.kind == "request" else "CCHC655"
    if agency is None or result.plan is None:
        return info(code, Location())
    name = result.plan.agency_name(agency)
    return info(code, Location(), message=Msg(f"{code}.agency", {"agency": name}), agency=agency)


def _draft_notes(
    request: RemedyRequest, result: CheckResult, doc: RemedyDoc, errors: int
) -> list[Diagnostic]:
    """Why what was written is a draft: errors under ``--draft`` (CCHC652), working figures
    in the criteria (CCHC653)."""
    found: list[Diagnostic] = []
    if request.draft and errors:
        found.append(replace(info("CCHC652", Location(), errors=errors), counted=False))
    if doc.draft and result.tree is not None and not (request.draft and errors):
        from cchc_cli.report.provenance import working_figures

        if working_figures(result.tree):
            decision = result.tree.meta.methodology.decision
            found.append(info("CCHC653", Location(), decision=decision))
    return found


def _render_and_write(
    request: RemedyRequest, doc: RemedyDoc, dirs: TemplateDirs, outcome: Outcome
) -> int:
    ws = request.workspace
    targets, problems = targets_for(
        doc.kind, request.formats, request.out, ws.output_dir, doc.year, request.agency
    )
    outcome.diagnostics += problems
    if problems:
        return EXIT_USAGE
    guard = _guard(request, dirs)
    problems = guard.check(dict.fromkeys(targets.values()))
    outcome.diagnostics += problems
    if problems:
        return EXIT_ERRORS
    data, problems = render(doc, request.formats, dirs, request.when)
    outcome.diagnostics += problems
    if problems:
        return EXIT_ERRORS
    outcome.written, problems = write(targets, data, guard)
    outcome.diagnostics += problems
    return EXIT_ERRORS if has_errors(problems) else EXIT_OK


def _guard(request: RemedyRequest, dirs: TemplateDirs) -> OutputGuard:
    """The one overwrite rule (core/outputs.py): never an input; an earlier document edited
    since cchc wrote it (a department's filled-in copy) kept under a new name."""
    extra = [(dirs.user, "folder")] if dirs.user is not None else []
    inputs = workspace_inputs(request.workspace, extra)
    return OutputGuard(inputs, force=request.force, edited="keep", lang=request.lang)


def render(
    doc: RemedyDoc, formats: tuple[Format, ...], dirs: TemplateDirs, when: date | None
) -> tuple[dict[Format, bytes], list[Diagnostic]]:
    """Every format in memory; any diagnostic means nothing should be written."""
    from cchc_cli.remedy.docx import render_docx
    from cchc_cli.remedy.markup import render_md
    from cchc_cli.remedy.xlsx import render_xlsx

    data: dict[Format, bytes] = {}
    problems: list[Diagnostic] = []
    for fmt in formats:
        if fmt == "xlsx":
            data[fmt] = render_xlsx(doc, when=when)
            continue
        blob, found = render_docx(doc, dirs, when=when) if fmt == "docx" else render_md(doc, dirs)
        problems += found
        if blob is not None:
            data[fmt] = blob
    return data, problems
