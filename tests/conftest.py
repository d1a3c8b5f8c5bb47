"""What the test modules share: paths, workspace copies, the in-process CLI runner.

Fixtures (``ws``, ``example_ws``) are found by pytest; the plain helpers are imported by name
(``from conftest import run_in``). A test module never imports from another test module.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cchc_cli.cli.app import cli

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"
CASES = TESTS / "cases"
#: the small valid workspace every bad-input case starts from (criteria, plan, three agencies)
BASE = CASES / "_base"
FIXTURES = TESTS / "fixtures"
#: the bundled example: the repository root is its workspace (cchc.yaml at the top)
EXAMPLE = REPO / "examples" / "thai_nguyen_2019"
#: text that is markup, a template, HTML and a formula at once: must always print as typed
HOSTILE = "=1+1 & < > \"' {{ x }} [/bold] {% if %}"

#: a fixed width for rich's trees and tables, whatever the terminal that runs the tests
CLI_ENV = {"COLUMNS": "300"}

_LOCATED = re.compile(r"^(?P<where>\S+?): .* \[(?P<code>CCHC\d{3})\]$")


# ------------------------------------------------------------------------------ workspaces


def copy_base(dest: Path) -> Path:
    """A copy of ``tests/cases/_base`` at ``dest``."""
    shutil.copytree(BASE, dest)
    return dest


def copy_example(dest: Path) -> Path:
    """A copy of the bundled example workspace (cchc.yaml, criteria, plan, the example's
    scores, schemas, evidence and notes) at ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "cchc.yaml", dest / "cchc.yaml")
    for folder in ("criteria", "assignments"):
        shutil.copytree(REPO / folder, dest / folder)
    shutil.copytree(EXAMPLE, dest / EXAMPLE.relative_to(REPO))
    return dest


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    """A fresh copy of the small base workspace (``tests/cases/_base``)."""
    return copy_base(tmp_path / "ws")


@pytest.fixture()
def example_ws(tmp_path: Path) -> Path:
    """A fresh copy of the bundled example workspace (Thái Nguyên 2019)."""
    return copy_example(tmp_path / "example")


def set_explanation(root: Path, agency_file: str, item: str, text: str) -> None:
    """Replace (or add) one explanation in a score file, as a double-quoted YAML string."""
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


# ------------------------------------------------------------------------------ the CLI


def invoke(
    *args: str | Path, env: dict[str, str | None] | None = None, traceback: bool = False
) -> Result:
    """``cchc ARGS`` in-process. Whatever the input, cchc ends through its own exit codes: no
    traceback, no stray exception (``traceback=True`` for ``--debug``, which prints one)."""
    result = CliRunner().invoke(cli, [str(a) for a in args], env={**CLI_ENV, **(env or {})})
    if not traceback:
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def run(*args: str | Path, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    """``cchc ARGS``: (exit code, stdout, stderr)."""
    result = invoke(*args, env=env)
    return result.exit_code, result.stdout, result.stderr


def run_in(root: Path, *args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    """``cchc -C ROOT ARGS``."""
    return invoke("-C", root, *args, env=env)


def cli_json(root: Path, *args: str | Path) -> Any:
    """``cchc -C ROOT ARGS --format json``, which must succeed: the parsed stdout."""
    result = run_in(root, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def diagnostics(root: Path, *args: str | Path) -> list[dict[str, Any]]:
    """The diagnostics of ``cchc -C ROOT validate --format json ARGS``."""
    result = run_in(root, "validate", "--format", "json", *args)
    payload: dict[str, Any] = json.loads(result.stdout)
    return list(payload["diagnostics"])


def located(text: str, root: Path | None = None) -> list[tuple[str, str]]:
    """(location, code) of every diagnostic line of a text output, e.g. ("t.csv:3:14",
    "CCHC235"), locations relative to ``root`` if given: a location and its code are checked
    together, never each somewhere in the output."""
    if root is not None:
        text = text.replace(f"{root.as_posix()}/", "")
    return [(m["where"], m["code"]) for m in map(_LOCATED.match, text.splitlines()) if m]


# --------------------------------------------------------- a merged workspace made by hand
#
# The report model must not depend on how cchc_cli.scores.merge is written, so the report unit
# tests build Merged themselves from a small workspace: tree and plan through the real
# loaders, scores merged here, plainly. Imports stay inside: most tests never need them.


def hand_result(root: Path) -> Any:
    """Tree and plan from the real loaders; scores loaded and merged by hand."""
    from cchc_cli.core.modelval import validate_doc
    from cchc_cli.core.workspace import open_workspace
    from cchc_cli.core.yamlio import load_yaml
    from cchc_cli.pipeline import check_workspace
    from cchc_cli.scores.model import LoadedScores, ScoreFile

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


def _mini_merge(result: Any) -> Any:
    from decimal import Decimal

    from cchc_cli.scores.merge import EvidenceItem, Merged, MergedLeaf, MergedNode, PartScore

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
