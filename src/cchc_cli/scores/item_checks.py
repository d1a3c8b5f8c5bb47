"""Checks of the items of one score file against the plan and the criteria (CCHC410–424).

Each item must be a leaf of the criteria, assigned to the file's agency (not to the Ministry),
and hold what the agency's role allows: a valid score or measured value with evidence or an
explanation for a scorer, only a comment and evidence for a cooperating agency.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_cli.core.diagnostics import Diagnostic, error
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean, natural_key
from cchc_cli.core.workspace import Workspace
from cchc_cli.criteria.model import CriteriaTree, Node
from cchc_cli.plan.model import ResolvedPlan, ScoreRole
from cchc_cli.plan.names import owners_msg
from cchc_cli.scores.evidence_checks import check_evidence
from cchc_cli.scores.model import LoadedScores, ScoreEntry
from cchc_cli.scores.semantics import contribution, evidence_complete, has_text


@dataclass
class _FileItems:
    """The items of one file being checked, and what was found."""

    tree: CriteriaTree
    plan: ResolvedPlan
    item: LoadedScores
    out: list[Diagnostic] = field(default_factory=list)

    @property
    def agency(self) -> str:
        return self.item.file.agency

    def error(
        self, code: str, path: tuple[str, ...], item_id: str, *, key: bool = False, **args: object
    ) -> None:
        where = self.item.doc.locate(("items", item_id, *path), key=key)
        self.out.append(error(code, where, item=item_id, agency=self.agency, id=item_id, **args))


def check_items(
    ws: Workspace, tree: CriteriaTree, plan: ResolvedPlan, item: LoadedScores
) -> list[Diagnostic]:
    """Every item of ``item``'s file: known leaf, the agency's to write, valid content."""
    run = _FileItems(tree, plan, item)
    own_ids = [leaf.item for leaf, _ in plan.listed_items(run.agency)]
    for item_id, raw_entry in item.file.items.items():
        entry = raw_entry if raw_entry is not None else ScoreEntry()
        assigned = _assigned_leaf(run, item_id, own_ids)
        if assigned is None:
            continue
        node, roles = assigned
        if roles == ["cooperating"]:
            _check_cooperating(run, item_id, entry)
        else:
            _check_scored(run, node, item_id, entry, decision_only=roles == ["decision"])
        run.out += check_evidence(ws, item, item_id, entry)
    return run.out


def _assigned_leaf(
    run: _FileItems, item_id: str, own_ids: list[str]
) -> tuple[Node, list[ScoreRole]] | None:
    """The leaf ``item_id`` and the agency's roles on it; None (reported) when it has none."""
    tree, plan = run.tree, run.plan
    node = tree.get(item_id)
    if node is None:
        guess = did_you_mean(item_id, own_ids) or did_you_mean(item_id, tree.by_id)
        hint = Msg(
            "CCHC410.hint_guess" if guess else "CCHC410.hint",
            {"guess": guess or "", "criteria": tree.rel, "own": own_ids},
        )
        run.error("CCHC410", (), item_id, key=True, hint=hint)
        return None
    if not node.is_leaf:
        below = [n.id for n in node.leaves() if n.id in own_ids] or [n.id for n in node.leaves()]
        run.error("CCHC413", (), item_id, key=True, leaves=sorted(below, key=natural_key))
        return None
    if plan.is_ministry(node):
        method = Msg(f"scores.method.{node.method}")
        run.error("CCHC412", (), item_id, key=True, title=node.title, method=method)
        return None
    leaf = plan.leaves.get(item_id)
    roles = plan.roles_of(leaf, run.agency) if leaf is not None else []
    if not roles:
        name = plan.agency_name(run.agency)
        run.error("CCHC411", (), item_id, key=True, owners=owners_msg(leaf), name=name)
        return None
    return node, roles


def _check_cooperating(run: _FileItems, item_id: str, entry: ScoreEntry) -> None:
    """A cooperating agency gives no score: that is the scorers' part."""
    for field_name in ("score", "measured"):
        if getattr(entry, field_name) is not None:
            owners = owners_msg(run.plan.leaves[item_id])
            run.error("CCHC414", (field_name,), item_id, key=True, field=field_name, owners=owners)


def _check_scored(
    run: _FileItems, node: Node, item_id: str, entry: ScoreEntry, *, decision_only: bool
) -> None:
    """The value(s) a scorer wrote (the problems :func:`contribution` finds), then (except for
    a decision) what justifies a score."""
    found = contribution(node, entry, run.item.invalid.get(item_id), decision=decision_only)
    for problem in found.problems:
        where = run.item.doc.locate(("items", item_id, problem.field))
        run.out.append(
            error(problem.code, where, item=item_id, agency=run.agency, id=item_id, **problem.args)
        )
    if found.state != "scored" or decision_only:
        return  # (points with no evidence at all are CCHC421, one of the problems above)
    if not evidence_complete(entry) and not has_text(entry.explanation):
        run.error("CCHC424", (), item_id, key=True)
