"""``cchc criteria import``: build a criteria YAML from a table (CSV or .xlsx).

How a coordinator transcribes the official annex: one row per item with the columns ``id``,
``title``, ``max``, ``method`` and optionally ``levels`` (``0; 0.5; 1``), ``rubric`` (a rubric
key) and ``guidance``. The hierarchy comes from the ids (``3.2.5`` is a child of ``3.2``).

Phases, each reported with the table's file and row (and column):

1. read the table (UTF-8 CSV with or without BOM, UTF-16 with BOM, or .xlsx; hidden sheets,
   merged cells, formulas, mangled encodings, rows that are not items):
   :mod:`cchc_cli.criteria.table_read`;
2. check every row on its own (empty cells, numbers, methods, ids, duplicates, Excel numbers
   standing for ids) and build the hierarchy: :mod:`cchc_cli.criteria.table_rows`;
3. build the YAML text (:mod:`cchc_cli.criteria.yaml_writer`), parse it back with the normal
   loader and run the tree checks the caller passes (``cchc`` passes
   :func:`cchc_cli.criteria.checks.check_tree`); diagnostics are mapped back to table rows.

A problem repeated down the table is shown a few times and then counted
(:mod:`cchc_cli.criteria.table_fanout`). The caller writes the text only when no phase found
an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Severity
from cchc_cli.core.i18n import Msg
from cchc_cli.core.yamlio import load_yaml, parse_text
from cchc_cli.criteria.codes import UNKNOWN_RUBRIC
from cchc_cli.criteria.model import CriteriaTree, build_tree
from cchc_cli.criteria.stats import tree_counts
from cchc_cli.criteria.table_fanout import collapse
from cchc_cli.criteria.table_read import read_table
from cchc_cli.criteria.table_rows import Item, build_hierarchy, parse_number, parse_rows
from cchc_cli.criteria.yaml_writer import Options, YamlLines, render_yaml

__all__ = [
    "ImportResult",
    "Options",
    "TreeCheck",
    "import_table",
    "load_like",
    "parse_number",
    "summary",
]

#: the structural checks run on the generated tree (:func:`cchc_cli.criteria.checks.check_tree`)
TreeCheck = Callable[[CriteriaTree], list[Diagnostic]]


@dataclass
class ImportResult:
    text: str | None
    diagnostics: list[Diagnostic]
    tree: CriteriaTree | None = None
    table_text: str | None = None


def load_like(path: Path, rel: str) -> tuple[CriteriaTree | None, list[Diagnostic]]:
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return None, problems
    tree, problems = build_tree(doc)
    return tree, problems


def import_table(
    table_path: Path,
    table_rel: str,
    out_path: Path,
    options: Options,
    like: CriteriaTree | None = None,
    *,
    check: TreeCheck,
    sheet: str | None = None,
) -> ImportResult:
    table, diags = read_table(table_path, table_rel, sheet)
    if table is None:
        return ImportResult(None, collapse(diags))
    parsed = parse_rows(table)
    diags += parsed.diagnostics
    roots, problems = build_hierarchy(parsed, table_rel)
    diags += problems
    if any(d.severity is Severity.ERROR for d in diags):
        return ImportResult(None, collapse(diags), table_text=table.text)
    items = parsed.items
    writer = render_yaml(roots, table_rel, options, like)
    text = writer.text()
    out_rel = out_path.as_posix()
    doc, problems = parse_text(text, out_rel, out_path, text.encode("utf-8"))
    if doc is None:  # pragma: no cover - the writer only emits what the loader reads back
        raise RuntimeError(f"generated YAML does not parse: {problems}")
    tree, problems = build_tree(doc)
    checks = problems + (check(tree) if tree is not None else [])
    diags += [_to_table(d, writer, out_rel, table_rel, like is not None) for d in checks]
    diags = collapse(diags)
    if tree is not None:
        _verify(tree, items)
    if any(d.severity is Severity.ERROR for d in diags):
        return ImportResult(None, diags, tree, table.text)
    return ImportResult(text, diags, tree, table.text)


def _to_table(
    d: Diagnostic, writer: YamlLines, out_rel: str, table_rel: str, have_like: bool
) -> Diagnostic:
    """Point a diagnostic about the generated YAML at the table row it came from."""
    if d.file != out_rel:
        return d
    origin = writer.origin.get(d.line or 0)
    line, column = origin if origin is not None else (None, None)
    hint = d.hint
    if d.code == UNKNOWN_RUBRIC and not have_like:
        hint = Msg("criteria.import.rubric_hint", {"rubric": d.message.args.get("rubric", "")})
    return replace(d, file=table_rel, line=line, column=column, hint=hint)


def _verify(tree: CriteriaTree, items: list[Item]) -> None:
    """The file written says exactly what the table says (guards the YAML writer)."""
    by_id = {i.id: i for i in items}
    for node in tree.walk():
        item = by_id[node.id]
        got = (
            node.title,
            node.max,
            node.method,
            list(node.levels) if node.levels else None,
            node.rubric_key,
            node.guidance,
        )
        want = (item.title, item.max, item.method, item.levels or None, item.rubric, item.guidance)
        if got != want:  # pragma: no cover - a writer bug, never a user error
            raise RuntimeError(f"import round trip differs for {node.id}: {got} != {want}")


def summary(tree: CriteriaTree) -> dict[str, Any]:
    return {**tree_counts(tree), "leaves": len(tree.leaves()), "total": tree.total_max()}
