"""Markdown: ``cchc remedy``'s document through ``templates/remedy/request.md.j2`` or
``plan.md.j2`` (the report's sandboxed Jinja environment; user text through the ``md`` and
``mdline`` filters). Same document, same bytes.
"""

from __future__ import annotations

from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.remedy.docx import MD, remedy_env
from cchc_cli.remedy.model import RemedyDoc, template_context
from cchc_cli.report.markup import normalise_md
from cchc_cli.report.templates import TemplateDirs, template_diagnostic


def render_md(doc: RemedyDoc, dirs: TemplateDirs) -> tuple[bytes | None, list[Diagnostic]]:
    from jinja2 import TemplateError

    env = remedy_env("md", dirs, doc.lang)
    name = MD[doc.kind]
    try:
        text = env.get_template(name).render(template_context(doc))
    except (
        TemplateError,
        ArithmeticError,
        TypeError,
        ValueError,
        AttributeError,
        KeyError,
        IndexError,
    ) as exc:
        return None, [template_diagnostic(exc, dirs, name=str(dirs.find(name)))]
    return normalise_md(text).encode("utf-8"), []
