"""``cchc schema AGENCY``: a draft-07 JSON Schema for one agency's score file.

Editors (VS Code with the Red Hat YAML extension) read it from the first line of the file
(``# yaml-language-server: $schema=...``) and then complete item ids, show titles on hover and
underline an unknown id, a score above the maximum or not one of the allowed levels.

Editors parse YAML 1.2: ``0.5`` is a number and ``2019-03-01`` a string. The schema therefore
expects numbers for points and ``YYYY-MM-DD`` strings for dates (cchc itself reads every
scalar as text and converts by field type, so both quoted and unquoted values work with cchc).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import LeafOwnership, ResolvedPlan, ScoreRole
from cchc_cli.scores.model import SCORE_FORMAT

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


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
        score: dict[str, Any] = {
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": _number(node.max),
            "description": tr("scores.schema.score", lang, max=format_decimal(node.max)),
        }
        if levels is not None:
            score["enum"] = [_number(v) for v in levels] + [None]
        props["score"] = score
        if node.rubric is not None and role != "decision":
            props["measured"] = {
                "type": ["number", "null"],
                "minimum": _number(node.rubric.min),
                "maximum": _number(node.rubric.max),
                "description": tr(
                    "scores.schema.measured",
                    lang,
                    title=node.rubric.title,
                    unit=node.rubric.unit or "",
                ),
            }
        props["explanation"] = {
            "$ref": "#/definitions/text",
            "description": tr("scores.schema.explanation", lang),
        }
    props["comment"] = {
        "$ref": "#/definitions/text",
        "description": tr("scores.schema.comment", lang),
    }
    if role != "decision":
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
    return {
        "$schema": DRAFT_07,
        "title": tr("scores.schema.title", lang, name=name, code=code, year=plan.file.year),
        "description": tr("scores.schema.description", lang),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "agency", "year", "status"],
        "properties": {
            "format": {"const": SCORE_FORMAT, "description": tr("scores.schema.format", lang)},
            "agency": {"const": code, "description": name},
            "year": {"const": plan.file.year, "description": tr("scores.schema.year", lang)},
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
        "definitions": {"text": {"type": ["string", "null"]}, "evidence": _evidence_schema(lang)},
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
    text_field = {"type": ["string", "number", "null"]}
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
                "file": {
                    "type": ["string", "null"],
                    "description": tr("scores.schema.ev.file", lang),
                },
            },
        },
    }


def schema_text(tree: CriteriaTree, plan: ResolvedPlan, code: str, lang: str) -> str:
    return json.dumps(build_schema(tree, plan, code, lang), ensure_ascii=False, indent=2) + "\n"
