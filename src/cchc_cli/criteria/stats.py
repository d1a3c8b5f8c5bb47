"""Pure queries over a built criteria tree: nodes per level and the *figures* of the file.

Shared by the checks (:mod:`cchc_cli.criteria.checks`), the tree view and the table import,
so none of them has to import another. Nothing here reports a problem.

A *figure* is one value a coordinator must check against the official annex: the title and
maximum of every node, the method of every leaf, its levels or rubric when present, and the
bands of every rubric. A figure is ``confirmed`` when the node lists it under ``confirmed``
(with a source key) or when its file/rubric status is ``confirmed``; otherwise ``working``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc_cli.criteria.model import CriteriaTree, Node

#: areas (lĩnh vực) are the depth-1 nodes, criteria (tiêu chí) depth 2, sub-criteria depth 3
KINDS: tuple[tuple[str, int], ...] = (("areas", 1), ("criteria", 2), ("subcriteria", 3))


def tree_counts(tree: CriteriaTree) -> dict[str, int]:
    """Nodes per level: areas (depth 1), criteria (2), sub-criteria (3)."""
    counts = {kind: 0 for kind, _ in KINDS}
    by_depth = {d: kind for kind, d in KINDS}
    for node in tree.walk():
        kind = by_depth.get(node.depth)
        if kind is not None:
            counts[kind] += 1
    return counts


def has_field(node: Node, name: str) -> bool:
    """Whether the node gives ``method``, ``levels`` or ``rubric``."""
    if name == "method":
        return node.method is not None
    if name == "levels":
        return node.levels is not None
    return node.rubric_key is not None


def figure_fields(node: Node) -> list[str]:
    """The figures of one node: title and max; a leaf's method, levels, rubric when given."""
    names = ["title", "max"]
    if node.is_leaf:
        names += [n for n in ("method", "levels", "rubric") if has_field(node, n)]
    return names


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
        for name in figure_fields(node):
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
    return [n for n in figure_fields(node) if n not in node.confirmed and not ok_default]
