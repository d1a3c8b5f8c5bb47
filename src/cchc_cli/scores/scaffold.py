"""``cchc scaffold``: write an agency's empty score file, or append newly assigned items.

A scaffolded file lists exactly the leaves the agency scores (lead, split part, coordinator
decision) and cooperates on, in natural id order, each preceded by comments (title, maximum,
levels or rubric, guidance, role) and with empty values. Its first line points the VS Code YAML
extension at the agency's JSON Schema, written next to the scores folder (``schemas/``).

``--update`` never rewrites what the agency wrote: it inserts the new items as text at the end
of the ``items`` mapping; every existing byte (comments, order, line endings, BOM) is kept.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.core.textio import decode
from cchc_cli.core.workspace import Workspace
from cchc_cli.core.yamlio import parse_text
from cchc_cli.criteria.model import CriteriaTree, Node, quantize
from cchc_cli.plan.model import LeafOwnership, ResolvedPlan
from cchc_cli.scores.checks import ScoreRole, declared_agency, listed_items, score_files
from cchc_cli.scores.model import SCORE_FORMAT

WIDTH = 100
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
# text generation


def _comment(text: str, prefix: str) -> list[str]:
    """Wrap ``text`` into comment lines starting with ``prefix`` (e.g. ``"  # "``)."""
    clean = " ".join(text.split())
    if not clean:
        return [prefix.rstrip()]
    # never break inside `code`: protect its spaces while wrapping
    guarded = re.sub(r"`[^`]*`", lambda m: m.group().replace(" ", "\x00"), clean)
    width = max(40, WIDTH - len(prefix))
    lines = textwrap.wrap(guarded, width=width, break_long_words=False, break_on_hyphens=False)
    return [prefix + line.replace("\x00", " ") for line in lines]


def _points(value: object) -> str:
    from decimal import Decimal

    return format_decimal(value) if isinstance(value, Decimal) else str(value)


def rubric_text(node: Node, lang: str) -> str | None:
    rubric = node.rubric
    if rubric is None:
        return None
    unit = rubric.unit or ""
    bands = sorted(rubric.bands, key=lambda b: b.from_, reverse=True)
    parts = [
        tr(
            "scores.scaffold.band",
            lang,
            value=format_decimal(b.from_),
            unit=unit,
            points=_points(quantize(node.max * b.fraction)),
        )
        for b in bands
    ]
    return tr("scores.scaffold.rubric", lang, title=rubric.title, bands="; ".join(parts))


def role_text(
    plan: ResolvedPlan, leaf: LeafOwnership, code: str, role: ScoreRole, lang: str
) -> str:
    def names() -> str:
        out: list[str] = []
        for o in leaf.scorers:
            name = plan.agency_name(o.code)
            out.append(f"{name} ({o.domain})" if o.domain else name)
        return ", ".join(out)

    combine = tr(f"scores.scaffold.combine.{leaf.combine or 'min'}", lang)
    if role == "lead":
        return tr("scores.scaffold.role.lead", lang)
    if role == "part":
        owner = leaf.role_of(code)
        domain = owner.domain if owner is not None else ""
        return tr(
            "scores.scaffold.role.part", lang, domain=domain or "", owners=names(), combine=combine
        )
    if role == "decision":
        return tr("scores.scaffold.role.decision", lang, owners=names())
    return tr("scores.scaffold.role.cooperating", lang, owners=names())


def item_block(
    plan: ResolvedPlan,
    leaf: LeafOwnership,
    code: str,
    role: ScoreRole,
    lang: str,
    *,
    indent: str = "  ",
    inner: str = "  ",
) -> list[str]:
    """The lines of one item: comments, then the key and its empty fields."""
    node = leaf.node
    c = indent + "# "
    lines = _comment(f"──── {node.id} {node.title}", c)
    facts = tr("scores.scaffold.max", lang, max=format_decimal(node.max))
    if node.levels is not None:
        facts += " " + tr(
            "scores.scaffold.levels",
            lang,
            levels=", ".join(format_decimal(v) for v in sorted(set(node.levels))),
        )
    lines += _comment(facts, c)
    rubric = rubric_text(node, lang)
    if rubric is not None:
        lines += _comment(rubric, c)
    if node.guidance:
        lines += _comment(tr("scores.scaffold.guidance", lang, guidance=node.guidance), c)
    lines += _comment(role_text(plan, leaf, code, role, lang), c)
    lines.append(f'{indent}"{node.id}":')
    field_indent = indent + inner
    if role == "cooperating":
        fields = ["comment", "evidence"]
    elif node.rubric is not None and role != "decision":
        fields = ["measured", "explanation", "evidence"]
    elif role == "decision":
        fields = ["score", "explanation"]
    else:
        fields = ["score", "explanation", "evidence"]
    lines += [f"{field_indent}{name}:" for name in fields]
    return lines


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
            lines += _comment(paragraph, "# ")
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
    pairs = listed_items(plan, code)
    for i, (leaf, role) in enumerate(pairs):
        if i:
            lines.append("")
        lines += item_block(plan, leaf, code, role, lang)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# --update: append new items without touching a byte of the rest


@dataclass
class UpdatePlan:
    """What ``--update`` would do to one file."""

    added: list[str] = field(default_factory=list)
    data: bytes | None = None
    problems: list[Diagnostic] = field(default_factory=list)


_BREAK = re.compile(r"\r\n|\r|\n")


def _newline_of(text: str) -> str:
    match = _BREAK.search(text)
    return match.group() if match else "\n"


def _bom_and_encoding(raw: bytes) -> tuple[bytes, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[:3], "utf-8"
    if raw.startswith(b"\xff\xfe"):
        return raw[:2], "utf-16-le"
    if raw.startswith(b"\xfe\xff"):
        return raw[:2], "utf-16-be"
    return b"", "utf-8"


def plan_update(path: Path, rel: str, plan: ResolvedPlan, code: str, lang: str) -> UpdatePlan:
    """Compute the new bytes of ``path`` with the items ``code`` now has but the file lacks."""
    result = UpdatePlan()
    raw = path.read_bytes()
    text, problems = decode(raw, rel)
    if text is None:
        result.problems = problems
        return result
    doc, problems = parse_text(text, rel, path, raw)
    if doc is None:
        result.problems = problems
        return result
    root = doc.root
    if not isinstance(root, MappingNode):
        result.problems = [error("CCHC431", doc.at(root), file=rel)]
        return result
    items_key = items_value = None
    for key_node, value_node in root.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "items":
            items_key, items_value = key_node, value_node
    existing: set[str] = set()
    if isinstance(items_value, MappingNode):
        if items_value.flow_style:
            result.problems = [error("CCHC431", doc.at(items_value), file=rel)]
            return result
        existing = {k.value for k, _ in items_value.value if isinstance(k, ScalarNode)}
    elif items_value is not None and not (
        isinstance(items_value, ScalarNode)
        and items_value.tag.endswith(":null")
        and items_value.value == ""
    ):
        result.problems = [error("CCHC431", doc.at(items_value), file=rel)]
        return result
    new_pairs = [
        (leaf, role) for leaf, role in listed_items(plan, code) if leaf.item not in existing
    ]
    if not new_pairs:
        return result
    nl = _newline_of(text)
    indent, inner = _indents(items_value)
    block: list[str] = [indent + "# " + tr("scores.scaffold.update_marker", lang)]
    for leaf, role in new_pairs:
        block += item_block(plan, leaf, code, role, lang, indent=indent, inner=inner)
    body = nl.join(block) + nl
    if items_key is None:
        at = len(text)
        body = "items:" + nl + body
    elif isinstance(items_value, MappingNode):
        at = items_value.end_mark.index
    else:
        # `items:` with nothing after it: insert right after that line.
        line_end = _BREAK.search(text, items_key.end_mark.index)
        at = line_end.end() if line_end else len(text)
    at = min(at, len(text))
    if at == len(text) and text and not text.endswith(("\n", "\r")):
        body = nl + body
    elif at < len(text) and at > 0 and text[at - 1] not in "\r\n":
        result.problems = [error("CCHC431", Location(rel), file=rel)]
        return result
    new_text = text[:at] + body + text[at:]
    bom, encoding = _bom_and_encoding(raw)
    result.data = bom + new_text.encode(encoding)
    result.added = [leaf.item for leaf, _ in new_pairs]
    return result


def _indents(items_value: object) -> tuple[str, str]:
    """The indentation the file already uses for item keys and for fields inside an item."""
    if not isinstance(items_value, MappingNode) or not items_value.value:
        return "  ", "  "
    first_key = items_value.value[0][0]
    key_col = first_key.start_mark.column
    inner = 2
    for _, value in items_value.value:
        if isinstance(value, MappingNode) and value.value and not value.flow_style:
            inner = max(1, value.value[0][0].start_mark.column - key_col)
            break
    return " " * key_col, " " * inner


# --------------------------------------------------------------------------------------------
# finding an agency's existing file


def files_of_agency(ws: Workspace, code: str) -> list[Path]:
    """Score files whose ``agency:`` is ``code`` (even when they have format errors)."""
    return [path for path in score_files(ws) if declared_agency(path, ws.rel(path)) == code]


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

    if not listed_items(plan, code):
        return ScaffoldOutcome(
            code,
            score_path(ws, code),
            "refused",
            problems=[
                error(
                    "CCHC433",
                    Location(plan.rel),
                    agency=code,
                    agency_code=code,
                    name=plan.agency_name(code),
                )
            ],
        )
    existing = files_of_agency(ws, code)
    target = existing[0] if existing else score_path(ws, code)
    rel = ws.rel(target)
    if len(existing) > 1:
        others = [ws.rel(p) for p in existing]
        return ScaffoldOutcome(
            code,
            target,
            "refused",
            problems=[error("CCHC432", Location(rel), agency=code, agency_code=code, files=others)],
        )
    if target.exists() and not update:
        return ScaffoldOutcome(
            code,
            target,
            "refused",
            problems=[error("CCHC430", Location(rel), agency=code, agency_code=code, file=rel)],
        )
    schema = schema_text(tree, plan, code, lang)
    if not target.exists():
        write_text(schema_path(ws, code), schema)
        write_text(target, render_scaffold(ws, tree, plan, code, lang))
        return ScaffoldOutcome(
            code, target, "created", added=[leaf.item for leaf, _ in listed_items(plan, code)]
        )
    change = plan_update(target, rel, plan, code, lang)
    if change.problems:
        return ScaffoldOutcome(code, target, "refused", problems=change.problems)
    write_text(schema_path(ws, code), schema)  # the plan may have changed: refresh it
    if change.data is None:
        return ScaffoldOutcome(code, target, "unchanged")
    write_bytes(target, change.data)
    return ScaffoldOutcome(code, target, "updated", added=change.added)
