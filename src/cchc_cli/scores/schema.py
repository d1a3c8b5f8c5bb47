"""``cchc schema AGENCY``: a draft-07 JSON Schema for one agency's score file.

Editors (VS Code with the Red Hat YAML extension) read it from the first line of the file
(``# yaml-language-server: $schema=...``) and then complete item ids, show titles on hover and
underline an unknown id, a score above the maximum or not one of the allowed levels.

Editors parse YAML 1.2: ``0.5`` is a number, ``"0.5"`` a string and ``2019-03-01`` a string.
cchc reads every scalar as text and converts it by field type, so the schema accepts whatever
cchc accepts, written any way (a test checks it with ``jsonschema``): points as a number or as
quoted number text (:data:`~cchc_cli.core.modelbase.NUMBER_TEXT`; only unquoted numbers are
checked against the maximum and the levels by the editor, cchc checks both), dates as
``YYYY-MM-DD`` text, free text as any scalar, ``format``/``year`` quoted or not, and the
item ids a YAML 1.2 editor turns into numbers (an unquoted ``1.10`` is the number ``1.1``).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.core.modelbase import DATE_TEXT, NUMBER_TEXT
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import LeafOwnership, ResolvedPlan, ScoreRole
from cchc_cli.scores.model import SCORE_FORMAT

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = f"^[ \\t]*{DATE_TEXT}[ \\t]*$"
NUMBER_PATTERN = f"^[ \\t]*{NUMBER_TEXT}[ \\t]*$"
#: any scalar: what a free-text field (read as text by cchc) may look like to a YAML 1.2 editor
SCALAR = ["string", "number", "boolean", "null"]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _points(
    low: Decimal, high: Decimal, levels: tuple[Decimal, ...] | None, description: str
) -> dict[str, Any]:
    """A number field: an unquoted number in range (one of ``levels``), or quoted number text."""
    number: dict[str, Any] = {"type": "number", "minimum": _number(low), "maximum": _number(high)}
    if levels is not None:
        number["enum"] = [_number(v) for v in levels]
    text = {"type": "string", "pattern": NUMBER_PATTERN}
    return {"description": description, "anyOf": [number, text, {"type": "null"}]}


def _whole(value: int, description: str) -> dict[str, Any]:
    """An integer field that must be ``value``: unquoted, or quoted as pydantic reads it."""
    digits = "_?".join(str(value))
    text = {"type": "string", "pattern": f"^\\s*\\+?0*{digits}(\\.0*)?\\s*$"}
    return {"description": description, "anyOf": [{"const": value}, text]}


def _editor_key(item_id: str) -> str | None:
    """How a YAML 1.2 editor names an unquoted id it reads as a number (``1.10`` -> ``1.1``),
    when that differs from the id."""
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", item_id):
        return None
    shown = repr(float(item_id))
    shown = shown[:-2] if shown.endswith(".0") else shown
    return shown if shown != item_id else None


def _item_schema(leaf: LeafOwnership, role: ScoreRole, lang: str) -> dict[str, Any]:
    node = leaf.node
    levels = node.allowed_scores()
    summary = tr(
        "scores.schema.item", lang, id=node.id, title=node.title, max=format_decimal(node.max)
    )
    if levels is not None:
        summary += " " + tr(
            "scores.scaffold.levels", lang, levels=", ".join(format_decimal(v) for v in levels)
        )
    props: dict[str, Any] = {}
    if role != "cooperating":
        description = tr("scores.schema.score", lang, max=format_decimal(node.max))
        props["score"] = _points(Decimal(0), node.max, levels, description)
        if node.rubric is not None:
            rubric = node.rubric
            unit = rubric.unit or ""
            description = tr("scores.schema.measured", lang, title=rubric.title, unit=unit)
            props["measured"] = _points(rubric.min, rubric.max, None, description)
    props["explanation"] = {
        "$ref": "#/definitions/text",
        "description": tr("scores.schema.explanation", lang),
    }
    props["comment"] = {
        "$ref": "#/definitions/text",
        "description": tr("scores.schema.comment", lang),
    }
    props["evidence"] = {"$ref": "#/definitions/evidence"}
    return {
        "description": summary,
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": props,
    }


def build_schema(tree: CriteriaTree, plan: ResolvedPlan, code: str, lang: str) -> dict[str, Any]:
    name = plan.agency_name(code)
    items = {leaf.item: _item_schema(leaf, role, lang) for leaf, role in plan.listed_items(code)}
    for item_id in list(items):
        alias = _editor_key(item_id)
        if alias is not None and alias not in items:
            items[alias] = items[item_id]
    return {
        "$schema": DRAFT_07,
        "title": tr("scores.schema.title", lang, name=name, code=code, year=plan.file.year),
        "description": tr("scores.schema.description", lang),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "agency", "year", "status"],
        "properties": {
            "format": _whole(SCORE_FORMAT, tr("scores.schema.format", lang)),
            "agency": {"const": code, "description": name},
            "year": _whole(plan.file.year, tr("scores.schema.year", lang)),
            "status": {
                "enum": ["draft", "submitted"],
                "description": tr("scores.scaffold.status_comment", lang),
            },
            "submitted": {
                "type": ["string", "null"],
                "pattern": DATE_PATTERN,
                "description": tr("scores.scaffold.submitted_comment", lang),
            },
            "items": {
                "type": ["object", "null"],
                "description": tr("scores.schema.items", lang),
                "additionalProperties": False,
                "properties": items,
            },
            "report": _report_schema(lang),
        },
        "definitions": {"text": {"type": SCALAR}, "evidence": _evidence_schema(lang)},
    }


def _report_schema(lang: str) -> dict[str, Any]:
    """The department's own report: number, symbol, signer, recipients, part III."""
    text = {"type": ["string", "number", "null"]}
    signer = {
        key: {**text, "description": tr(f"scores.schema.report.signer_{key}", lang)}
        for key in ("authority", "deputy", "title", "name")
    }
    return {
        "type": ["object", "null"],
        "description": tr("scores.schema.report", lang),
        "additionalProperties": False,
        "properties": {
            "issuer": {**text, "description": tr("scores.schema.report.issuer", lang)},
            "number": {**text, "description": tr("scores.schema.report.number", lang)},
            "symbol": {**text, "description": tr("scores.schema.report.symbol", lang)},
            "date": {
                "type": ["string", "null"],
                "pattern": DATE_PATTERN,
                "description": tr("scores.schema.report.date", lang),
            },
            "place": {**text, "description": tr("scores.schema.report.place", lang)},
            "signer": {
                "type": ["object", "null"],
                "additionalProperties": False,
                "properties": signer,
            },
            "recipients": {
                "type": ["array", "null"],
                "items": {"type": "string"},
                "description": tr("scores.schema.report.recipients", lang),
            },
            "archive": {**text, "description": tr("scores.schema.report.archive", lang)},
            "notes": {
                "type": ["string", "null"],
                "description": tr("scores.schema.report.notes", lang),
            },
        },
    }


