"""What an appraisal means: which part of the index each leaf makes, and what a value counts for.

The published provincial index is a sum of parts (README, section "appraisal"): the appraised
points of the self-scored items, one part per Ministry scoring method of the criteria file
(``sipas``, ``survey``), and — from 2019 — the impact on socio-economic development: the
self-scored items of the area that also holds the satisfaction index (area 8 of the 2019
methodology). The parts are derived from the criteria file's data, never from a year's figures.

:func:`judge` and :func:`judge_part` are the one place that decides whether a value counts: a
value they reject counts 0 (and is marked); the checks report the same verdicts, located.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from cchc_cli.criteria.model import SELF, CriteriaTree, Node

ZERO = Decimal(0)
SELF_PART = "self"
IMPACT_PART = "impact"
SIPAS_METHOD = "sipas"
#: the order of the parts as the Ministry publishes them (others after, by name)
PART_ORDER = (SELF_PART, SIPAS_METHOD, "survey", IMPACT_PART)
#: a published part is rounded to two decimals: at most this much off each
PART_ROUNDING = Decimal("0.005")

Verdict = Literal["ok", "range", "levels"]


def judge(node: Node, value: Decimal, *, ministry: bool) -> Verdict:
    """``ok``, or why ``value`` cannot be ``node``'s score: outside [0, max] (``range``) or
    not one of its levels (``levels``, self-scored items with levels or a rubric only)."""
    if value < 0 or value > node.max:
        return "range"
    if not ministry:
        allowed = node.allowed_scores()
        if allowed is not None and value not in allowed:
            return "levels"
    return "ok"


def judge_part(value: Decimal, maximum: Decimal) -> Verdict:
    """``ok``, or ``range`` when a part's points are outside [0, the maxima of its leaves]."""
    return "range" if value < 0 or value > maximum else "ok"


def counted(value: Decimal, verdict: Verdict) -> Decimal:
    """What a judged value contributes: itself, or 0 when rejected."""
    return value if verdict == "ok" else ZERO


def impact_areas(tree: CriteriaTree) -> set[str]:
    """Areas whose self-scored leaves make the impact part: those that hold SIPAS leaves too."""
    found: set[str] = set()
    for root in tree.roots:
        methods = {leaf.method for leaf in root.leaves()}
        if SIPAS_METHOD in methods and SELF in methods:
            found.add(root.id)
    return found


def part_of(node: Node, area: str, impact: set[str], *, ministry: bool) -> str:
    """The index part a leaf's points go to."""
    if ministry:
        return str(node.method)
    return IMPACT_PART if area in impact else SELF_PART


def part_key(name: str) -> tuple[int, str]:
    """Sort key: the published order, then unknown names by text."""
    return (PART_ORDER.index(name), "") if name in PART_ORDER else (len(PART_ORDER), name)


def two_places(value: Decimal) -> Decimal:
    """Rounded half up to two decimals, as the Ministry publishes points and percentages."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent_of(points: Decimal, maximum: Decimal) -> Decimal | None:
    """``points`` as a percentage of ``maximum``, two decimals (None for a zero maximum)."""
    if not maximum:
        return None
    return two_places(points * 100 / maximum)
