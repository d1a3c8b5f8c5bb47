"""Structural checks of a criteria tree (ids, sums, levels, order, declared counts)."""

from __future__ import annotations

from cchc_cli.criteria import CriteriaTree
from cchc_cli.diagnostics import Diagnostic


def check_tree(tree: CriteriaTree) -> list[Diagnostic]:
    return []
