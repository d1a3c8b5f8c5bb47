"""The one place diagnostics are shown: as text (rich, stderr) or JSON (stdout).

:func:`render_diagnostics` writes them as text; :func:`diagnostics_payload` and :func:`dumps`
give the JSON. Rich is imported only when a console is made, never at import time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeAlias

from cchc_cli.core.diagnostics import Diagnostic, Severity, counts, sort_diagnostics
from cchc_cli.core.i18n import tr
from cchc_cli.core.textio import editor_lines

if TYPE_CHECKING:
    from rich.console import Console

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
CONTEXT_LINES = 1


def make_console(file: TextIO, *, width: int | None = None) -> Console:
    """A rich console for one command run (never created at import time)."""
    from rich.console import Console

    return Console(file=file, highlight=False, soft_wrap=True, width=width, emoji=False)


#: the control characters rich's ``Text`` removes (bell, backspace, VT, FF, CR)
_STRIP_CONTROL = dict.fromkeys((7, 8, 11, 12, 13))


class _PlainText:
    """The part of ``rich.text.Text`` that :func:`render_diagnostics` uses, without rich."""

    __slots__ = ("_parts",)

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self._parts = [text.translate(_STRIP_CONTROL)]

    def append(self, text: str, style: str | None = None) -> _PlainText:
        self._parts.append(text.translate(_STRIP_CONTROL))
        return self

    @property
    def plain(self) -> str:
        return "".join(self._parts)


class PlainConsole:
    """Writes exactly what a rich console writes to a file or a pipe (no colour, no wrapping),
    without importing rich's console machinery (a fifth of `cchc validate`'s start-up)."""

    text_class = _PlainText

    def __init__(self, file: TextIO) -> None:
        self.file = file

    def print(self, text: Any) -> None:
        plain = text.plain
        if "\t" in plain:  # rich expands tabs by cell width: leave that to rich
            from rich.text import Text

            make_console(self.file).print(Text(plain))
            return
        self.file.write(plain + "\n")
        self.file.flush()


#: where diagnostics are written: rich on a terminal, else the plain writer
DiagnosticsConsole: TypeAlias = "Console | PlainConsole"


def diagnostics_console(file: TextIO) -> DiagnosticsConsole:
    """The console for :func:`render_diagnostics`: rich on a terminal (colours), else plain."""
    import os

    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    force_color = os.environ.get("FORCE_COLOR")
    if tty_compatible == "1" or (tty_compatible != "0" and force_color):
        return make_console(file)
    if tty_compatible != "0" and force_color is None:
        try:
            if file.isatty():
                return make_console(file)
        except (AttributeError, ValueError):
            pass
    return PlainConsole(file)


class SourceLines:
    """Lazily read file lines for context, decoding as leniently as possible."""

    def __init__(self, root: Path | None, known: Mapping[str, str] | None = None) -> None:
        self.root = root
        self.cache: dict[str, list[str] | None] = {}
        for rel, text in (known or {}).items():
            self.cache[rel] = editor_lines(text)

    def get(self, rel: str) -> list[str] | None:
        if rel not in self.cache:
            self.cache[rel] = self._read(rel)
        return self.cache[rel]

    def _read(self, rel: str) -> list[str] | None:
        if self.root is None:
            return None
        path = Path(rel) if Path(rel).is_absolute() else self.root / rel
        try:
            raw = path.read_bytes()[: 16 * 1024 * 1024]
        except OSError:
            return None
        from cchc_cli.core.textio import decode_lenient

        return editor_lines(decode_lenient(raw))


#: control characters shown as visible escapes: user text (a YAML "\\e[31m" in an explanation,
#: a file name) must never drive the terminal. Tab and newline are kept.
_VISIBLE_CONTROL = {
    c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
}


def safe_text(text: str) -> str:
    return text.translate(_VISIBLE_CONTROL)


def text_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The order of the text view: infos, then warnings, then errors, so that the error to fix
    is the last thing above the summary; within each, by file, line and column. A line that
    restates the others (CCHC510) closes its group. (JSON keeps :func:`sort_diagnostics`.)"""
    groups = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
    return sorted(
        sort_diagnostics(list(diagnostics)),
        key=lambda d: (groups[d.severity], not d.counted, *d.sort_key()),
    )


