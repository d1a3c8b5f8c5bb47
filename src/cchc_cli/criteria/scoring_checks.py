"""Structural checks of how the leaves are scored and of the rubric definitions.

Part of :func:`cchc_cli.criteria.checks.check_tree` (imported only by that module): a leaf's
method, its levels or rubric (a ``self`` leaf), nothing of the kind on inner nodes or on leaves
the ministries score, and every rubric's bounds and bands.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean
from cchc_cli.criteria.codes import (
    BAD_RUBRIC,
    FREE_SCORE,
    INNER_SCORING,
    LEVEL_ENDS,
    LEVEL_RANGE,
    LEVELS_AND_RUBRIC,
    MINISTRY_SCORING,
    NO_METHOD,
    UNKNOWN_RUBRIC,
)
from cchc_cli.criteria.model import MINISTRY_METHODS, SELF, CriteriaTree, Node, Rubric
from cchc_cli.criteria.stats import has_field


def check_scoring(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for node in tree.walk():
        if not node.is_leaf:
            diags += _check_inner_scoring(tree, node)
            continue
        diags += _check_method(tree, node)
        if node.method in MINISTRY_METHODS:
            continue
        if node.levels is not None and node.max > 0:
            diags += _check_levels(tree, node)
        if node.rubric_key is not None and node.rubric_key not in tree.meta.rubrics:
            diags.append(_unknown_rubric(tree, node, node.rubric_key))
    return diags


def _check_inner_scoring(tree: CriteriaTree, node: Node) -> list[Diagnostic]:
    """An inner node has no method, levels or rubric: its children are scored."""
    return [
        error(
            INNER_SCORING,
            tree.loc(node, name, key=True),
            item=node.id,
            id=node.id,
            field=name,
            children=len(node.children),
        )
        for name in ("method", "levels", "rubric")
        if has_field(node, name)
    ]


def _check_method(tree: CriteriaTree, node: Node) -> list[Diagnostic]:
    """A leaf's method and what it allows: levels or a rubric for ``self``, neither else."""
    if node.method is None:
        return [error(NO_METHOD, tree.loc(node, "id"), item=node.id, id=node.id)]
    if node.method == SELF:
        if node.levels is not None and node.rubric_key is not None:
            where = tree.loc(node, "rubric", key=True)
            return [error(LEVELS_AND_RUBRIC, where, item=node.id, id=node.id)]
        if node.levels is None and node.rubric_key is None:
            where = tree.loc(node, "method")
            return [warning(FREE_SCORE, where, item=node.id, id=node.id, max=node.max)]
        return []
    if node.method not in MINISTRY_METHODS:
        return []
    return [
        error(
            MINISTRY_SCORING,
            tree.loc(node, name, key=True),
            item=node.id,
            id=node.id,
            field=name,
            method=node.method,
        )
        for name in ("levels", "rubric")
        if has_field(node, name)
    ]


def _unknown_rubric(tree: CriteriaTree, node: Node, rubric_key: str) -> Diagnostic:
    known = sorted(tree.meta.rubrics)
    guess = did_you_mean(rubric_key, known)
    hint = Msg(f"{UNKNOWN_RUBRIC}.hint_guess", {"guess": guess, "known": known}) if guess else None
    return error(
        UNKNOWN_RUBRIC,
        tree.loc(node, "rubric"),
        item=node.id,
        hint=hint,
        id=node.id,
        rubric=rubric_key,
        known=known or "—",
    )


def _check_levels(tree: CriteriaTree, node: Node) -> list[Diagnostic]:
    assert node.levels is not None
    diags: list[Diagnostic] = []
    for i, level in enumerate(node.levels):
        if level < 0 or level > node.max:
            diags.append(
                error(
                    LEVEL_RANGE,
                    tree.doc.locate((*node.path, "levels", i)),
                    item=node.id,
                    id=node.id,
                    level=level,
                    max=node.max,
                )
            )
    missing = [v for v in (Decimal(0), node.max) if v not in node.levels]
    if missing:
        diags.append(
            error(
                LEVEL_ENDS,
                tree.loc(node, "levels"),
                item=node.id,
                id=node.id,
                missing=missing,
                max=node.max,
                levels=list(node.levels) if node.levels else "[]",
            )
        )
    return diags


def check_rubrics(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for key, rubric in tree.meta.rubrics.items():
        diags += _check_rubric(tree, key, rubric)
    return diags


def _bad_rubric(
    tree: CriteriaTree, key: str, path: tuple[Any, ...], reason: Msg, on_key: bool = False
) -> Diagnostic:
    return error(
        BAD_RUBRIC,
        tree.doc.locate(("rubrics", key, *path), key=on_key),
        rubric=key,
        reason=reason,
    )


def _check_rubric(tree: CriteriaTree, key: str, rubric: Rubric) -> list[Diagnostic]:
    """Bounds, bands within them, one band from ``min``, one band giving full points."""
    diags: list[Diagnostic] = []
    if rubric.min >= rubric.max:
        reason = Msg("criteria.rubric.min_max", {"min": rubric.min, "max": rubric.max})
        diags.append(_bad_rubric(tree, key, ("max",), reason))
    seen: dict[Decimal, int] = {}
    for i, band in enumerate(rubric.bands):
        diags += _check_band(tree, key, rubric, i, seen)
        seen.setdefault(band.from_, i)
    if rubric.min not in seen:
        reason = Msg("criteria.rubric.no_min", {"min": rubric.min})
        diags.append(_bad_rubric(tree, key, ("bands",), reason, on_key=True))
    fractions = [b.fraction for b in rubric.bands]
    if all(Decimal(0) <= f <= Decimal(1) for f in fractions) and Decimal(1) not in fractions:
        reason = Msg("criteria.rubric.no_full", {})
        diags.append(_bad_rubric(tree, key, ("bands",), reason, on_key=True))
    return diags


def _check_band(
    tree: CriteriaTree, key: str, rubric: Rubric, i: int, seen: dict[Decimal, int]
) -> list[Diagnostic]:
    """Band ``i``: a fraction in [0, 1], ``from`` within the bounds and not repeated."""
    band = rubric.bands[i]
    diags: list[Diagnostic] = []
    if not Decimal(0) <= band.fraction <= Decimal(1):
        reason = Msg("criteria.rubric.fraction", {"value": band.fraction})
        diags.append(_bad_rubric(tree, key, ("bands", i, "fraction"), reason))
    if not rubric.min <= band.from_ <= rubric.max:
        reason = Msg(
            "criteria.rubric.from_range",
            {"value": band.from_, "min": rubric.min, "max": rubric.max},
        )
        diags.append(_bad_rubric(tree, key, ("bands", i, "from"), reason))
    if band.from_ in seen:
        first_line = tree.doc.locate(("rubrics", key, "bands", seen[band.from_], "from")).line
        reason = Msg(
            "criteria.rubric.duplicate_from", {"value": band.from_, "first_line": first_line}
        )
        diags.append(_bad_rubric(tree, key, ("bands", i, "from"), reason))
    return diags
