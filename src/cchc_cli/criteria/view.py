"""Displays of the criteria tree for ``cchc tree``: rich text, JSON and CSV.

Only displays: the checks live in :mod:`cchc_cli.criteria.checks`, the queries shown here
(counts, working figures, rubric status) in :mod:`cchc_cli.criteria.stats`. Working
(unverified) figures are marked in every format, so a working maximum is never shown as
official. The CSV has exactly the columns ``cchc criteria import`` reads, so an exported tree
can be edited in a spreadsheet and imported again.

Owners come from a resolved assignment plan; this room may not import the plan room, so the
little it reads of one is described by the protocols below (``cchc_cli.plan.model.ResolvedPlan``
fits them).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol

from cchc_cli.core.diagnostics import Diagnostic, Severity, error
from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import Msg, tr
from cchc_cli.core.ids import did_you_mean, natural_key
from cchc_cli.criteria.codes import UNKNOWN_ID
from cchc_cli.criteria.model import CriteriaTree, Node
from cchc_cli.criteria.stats import rubric_status, tree_counts, working_fields

CSV_COLUMNS: tuple[str, ...] = ("id", "title", "max", "method", "levels", "rubric", "guidance")
LEVEL_SEPARATOR = "; "


class OwnerInfo(Protocol):
    """One agency on one leaf (``cchc_cli.plan.model.Owner``)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def domain(self) -> str | None: ...


class LeafOwners(Protocol):
    """The owners of one leaf (``cchc_cli.plan.model.LeafOwnership``)."""

    @property
    def owners(self) -> Sequence[OwnerInfo]: ...


class OwnerPlan(Protocol):
    """A resolved assignment plan (``cchc_cli.plan.model.ResolvedPlan``)."""

    @property
    def rel(self) -> str: ...
    @property
    def leaves(self) -> Mapping[str, LeafOwners]: ...


def select_subtree(tree: CriteriaTree, item_id: str | None) -> tuple[list[Node], list[Diagnostic]]:
    """The starting nodes: every area, or the one item asked for (did-you-mean if unknown)."""
    if item_id is None:
        return list(tree.roots), []
    wanted = item_id.strip()
    node = tree.get(wanted)
    if node is not None:
        return [node], []
    known = sorted(tree.by_id, key=natural_key)
    guess = did_you_mean(wanted, known)
    hint = Msg(f"{UNKNOWN_ID}.hint_guess", {"guess": guess, "file": tree.rel}) if guess else None
    return [], [
        error(
            UNKNOWN_ID,
            item=wanted,
            hint=hint,
            id=wanted,
            file=tree.rel,
            areas=[r.id for r in tree.roots],
        )
    ]


def levels_text(levels: tuple[Decimal, ...]) -> str:
    return LEVEL_SEPARATOR.join(format_decimal(v) for v in levels)


def owner_label(owner: OwnerInfo, lang: str) -> str:
    """``SNV``, ``STC (quản lý ngân sách)``, ``SNV (phối hợp)``, ``Bộ Nội vụ``."""
    if owner.role == "ministry":
        return tr("plan.ministry_name", lang)
    if owner.role == "part" and owner.domain:
        return f"{owner.code} ({owner.domain})"
    if owner.role == "cooperating":
        return f"{owner.code} ({tr('criteria.role.cooperating', lang)})"
    return owner.code


def owners_label(leaf: LeafOwners, lang: str) -> str:
    return ", ".join(owner_label(o, lang) for o in leaf.owners)


# ------------------------------------------------------------------------------------ JSON


def tree_node_json(
    tree: CriteriaTree, node: Node, depth: int | None, plan: OwnerPlan | None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": node.id,
        "title": node.title,
        "max": node.max,
        "method": node.method if node.is_leaf else None,
        "leaf": node.is_leaf,
    }
    if node.levels is not None:
        out["levels"] = list(node.levels)
    if node.rubric_key is not None:
        out["rubric"] = node.rubric_key
    if node.guidance is not None:
        out["guidance"] = node.guidance
    out["working"] = working_fields(tree, node)
    if node.confirmed:
        out["confirmed"] = dict(node.confirmed)
    if node.is_leaf and plan is not None:
        leaf = plan.leaves.get(node.id)
        out["owners"] = [
            {"code": o.code, "name": o.name, "role": o.role, "domain": o.domain}
            for o in (leaf.owners if leaf is not None else ())
        ]
    if node.children:
        if depth is None or depth > 1:
            out["children"] = [
                tree_node_json(tree, c, None if depth is None else depth - 1, plan)
                for c in node.children
            ]
        else:
            out["truncated"] = len(node.children)
    else:
        out["children"] = []
    return out


def plan_errors(plan: OwnerPlan | None, diagnostics: list[Diagnostic]) -> int:
    """How many errors the assignment plan has (owners shown may then be incomplete)."""
    if plan is None:
        return 0
    return sum(1 for d in diagnostics if d.file == plan.rel and d.severity is Severity.ERROR)


