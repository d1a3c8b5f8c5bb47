"""Structural checks of a criteria tree (ids, sums, levels, order, declared counts, provenance).

Every check is data-driven: nothing here knows about the 2019 provincial index, so another
year's or another level's methodology is just another YAML file.

Definitions used by the checks and the messages:

* areas (lĩnh vực) are the depth-1 nodes, criteria (tiêu chí) depth 2, sub-criteria (tiêu chí
  thành phần) depth 3; a criterion with no children is itself a scored leaf;
* a *figure* is one value a coordinator must check against the official annex: the title and
  maximum of every node, the method of every leaf, its levels or rubric when present, and the
  bands of every rubric. A figure is ``confirmed`` when the node lists it under ``confirmed``
  (with a source key) or when its file/rubric status is ``confirmed``; otherwise ``working``.

Severity choices (documented in README, section ``criteria``):

* a ``self`` leaf with both ``levels`` and ``rubric`` is an error (which one counts?); with
  neither it is a warning (CCHC221): the agency may then give any score in ``[0, max]``;
* counts differing from the declared counts (CCHC209), siblings out of natural order (CCHC208),
  working figures (CCHC210), confirmed-without-source (CCHC219) and a ``confirmed`` entry for a
  field the node does not have (CCHC223) are warnings; everything else is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import ID_PATTERN, did_you_mean, natural_key, parent_id
from cchc_cli.criteria.model import MINISTRY_METHODS, SELF, CriteriaTree, Node

# Diagnostic codes of this stage (stable: do not renumber).
DUPLICATE_ID = "CCHC201"
BAD_ID = "CCHC202"
MISPLACED_ID = "CCHC203"
CHILDREN_SUM = "CCHC204"
AREAS_SUM = "CCHC205"
LEVEL_RANGE = "CCHC206"
LEVEL_ENDS = "CCHC207"
ORDER = "CCHC208"
COUNTS = "CCHC209"
WORKING = "CCHC210"
NO_METHOD = "CCHC211"
INNER_SCORING = "CCHC212"
LEVELS_AND_RUBRIC = "CCHC213"
MINISTRY_SCORING = "CCHC214"
UNKNOWN_RUBRIC = "CCHC215"
BAD_RUBRIC = "CCHC216"
MAX_NOT_POSITIVE = "CCHC217"
UNKNOWN_SOURCE = "CCHC218"
CONFIRMED_NO_SOURCE = "CCHC219"
NUMBER_GAP = "CCHC220"
FREE_SCORE = "CCHC221"
CONFIRMED_ABSENT = "CCHC223"

KINDS: tuple[tuple[str, int], ...] = (("areas", 1), ("criteria", 2), ("subcriteria", 3))


def check_tree(tree: CriteriaTree) -> list[Diagnostic]:
    """Every structural check of one criteria file; never raises, never prints."""
    diags: list[Diagnostic] = []
    diags += _check_ids(tree)
    diags += _check_sums(tree)
    diags += _check_scoring(tree)
    diags += _check_rubrics(tree)
    diags += _check_sources(tree)
    diags += _check_counts(tree)
    diags += _check_figures(tree)
    return diags


# --------------------------------------------------------------------------------------- ids


def is_good_id(item_id: str) -> bool:
    """Dotted positive numbers without leading zeros: ``3``, ``3.2``, ``3.2.5``."""
    if not ID_PATTERN.match(item_id):
        return False
    return all(part[0] != "0" for part in item_id.split("."))


def _placed(node: Node) -> bool:
    """The id is well formed and sits exactly one level under its parent's id."""
    if not is_good_id(node.id):
        return False
    if node.parent is None:
        return "." not in node.id
    return is_good_id(node.parent.id) and parent_id(node.id) == node.parent.id


def _last_number(node: Node) -> int:
    return int(node.id.rsplit(".", 1)[-1])


