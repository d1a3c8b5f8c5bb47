"""One cause, one message: the same problem repeated down the table is shown a few times and
then counted ("… và 37 lỗi cùng loại ở các dòng 5–41", CCHC260).

The import finds root causes first (a header shifted against its data, a formula-less file, a
parent typed with a wrong id: :mod:`cchc_cli.criteria.table_cells`,
:mod:`cchc_cli.criteria.table_rows`); what still repeats — the same code about the same column
in many rows — is almost always one mistake made many times, and a screen of forty identical
lines hides the one different problem among them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.core.i18n import Msg
from cchc_cli.criteria.codes import MORE_OF_THE_SAME
from cchc_cli.criteria.table_grid import line_ranges

#: shown one by one before the rest of a kind is counted
SHOWN = 3
#: a kind repeated at least this often is counted
COUNTED_FROM = 5


def _kind(d: Diagnostic) -> tuple[Any, ...]:
    column = d.message.args.get("column")
    return (d.code, d.severity, d.file, repr(column))


def collapse(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics with every long run of one kind cut to :data:`SHOWN` and a count."""
    groups: dict[tuple[Any, ...], list[Diagnostic]] = {}
    for d in diagnostics:
        if d.line is not None and d.code != MORE_OF_THE_SAME:
            groups.setdefault(_kind(d), []).append(d)
    dropped: set[int] = set()
    summaries: list[Diagnostic] = []
    for members in groups.values():
        if len(members) < COUNTED_FROM:
            continue
        members = sorted(members, key=lambda d: (d.line or 0, d.column or 0))
        rest = members[SHOWN:]
        dropped.update(id(d) for d in rest)
        summaries.append(_summary(rest))
    return [d for d in diagnostics if id(d) not in dropped] + summaries


def _summary(rest: list[Diagnostic]) -> Diagnostic:
    first = rest[0]
    args = {
        "count": len(rest),
        "code": first.code,
        "kind": Msg(f"table.kind.{first.severity.value}"),
        "rows": line_ranges([d.line for d in rest if d.line is not None], limit=4),
    }
    return replace(
        first,
        code=MORE_OF_THE_SAME,
        message=Msg(MORE_OF_THE_SAME, args),
        hint=Msg(f"{MORE_OF_THE_SAME}.hint", args),
        item=None,
    )