def tree_json(
    tree: CriteriaTree,
    start: list[Node],
    depth: int | None,
    plan: OwnerPlan | None,
    plan_errors: int = 0,
) -> dict[str, Any]:
    meta = tree.meta
    rubrics: dict[str, Any] = {}
    for key, rubric in meta.rubrics.items():
        status, source = rubric_status(tree, key)
        rubrics[key] = {
            "title": rubric.title,
            "unit": rubric.unit,
            "min": rubric.min,
            "max": rubric.max,
            "bands": [{"from": b.from_, "fraction": b.fraction} for b in rubric.bands],
            "status": status,
            "source": source,
        }
    return {
        "file": tree.rel,
        "methodology": meta.methodology.model_dump(),
        "declared": meta.declared.model_dump(),
        "counts": {**tree_counts(tree), "leaves": len(tree.leaves())},
        "total": tree.total_max(),
        "owners_resolved": plan is not None,
        "plan_errors": plan_errors,
        "rubrics": rubrics,
        "items": [tree_node_json(tree, n, depth, plan) for n in start],
    }


# ------------------------------------------------------------------------------------- CSV


def _walk_limited(nodes: list[Node], depth: int | None) -> list[Node]:
    found: list[Node] = []
    for node in nodes:
        found.append(node)
        if depth is None or depth > 1:
            found += _walk_limited(node.children, None if depth is None else depth - 1)
    return found


def tree_csv(start: list[Node], depth: int | None) -> str:
    """The columns ``cchc criteria import`` reads; ids as text, levels as ``0; 0.5; 1``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for node in _walk_limited(start, depth):
        writer.writerow(
            [
                node.id,
                node.title,
                format_decimal(node.max),
                (node.method or "") if node.is_leaf else "",
                levels_text(node.levels) if node.levels is not None else "",
                node.rubric_key or "",
                node.guidance or "",
            ]
        )
    return buffer.getvalue()


# ------------------------------------------------------------------------------------ text


def level_label(level: str, lang: str) -> str:
    """``province`` -> ``tỉnh``; a level the catalogue does not know is shown as written."""
    from cchc_cli.core.i18n import catalogue

    return catalogue(lang).get(f"criteria.level.{level}", level)


def method_label(node: Node, lang: str) -> str:
    return tr(f"criteria.method.{node.method or 'none'}", lang)


def node_label(
    tree: CriteriaTree, node: Node, lang: str, plan: OwnerPlan | None, truncated: bool
) -> Any:
    from rich.text import Text

    working = working_fields(tree, node)
    label = Text()
    label.append(node.id, style="bold")
    label.append("  ")
    label.append(node.title)
    label.append("  ·  ")
    points = tr("criteria.tree.points", lang, max=node.max)
    label.append(points + ("*" if "max" in working else ""), style="bold cyan")
    if node.is_leaf:
        label.append("  ·  ")
        label.append(method_label(node, lang), style="magenta")
        if node.levels is not None:
            label.append(" ")
            label.append(
                tr("criteria.tree.levels", lang, levels=levels_text(node.levels)), style="dim"
            )
        if node.rubric_key is not None:
            label.append(" ")
            label.append(tr("criteria.tree.rubric", lang, rubric=node.rubric_key), style="dim")
        if plan is not None:
            leaf = plan.leaves.get(node.id)
            if leaf is not None and leaf.owners:
                label.append("  →  ")
                label.append(owners_label(leaf, lang), style="green")
    elif truncated:
        label.append("  ")
        label.append(tr("criteria.tree.more", lang, count=len(node.children)), style="dim")
    return label


def render_tree(
    tree: CriteriaTree,
    start: list[Node],
    depth: int | None,
    plan: OwnerPlan | None,
    console: Any,
    lang: str,
) -> None:
    from rich.text import Text
    from rich.tree import Tree

    meta = tree.meta
    header = Text(
        tr(
            "criteria.tree.header",
            lang,
            name=meta.methodology.name,
            decision=meta.methodology.decision,
            year=meta.methodology.year,
            level=level_label(meta.methodology.level, lang),
            total=tree.total_max(),
            file=tree.rel,
        ),
        style="bold",
    )
    root = Tree(header, guide_style="dim")
    any_working = False

    def add(parent: Any, node: Node, remaining: int | None) -> None:
        nonlocal any_working
        any_working = any_working or "max" in working_fields(tree, node)
        cut = remaining is not None and remaining <= 1
        label = node_label(tree, node, lang, plan, truncated=cut and bool(node.children))
        branch = parent.add(label)
        if not cut:
            for child in node.children:
                add(branch, child, None if remaining is None else remaining - 1)

    for node in start:
        add(root, node, depth)
    # Labels wrap inside the tree (never cropped): owners come last on the line.
    console.print(root, soft_wrap=False)
    if any_working:
        console.print(Text(tr("criteria.tree.legend_working", lang), style="dim"), soft_wrap=False)