def _check_ids(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    first: dict[str, Node] = {}
    duplicates: set[int] = set()
    for node in tree.all_nodes:
        where = tree.loc(node, "id")
        if node.id in first:
            duplicates.add(id(node))
            first_line = tree.loc(first[node.id], "id").line
            diags.append(
                error(
                    DUPLICATE_ID,
                    where,
                    item=node.id,
                    id=node.id,
                    first_line=first_line,
                    line=where.line,
                )
            )
            continue
        first[node.id] = node
        if not is_good_id(node.id):
            diags.append(error(BAD_ID, where, item=node.id, id=node.id))
        elif not _placed(node):
            if node.parent is None:
                expected, place = "N", Msg("criteria.where.root")
            else:
                expected = f"{node.parent.id}.N"
                place = Msg("criteria.where.under", {"parent": node.parent.id})
            diags.append(
                error(MISPLACED_ID, where, item=node.id, id=node.id, expected=expected, place=place)
            )
    for siblings in _sibling_groups(tree):
        ok = [n for n in siblings if id(n) not in duplicates and _placed(n)]
        diags += _check_order(tree, ok)
        diags += _check_gaps(tree, ok)
    return diags


def _sibling_groups(tree: CriteriaTree) -> Iterator[list[Node]]:
    yield tree.roots
    for node in tree.walk():
        if node.children:
            yield node.children


def _check_order(tree: CriteriaTree, siblings: list[Node]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for before, after in pairwise(siblings):
        if natural_key(after.id) < natural_key(before.id):
            diags.append(
                warning(
                    ORDER, tree.loc(after, "id"), item=after.id, id=after.id, previous=before.id
                )
            )
    return diags


def _check_gaps(tree: CriteriaTree, siblings: list[Node]) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    expected = 1
    previous: Node | None = None
    for node in sorted(siblings, key=lambda n: natural_key(n.id)):
        number = _last_number(node)
        if number > expected:
            prefix = node.id.rsplit(".", 1)[0] + "." if "." in node.id else ""
            missing = f"{prefix}{expected}"
            if number - 1 > expected:
                missing += f" … {prefix}{number - 1}"
            diags.append(
                warning(
                    NUMBER_GAP,
                    tree.loc(node, "id"),
                    item=node.id,
                    id=node.id,
                    previous=previous.id if previous is not None else "—",
                    missing=missing,
                )
            )
        expected = number + 1
        previous = node
    return diags


# -------------------------------------------------------------------------------------- sums


def _check_sums(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for node in tree.walk():
        if node.max <= 0:
            diags.append(
                error(
                    MAX_NOT_POSITIVE, tree.loc(node, "max"), item=node.id, id=node.id, max=node.max
                )
            )
        if node.children:
            total = sum((c.max for c in node.children), Decimal(0))
            if total != node.max:
                diags.append(
                    error(
                        CHILDREN_SUM,
                        tree.loc(node, "max"),
                        item=node.id,
                        id=node.id,
                        max=node.max,
                        sum=total,
                        children=[c.id for c in node.children],
                        difference=node.max - total,
                    )
                )
    declared = tree.meta.declared.total
    total = tree.total_max()
    if total != declared:
        diags.append(
            error(
                AREAS_SUM,
                tree.doc.locate(("declared", "total")),
                total=total,
                declared=declared,
                areas=[r.id for r in tree.roots],
                difference=declared - total,
            )
        )
    return diags


# ---------------------------------------------------------------------- method, levels, rubric


def _check_scoring(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for node in tree.walk():
        if not node.is_leaf:
            for name in ("method", "levels", "rubric"):
                if _has(node, name):
                    diags.append(
                        error(
                            INNER_SCORING,
                            tree.loc(node, name, key=True),
                            item=node.id,
                            id=node.id,
                            field=name,
                            children=len(node.children),
                        )
                    )
            continue
        if node.method is None:
            diags.append(error(NO_METHOD, tree.loc(node, "id"), item=node.id, id=node.id))
        elif node.method == SELF:
            if node.levels is not None and node.rubric_key is not None:
                diags.append(
                    error(
                        LEVELS_AND_RUBRIC,
                        tree.loc(node, "rubric", key=True),
                        item=node.id,
                        id=node.id,
                    )
                )
            elif node.levels is None and node.rubric_key is None:
                diags.append(
                    warning(
                        FREE_SCORE, tree.loc(node, "method"), item=node.id, id=node.id, max=node.max
                    )
                )
        elif node.method in MINISTRY_METHODS:
            for name in ("levels", "rubric"):
                if _has(node, name):
                    diags.append(
                        error(
                            MINISTRY_SCORING,
                            tree.loc(node, name, key=True),
                            item=node.id,
                            id=node.id,
                            field=name,
                            method=node.method,
                        )
                    )
        if node.method in MINISTRY_METHODS:
            continue
        if node.levels is not None and node.max > 0:
            diags += _check_levels(tree, node)
        if node.rubric_key is not None and node.rubric_key not in tree.meta.rubrics:
            known = sorted(tree.meta.rubrics)
            guess = did_you_mean(node.rubric_key, known)
            hint = (
                Msg(f"{UNKNOWN_RUBRIC}.hint_guess", {"guess": guess, "known": known})
                if guess
                else None
            )
            diags.append(
                error(
                    UNKNOWN_RUBRIC,
                    tree.loc(node, "rubric"),
                    item=node.id,
                    hint=hint,
                    id=node.id,
                    rubric=node.rubric_key,
                    known=known or "—",
                )
            )
    return diags


def _has(node: Node, name: str) -> bool:
    if name == "method":
        return node.method is not None
    if name == "levels":
        return node.levels is not None
    return node.rubric_key is not None


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


def _check_rubrics(tree: CriteriaTree) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for key, rubric in tree.meta.rubrics.items():
        base = ("rubrics", key)

        def bad(
            path: tuple[Any, ...],
            reason: Msg,
            rubric_key: str = key,
            on_key: bool = False,
            base: tuple[str, str] = base,
        ) -> Diagnostic:
            return error(
                BAD_RUBRIC,
                tree.doc.locate((*base, *path), key=on_key),
                rubric=rubric_key,
                reason=reason,
            )

        if rubric.min >= rubric.max:
            diags.append(
                bad(
                    ("max",), Msg("criteria.rubric.min_max", {"min": rubric.min, "max": rubric.max})
                )
            )
        seen: dict[Decimal, int] = {}
        for i, band in enumerate(rubric.bands):
            if not Decimal(0) <= band.fraction <= Decimal(1):
                diags.append(
                    bad(
                        ("bands", i, "fraction"),
                        Msg("criteria.rubric.fraction", {"value": band.fraction}),
                    )
                )
            if not rubric.min <= band.from_ <= rubric.max:
                diags.append(
                    bad(
                        ("bands", i, "from"),
                        Msg(
                            "criteria.rubric.from_range",
                            {"value": band.from_, "min": rubric.min, "max": rubric.max},
                        ),
                    )
                )
            if band.from_ in seen:
                first_line = tree.doc.locate((*base, "bands", seen[band.from_], "from")).line
                diags.append(
                    bad(
                        ("bands", i, "from"),
                        Msg(
                            "criteria.rubric.duplicate_from",
                            {"value": band.from_, "first_line": first_line},
                        ),
                    )
                )
            else:
                seen[band.from_] = i
        if rubric.min not in seen:
            diags.append(
                bad(("bands",), Msg("criteria.rubric.no_min", {"min": rubric.min}), on_key=True)
            )
        fractions = [b.fraction for b in rubric.bands]
        if all(Decimal(0) <= f <= Decimal(1) for f in fractions) and Decimal(1) not in fractions:
            diags.append(bad(("bands",), Msg("criteria.rubric.no_full", {}), on_key=True))
    return diags


# ----------------------------------------------------------------------------- provenance


def _check_sources(tree: CriteriaTree) -> list[Diagnostic]:
    meta = tree.meta
    known = sorted(meta.sources)
    diags: list[Diagnostic] = []

    def check(value: str | None, path: tuple[Any, ...], item: str | None = None) -> None:
        if value is None or value in meta.sources:
            return
        guess = did_you_mean(value, known)
        hint = (
            Msg(f"{UNKNOWN_SOURCE}.hint_guess", {"guess": guess, "known": known}) if guess else None
        )
        diags.append(
            error(
                UNKNOWN_SOURCE,
                tree.doc.locate(path),
                item=item,
                hint=hint,
                source=value,
                known=known or "—",
            )
        )

    check(meta.methodology.source, ("methodology", "source"))
    check(meta.declared.source, ("declared", "source"))
    if meta.methodology.status == "confirmed" and meta.methodology.source is None:
        diags.append(
            warning(
                CONFIRMED_NO_SOURCE, tree.doc.locate(("methodology", "status")), what="methodology"
            )
        )
    for key, rubric in meta.rubrics.items():
        check(rubric.source, ("rubrics", key, "source"))
        explicit = "status" in rubric.model_fields_set
        if explicit and rubric.status == "confirmed" and rubric.source is None:
            diags.append(
                warning(
                    CONFIRMED_NO_SOURCE,
                    tree.doc.locate(("rubrics", key, "status")),
                    what=f"rubrics.{key}",
                )
            )
    for node in tree.all_nodes:
        for name, source in node.confirmed.items():
            check(source, (*node.path, "confirmed", name), node.id)
            absent = (name in ("levels", "rubric") and not _has(node, name)) or (
                name == "method" and node.method is None
            )
            if absent:
                diags.append(
                    warning(
                        CONFIRMED_ABSENT,
                        tree.doc.locate((*node.path, "confirmed", name), key=True),
                        item=node.id,
                        id=node.id,
                        field=name,
                    )
                )
    return diags


def _check_counts(tree: CriteriaTree) -> list[Diagnostic]:
    declared = tree.meta.declared
    counts = tree_counts(tree)
    leaves = sum(1 for _ in tree.leaves())
    diags: list[Diagnostic] = []
    for kind, _depth in KINDS:
        want = getattr(declared, kind)
        if want is not None and counts[kind] != want:
            diags.append(
                warning(
                    COUNTS,
                    tree.doc.locate(("declared", kind)),
                    kind=Msg(f"criteria.kind.{kind}"),
                    actual=counts[kind],
                    declared=want,
                    leaves=leaves,
                    depth=_depth,
                )
            )
    return diags


def tree_counts(tree: CriteriaTree) -> dict[str, int]:
    """Nodes per level: areas (depth 1), criteria (2), sub-criteria (3)."""
    counts = {kind: 0 for kind, _ in KINDS}
    by_depth = {d: kind for kind, d in KINDS}
    for node in tree.walk():
        kind = by_depth.get(node.depth)
        if kind is not None:
            counts[kind] += 1
    return counts


@dataclass(frozen=True)
class Figure:
    """One checkable value of the file and whether it is confirmed."""

    item: str | None  # node id, or None for a rubric definition
    field: str  # title, max, method, levels, rubric; "bands" for a rubric definition
    confirmed: bool
    source: str | None
    path: tuple[Any, ...]


def figures(tree: CriteriaTree) -> list[Figure]:
    """Every figure of the file, in document order."""
    meta = tree.meta
    default_ok = meta.methodology.status == "confirmed"
    found: list[Figure] = []
    for node in tree.all_nodes:
        names = ["title", "max"]
        if node.is_leaf:
            names += [n for n in ("method", "levels", "rubric") if _has(node, n)]
        for name in names:
            source = node.confirmed.get(name)
            ok = source is not None or default_ok
            shown = source or (meta.methodology.source if ok else None)
            found.append(Figure(node.id, name, ok, shown, (*node.path, name)))
    for key, rubric in meta.rubrics.items():
        status, source = rubric_status(tree, key)
        where = "status" if "status" in rubric.model_fields_set else "bands"
        found.append(Figure(None, "bands", status == "confirmed", source, ("rubrics", key, where)))
    return found


def rubric_status(tree: CriteriaTree, key: str) -> tuple[str, str | None]:
    """A rubric's own ``status``/``source`` when given, else the methodology's (the default)."""
    rubric = tree.meta.rubrics[key]
    methodology = tree.meta.methodology
    if "status" in rubric.model_fields_set:
        return rubric.status, rubric.source
    return methodology.status, rubric.source or methodology.source


def working_fields(tree: CriteriaTree, node: Node) -> list[str]:
    """The figures of one node that are still working assumptions (for displays)."""
    ok_default = tree.meta.methodology.status == "confirmed"
    names = ["title", "max"]
    if node.is_leaf:
        names += [n for n in ("method", "levels", "rubric") if _has(node, n)]
    return [n for n in names if n not in node.confirmed and not ok_default]


def _check_figures(tree: CriteriaTree) -> list[Diagnostic]:
    found = figures(tree)
    working = [f for f in found if not f.confirmed]
    if not working:
        return []
    if tree.meta.methodology.status == "working":
        at: Location = tree.doc.locate(("methodology", "status"))
        if at.line is None or tree.doc.node_at(("methodology", "status"))[1] is False:
            at = tree.doc.locate(("methodology",), key=True)
    else:
        at = tree.doc.locate(working[0].path)
    return [
        warning(
            WORKING, at, working=len(working), confirmed=len(found) - len(working), total=len(found)
        )
    ]
