"""Structural checks of a criteria tree (ids, sums, levels, order, declared counts, provenance).

Every check is data-driven: nothing here knows about the 2019 provincial index, so another
year's or another level's methodology is just another YAML file.

Definitions used by the checks and the messages:

* areas (lĩnh vực) are the depth-1 nodes, criteria (tiêu chí) depth 2, sub-criteria (tiêu chí
  thành phần) depth 3; a criterion with no children is itself a scored leaf;
* a *figure* is one value a coordinator must check against the official annex; figures and
  their confirmation are defined in :mod:`cchc_cli.criteria.stats` (shared with the displays).

Severity choices (documented in README, section ``criteria``):

* a ``self`` leaf with both ``levels`` and ``rubric`` is an error (which one counts?); with
  neither it is a warning (CCHC221): the agency may then give any score in ``[0, max]``;
* counts differing from the declared counts (CCHC209), siblings out of natural order (CCHC208),
  working figures (CCHC210), confirmed-without-source (CCHC219) and a ``confirmed`` entry for a
  field the node does not have (CCHC223) are warnings; everything else is an error.

The checks of how leaves are scored (method, levels, rubrics) are in
:mod:`cchc_cli.criteria.scoring_checks`; the diagnostic codes in :mod:`cchc_cli.criteria.codes`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean, is_good_id, natural_key, parent_id
from cchc_cli.criteria.codes import (
    AREAS_SUM,
    BAD_ID,
    CHILDREN_SUM,
    CONFIRMED_ABSENT,
    CONFIRMED_NO_SOURCE,
    COUNTS,
    DUPLICATE_ID,
    MAX_NOT_POSITIVE,
    MISPLACED_ID,
    NUMBER_GAP,
    ORDER,
    UNKNOWN_SOURCE,
    WORKING,
)
from cchc_cli.criteria.model import CriteriaTree, Node
from cchc_cli.criteria.scoring_checks import check_rubrics, check_scoring
from cchc_cli.criteria.stats import KINDS, figures, has_field, tree_counts


def check_tree(tree: CriteriaTree) -> list[Diagnostic]:
    """Every structural check of one criteria file; never raises, never prints."""
    diags: list[Diagnostic] = []
    diags += _check_ids(tree)
    diags += _check_sums(tree)
    diags += check_scoring(tree)
    diags += check_rubrics(tree)
    diags += _check_sources(tree)
    diags += _check_counts(tree)
    diags += _check_figures(tree)
    return diags


# --------------------------------------------------------------------------------------- ids


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


# ----------------------------------------------------------------------------- provenance


def _check_sources(tree: CriteriaTree) -> list[Diagnostic]:
    meta = tree.meta
    diags: list[Diagnostic] = []
    diags += _unknown_source(tree, meta.methodology.source, ("methodology", "source"))
    diags += _unknown_source(tree, meta.declared.source, ("declared", "source"))
    if meta.methodology.status == "confirmed" and meta.methodology.source is None:
        diags.append(
            warning(
                CONFIRMED_NO_SOURCE, tree.doc.locate(("methodology", "status")), what="methodology"
            )
        )
    for key, rubric in meta.rubrics.items():
        diags += _unknown_source(tree, rubric.source, ("rubrics", key, "source"))
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
        diags += _check_confirmed(tree, node)
    return diags


def _unknown_source(
    tree: CriteriaTree, value: str | None, path: tuple[Any, ...], item: str | None = None
) -> list[Diagnostic]:
    """``value`` is no key of ``sources:`` (nothing to say when it is absent)."""
    sources = tree.meta.sources
    if value is None or value in sources:
        return []
    known = sorted(sources)
    guess = did_you_mean(value, known)
    hint = Msg(f"{UNKNOWN_SOURCE}.hint_guess", {"guess": guess, "known": known}) if guess else None
    return [
        error(
            UNKNOWN_SOURCE,
            tree.doc.locate(path),
            item=item,
            hint=hint,
            source=value,
            known=known or "—",
        )
    ]


def _check_confirmed(tree: CriteriaTree, node: Node) -> list[Diagnostic]:
    """Every ``confirmed`` entry of a node names a known source and a field the node has."""
    diags: list[Diagnostic] = []
    for name, source in node.confirmed.items():
        diags += _unknown_source(tree, source, (*node.path, "confirmed", name), node.id)
        absent = (name in ("levels", "rubric") and not has_field(node, name)) or (
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
