"""Turn an assignment plan into an exact map from every leaf to its owner(s).

Resolution rules (also in README, section "assignments"):

1. A rule selects whole subtrees by id (``items`` or ``split``) minus the ``except`` subtrees.
2. Only ``self`` leaves receive agency owners; ``survey``/``sipas`` leaves inside a selected
   subtree are skipped and belong to the Ministry (owner ``BNV``, role ``ministry``).
3. When several rules cover one leaf, the one whose target is deepest in the tree wins. Every
   (overridden rule, winning rule) pair is reported once as an ``info`` (CCHC318) listing the
   leaves, or as a ``warning`` (CCHC317) when both give the same owner (the override is useless).
4. Two rules at the same depth giving different owners: error CCHC316 (the first in the file is
   used so that later checks can go on); giving the same owner: warning CCHC317.
5. Every ``self`` leaf must end with exactly one lead or a split; the leaves left without one are
   listed in ONE error CCHC315 at the ``rules:`` key.

This module picks the owner(s) of each leaf (rules 2-5); :mod:`cchc_cli.plan.resolve_state`
holds the shared state and checks the agencies and the header, :mod:`cchc_cli.plan.resolve_claims`
turns each rule into claims (rule 1).
"""

from __future__ import annotations

from cchc_cli.core.diagnostics import Diagnostic, Location, error, info, warning
from cchc_cli.core.i18n import DEFAULT_LANG, Msg, tr
from cchc_cli.core.ids import natural_key
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import YamlDoc
from cchc_cli.criteria.model import MINISTRY_METHODS, SELF, CriteriaTree, Node
from cchc_cli.plan.model import (
    MINISTRY_CODE,
    LeafOwnership,
    Owner,
    PlanFile,
    ResolvedPlan,
)
from cchc_cli.plan.names import place
from cchc_cli.plan.resolve_claims import Claim, rule_claims
from cchc_cli.plan.resolve_state import (
    CONFLICT,
    OVERRIDDEN,
    REDUNDANT,
    UNOWNED,
    ResolveState,
    check_header,
    load_agencies,
)

#: (diagnostic code, claim A key, claim B key) -> the leaves concerned
_Pairs = dict[tuple[str, tuple[int, str], tuple[int, str]], list[str]]


def ministry_owner(rule: Location | None = None) -> Owner:
    # Data (JSON) carries the name in the default language; views show it translated.
    name = tr("plan.ministry_name", DEFAULT_LANG)
    return Owner(code=MINISTRY_CODE, name=name, role="ministry", rule=rule)


def resolve_plan(doc: YamlDoc, tree: CriteriaTree) -> tuple[ResolvedPlan | None, list[Diagnostic]]:
    """Validate the plan file and resolve it against ``tree``.

    Returns ``None`` only when the file model itself is invalid; otherwise a plan covering every
    leaf of the tree (leaves with errors have no owner or the first conflicting rule's owner).
    """
    plan, problems = validate_doc(doc, PlanFile)
    if plan is None:
        return None, problems
    state = ResolveState(doc, tree, plan)
    load_agencies(state)
    check_header(state)
    claims: list[Claim] = []
    for i, rule in enumerate(plan.rules):
        claims.extend(rule_claims(state, i, rule))
    by_leaf: dict[str, list[Claim]] = {}
    for claim in claims:
        for leaf_id in claim.leaves:
            by_leaf.setdefault(leaf_id, []).append(claim)
    pairs: _Pairs = {}
    leaves: dict[str, LeafOwnership] = {}
    unowned: list[str] = []
    for node in tree.leaves():
        if node.id in leaves:
            continue  # a duplicated id (reported by the criteria checks)
        found = by_leaf.get(node.id, [])
        if node.method == SELF and not found:
            unowned.append(node.id)
        leaves[node.id] = _own_leaf(tree, node, found, pairs)
    _report_overlaps(state, pairs, {c.key: c for c in claims})
    if unowned:
        state.diags.append(
            error(UNOWNED, state.loc("rules", key=True), leaves=unowned, count=len(unowned))
        )
    resolved = ResolvedPlan(file=plan, doc=doc, agencies=state.agencies, leaves=leaves)
    return resolved, state.diags


def _own_leaf(tree: CriteriaTree, node: Node, found: list[Claim], pairs: _Pairs) -> LeafOwnership:
    """The owner(s) of one leaf: the Ministry's, none, or the deepest claim's (rules 2-4)."""
    if node.method in MINISTRY_METHODS:
        at = tree.loc(node, "method")
        return LeafOwnership(node=node, owners=(ministry_owner(at),), rule=at)
    if node.method != SELF or not found:
        return LeafOwnership(node=node, owners=())
    deepest = max(c.depth for c in found)
    top = sorted((c for c in found if c.depth == deepest), key=lambda c: c.key)
    winner = top[0]
    extra_coop: list[Owner] = []
    for other in top[1:]:
        code = REDUNDANT if other.ident == winner.ident else CONFLICT
        pairs.setdefault((code, winner.key, other.key), []).append(node.id)
        if code == REDUNDANT:
            extra_coop.extend(o for o in other.owners if o.role == "cooperating")
    for lower in sorted((c for c in found if c.depth < deepest), key=lambda c: c.key):
        same = lower.ident == winner.ident and lower.cooperating == winner.cooperating
        code = REDUNDANT if same else OVERRIDDEN
        pairs.setdefault((code, lower.key, winner.key), []).append(node.id)
    owners = list(winner.owners)
    for coop in extra_coop:
        if all(o.code != coop.code for o in owners):
            owners.append(coop)
    return LeafOwnership(
        node=node,
        owners=tuple(owners),
        rule=winner.at,
        combine=winner.rule.combine if winner.rule.split is not None else None,
        overridden=tuple(c.at for c in found if c.depth < deepest),
    )


def _report_overlaps(
    state: ResolveState, pairs: _Pairs, by_key: dict[tuple[int, str], Claim]
) -> None:
    """One diagnostic per (rule, rule) overlap, listing the leaves it concerns (rules 3-4)."""
    for (code, a_key, b_key), leaf_ids in pairs.items():
        a, b = by_key[a_key], by_key[b_key]
        ids = sorted(leaf_ids, key=natural_key)
        if code == OVERRIDDEN:
            # located at the winning (more specific) rule
            state.diags.append(
                info(code, b.at, item=b.target, leaves=ids, overridden=_label(a), winner=_label(b))
            )
        elif code == CONFLICT:
            state.diags.append(
                error(code, b.at, item=b.target, leaves=ids, first=_label(a), second=_label(b))
            )
        else:
            # b is the later rule at the same depth, or the deeper one: the useless one
            state.diags.append(
                warning(code, b.at, item=b.target, leaves=ids, rule=_label(b), other=_label(a))
            )


def _label(claim: Claim) -> Msg:
    """How a rule is named in an overlap message: ``“SKHDT → 8” (assignments/plan.yaml:205)``."""
    if claim.rule.split is not None:
        return Msg(
            "plan.rule_split",
            {
                "target": claim.target,
                "agencies": [p.agency for p in claim.rule.parts],
                "combine": claim.rule.combine or "",
                "where": place(claim.at),
            },
        )
    return Msg(
        "plan.rule_lead",
        {"agency": claim.rule.lead or "", "target": claim.target, "where": place(claim.at)},
    )