def condensed(
    diagnostics: list[Diagnostic], condense: Collection[str], *, strict: bool = False
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """``(shown, folded)``: the warnings and infos on the files in ``condense`` (the criteria
    and the plan: known, unchanged notes every command would repeat) are folded into one
    line; errors are never folded, nor warnings under ``--strict`` (they block too)."""
    foldable = (Severity.INFO,) if strict else (Severity.INFO, Severity.WARNING)
    shown: list[Diagnostic] = []
    folded: list[Diagnostic] = []
    for d in diagnostics:
        fold = d.severity in foldable and d.file is not None and d.file in condense
        (folded if fold else shown).append(d)
    return shown, folded


def render_diagnostics(
    diagnostics: Iterable[Diagnostic],
    console: DiagnosticsConsole,
    lang: str,
    sources: SourceLines,
    *,
    strict: bool = False,
    show_summary: bool = True,
    condense: Collection[str] = (),
) -> None:
    """Diagnostics as text, in :func:`text_order`, then the summary line. ``condense``: files
    whose warnings and infos are shown as one line naming how to see them (`cchc validate`)."""
    Text = _text_class(console)
    ordered = text_order(diagnostics)
    shown, folded = condensed(ordered, condense, strict=strict)
    if folded:
        _print_folded(console, folded, lang)
    for d in shown:
        _print_diagnostic(console, d, lang, sources)
    if show_summary:
        c = counts(ordered)
        summary = Text()
        if c["error"] == 0 and (not strict or c["warning"] == 0):
            summary.append(tr("summary.clean", lang), style="green")
            summary.append(" ")
        summary.append(tr("summary.counts", lang, **c))
        if strict and c["warning"]:
            summary.append(" " + tr("summary.strict", lang))
        console.print(summary)


def _print_diagnostic(
    console: DiagnosticsConsole, d: Diagnostic, lang: str, sources: SourceLines
) -> None:
    Text = _text_class(console)
    line = Text()
    line.append(safe_text(d.where), style="bold")
    line.append(": ")
    line.append(tr(f"severity.{d.severity.value}", lang), style=_STYLES[d.severity])
    line.append(": ")
    line.append(safe_text(tr(d.message, lang)))
    line.append(f" [{d.code}]", style="dim")
    console.print(line)
    if d.file and d.line:
        lines = sources.get(d.file)
        if lines and 1 <= d.line <= len(lines) + 1:
            _print_context(console, lines, d.line, d.column)
    if d.hint is not None:
        hint = Text("    ")
        hint.append(tr("hint.label", lang) + ": ", style="green")
        hint.append(safe_text(tr(d.hint, lang)))
        console.print(hint)


def _print_folded(console: DiagnosticsConsole, folded: list[Diagnostic], lang: str) -> None:
    """One line for the folded notes: "3 cảnh báo, 2 thông tin về bộ tiêu chí và kế hoạch —
    xem `cchc validate`"."""
    from cchc_cli.core.i18n import Msg

    c = counts(folded)
    parts = [Msg(f"summary.part.{kind}", {"count": c[kind]}) for kind in ("warning", "info")]
    shown = [part for part in parts if part.args["count"]]
    console.print(_text_class(console)(tr("summary.condensed", lang, parts=shown), style="dim"))


def render_counts(diagnostics: list[Diagnostic], console: Console, lang: str) -> None:
    """One summary line (``status``, ``merged``): the counts, and where to see the details."""
    from rich.text import Text

    c = counts(diagnostics)
    line = Text(tr("summary.counts", lang, **c))
    if c["error"] or c["warning"]:
        line.append(" " + tr("scores.status.see_validate", lang))
    console.print(line)


def _text_class(console: DiagnosticsConsole) -> Any:
    text_class = getattr(console, "text_class", None)
    if text_class is None:
        from rich.text import Text

        text_class = Text
    return text_class


def _print_context(
    console: DiagnosticsConsole, lines: list[str], line_no: int, column: int | None
) -> None:
    Text = _text_class(console)
    first = max(1, line_no - CONTEXT_LINES)
    last = min(len(lines), line_no + CONTEXT_LINES)
    width = len(str(last))
    for n in range(first, last + 1):
        text = Text(f"  {n:>{width}} | ", style="dim")
        text.append(safe_text(lines[n - 1].replace("\t", "→")))
        console.print(text)
        if n == line_no and column is not None:
            caret = Text(f"  {'':>{width}} | ", style="dim")
            caret.append(" " * (column - 1) + "^", style="bold red")
            console.print(caret)


def diagnostic_json(d: Diagnostic, lang: str) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "item": d.item,
        "agency": d.agency,
        "message": tr(d.message, lang),
        "hint": tr(d.hint, lang) if d.hint is not None else None,
    }


def diagnostics_payload(
    diagnostics: Iterable[Diagnostic], lang: str, *, ok: bool
) -> dict[str, Any]:
    ordered = sort_diagnostics(list(diagnostics))
    return {
        "ok": ok,
        "counts": counts(ordered),
        "diagnostics": [diagnostic_json(d, lang) for d in ordered],
    }


def dumps(payload: Any) -> str:
    """Deterministic JSON: UTF-8 text (not \\u escapes), sorted nowhere (order is meaningful)."""
    import json

    return json.dumps(payload, ensure_ascii=False, indent=2, default=_default) + "\n"


def _default(value: Any) -> Any:
    from datetime import date
    from decimal import Decimal

    if isinstance(value, Decimal):
        # Whole numbers are written as integers (65, not 65.0). Other points have few
        # significant digits (< 15), so the shortest float repr that JSON writes is exactly
        # the decimal text (0.375 -> 0.375, 52.9 -> 52.9).
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def shown_path(path: Path) -> str:
    """A path as the user typed it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