def _evidence_schema(lang: str) -> dict[str, Any]:
    """The ``evidence`` list every item shares: one document per entry."""
    text_field = {"type": SCALAR}
    return {
        "type": ["array", "null"],
        "description": tr("scores.schema.evidence", lang),
        "items": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "number": {**text_field, "description": tr("scores.schema.ev.number", lang)},
                "date": {
                    "type": ["string", "null"],
                    "pattern": DATE_PATTERN,
                    "description": tr("scores.schema.ev.date", lang),
                },
                "issuer": {**text_field, "description": tr("scores.schema.ev.issuer", lang)},
                "title": {**text_field, "description": tr("scores.schema.ev.title", lang)},
                "file": {**text_field, "description": tr("scores.schema.ev.file", lang)},
            },
        },
    }


def schema_text(tree: CriteriaTree, plan: ResolvedPlan, code: str, lang: str) -> str:
    return json.dumps(build_schema(tree, plan, code, lang), ensure_ascii=False, indent=2) + "\n"


def is_cchc_schema(path: Path, data: bytes) -> bool:
    """Whether an existing file is a schema cchc wrote (draft-07 with cchc's description, in
    any language): such a file may be refreshed even where no manifest lists it (schemas made
    before manifests existed; see core/outputs.py)."""
    from cchc_cli.core.i18n import LANGS

    del path
    try:
        found = json.loads(data)
    except ValueError:
        return False
    if not isinstance(found, dict) or found.get("$schema") != DRAFT_07:
        return False
    return found.get("description") in {tr("scores.schema.description", lang) for lang in LANGS}
