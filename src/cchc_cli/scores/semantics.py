"""What a score file's values mean: the points an entry contributes, a written text, complete
evidence, and which file counts for an agency.

Shared by the checks, the merge and the status table, so all three read a file the same way.
:func:`contribution` is the ONE place that decides the points an entry contributes: the checks
report its problems, the merge adds up its points, and a value that fails its own check (out of
range, not a level, a measured value the rubric rejects, not a number, points with no evidence)
contributes 0 everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cchc_cli.core.i18n import Msg
from cchc_cli.criteria.model import Node
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.model import LoadedScores, ScoreEntry

ZERO = Decimal(0)
EntryState = Literal["scored", "missing", "rejected"]
ValueField = Literal["score", "measured"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a written value: the diagnostic code, the field it is on, the
    message's arguments, and whether it makes the entry count nothing (``rejects``)."""

    code: str
    field: ValueField
    args: Mapping[str, object]
    rejects: bool


@dataclass(frozen=True)
class Contribution:
    """The points one agency's entry contributes to a leaf, and why.

    ``points`` is None when nothing was written (the entry is missing) and 0 when the value
    was rejected; ``reason`` (a short catalogue text) says why it was rejected.
    """

    points: Decimal | None
    accepted: bool = True
    reason: Msg | None = None
    #: the field whose value was rejected (score or measured)
    field: ValueField | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def state(self) -> EntryState:
        if not self.accepted:
            return "rejected"
        return "missing" if self.points is None else "scored"

    @property
    def counted(self) -> Decimal:
        """What the entry adds to a total: its points, or 0 (missing or rejected)."""
        return self.points if self.accepted and self.points is not None else ZERO


MISSING = Contribution(points=None)


def contribution(
    node: Node,
    entry: ScoreEntry | None,
    invalid: Mapping[str, str] | None = None,
    *,
    decision: bool = False,
) -> Contribution:
    """The points ``entry`` contributes to leaf ``node`` (the rules are in the module docstring).

    ``invalid``: the entry's values that were not even numbers (field -> the text written);
    such an entry is rejected too. Points above 0 with no evidence document at all are
    rejected (CCHC421: the Ministry recognises no point without evidence), except for the
    coordinator's ``decision`` on a split item, which rests on the parts' evidence.
    """
    for name in ("measured", "score"):
        if invalid and name in invalid:
            reason = Msg("values.rejected.not_number", {"field": name, "value": invalid[name]})
            return Contribution(ZERO, False, reason, name)
    if entry is None or (entry.score is None and entry.measured is None):
        return MISSING
    problems: list[Problem] = []
    if entry.measured is not None:
        _measured_problems(node, entry, problems)
    if entry.score is not None:
        _score_problems(node, entry.score, problems)
    if entry.measured is not None and node.rubric is not None:
        counting: ValueField = "measured"
        points = node.rubric_score(entry.measured)
    elif entry.score is not None:
        counting, points = "score", entry.score
    else:  # a measured value and no rubric to read it with
        counting, points = "measured", None
    rejected = next((p for p in problems if p.rejects and p.field == counting), None)
    if rejected is None and not decision and points and points > 0 and not entry.evidence:
        rejected = Problem("CCHC421", counting, {"score": points}, rejects=True)
        problems.append(rejected)
    if rejected is not None or points is None:
        first = rejected or next(p for p in problems if p.field == counting)
        reason = Msg(f"values.rejected.{first.code}", dict(first.args))
        return Contribution(ZERO, False, reason, counting, tuple(problems))
    return Contribution(points, True, None, None, tuple(problems))


def _measured_problems(node: Node, entry: ScoreEntry, out: list[Problem]) -> None:
    """``measured`` needs a rubric, lies within it, and agrees with a written ``score``."""
    measured = entry.measured
    assert measured is not None
    rubric = node.rubric
    if rubric is None:
        out.append(Problem("CCHC419", "measured", {"measured": measured}, rejects=True))
        return
    unit = rubric.unit or ""
    if not rubric.min <= measured <= rubric.max:
        args = {"measured": measured, "min": rubric.min, "max": rubric.max, "unit": unit}
        out.append(Problem("CCHC420", "measured", args, rejects=True))
    computed = node.rubric_score(measured)
    if entry.score is not None and computed is not None and entry.score != computed:
        args = {"score": entry.score, "computed": computed, "measured": measured, "unit": unit}
        out.append(Problem("CCHC418", "score", args, rejects=False))


def _score_problems(node: Node, score: Decimal, out: list[Problem]) -> None:
    """``score`` lies between 0 and the maximum and is one of the allowed levels."""
    allowed = node.allowed_scores()
    if score < 0 or score > node.max:
        out.append(Problem("CCHC416", "score", {"score": score, "max": node.max}, rejects=True))
    elif allowed is not None and score not in allowed:
        args = {"score": score, "levels": list(allowed)}
        out.append(Problem("CCHC417", "score", args, rejects=True))


def entry_of(loaded: LoadedScores | None, item_id: str) -> ScoreEntry | None:
    """The entry a file gives ``item_id`` (an empty one for ``"1.1": ~``), None when absent."""
    if loaded is None or item_id not in loaded.file.items:
        return None
    return loaded.file.items[item_id] or ScoreEntry()


def file_contribution(
    node: Node, loaded: LoadedScores | None, *, decision: bool = False
) -> Contribution:
    """:func:`contribution` of the entry ``loaded``'s file gives leaf ``node``."""
    if loaded is None:
        return MISSING
    entry = entry_of(loaded, node.id)
    return contribution(node, entry, loaded.invalid.get(node.id), decision=decision)


def effective_score(node: Node, entry: ScoreEntry | None) -> Decimal | None:
    """The points that count for ``entry`` (0 when rejected), None when nothing is written."""
    found = contribution(node, entry)
    return found.counted if found.state != "missing" else None


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
