"""Template lookup, the sandboxed Jinja environment and template errors as diagnostics.

Templates are looked up in the user's folder first (``templates:`` in cchc.yaml or
``--templates DIR``), then in the built-in folder, file by file: a province overrides
``report.html.j2`` or just ``base.html.j2`` and keeps every other built-in file.

User templates run in a :class:`~jinja2.sandbox.SandboxedEnvironment` with
:class:`~jinja2.StrictUndefined`: a misspelt variable is an error naming the template file and
line (CCHC502), never a silently empty cell.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.fmt import format_date, format_number, format_percent
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.core.resources import data_path
from cchc_cli.report.document import Report

if TYPE_CHECKING:
    from jinja2 import Environment

TextFormat = Literal["html", "md"]

#: the entry template of each text format (the agency report uses the same file, ``mode``)
ENTRY: dict[TextFormat, str] = {"html": "report.html.j2", "md": "report.md.j2"}
DOCX_TEMPLATE = "report.docx"
#: the internal companion (technical appendix, not signed): one template per format
COMPANION: dict[TextFormat, str] = {"html": "companion.html.j2", "md": "companion.md.j2"}
DOCX_COMPANION = "companion.docx"
TEMPLATE_SUFFIXES = (".j2", ".docx")


def builtin_dir() -> Path:
    return data_path("templates")


@dataclass(frozen=True)
class TemplateDirs:
    """Where templates are looked up: the user's folder (optional) shadows the built-ins."""

    user: Path | None
    builtin: Path
    #: workspace root, to show user template paths relative to it
    root: Path | None = None

    @property
    def search(self) -> list[Path]:
        return [p for p in (self.user, self.builtin) if p is not None]

    def find(self, name: str) -> Path:
        for folder in self.search:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return self.builtin / name

    def display(self, path: str | Path) -> str:
        """A template path as users should read it: workspace-relative, or ``templates/…``."""
        p = Path(path)
        try:
            resolved = p.resolve()
        except OSError:  # pragma: no cover - defensive
            return p.as_posix()
        if self.root is not None:
            try:
                return resolved.relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        try:
            return "templates/" + resolved.relative_to(self.builtin.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def user_files(self) -> list[Path]:
        if self.user is None or not self.user.is_dir():
            return []
        return sorted(
            p
            for p in self.user.iterdir()
            if p.is_file() and p.suffix in TEMPLATE_SUFFIXES and not _scratch(p.name)
        )


def _scratch(name: str) -> bool:
    """A file no one made as a template: Office's lock file while a document is open
    (``~$report.docx``), a hidden or temporary file (``.report.docx.tmp``)."""
    return name.startswith(("~$", "."))


def template_dirs(
    user: Path | None, root: Path | None
) -> tuple[TemplateDirs | None, list[Diagnostic]]:
    """The user's folder (``--templates``/``templates:``) over the built-ins; CCHC508 when the
    user's folder does not exist."""
    if user is not None and not user.is_dir():
        return None, [error("CCHC508", Location(), folder=str(user))]
    return TemplateDirs(user=user, builtin=builtin_dir(), root=root), []


# --- filters ---------------------------------------------------------------------------------


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: ``|`` escaped, line breaks as ``<br>``."""
    if value is None:
        return ""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "<br>".join(text.split("\n"))


def md_text(value: Any) -> str:
    """Plain user text in a Markdown paragraph: one line, ``|`` escaped (lists stay lists)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def _filters(lang: str) -> dict[str, Callable[..., Any]]:
    return {
        "num": lambda v: format_number(v, lang),
        "pct": lambda v: format_percent(v, lang),
        "vdate": lambda v: format_date(v, lang),
        "md": md_cell,
        "mdline": md_text,
        "float": lambda v: float(v) if v is not None else 0.0,
    }


def make_env(fmt: TextFormat | Literal["docx"], dirs: TemplateDirs, lang: str) -> Environment:
    """The sandboxed environment for one output format."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loader = ChoiceLoader([FileSystemLoader(str(p)) for p in dirs.search])
    env = SandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=fmt in ("html", "docx"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(_filters(lang))
    return env


# --- errors ----------------------------------------------------------------------------------


def _template_frame(exc: BaseException, dirs: TemplateDirs) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file (Jinja rewrites them so)."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if name.endswith(".j2") or name == "<template>":
            found = (name, frame.lineno)
    return found


def template_diagnostic(
    exc: BaseException, dirs: TemplateDirs, *, name: str | None = None
) -> Diagnostic:
    """Turn any Jinja error (syntax, undefined, sandbox, runtime) into a located diagnostic."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateNotFound):
        missing = str(exc.name)
        return error("CCHC506", Location(name or missing), template=missing)
    if isinstance(exc, TemplateSyntaxError):
        file = exc.filename or name
        where = Location(dirs.display(file) if file else None, exc.lineno)
        return error("CCHC501", where, error=exc.message or str(exc))
    file, line = _template_frame(exc, dirs)
    if file is None or file == "<template>":
        file = name
    where = Location(dirs.display(file) if file else None, line)
    if isinstance(exc, UndefinedError):
        return error("CCHC502", where, error=undefined_text(exc))
    if isinstance(exc, SecurityError):
        return error("CCHC504", where, error=sandbox_text(exc))
    return error("CCHC505", where, error=f"{type(exc).__name__}: {exc}")


_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe\.?")
_UNSAFE_CALL = re.compile(r"(.*) is not safely callable\.?")


def sandbox_text(exc: BaseException) -> Msg | str:
    """What the sandbox refused, for CCHC504 (whose text ends the sentence itself): the
    attribute or the call in the user's language, else Jinja's words without their full stop."""
    text = str(exc).strip()
    attribute = _UNSAFE_ATTRIBUTE.fullmatch(text)
    if attribute:
        return Msg("report.sandbox.attribute", {"attribute": attribute[1], "kind": attribute[2]})
    call = _UNSAFE_CALL.fullmatch(text)
    if call:
        return Msg("report.sandbox.call", {"name": call[1]})
    return text.rstrip(".")


_UNDEFINED = re.compile(r"'([^']*)' is undefined")
_NO_ATTRIBUTE = re.compile(r"'([^']*?)(?: object)?' has no attribute '([^']*)'")


def undefined_text(exc: BaseException) -> Msg | str:
    """Jinja's "'x' is undefined" / "'Row object' has no attribute 'foo'" in the user's
    language (the variable and the attribute named as written); anything else as Jinja says
    it, without Python's class vocabulary."""
    text = str(exc).strip()
    missing = _UNDEFINED.fullmatch(text)
    if missing:
        return Msg("report.undefined.name", {"name": missing[1]})
    attribute = _NO_ATTRIBUTE.fullmatch(text)
    if attribute:
        return Msg("report.undefined.attribute", {"kind": attribute[1], "attribute": attribute[2]})
    return text.replace(" object'", "'").rstrip(".")


# --- static checks ---------------------------------------------------------------------------


def undeclared_names(env: Environment, source: str) -> dict[str, int]:
    """Top-level names a template reads but does not define, with their first line."""
    from jinja2 import meta, nodes

    ast = env.parse(source)
    # Jinja's analysis looks at each block on its own, so a name imported or set at the top of
    # the template (``{% import … as m %}``) looks undeclared inside blocks: anything the
    # template defines anywhere is not the template reading report data.
    defined: set[str] = {
        "loop",
        "super",
        "self",
        "caller",
        "varargs",
        "kwargs",
        "namespace",
        "range",
        "dict",
        "lipsum",
        "cycler",
        "joiner",
    }
    for node in ast.find_all(
        (nodes.Name, nodes.Import, nodes.FromImport, nodes.Macro, nodes.CallBlock)
    ):
        if isinstance(node, nodes.Name) and node.ctx in ("store", "param"):
            defined.add(node.name)
        elif isinstance(node, nodes.Import):
            defined.add(node.target)
        elif isinstance(node, nodes.FromImport):
            for name in node.names:
                defined.add(name[1] if isinstance(name, tuple) else name)
        elif isinstance(node, nodes.Macro):
            defined.add(node.name)
    names = meta.find_undeclared_variables(ast) - defined
    lines: dict[str, int] = {}
    for node in ast.find_all(nodes.Name):
        if node.name in names and node.ctx == "load" and node.name not in lines:
            lines[node.name] = node.lineno
    return {n: lines.get(n, 1) for n in sorted(names)}


def known_variables(extra: Iterable[str] = ()) -> set[str]:
    """The documented variable set: the report model's fields plus ``report`` itself."""
    return {f.name for f in fields(Report)} | {"report"} | set(extra)


def unknown_variable_diagnostics(
    names: list[str], shown: str, lines: dict[str, int]
) -> list[Diagnostic]:
    """CCHC503 for each name a template reads that is not a documented variable."""
    known = known_variables()
    found: list[Diagnostic] = []
    for name in names:
        if name in known:
            continue
        guess = did_you_mean(name, known)
        listed = ", ".join(sorted(known))
        hint = (
            Msg("CCHC503.hint_guess", {"guess": guess, "known": listed})
            if guess
            else Msg("CCHC503.hint", {"known": listed})
        )
        found.append(error("CCHC503", Location(shown, lines.get(name)), name=name, hint=hint))
    return found
