"""Run every check on a workspace, in stages, collecting all diagnostics.

``validate``, ``status``, ``merged``, ``report`` and ``index`` all call :func:`check_workspace`,
so they see exactly the same problems. A stage runs as far as its inputs allow: a criteria file that
loads but has a wrong sum still lets the plan and the score files be checked.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import Diagnostic, sort_diagnostics
from cchc_cli.core.workspace import Workspace
from cchc_cli.core.yamlio import MAX_FILE_BYTES, YamlDoc, load_yaml
from cchc_cli.criteria.model import CriteriaTree, build_tree
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.merge import Merged
from cchc_cli.scores.model import LoadedScores

if TYPE_CHECKING:  # read only when an appraisal is configured
    from cchc_cli.appraisal.index import AppraisedIndex
    from cchc_cli.appraisal.model import LoadedAppraisal


@dataclass
class CheckResult:
    workspace: Workspace
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tree: CriteriaTree | None = None
    plan: ResolvedPlan | None = None
    scores: list[LoadedScores] = field(default_factory=list)
    merged: Merged | None = None
    #: the Ministry's appraisal (``appraisal:`` in cchc.yaml) and the final index built on it
    appraisal: LoadedAppraisal | None = None
    index: AppraisedIndex | None = None
    #: every file read, by workspace-relative path (for source context and checksums)
    docs: dict[str, YamlDoc] = field(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        return {rel: doc.text for rel, doc in self.docs.items()}


class CriteriaCache:
    """Criteria files already checked in one run, so that each is parsed, built and checked once
    when several workspaces share it (63 provinces, one criteria file).

    Pass the same cache to :func:`check_workspace` for every workspace of the run. Results are
    identical to checking each workspace alone: the same bytes at the same relative path give the
    same tree and the same diagnostics; only the document's absolute path differs, and it is set
    per workspace.
    """

    def __init__(self) -> None:
        #: (the file's bytes, workspace-relative path) -> the document, its tree and its
        #: diagnostics (bytes as the key: Python hashes them once, no checksum to compute)
        self._checked: dict[
            tuple[bytes, str], tuple[YamlDoc, CriteriaTree | None, list[Diagnostic]]
        ] = {}

    @staticmethod
    def key(ws: Workspace) -> tuple[bytes, str] | None:
        """What identifies the workspace's criteria file (None: unreadable or too large)."""
        try:
            if ws.criteria_path.stat().st_size > MAX_FILE_BYTES:
                return None
            return ws.criteria_path.read_bytes(), ws.config.criteria
        except OSError:
            return None

    def get(
        self, key: tuple[bytes, str]
    ) -> tuple[YamlDoc, CriteriaTree | None, list[Diagnostic]] | None:
        return self._checked.get(key)

    def put(
        self,
        key: tuple[bytes, str],
        doc: YamlDoc,
        tree: CriteriaTree | None,
        found: list[Diagnostic],
    ) -> None:
        if doc.raw == key[0]:  # the file did not change between the two reads
            self._checked[key] = (doc, tree, found)


def load_tree(
    ws: Workspace, result: CheckResult, cache: CriteriaCache | None = None
) -> CriteriaTree | None:
    from cchc_cli.criteria.checks import check_tree

    key = CriteriaCache.key(ws) if cache is not None else None
    shared = cache.get(key) if (cache is not None and key is not None) else None
    if shared is not None:
        first_doc, first_tree, problems = shared
        same = replace(first_doc, path=ws.criteria_path)
        result.diagnostics.extend(problems)
        result.docs[same.rel] = same
        return replace(first_tree, doc=same) if first_tree is not None else None
    doc, problems = load_yaml(ws.criteria_path, ws.config.criteria)
    found = list(problems)
    if doc is None:
        result.diagnostics.extend(found)
        return None
    result.docs[doc.rel] = doc
    tree, problems = build_tree(doc)
    found.extend(problems)
    if tree is not None:
        found.extend(check_tree(tree))
    result.diagnostics.extend(found)
    if cache is not None and key is not None:
        cache.put(key, doc, tree, found)
    return tree


def load_plan(ws: Workspace, tree: CriteriaTree, result: CheckResult) -> ResolvedPlan | None:
    from cchc_cli.plan.resolve import resolve_plan

    doc, problems = load_yaml(ws.assignments_path, ws.config.assignments)
    result.diagnostics.extend(problems)
    if doc is None:
        return None
    result.docs[doc.rel] = doc
    plan, problems = resolve_plan(doc, tree)
    result.diagnostics.extend(problems)
    return plan


def load_appraisal(ws: Workspace, result: CheckResult) -> None:
    """The appraisal stage, when cchc.yaml names an appraisal file: read it, and with the
    merged self-assessment build the final index and check the file against it."""
    from cchc_cli.appraisal.checks import check_appraisal
    from cchc_cli.appraisal.compute import compute_index
    from cchc_cli.appraisal.model import read_appraisal

    if ws.appraisal_path is None or ws.config.appraisal is None:
        return
    doc, loaded, problems = read_appraisal(ws.appraisal_path, ws.config.appraisal)
    result.diagnostics.extend(problems)
    if doc is not None:
        result.docs[doc.rel] = doc
    result.appraisal = loaded
    if loaded is None or result.tree is None or result.plan is None or result.merged is None:
        return
    result.index = compute_index(result.tree, result.plan, result.merged, loaded)
    result.diagnostics.extend(check_appraisal(loaded, result.tree, result.plan, result.index))


def _check_report_sections(ws: Workspace, loaded: list[LoadedScores]) -> list[Diagnostic]:
    """The ``report:`` sections: cchc.yaml's (the province's report) and each department's."""
    from cchc_cli.core.docinfo_checks import check_document_config

    found = check_document_config(ws.doc, ws.config.report)
    for item in loaded:
        f = item.file
        found += check_document_config(item.doc, f.report, agency=f.agency, submitted=f.submitted)
    return found


def check_workspace(
    ws: Workspace,
    *,
    today: date | None = None,
    stages: str = "all",
    cache: CriteriaCache | None = None,
) -> CheckResult:
    """Check the workspace. ``stages``: "criteria", "plan" or "all" (scores, merge and, when
    configured, the appraisal too).
    ``cache``: shared by the workspaces of one run, so a common criteria file is checked once.

    The cyclic garbage collector is paused during the check: parsing creates hundreds of
    thousands of small objects that all live until the check ends, and the collector would
    scan them again and again (a fifth of the run time); it runs once afterwards instead.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_workspace(ws, today=today, stages=stages, cache=cache)
    finally:
        if enabled:
            gc.enable()


def _check_workspace(
    ws: Workspace, *, today: date | None, stages: str, cache: CriteriaCache | None
) -> CheckResult:
    result = CheckResult(workspace=ws)
    result.tree = load_tree(ws, result, cache)
    if result.tree is not None and stages in ("plan", "all"):
        result.plan = load_plan(ws, result.tree, result)
    if result.tree is not None and result.plan is not None and stages == "all":
        from cchc_cli.scores.checks import check_scores
        from cchc_cli.scores.files import load_scores
        from cchc_cli.scores.merge import merge

        loaded, problems = load_scores(ws)
        result.diagnostics.extend(problems)
        for item in loaded:
            result.docs[item.rel] = item.doc
        result.scores = loaded
        result.diagnostics.extend(check_scores(ws, result.tree, result.plan, loaded, today=today))
        result.diagnostics.extend(_check_report_sections(ws, loaded))
        result.merged = merge(result.tree, result.plan, loaded)
    if stages == "all":
        load_appraisal(ws, result)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    return result
