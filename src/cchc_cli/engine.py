"""Run every check on a workspace, in stages, collecting all diagnostics.

``validate``, ``status``, ``merged`` and ``report`` all call :func:`check_workspace`, so they
see exactly the same problems. A stage runs as far as its inputs allow: a criteria file that
loads but has a wrong sum still lets the plan and the score files be checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cchc_cli.criteria import CriteriaTree, build_tree
from cchc_cli.diagnostics import Diagnostic, sort_diagnostics
from cchc_cli.merged import Merged
from cchc_cli.plan import ResolvedPlan
from cchc_cli.scores import LoadedScores
from cchc_cli.workspace import Workspace
from cchc_cli.yamlio import YamlDoc, load_yaml


@dataclass
class CheckResult:
    workspace: Workspace
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tree: CriteriaTree | None = None
    plan: ResolvedPlan | None = None
    scores: list[LoadedScores] = field(default_factory=list)
    merged: Merged | None = None
    #: every file read, by workspace-relative path (for source context and checksums)
    docs: dict[str, YamlDoc] = field(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        return {rel: doc.text for rel, doc in self.docs.items()}


def load_tree(ws: Workspace, result: CheckResult) -> CriteriaTree | None:
    from cchc_cli.criteria_checks import check_tree

    doc, problems = load_yaml(ws.criteria_path, ws.config.criteria)
    result.diagnostics.extend(problems)
    if doc is None:
        return None
    result.docs[doc.rel] = doc
    tree, problems = build_tree(doc)
    result.diagnostics.extend(problems)
    if tree is not None:
        result.diagnostics.extend(check_tree(tree))
    return tree


def load_plan(ws: Workspace, tree: CriteriaTree, result: CheckResult) -> ResolvedPlan | None:
    from cchc_cli.resolve import resolve_plan

    doc, problems = load_yaml(ws.assignments_path, ws.config.assignments)
    result.diagnostics.extend(problems)
    if doc is None:
        return None
    result.docs[doc.rel] = doc
    plan, problems = resolve_plan(doc, tree)
    result.diagnostics.extend(problems)
    return plan


def check_workspace(
    ws: Workspace, *, today: date | None = None, stages: str = "all"
) -> CheckResult:
    """Check the workspace. ``stages``: "criteria", "plan" or "all" (scores and merge too)."""
    result = CheckResult(workspace=ws)
    result.tree = load_tree(ws, result)
    if result.tree is not None and stages in ("plan", "all"):
        result.plan = load_plan(ws, result.tree, result)
    if result.tree is not None and result.plan is not None and stages == "all":
        from cchc_cli.merge import merge
        from cchc_cli.score_checks import check_scores, load_scores

        loaded, problems = load_scores(ws)
        result.diagnostics.extend(problems)
        for item in loaded:
            result.docs[item.rel] = item.doc
        result.scores = loaded
        result.diagnostics.extend(check_scores(ws, result.tree, result.plan, loaded, today=today))
        result.merged = merge(result.tree, result.plan, loaded)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    return result
