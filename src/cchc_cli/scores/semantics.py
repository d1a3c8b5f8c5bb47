"""What a score file's values mean: the score that counts, a written text, complete evidence,
and which file counts for an agency.

Shared by the checks, the merge and the status table, so all three read a file the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from cchc_cli.criteria.model import Node
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.model import LoadedScores, ScoreEntry


def effective_score(node: Node, entry: ScoreEntry | None) -> Decimal | None:
    """The score that counts: the rubric's score for ``measured``, else the written score."""
    if entry is None:
        return None
    if entry.measured is not None and node.rubric is not None:
        return node.rubric_score(entry.measured)
    return entry.score


def has_text(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def evidence_complete(entry: ScoreEntry) -> bool:
    return bool(entry.evidence) and all(
        has_text(e.number) and e.date is not None for e in entry.evidence
    )


def primary_files(
    loaded: Iterable[LoadedScores], plan: ResolvedPlan | None = None
) -> dict[str, LoadedScores]:
    """Agency code -> the one file that counts for it: the first by path when two claim it."""
    chosen: dict[str, LoadedScores] = {}
    for item in sorted(loaded, key=lambda x: x.rel):
        code = item.file.agency
        if plan is not None and code not in plan.agencies:
            continue
        chosen.setdefault(code, item)
    return chosen
