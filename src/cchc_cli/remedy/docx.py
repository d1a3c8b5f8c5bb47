"""Word: ``cchc remedy``'s document rendered through ``templates/remedy/request.docx`` or
``plan.docx`` (docxtpl), with the report's machinery: the sandboxed environment and its filters
(:func:`cchc_cli.report.docx.docx_env`), rules sized to their text, no blank last page, the
document's language (:mod:`cchc_cli.report.docx_form`), fixed timestamps
(:mod:`cchc_cli.report.ziputil`). ``autoescape=True`` always (``&`` in a comment survives).

Points are printed as the index prints them: every decimal they have, at least two (``0,50``,
``0,375``), so that a department's rows add up to its heading.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_cli.appraisal.text import exact
from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.remedy.model import RemedyDoc, template_context
from cchc_cli.report.docx import docx_env, fill_template
from cchc_cli.report.docx_form import finished_docx
from cchc_cli.report.templates import TemplateDirs, make_env

#: the templates, by document kind (looked up in the province's template folder first)
DOCX = {"request": "remedy/request.docx", "plan": "remedy/plan.docx"}
MD = {"request": "remedy/request.md.j2", "plan": "remedy/plan.md.j2"}


def remedy_env(fmt: str, dirs: TemplateDirs, lang: str) -> Any:
    """The report's environment for ``fmt`` with points printed as the index prints them."""
    env = docx_env(dirs, lang) if fmt == "docx" else make_env("md", dirs, lang)
    env.filters["num"] = lambda value: exact(value, lang)
    return env


def render_docx(
    doc: RemedyDoc, dirs: TemplateDirs, *, when: date | None = None
) -> tuple[bytes | None, list[Diagnostic]]:
    env = remedy_env("docx", dirs, doc.lang)
    document, problems = fill_template(dirs, DOCX[doc.kind], template_context(doc), env)
    if document is None:
        return None, problems
    data = finished_docx(
        document,
        lang=doc.lang,
        when=when,
        title=doc.title,
        subject=doc.labels.get("report_word", ""),
        author=doc.coordinator.name,
        comments=doc.draft_mark,
    )
    return data, []
