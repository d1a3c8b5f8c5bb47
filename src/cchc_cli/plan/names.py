"""How owners are written for people: the one formatter every room uses.

Who scores an item appears in diagnostics, in ``cchc who``/``cchc owners``, in the merged table,
in scaffolded score files and in the report. All of them take their text from here, so an owner
reads the same everywhere a style is shared. Pure functions of the resolved owners (no printing,
no view module): checks, views and the report may all import this module.

Styles of one owner (:func:`owner_label`):

* ``name``: ``Sở Tài chính``, ``Sở Tài chính (quản lý ngân sách)``, ``Sở Nội vụ (phối hợp)``,
  ``Bộ Nội vụ`` (report, scaffold);
* ``code``: the same with the agency's code: ``STC (quản lý ngân sách)``, ``SNV (phối hợp)``;
  the Ministry keeps its name (merged table, tree);
* ``role``: the code and the role, always: ``SNV (chủ trì)``, ``STC (một phần: quản lý ngân
  sách)`` (``cchc owners``).

Diagnostics are translated only when shown, so they take a :class:`~cchc_cli.core.i18n.Msg`
from :func:`owners_msg` instead of text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from cchc_cli.core.diagnostics import Location
from cchc_cli.core.i18n import AllOf, Msg, tr
from cchc_cli.plan.model import LeafOwnership, Owner

OwnerStyle = Literal["name", "code", "role"]


def role_msg(owner: Owner) -> Msg:
    """The owner's role: ``chủ trì``, ``một phần: quản lý ngân sách``, ``phối hợp``, …"""
    if owner.role == "part":
        return Msg("plan.role.part", {"domain": owner.domain or ""})
    return Msg(f"plan.role.{owner.role}")


def owner_label(owner: Owner, lang: str, style: OwnerStyle = "name") -> str:
    """One owner in ``style`` (see the module docstring)."""
    if style == "role":
        return f"{owner.code} ({tr(role_msg(owner), lang)})"
    if owner.role == "ministry":
        return owner.name if style == "code" else tr("report.owner.ministry", lang)
    label = owner.name if style == "name" else owner.code
    if owner.role == "part" and owner.domain:
        return tr("report.owner.part", lang, name=label, domain=owner.domain)
    if owner.role == "cooperating":
        return tr("report.owner.cooperating", lang, name=label)
    return label


def owners_label(owners: Iterable[Owner], lang: str, style: OwnerStyle = "name") -> str:
    """Several owners in ``style``, comma-separated (empty text when there are none)."""
    return ", ".join(owner_label(o, lang, style) for o in owners)


def owners_msg(leaf: LeafOwnership | None) -> Msg:
    """The agencies that score ``leaf`` (each split part with its domain), for a diagnostic."""
    parts: list[Msg | str] = [
        Msg("scores.owner_domain", {"name": o.name, "domain": o.domain}) if o.domain else o.name
        for o in (leaf.scorers if leaf is not None else ())
    ]
    if not parts:
        return Msg("scores.owner_none")
    return Msg("scores.owner_list", {"owners": AllOf(parts)})


def place(loc: Location | None) -> str:
    """Where a rule is: ``assignments/plan.yaml:12`` (``—`` when unknown)."""
    if loc is None or loc.file is None:
        return "—"
    return f"{loc.file}:{loc.line}" if loc.line is not None else loc.file
