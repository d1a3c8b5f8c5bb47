"""``cchc pack`` as a library call (the CLI only wraps it): one :class:`PackRequest` in, the
report room's :class:`~cchc_cli.report.run.Outcome` (diagnostics, the file written, exit code)
and a :class:`PackSummary` out.

The steps: the same checks as ``cchc report`` (a department's pack is not held up by another
department's file); the report model, built and rendered by the report room; the items and
their evidence files (:mod:`.content`); the refusal on errors unless ``--draft`` — and always
when an evidence file is missing, since a pack with a hole in it is worse than none; the
index; the zip, streamed into a temp file beside the target and renamed into place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import (
    EXIT_ERRORS,
    EXIT_USAGE,
    Diagnostic,
    Location,
    blocking,
    error,
    info,
)
from cchc_cli.core.oserrors import os_error_msg
from cchc_cli.pack.archive import Entry, EvidenceUnreadable, is_own_pack, write_pack
from cchc_cli.pack.content import PackContent, collect
from cchc_cli.pack.names import PackNames
from cchc_cli.report.run import (
    Outcome,
    ReportRequest,
    own_diagnostics,
    report_model,
    request_notes,
    unknown_agency,
)

if TYPE_CHECKING:
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.report.templates import TemplateDirs

#: the index's files at the root of the pack
INDEX_HTML = "muc-luc.html"
INDEX_XLSX = "muc-luc.xlsx"


@dataclass(frozen=True)
class PackRequest:
    """What ``cchc pack`` was asked for: the report's options (workspace, ``--agency``,
    ``--draft``, ``--date``, ``--today``, ``--strict``, language), ``--out`` and ``--force``."""

    report: ReportRequest
    #: ``--out``: a ``.zip`` file, or a folder for the default name; None = the output folder
    out: Path | None = None
    #: replace a file at the target that cchc did not write
    force: bool = False


@dataclass(frozen=True)
class PackSummary:
    items: int
    files: int
    documents: int
    size: int


def pack_name(year: int, agency: str | None) -> str:
    """ho-so-cchc-2019.zip, or ho-so-SNV-2019.zip for one department's pack."""
    return f"ho-so-{agency or 'cchc'}-{year}.zip"


def target_for(out: Path | None, default_dir: Path, year: int, agency: str | None) -> Path:
    """``--out`` ending in ``.zip`` is the file; any other ``--out`` a folder."""
    name = pack_name(year, agency)
    if out is None:
        return default_dir / name
    if out.suffix.lower() == ".zip" and not out.is_dir():
        return out
    return out / name


def may_write(target: Path, request: PackRequest) -> list[Diagnostic]:
    """The one overwrite rule (core/outputs.py) for the target: never an input of the
    workspace; an existing file only if cchc wrote it — a pack it made is recognised by its
    archive comment — unless ``--force``."""
    from cchc_cli.core.outputs import OutputGuard, workspace_inputs

    rr = request.report
    guard = OutputGuard(
        workspace_inputs(rr.workspace),
        force=request.force,
        own=lambda path, _data: is_own_pack(path),
        lang=rr.lang,
    )
    return guard.check({target: None})


def run_pack(request: PackRequest) -> tuple[Outcome, PackSummary | None, CheckResult]:
    """Run the checks, collect, refuse or render, and write the zip."""
    from cchc_cli.pipeline import check_workspace

    rr = request.report
    outcome = Outcome()
    result = check_workspace(rr.workspace, today=rr.today or rr.when)
    outcome.diagnostics.extend(own_diagnostics(result, rr.agency))
    summary = _make(request, result, outcome)
    return outcome, summary, result


