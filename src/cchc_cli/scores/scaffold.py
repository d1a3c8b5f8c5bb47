"""``cchc scaffold``: write an agency's empty score file, or append newly assigned items.

A scaffolded file lists exactly the leaves the agency scores (lead, split part, coordinator
decision) and cooperates on, in natural id order, each preceded by comments (title, maximum,
levels or rubric, guidance, role) and with empty values. Its first line points the VS Code YAML
extension at the agency's JSON Schema, written next to the scores folder (``schemas/``).

``--update`` never rewrites what the agency wrote: it inserts the new items as text at the end
of the ``items`` mapping; every existing byte (comments, order, line endings, BOM) is kept.

The item blocks are written by :mod:`cchc_cli.scores.scaffold_items`, the ``--update`` insertion
by :mod:`cchc_cli.scores.scaffold_update`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import tr
from cchc_cli.core.workspace import Workspace
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.scores.files import files_of_agency, misnamed_diagnostics
from cchc_cli.scores.model import SCORE_FORMAT
from cchc_cli.scores.scaffold_items import comment_lines, item_block
from cchc_cli.scores.scaffold_update import plan_update

SCHEMA_FOLDER = "schemas"


# --------------------------------------------------------------------------------------------
# paths


def schemas_dir(ws: Workspace) -> Path:
    """``schemas/`` beside the scores folder (inside the workspace root if scores is the root)."""
    scores = ws.scores_dir.resolve()
    root = ws.root.resolve()
    return (root if scores == root else scores.parent) / SCHEMA_FOLDER


def score_path(ws: Workspace, code: str) -> Path:
    return ws.scores_dir / f"{code.lower()}.yaml"


def schema_path(ws: Workspace, code: str) -> Path:
    return schemas_dir(ws) / f"{code}.schema.json"


def schema_ref(ws: Workspace, code: str) -> str:
    """The schema's path relative to the scores folder, with ``/`` (what VS Code expects)."""
    rel = os.path.relpath(schema_path(ws, code).resolve(), ws.scores_dir.resolve())
    return rel.replace(os.sep, "/")


def schema_comment(ref: str) -> str:
    return f"# yaml-language-server: $schema={ref}"


# --------------------------------------------------------------------------------------------
# a new file


def header_lines(ws: Workspace, plan: ResolvedPlan, code: str, lang: str) -> list[str]:
    name = plan.agency_name(code)
    due = plan.file.due_before
    text = tr(
        "scores.scaffold.header",
        lang,
        year=plan.file.year,
        name=name,
        code=code,
        code_lower=code.lower(),
        province=plan.file.province,
        due=due.strftime("%d/%m/%Y"),
        coordinator=plan.agency_name(plan.file.coordinator),
        evidence=ws.config.evidence or ".",
    )
    lines = [schema_comment(schema_ref(ws, code))]
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("#")
        elif paragraph.startswith(("-", " ")):
            lines.append("#   " + paragraph.rstrip())
        else:
            lines += comment_lines(paragraph, "# ")
    return lines


def render_scaffold(
    ws: Workspace, tree: CriteriaTree, plan: ResolvedPlan, code: str, lang: str
) -> str:
    """The full text of a new score file for ``code``."""
    lines = header_lines(ws, plan, code, lang)
    lines += [
        f"format: {SCORE_FORMAT}",
        f"agency: {code}",
        f"year: {plan.file.year}",
        "status: draft" + "  # " + tr("scores.scaffold.status_comment", lang),
        "submitted:" + "  # " + tr("scores.scaffold.submitted_comment", lang),
        "items:",
    ]
    pairs = plan.listed_items(code)
    for i, (leaf, role) in enumerate(pairs):
        if i:
            lines.append("")
        lines += item_block(leaf, code, role, lang)
    return "\n".join(lines) + "\n"


@dataclass
class ScaffoldOutcome:
    code: str
    path: Path
    action: str  # "created", "updated", "unchanged", "refused"
    added: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def scaffold_agency(
    ws: Workspace, tree: CriteriaTree, plan: ResolvedPlan, code: str, *, update: bool, lang: str
) -> ScaffoldOutcome:
    """Create (or with ``update`` extend) one agency's file, and (re)write its schema."""
    from cchc_cli.core.atomic import write_bytes, write_text
    from cchc_cli.scores.schema import schema_text

    target, refusal = _target(ws, plan, code, update=update)
    if refusal is not None:
        return ScaffoldOutcome(code, target, "refused", problems=[refusal])
    schema = schema_text(tree, plan, code, lang)
    if not target.exists():
        kept = _write_schema(ws, code, schema, lang)
        write_text(target, render_scaffold(ws, tree, plan, code, lang))
        added = [leaf.item for leaf, _ in plan.listed_items(code)]
        return ScaffoldOutcome(code, target, "created", added=added, problems=kept)
    change = plan_update(target, ws.rel(target), plan, code, lang)
    if change.problems:
        return ScaffoldOutcome(code, target, "refused", problems=change.problems)
    kept = _write_schema(ws, code, schema, lang)  # the plan may have changed: refresh it
    if change.data is None:
        return ScaffoldOutcome(code, target, "unchanged", problems=kept)
    write_bytes(target, change.data)
    return ScaffoldOutcome(code, target, "updated", added=change.added, problems=kept)


def _write_schema(ws: Workspace, code: str, text: str, lang: str) -> list[Diagnostic]:
    """Write (or refresh) the agency's schema through the overwrite rule (core/outputs.py):
    a schema file cchc did not write is kept as it is, with warning CCHC131."""
    from cchc_cli.core.diagnostics import warning
    from cchc_cli.core.outputs import OutputGuard, workspace_inputs
    from cchc_cli.scores.schema import is_cchc_schema

    path, data = schema_path(ws, code), text.encode("utf-8")
    guard = OutputGuard(workspace_inputs(ws), own=is_cchc_schema, lang=lang)
    if guard.check({path: data}):
        rel = ws.rel(path)
        return [warning("CCHC131", Location(rel), agency=code, file=rel, agency_code=code)]
    guard.write({path: data})
    return []


def _target(
    ws: Workspace, plan: ResolvedPlan, code: str, *, update: bool
) -> tuple[Path, Diagnostic | None]:
    """The agency's file to write, or why it may not be written (with the file concerned)."""
    if not plan.listed_items(code):
        name = plan.agency_name(code)
        return score_path(ws, code), error(
            "CCHC433", Location(plan.rel), agency=code, agency_code=code, name=name
        )
    existing = files_of_agency(ws, code)
    target = existing[0] if existing else score_path(ws, code)
    rel = ws.rel(target)
    misnamed = [d for d in misnamed_diagnostics(ws) if d.file == rel]
    if misnamed:  # snv.yaml.txt: rename it first (a new snv.yaml beside it would hide it)
        return target, misnamed[0]
    if len(existing) > 1:
        others = [ws.rel(p) for p in existing]
        return target, error("CCHC432", Location(rel), agency=code, agency_code=code, files=others)
    if target.exists() and not update:
        return target, error("CCHC430", Location(rel), agency=code, agency_code=code, file=rel)
    return target, None
