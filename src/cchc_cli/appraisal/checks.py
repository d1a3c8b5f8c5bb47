"""Checks of the appraisal file against the criteria, the plan and the computed index.

Codes CCHC601–CCHC614 (see README, section "appraisal"). Every check is at its line. The
verdicts on values come from :mod:`cchc_cli.appraisal.semantics`, the same functions that
decide what a value counts for, so a value reported here is exactly a value counted 0.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from cchc_cli.appraisal.index import AppraisedIndex, AppraisedLeaf
from cchc_cli.appraisal.model import LoadedAppraisal
from cchc_cli.appraisal.semantics import IMPACT_PART, SELF_PART, judge
from cchc_cli.core.diagnostics import Diagnostic, Location, error, info, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean, natural_key
from cchc_cli.criteria.model import CriteriaTree
from cchc_cli.plan.model import ResolvedPlan


def check_appraisal(
    loaded: LoadedAppraisal, tree: CriteriaTree, plan: ResolvedPlan, index: AppraisedIndex
) -> list[Diagnostic]:
    """Every diagnostic of the appraisal file."""
    found = _header(loaded, tree, plan)
    found += _items(loaded, tree, index)
    found += _parts(loaded, index)
    found += _coverage(loaded, index)
    found += _published(index)
    return found


def _same_name(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).strip().casefold() == (
        unicodedata.normalize("NFC", b).strip().casefold()
    )


def _header(loaded: LoadedAppraisal, tree: CriteriaTree, plan: ResolvedPlan) -> list[Diagnostic]:
    """The same province, year and methodology as the plan and the criteria."""
    doc, f = loaded.doc, loaded.file
    found: list[Diagnostic] = []
    if not _same_name(f.province, plan.file.province):
        found.append(
            error(
                "CCHC601",
                doc.locate(("province",)),
                province=f.province,
                expected=plan.file.province,
                plan=plan.rel,
            )
        )
    if f.year != plan.file.year:
        at = doc.locate(("year",))
        found.append(error("CCHC602", at, year=f.year, expected=plan.file.year, plan=plan.rel))
    decision = tree.meta.methodology.decision
    if f.methodology.strip() != decision.strip():
        found.append(
            error(
                "CCHC603",
                doc.locate(("methodology",)),
                methodology=f.methodology,
                expected=decision,
                criteria=tree.rel,
            )
        )
    return found


def _items(loaded: LoadedAppraisal, tree: CriteriaTree, index: AppraisedIndex) -> list[Diagnostic]:
    """Each listed id: a leaf of the criteria, its value allowed, never both value and total."""
    doc = loaded.doc
    leaves = {leaf.id: leaf for leaf in index.leaves}
    found: list[Diagnostic] = []
    for item_id, entry in loaded.file.items.items():
        key = doc.locate(("items", item_id), key=True)
        node = tree.get(item_id)
        if node is None:
            guess = did_you_mean(item_id, leaves)
            hint = Msg("CCHC604.hint_guess" if guess else "CCHC604.hint", {"guess": guess or ""})
            found.append(
                error("CCHC604", key, item=item_id, hint=hint, id=item_id, criteria=tree.rel)
            )
            continue
        leaf = leaves.get(item_id)
        if leaf is None:
            below = sorted((n.id for n in node.leaves()), key=natural_key)
            found.append(error("CCHC605", key, item=item_id, id=item_id, leaves=below))
            continue
        found += _value(loaded, leaf, entry.score)
    return found


def _value(loaded: LoadedAppraisal, leaf: AppraisedLeaf, value: Decimal) -> list[Diagnostic]:
    where = leaf.location or loaded.doc.locate(("items", leaf.id))
    if leaf.ministry and leaf.part in loaded.file.parts:
        key = loaded.doc.locate(("items", leaf.id), key=True)
        total_at = loaded.doc.locate(("parts", leaf.part), key=True)
        return [
            error(
                "CCHC606",
                key,
                item=leaf.id,
                id=leaf.id,
                part=leaf.part,
                line=total_at.line or 0,
            )
        ]
    verdict = judge(leaf.node, value, ministry=leaf.ministry)
    if verdict == "range":
        return [error("CCHC607", where, item=leaf.id, id=leaf.id, score=value, max=leaf.max)]
    if verdict == "levels":
        levels = list(leaf.node.allowed_scores() or ())
        return [error("CCHC608", where, item=leaf.id, id=leaf.id, score=value, levels=levels)]
    return []


def _parts(loaded: LoadedAppraisal, index: AppraisedIndex) -> list[Diagnostic]:
    """Each part total: a Ministry scoring method of the criteria, within its leaves' maxima."""
    doc = loaded.doc
    ministry = sorted({leaf.part for leaf in index.leaves if leaf.ministry})
    found: list[Diagnostic] = []
    for name in loaded.file.parts:
        part = index.part(name)
        if part is None or part.source != "total":
            key = doc.locate(("parts", name), key=True)
            if name in (SELF_PART, IMPACT_PART) or part is not None:
                hint = Msg("CCHC609.hint_self", {"known": ministry})
            else:
                guess = did_you_mean(name, ministry)
                hint = Msg(
                    "CCHC609.hint_guess" if guess else "CCHC609.hint",
                    {"guess": guess or "", "known": ministry},
                )
            found.append(error("CCHC609", key, hint=hint, part=name, known=ministry))
        elif part.rejected:
            found.append(
                error("CCHC610", part.location, part=name, points=part.value, max=part.max)
            )
    return found


def _coverage(loaded: LoadedAppraisal, index: AppraisedIndex) -> list[Diagnostic]:
    """Ministry parts not given at all, or given per item for some of their leaves only."""
    doc, final = loaded.doc, loaded.file.status == "final"
    found: list[Diagnostic] = []
    for part in index.parts:
        mine = [leaf for leaf in index.leaves if leaf.part == part.name and leaf.ministry]
        if not mine or part.source == "total":
            continue
        if part.source == "none":
            at = (
                doc.locate(("parts",), key=True)
                if "parts" in (doc.data or {})
                else doc.locate(("status",))
            )
            make = warning if final else info
            found.append(make("CCHC613", at, part=part.name, max=part.max))
            continue
        missing = [leaf.id for leaf in mine if leaf.value is None]
        if missing:
            first = next(leaf for leaf in mine if leaf.value is not None)
            at = doc.locate(("items", first.id), key=True)
            found.append(warning("CCHC614", at, part=part.name, items=missing))
    return found


def _published(index: AppraisedIndex) -> list[Diagnostic]:
    """The announced total against the sum of the parts."""
    rec = index.published
    if rec is None or rec.difference == 0:
        return []
    where = rec.location or Location(index.file)
    args = {
        "published": rec.published,
        "computed": rec.computed,
        "difference": abs(rec.difference),
        "tolerance": rec.tolerance,
        "parts": len(index.parts),
    }
    if rec.within:
        return [info("CCHC611", where, **args)]
    return [warning("CCHC612", where, **args)]
