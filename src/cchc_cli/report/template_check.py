"""``cchc templates check``: a template folder checked before it is used for a report."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, error, has_errors, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.report.document import Report
from cchc_cli.report.templates import (
    ENTRY,
    TemplateDirs,
    TextFormat,
    builtin_dir,
    make_env,
    template_diagnostic,
    template_dirs,
    undeclared_names,
    unknown_variable_diagnostics,
)


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
    from cchc_cli.report.docx import check_docx
    from cchc_cli.report.markup import render_markup

    dirs, problems = template_dirs(folder, root)
    if dirs is None:
        return problems, 0
    builtin = folder.resolve() == dirs.builtin.resolve()
    files = (
        sorted(p for p in dirs.builtin.iterdir() if p.suffix in (".j2", ".docx"))
        if builtin
        else dirs.user_files()
    )
    names = known_template_names()
    found: list[Diagnostic] = []
    for path in files:
        found += _check_name(path, dirs, names)
        if path.suffix == ".docx":
            found += check_docx(path, dirs, report)
        else:
            found += _check_j2(path, dirs, report.lang if report else "vi")
    # Render each entry template (with the user's overrides in place) against the real model.
    if report is not None and not has_errors(found):
        for entry in ENTRY:
            for companion in (False, True):
                _, problems = render_markup(report, entry, dirs, companion=companion)
                found += problems
    return found, len(files)


def _check_name(path: Path, dirs: TemplateDirs, builtin_names: list[str]) -> list[Diagnostic]:
    """CCHC509 for a file that overrides no built-in template (a misspelt name is ignored)."""
    if path.name in builtin_names:
        return []
    guess = did_you_mean(path.name, builtin_names)
    listed = ", ".join(builtin_names)
    hint = (
        Msg("CCHC509.hint_guess", {"guess": guess, "known": listed})
        if guess
        else Msg("CCHC509.hint", {"known": listed})
    )
    return [warning("CCHC509", Location(dirs.display(path)), name=path.name, hint=hint)]


def _check_j2(path: Path, dirs: TemplateDirs, lang: str) -> list[Diagnostic]:
    """A Jinja template parses and reads only documented variables."""
    from jinja2 import TemplateError

    shown = dirs.display(path)
    fmt: TextFormat = "html" if ".html" in path.name else "md"
    env = make_env(fmt, dirs, lang)
    try:
        source = path.read_text(encoding="utf-8")
        names = undeclared_names(env, source)
    except TemplateError as exc:
        return [template_diagnostic(exc, dirs, name=str(path))]
    except (OSError, UnicodeDecodeError):
        return [error("CCHC506", Location(shown), template=shown)]
    return unknown_variable_diagnostics(list(names), shown, names)
