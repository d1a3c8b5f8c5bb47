"""Helpers for the report tests: a small merged workspace built by hand.

The report model must not depend on how :mod:`cchc_cli.scores.merge` is written, so the unit tests
build :class:`~cchc_cli.scores.merge.Merged` themselves from the small ``tests/cases/_base``
workspace (tree and plan through the real loaders, scores merged here, plainly).
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.workspace import open_workspace
from cchc_cli.core.yamlio import load_yaml
from cchc_cli.pipeline import CheckResult, check_workspace
from cchc_cli.scores.merge import EvidenceItem, Merged, MergedLeaf, MergedNode, PartScore
from cchc_cli.scores.model import LoadedScores, ScoreFile

BASE = Path(__file__).parent / "cases" / "_base"
HOSTILE = "=1+1 & < > \"' {{ x }} [/bold] {% if %}"


def copy_base(dest: Path) -> Path:
    shutil.copytree(BASE, dest)
    return dest


def _mini_merge(result: CheckResult) -> Merged:
    assert result.tree is not None and result.plan is not None
    plan = result.plan
    entries: dict[tuple[str, str], object] = {}
    for loaded in result.scores:
        for item, entry in loaded.file.items.items():
            entries[(loaded.file.agency, item)] = entry
    leaves: dict[str, MergedLeaf] = {}
    for item, own in plan.leaves.items():
        node = own.node
        if own.is_ministry or node.method != "self":
            leaves[item] = MergedLeaf(node=node, ownership=own, status="ministry", score=None)
            continue
        parts = []
        evidence: list[EvidenceItem] = []
        explanations: list[tuple[str, str]] = []
        comments: list[tuple[str, str]] = []
        for owner in own.owners:
            entry = entries.get((owner.code, item))
            if entry is None:
                if owner.role in ("lead", "part"):
                    parts.append(
                        PartScore(
                            owner.code,
                            plan.agency_name(owner.code),
                            owner.domain,
                            None,
                            None,
                            None,
                            None,
                        )
                    )
                continue
            for ev in entry.evidence:  # type: ignore[attr-defined]
                evidence.append(
                    EvidenceItem(
                        owner.code,
                        ev.number,
                        ev.date,
                        ev.issuer,
                        ev.title,
                        ev.file,
                        result.tree.loc(node),
                    )
                )
            if owner.role in ("lead", "part"):
                parts.append(
                    PartScore(
                        owner.code,
                        plan.agency_name(owner.code),
                        owner.domain,
                        entry.score,
                        entry.measured,
                        entry.explanation,
                        None,
                    )
                )  # type: ignore[attr-defined]
                if entry.explanation:  # type: ignore[attr-defined]
                    explanations.append((owner.code, entry.explanation))  # type: ignore[attr-defined]
            if entry.comment:  # type: ignore[attr-defined]
                comments.append((owner.code, entry.comment))  # type: ignore[attr-defined]
        scores = [p.score for p in parts]
        score = None if any(s is None for s in scores) or not scores else min(scores)  # type: ignore[type-var]
        leaves[item] = MergedLeaf(
            node=node,
            ownership=own,
            status="scored" if score is not None else "missing",
            score=score,
            parts=tuple(parts),
            evidence=tuple(evidence),
            explanations=tuple(explanations),
            comments=tuple(comments),
        )

    def build(node: object) -> MergedNode:
        n = node  # criteria.Node
        if not n.children:  # type: ignore[attr-defined]
            leaf = leaves[n.id]  # type: ignore[attr-defined]
            own = leaf.status != "ministry"
            return MergedNode(
                n,
                leaf.score or Decimal(0) if own else Decimal(0),  # type: ignore[arg-type]
                n.max if own else Decimal(0),
                Decimal(0) if own else n.max,
                [],
                leaf,
            )  # type: ignore[attr-defined]
        kids = [build(c) for c in n.children]  # type: ignore[attr-defined]
        return MergedNode(
            n,
            sum((k.score for k in kids), Decimal(0)),  # type: ignore[arg-type]
            sum((k.self_max for k in kids), Decimal(0)),
            sum((k.ministry_max for k in kids), Decimal(0)),
            kids,
        )

    roots = [build(r) for r in result.tree.roots]
    return Merged(
        roots=roots,
        leaves=[leaves[i] for i in plan.leaves],
        total_score=sum((r.score for r in roots), Decimal(0)),
        total_max=sum((r.self_max for r in roots), Decimal(0)),
        ministry_max=sum((r.ministry_max for r in roots), Decimal(0)),
    )


def hand_result(root: Path) -> CheckResult:
    """Tree and plan from the real loaders; scores loaded and merged by hand."""
    ws = open_workspace(root, root)
    result = check_workspace(ws, stages="plan")
    for path in sorted((root / ws.config.scores).glob("*.yaml")):
        rel = ws.rel(path)
        doc, problems = load_yaml(path, rel)
        assert doc is not None and not problems, problems
        model, problems = validate_doc(doc, ScoreFile)
        assert model is not None, problems
        result.scores.append(LoadedScores(doc, model))
        result.docs[rel] = doc
    result.merged = _mini_merge(result)
    return result


def set_explanation(root: Path, agency_file: str, item: str, text: str) -> None:
    """Replace (or add) one explanation in a score file, as a double-quoted YAML string."""
    import json

    path = root / "scores" / agency_file
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        if line.strip() == f'"{item}":':
            inside = True
            out.append(line)
            out.append(f"    explanation: {json.dumps(text, ensure_ascii=False)}")
            continue
        if inside and line.strip().startswith("explanation:"):
            continue
        if inside and line.startswith('  "') and line.strip() != f'"{item}":':
            inside = False
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
