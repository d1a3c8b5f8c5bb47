"""The one diagnostic model. Checks return lists of these; only reporters print them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from cchc_cli.core.i18n import Msg


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Location:
    """Where something is: a workspace-relative file (POSIX separators), 1-based line/column."""

    file: str | None = None
    line: int | None = None
    column: int | None = None


NOWHERE = Location()


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: Msg
    file: str | None = None
    line: int | None = None
    column: int | None = None
    item: str | None = None
    agency: str | None = None
    hint: Msg | None = None
    #: False for a line that only restates the others (CCHC510 "dữ liệu còn N lỗi"): it is
    #: shown, but not counted again, so its N and the summary's count agree
    counted: bool = True

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.severity.rank,
            self.code,
            self.item or "",
            self.agency or "",
        )

    @property
    def where(self) -> str:
        """``file:line:column`` as the terminal shows it (``cchc`` for no file)."""
        parts = [self.file or "cchc"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


def diag(
    code: str,
    severity: Severity,
    at: Location | None = None,
    *,
    item: str | None = None,
    agency: str | None = None,
    message: Msg | None = None,
    hint: Msg | None = None,
    **args: Any,
) -> Diagnostic:
    """Build a diagnostic whose message is catalogue key ``CODE`` and hint ``CODE.hint``.

    ``args`` fill both templates. Pass ``message``/``hint`` to use other keys.
    """
    at = at or NOWHERE
    return Diagnostic(
        code=code,
        severity=severity,
        message=message or Msg(code, args),
        hint=hint or Msg(f"{code}.hint", args),
        file=at.file,
        line=at.line,
        column=at.column,
        item=item,
        agency=agency,
    )


def error(code: str, at: Location | None = None, **kwargs: Any) -> Diagnostic:
    return diag(code, Severity.ERROR, at, **kwargs)


def warning(code: str, at: Location | None = None, **kwargs: Any) -> Diagnostic:
    return diag(code, Severity.WARNING, at, **kwargs)


def info(code: str, at: Location | None = None, **kwargs: Any) -> Diagnostic:
    return diag(code, Severity.INFO, at, **kwargs)


def counts(diagnostics: list[Diagnostic]) -> dict[str, int]:
    """How many errors, warnings and infos (a line that restates the others is not counted)."""
    result = {"error": 0, "warning": 0, "info": 0}
    for d in diagnostics:
        if d.counted:
            result[d.severity.value] += 1
    return result


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


#: Exit codes of every command: 0 clean, 1 errors (or warnings under --strict), 2 bad
#: invocation or unusable workspace, 3 internal error.
EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def blocking(diagnostics: list[Diagnostic], strict: bool) -> int:
    """How many diagnostics block: errors, and warnings too under ``--strict``."""
    counted = (Severity.ERROR, Severity.WARNING) if strict else (Severity.ERROR,)
    return sum(1 for d in diagnostics if d.severity in counted)


def exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    """The one rule: any blocking diagnostic gives 1, else 0."""
    return EXIT_ERRORS if blocking(diagnostics, strict) else EXIT_OK


def sort_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order: by file, line, column, severity, code. Duplicates are dropped."""
    seen: set[Diagnostic] = set()
    unique: list[Diagnostic] = []
    for d in diagnostics:
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return sorted(unique, key=Diagnostic.sort_key)
