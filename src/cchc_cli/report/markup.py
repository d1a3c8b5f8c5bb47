"""Markdown and HTML: the report model rendered through Jinja templates.

Same model and same templates → the same bytes: nothing here reads the clock.
"""

from __future__ import annotations

from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.report.document import Report, template_context
from cchc_cli.report.templates import (
    COMPANION,
    ENTRY,
    TemplateDirs,
    TextFormat,
    make_env,
    template_diagnostic,
)


def render_markup(
    report: Report, fmt: TextFormat, dirs: TemplateDirs, *, companion: bool = False
) -> tuple[str | None, list[Diagnostic]]:
    """Render ``report.html.j2`` or ``report.md.j2`` (``companion``: the internal technical
    appendix, ``companion.html.j2`` or ``companion.md.j2``). Returns the text or the
    diagnostic."""
    from jinja2 import TemplateError

    env = make_env(fmt, dirs, report.lang)
    name = COMPANION[fmt] if companion else ENTRY[fmt]
    try:
        template = env.get_template(name)
        text = template.render(template_context(report))
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
    return (normalise_md(text) if fmt == "md" else text.rstrip("\n") + "\n"), []


def normalise_md(text: str) -> str:
    """Markdown: no trailing spaces, no runs of blank lines, one final newline (clean diffs).

    User text never spans lines in Markdown output (the ``md``/``mdline`` filters fold it), so
    this only tidies what the template's conditionals left behind.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"