def _make(request: PackRequest, result: CheckResult, outcome: Outcome) -> PackSummary | None:
    """Everything after the checks; sets ``outcome.exit_code``."""
    from cchc_cli.report.templates import template_dirs

    rr = request.report
    ws = rr.workspace
    dirs, problems = template_dirs(rr.templates or ws.templates_dir, ws.root)
    outcome.diagnostics += problems
    unknown = unknown_agency(rr.agency, result)
    if dirs is None or unknown is not None:
        outcome.diagnostics += [unknown] if unknown is not None else []
        outcome.exit_code = EXIT_USAGE
        return None
    report = report_model(rr, result, outcome, dirs, request_notes(rr, outcome))
    if report is None:
        outcome.exit_code = EXIT_ERRORS
        return None
    target = target_for(request.out, ws.output_dir, report.year, rr.agency)
    refusals = may_write(target, request)
    if refusals:
        outcome.diagnostics += refusals
        outcome.exit_code = EXIT_ERRORS
        return None
    content = collect(result, report, PackNames())
    outcome.diagnostics += content.diagnostics
    if not _may_go_on(rr, content, outcome):
        return None
    return _write(request, content, dirs, target, outcome)


def _may_go_on(rr: ReportRequest, content: PackContent, outcome: Outcome) -> bool:
    """Errors stop the pack unless ``--draft``; a missing evidence file stops it always."""
    errors = blocking(outcome.diagnostics, rr.strict)
    if errors and not rr.draft:
        outcome.diagnostics.append(error("CCHC550", Location(), errors=errors))
        outcome.exit_code = EXIT_ERRORS
        return False
    if content.missing:
        outcome.diagnostics.append(error("CCHC553", Location(), count=content.missing))
        outcome.exit_code = EXIT_ERRORS
        return False
    if errors:
        outcome.diagnostics.append(info("CCHC551", Location(), errors=errors))
    return True


def _write(
    request: PackRequest, content: PackContent, dirs: TemplateDirs, target: Path, outcome: Outcome
) -> PackSummary | None:
    from cchc_cli.core.atomic import write_stream
    from cchc_cli.pack.documents import documents_for_pack
    from cchc_cli.pack.index_html import render_index_html
    from cchc_cli.pack.index_xlsx import render_index_xlsx
    from cchc_cli.report.ziputil import stamp_for

    when = request.report.when
    documents, problems = documents_for_pack(content.report, dirs, when)
    outcome.diagnostics += problems
    if problems:
        outcome.exit_code = EXIT_ERRORS
        return None
    html = render_index_html(content, documents).encode("utf-8")
    entries = [
        Entry(INDEX_HTML, data=html, rank=0),
        Entry(INDEX_XLSX, data=render_index_xlsx(content, documents, when), rank=0),
        *(Entry(d.path, data=d.data, rank=1) for d in documents),
        *(Entry(f.path, source=f.source) for f in content.files),
    ]
    try:
        write_stream(target, lambda handle: write_pack(handle, entries, stamp_for(when)))
    except EvidenceUnreadable as exc:
        outcome.diagnostics.append(_unreadable(content, exc))
        outcome.exit_code = EXIT_ERRORS
        return None
    except OSError as exc:
        outcome.diagnostics.append(_write_failed(target, exc))
        outcome.exit_code = EXIT_ERRORS
        return None
    outcome.written = [target]
    documents_count = sum(len(i.documents) for i in content.items)
    folders = sum(1 for i in content.items if i.folder is not None)
    return PackSummary(folders, len(content.files), documents_count, target.stat().st_size)


def _unreadable(content: PackContent, exc: EvidenceUnreadable) -> Diagnostic:
    """CCHC552 at the score file's line naming the evidence file that could not be read."""
    found = [(i.row.id, d) for i in content.items for d in i.documents if d.path == exc.path]
    reason = os_error_msg(exc.cause)
    if not found:
        return error("CCHC552", Location(), id="", agency="", path=exc.path, error=reason)
    item_id, doc = found[0]
    return error(
        "CCHC552",
        doc.where,
        item=item_id,
        agency=doc.ref.agency,
        id=item_id,
        path=doc.source,
        error=reason,
    )


def _write_failed(target: Path, exc: OSError) -> Diagnostic:
    from cchc_cli.core.atomic import OutputLocked

    if isinstance(exc, OutputLocked):
        return error("CCHC556", Location(), path=str(target))
    return error("CCHC557", Location(), path=str(target), error=os_error_msg(exc))
