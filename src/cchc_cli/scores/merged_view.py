"""``cchc merged``: the merged result of the province, as JSON data and as a terminal table.

Takes the totals from the same :class:`~cchc_cli.scores.merge.Merged` as ``status`` and the
report (``total_json``), so they always agree.
"""

from __future__ import annotations

from typing import Any

from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.plan.names import owners_label
from cchc_cli.scores.merge import Merged, MergedLeaf, MergedNode
from cchc_cli.scores.status_view import total_json


def _explanation(leaf: MergedLeaf) -> str | None:
    if not leaf.explanations:
        return None
    if len(leaf.explanations) == 1:
        return leaf.explanations[0][1]
    return "\n".join(f"{code}: {text}" for code, text in leaf.explanations)


def rejection_text(leaf: MergedLeaf, lang: str) -> str:
    """Why a rejected leaf counts 0: each rejected value's reason (agency code first when the
    leaf has several scorers)."""
    several = len(leaf.ownership.scorers) > 1
    return "; ".join(
        f"{code}: {tr(reason, lang)}" if several else tr(reason, lang)
        for code, reason in leaf.rejections
    )


def merged_leaf_json(leaf: MergedLeaf, lang: str = "vi") -> dict[str, Any]:
    return {
        "item": leaf.item,
        "title": leaf.node.title,
        "score": leaf.score,
        "max": leaf.max,
        "method": leaf.method,
        "status": leaf.status,
        "rejected": [
            {"agency": code, "reason": tr(reason, lang)} for code, reason in leaf.rejections
        ],
        "combine": leaf.ownership.combine if leaf.ownership.is_split else None,
        "owners": [
            {"agency": o.code, "name": o.name, "role": o.role, "domain": o.domain}
            for o in leaf.ownership.owners
        ],
        "parts": [
            {
                "agency": p.agency,
                "domain": p.domain,
                "score": p.score,
                "measured": p.measured,
                "status": p.state,
                "written": p.written,
                "reason": tr(p.rejected, lang) if p.rejected is not None else None,
            }
            for p in leaf.parts
        ],
        "evidence": [
            {
                "agency": e.agency,
                "number": e.number,
                "date": e.date,
                "issuer": e.issuer,
                "title": e.title,
                "file": e.file,
            }
            for e in leaf.evidence
        ],
        "explanation": _explanation(leaf),
        "explanations": [{"agency": a, "text": t} for a, t in leaf.explanations],
        "comments": [{"agency": a, "text": t} for a, t in leaf.comments],
    }


def merged_node_json(node: MergedNode, *, deep: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "item": node.id,
        "title": node.node.title,
        "score": node.score,
        "max": node.self_max,
        "ministry_max": node.ministry_max,
    }
    if deep:
        out["criteria"] = [merged_node_json(c, deep=False) for c in node.children]
    return out


def merged_payload(merged: Merged, plan: ResolvedPlan, lang: str = "vi") -> dict[str, Any]:
    return {
        "province": plan.file.province,
        "year": plan.file.year,
        "total": total_json(merged),
        "ministry_max": merged.ministry_max,
        "items": [merged_leaf_json(leaf, lang) for leaf in merged.leaves],
        "areas": [merged_node_json(root, deep=True) for root in merged.roots],
    }


def render_merged(merged: Merged, plan: ResolvedPlan, console: Any, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(
            tr("scores.merged.title", lang, province=plan.file.province, year=plan.file.year)
        )
    )
    for key, justify in (
        ("item", "left"),
        ("title", "left"),
        ("score", "right"),
        ("max", "right"),
        ("owners", "left"),
        ("status", "left"),
    ):
        table.add_column(Text(tr(f"scores.merged.col.{key}", lang)), justify=justify)  # type: ignore[arg-type]
    for root in merged.roots:
        _add_merged_rows(table, root, lang)
    console.print(table)
    console.print(
        Text(
            tr(
                "scores.merged.total",
                lang,
                score=format_decimal(merged.total_score),
                max=format_decimal(merged.total_max),
                ministry=format_decimal(merged.ministry_max),
            )
        )
    )


def _add_merged_rows(table: Any, node: MergedNode, lang: str) -> None:
    """One row per node of the merged tree, depth first: a leaf with its owners and status."""
    from rich.text import Text

    leaf = node.leaf
    if leaf is None:
        table.add_row(
            Text(node.id, style="bold"),
            Text(node.node.title, style="bold"),
            Text(format_decimal(node.score), style="bold"),
            Text(format_decimal(node.self_max), style="bold"),
            Text(""),
            Text(""),
        )
        for child in node.children:
            _add_merged_rows(table, child, lang)
        return
    status = tr(f"scores.merged.status.{leaf.status}", lang)
    if leaf.rejections:
        status = tr(
            "values.rejected.status", lang, status=status, reason=rejection_text(leaf, lang)
        )
    style = {"missing": "yellow", "rejected": "bold red", "ministry": "dim"}.get(leaf.status, "")
    table.add_row(
        Text(leaf.item),
        Text(leaf.node.title),
        format_decimal(leaf.score) if leaf.score is not None else "—",
        format_decimal(leaf.max),
        Text(owners_label(leaf.ownership.scorers, lang, "code")),
        Text(status, style=style),
    )
