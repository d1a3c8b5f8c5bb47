"""Word: the report model rendered through ``report.docx`` (docxtpl, Jinja tags in Word).

``autoescape=True`` always: without it text holding ``&`` or ``<`` silently vanishes from the
document (docxtpl#634). The output is stable: core properties and zip timestamps are fixed
(from ``--date``, or a fixed epoch), so the same inputs give the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.fmt import format_number
from cchc_cli.report.document import Report, ReportRow, template_context
from cchc_cli.report.docx_form import finished_docx
from cchc_cli.report.templates import (
    DOCX_TEMPLATE,
    TemplateDirs,
    make_env,
    template_diagnostic,
    undefined_text,
    unknown_variable_diagnostics,
)

_SHADE = {1: "EEF1F6", 2: "F6F8FB"}


def _strong(text: Any, cond: Any = True, size: float | None = None) -> Any:
    """A bold (when ``cond``) run of ``text``, at ``size`` points or the paragraph's size:
    use as ``{{r x|strong(c) }}``."""
    from docxtpl import RichText

    points = int(size * 2) if size else None
    return RichText("" if text is None else str(text), bold=bool(cond), size=points)


def _shade(row: ReportRow) -> str:
    """Background of a table cell: areas and criteria shaded, leaves white."""
    if row.is_leaf:
        return "FFFFFF"
    return _SHADE.get(row.level, "FFFFFF")


def _score_text(row: ReportRow, labels: Any, *, lang: str) -> str:
    """A row's score cell: the score, or why there is none (``{{ row|score_text(labels) }}``)."""
    if row.status == "ministry":
        return str(labels["status_ministry"])
    if row.status in ("missing", "rejected"):
        return str(labels[f"status_{row.status}"])
    return format_number(row.score, lang)


def docx_env(dirs: TemplateDirs, lang: str) -> Any:
    """The sandboxed environment for Word templates, with three Word-only filters."""
    env = make_env("docx", dirs, lang)
    score_text = partial(_score_text, lang=lang)
    env.filters.update({"strong": _strong, "shade": _shade, "score_text": score_text})
    return env


def _context_snippet(exc: Exception) -> str:
    lines = getattr(exc, "docx_context", None)
    if not lines:
        return ""
    text = " ".join(line.strip() for line in lines if line and line.strip())
    return re.sub(r"\s+", " ", text)[:160]


def render_docx(
    report: Report, dirs: TemplateDirs, *, when: date | None = None, name: str = DOCX_TEMPLATE
) -> tuple[bytes | None, list[Diagnostic]]:
    """Render the Word template ``name`` (the report, or the internal companion)."""
    env = docx_env(dirs, report.lang)
    document, problems = fill_template(dirs, name, template_context(report), env)
    if document is None:
        return None, problems
    data = finished_docx(
        document,
        lang=report.lang,
        when=when,
        title=report.title,
        subject=report.labels.get("report_word", ""),
        author=report.coordinator.name,
        comments=report.draft_mark,
    )
    return data, []


def fill_template(
    dirs: TemplateDirs, name: str, context: dict[str, object], env: Any
) -> tuple[Any | None, list[Diagnostic]]:
    """The Word template ``name`` (a province's own first, else the built-in one) filled with
    ``context``: the python-docx document, or the located reason it could not be filled
    (CCHC506 unreadable template, CCHC502… a Jinja error, CCHC505 an error in a value)."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    path = dirs.find(name)
    shown = dirs.display(path)
    try:
        tpl = DocxTemplate(str(path))
        tpl.render_init()
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        return None, [error("CCHC506", Location(shown), template=shown)]
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateError as exc:
        return None, [docx_diagnostic(exc, dirs, shown)]
    except (ArithmeticError, TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        return None, [error("CCHC505", Location(shown), error=f"{type(exc).__name__}: {exc}")]
    return tpl.docx, []


def docx_diagnostic(exc: Exception, dirs: TemplateDirs, shown: str) -> Diagnostic:
    """A Jinja error inside a Word template: the XML line means nothing to people, so the
    diagnostic names the file and quotes the nearby text instead."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    if isinstance(exc, TemplateSyntaxError):
        return error(
            "CCHC507",
            Location(shown),
            error=exc.message or str(exc),
            context=_context_snippet(exc) or "…",
        )
    if isinstance(exc, UndefinedError):
        return error("CCHC502", Location(shown), error=undefined_text(exc))
    diag = template_diagnostic(exc, dirs, name=shown)
    return Diagnostic(diag.code, diag.severity, diag.message, shown, None, None, hint=diag.hint)


def check_docx(path: Path, dirs: TemplateDirs, report: Report | None) -> list[Diagnostic]:
    """``cchc templates check``: the Word template's tags parse, use known variables and, with
    a model, render under StrictUndefined."""
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    shown = dirs.display(path)
    try:
        tpl = DocxTemplate(str(path))
        env = docx_env(dirs, report.lang if report else "vi")
        names = tpl.get_undeclared_template_variables(jinja_env=env)
    except TemplateError as exc:
        return [docx_diagnostic(exc, dirs, shown)]
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        return [error("CCHC506", Location(shown), template=shown)]
    problems = unknown_variable_diagnostics(sorted(names), shown, {})
    if problems or report is None:
        return problems
    _, rendered = render_docx(
        report, TemplateDirs(path.parent, dirs.builtin, dirs.root), name=path.name
    )
    return rendered
