"""What `cchc who` and `cchc owners` print: the resolved plan as text lines or JSON data.

Pure functions (no printing): the commands in :mod:`cchc_cli.cli.app` write the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.criteria.model import Node
from cchc_cli.plan.model import LeafOwnership, Owner, ResolvedPlan
from cchc_cli.plan.names import owners_label, place, role_msg


# --------------------------------------------------------------------------------- owners
def _owners_detail(leaf: LeafOwnership, lang: str) -> str:
    """``SNV (chủ trì), SKHCN (phối hợp)``, then how a split leaf combines its parts."""
    if not leaf.owners:
        return tr("plan.no_owner", lang)
    text = owners_label(leaf.owners, lang, "role")
    if leaf.combine is not None:
        text += "; " + tr("plan.combine_short", lang, combine=leaf.combine)
    return text


def owner_json(owner: Owner) -> dict[str, Any]:
    return {"code": owner.code, "name": owner.name, "role": owner.role, "domain": owner.domain}


def ownership_json(leaf: LeafOwnership) -> dict[str, Any]:
    rule = leaf.rule
    return {
        "item": leaf.item,
        "title": leaf.node.title,
        "method": leaf.node.method,
        "owners": [owner_json(o) for o in leaf.owners],
        "rule": {"file": rule.file, "line": rule.line} if rule is not None else None,
        "combine": leaf.combine,
    }


def select_leaves(plan: ResolvedPlan, agency: str | None) -> list[LeafOwnership]:
    """Every leaf in natural id order, or only those where ``agency`` has a role."""
    if agency is None:
        return list(plan.leaves.values())
    return [leaf for leaf in plan.leaves.values() if leaf.role_of(agency) is not None]


def owners_payload(leaves: Iterable[LeafOwnership]) -> list[dict[str, Any]]:
    return [ownership_json(leaf) for leaf in leaves]


def owners_lines(leaves: list[LeafOwnership], lang: str) -> list[str]:
    """Two lines per leaf: id and title, then its owners and the rule (file:line)."""
    width = max((len(leaf.item) for leaf in leaves), default=0)
    lines: list[str] = []
    for leaf in leaves:
        lines.append(f"{leaf.item.ljust(width)}  {leaf.node.title}")
        detail = tr(
            "plan.owners_line", lang, owners=_owners_detail(leaf, lang), rule=place(leaf.rule)
        )
        lines.append(" " * (width + 2) + detail)
    lines.append(tr("plan.owners_count", lang, count=len(leaves)))
    return lines


# --------------------------------------------------------------------------------- who
def who_lines(plan: ResolvedPlan, node: Node, lang: str) -> list[str]:
    """The owners of ``node`` (leaf or subtree) grouped by (agency, role, domain, rule)."""
    leaves = plan.leaves_under(node)
    header = (
        tr("plan.who.leaf", lang, max=format_decimal(node.max), method=node.method or "—")
        if node.is_leaf
        else tr("plan.who.subtree", lang, max=format_decimal(node.max), count=len(leaves))
    )
    lines = [f"{node.id}  {node.title}", "  " + header]
    lines += ["  " + line for line in _owner_groups(leaves, lang)]
    lines += ["  " + line for line in _who_notes(plan, leaves, lang)]
    return lines


def _owner_groups(leaves: list[LeafOwnership], lang: str) -> list[str]:
    """One line per (agency, role, domain, rule) with its leaves, then the unowned leaves."""
    groups: dict[tuple[str, str, str | None, str], tuple[Owner, list[str]]] = {}
    unowned: list[str] = []
    for leaf in leaves:
        if not leaf.owners:
            unowned.append(leaf.item)
        for owner in leaf.owners:
            rule = owner.rule or leaf.rule
            # Ministry leaves come from each leaf's `method` line: one group per file
            where = (rule.file or "") if owner.role == "ministry" and rule else place(rule)
            key = (owner.code, owner.role, owner.domain, where)
            groups.setdefault(key, (owner, []))[1].append(leaf.item)
    lines: list[str] = []
    for (_code, role, _domain, where), (owner, items) in groups.items():
        template = "plan.who.ministry" if role == "ministry" else "plan.who.owner"
        lines.append(
            tr(
                template,
                lang,
                code=owner.code,
                name=tr("plan.ministry_name", lang) if role == "ministry" else owner.name,
                role=tr(role_msg(owner), lang),
                items=items,
                rule=where,
            )
        )
    if unowned:
        lines.append(tr("plan.who.unowned", lang, items=unowned))
    return lines


def _who_notes(plan: ResolvedPlan, leaves: list[LeafOwnership], lang: str) -> list[str]:
    """How split leaves combine, what cooperating agencies do, which rules were overridden."""
    lines: list[str] = []
    combines = sorted({leaf.combine for leaf in leaves if leaf.combine is not None})
    for combine in combines:
        split_items = [leaf.item for leaf in leaves if leaf.combine == combine]
        rule = tr(f"plan.combine.{combine}", lang, coordinator=plan.file.coordinator)
        lines.append(tr("plan.who.combine", lang, items=split_items, combine=rule))
    coop = [leaf.item for leaf in leaves if leaf.cooperating]
    if coop:
        lines.append(tr("plan.who.cooperating_note", lang, items=coop))
    overridden: dict[tuple[str, str], list[str]] = {}
    for leaf in leaves:
        for loc in leaf.overridden:
            overridden.setdefault((place(loc), place(leaf.rule)), []).append(leaf.item)
    for (lost, won), items in overridden.items():
        lines.append(tr("plan.who.overridden", lang, items=items, lost=lost, won=won))
    return lines
