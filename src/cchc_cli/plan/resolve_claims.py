"""From one plan rule to its claims: which self-scored leaves each target gives to whom.

Part of the resolution stage (:mod:`cchc_cli.plan.resolve` picks the winning claim per leaf).
A rule's target selects its whole subtree minus the ``except`` subtrees; only ``self`` leaves
are claimed (survey/SIPAS leaves belong to the Ministry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_cli.core.diagnostics import Location, error, warning
from cchc_cli.criteria.model import MINISTRY_METHODS, Node
from cchc_cli.plan.model import Owner, Rule
from cchc_cli.plan.resolve_state import (
    COOPERATING_IS_LEAD,
    COOPERATING_REPEATED,
    EXCEPT_OUT_OF_SCOPE,
    MINISTRY_TARGET,
    NESTED_TARGET,
    NO_SELF_LEAF,
    PART_REPEATED,
    UNKNOWN_EXCEPT,
    UNKNOWN_ITEM,
    ResolveState,
)

#: (target id, where it is written) for each target of a rule
_Targets = list[tuple[str, Location]]


@dataclass
class Claim:
    """One rule target covering one subtree: who it gives each covered self leaf to."""

    rule_index: int
    rule: Rule
    target: str
    node: Node
    at: Location  # the target's value (items[j] or split)
    rule_at: Location  # the rule mapping (its first key)
    owners: tuple[Owner, ...]
    ident: tuple[Any, ...]  # equal idents = same ownership
    leaves: set[str] = field(default_factory=set)

    @property
    def depth(self) -> int:
        return self.node.depth

    @property
    def key(self) -> tuple[int, str]:
        return (self.rule_index, self.target)

    @property
    def cooperating(self) -> frozenset[str]:
        return frozenset(o.code for o in self.owners if o.role == "cooperating")


def rule_claims(state: ResolveState, i: int, rule: Rule) -> list[Claim]:
    """The claims of rule ``i`` (one per valid target), reporting what is wrong with it."""
    if rule.split is not None:
        owners, ident, targets = _split_owners(state, i, rule)
    else:
        owners, ident, targets = _lead_owners(state, i, rule)
    excluded, except_nodes = _excluded(state, i, rule)
    rule_at = state.loc("rules", i)
    claims: list[Claim] = []
    in_scope: set[int] = set()
    for target, at in targets:
        scope = "split" if rule.split is not None else "items"
        node = state.find(target, at, UNKNOWN_ITEM, scope)
        if node is None:
            continue
        subtree = list(node.walk())
        in_scope.update(id(n) for n in subtree)
        if node.is_leaf and node.method in MINISTRY_METHODS:
            state.diags.append(
                error(MINISTRY_TARGET, at, item=target, id=target, method=node.method or "")
            )
            continue
        selected = {n.id for n in subtree if n.is_self and id(n) not in excluded}
        if not selected:
            state.diags.append(
                error(NO_SELF_LEAF, at, item=target, id=target, excepted=bool(excluded))
            )
            continue
        target_owners = tuple(owners)
        if rule.split is None:
            lead = rule.lead or ""
            lead_owner = Owner(code=lead, name=state.name_of(lead), role="lead", rule=at)
            target_owners = (lead_owner, *owners)
        claims.append(
            Claim(
                rule_index=i,
                rule=rule,
                target=target,
                node=node,
                at=at,
                rule_at=rule_at,
                owners=target_owners,
                ident=ident,
                leaves=selected,
            )
        )
    for node, at in except_nodes:
        if id(node) not in in_scope:
            state.diags.append(
                warning(EXCEPT_OUT_OF_SCOPE, at, item=node.id, id=node.id, items=rule.targets)
            )
    return _drop_nested(state, claims)


def _split_owners(
    state: ResolveState, i: int, rule: Rule
) -> tuple[list[Owner], tuple[Any, ...], _Targets]:
    """A split rule: one ``part`` owner per domain; its one target is ``split``."""
    owners: list[Owner] = []
    seen: dict[str, int] = {}
    for k, part in enumerate(rule.parts):
        at = state.loc("rules", i, "parts", k, "agency")
        if state.check_agency(part.agency, at, "parts.agency"):
            state.check_scorer(part.agency, at, "parts.agency")
        if part.agency in seen:
            state.diags.append(
                error(
                    PART_REPEATED,
                    at,
                    agency=part.agency,
                    agency_code=part.agency,
                    target=rule.split,
                    first_line=state.loc("rules", i, "parts", seen[part.agency], "agency").line,
                    line=at.line,
                )
            )
        else:
            seen[part.agency] = k
        owners.append(
            Owner(
                code=part.agency,
                name=state.name_of(part.agency),
                role="part",
                domain=part.domain,
                rule=state.loc("rules", i, "parts", k),
            )
        )
    ident: tuple[Any, ...] = (
        "split",
        rule.combine,
        tuple(sorted((p.agency, p.domain) for p in rule.parts)),
    )
    return owners, ident, [(rule.split or "", state.loc("rules", i, "split"))]


def _lead_owners(
    state: ResolveState, i: int, rule: Rule
) -> tuple[list[Owner], tuple[Any, ...], _Targets]:
    """A lead rule: its cooperating owners (the lead is added per target); targets ``items``."""
    lead = rule.lead or ""
    lead_at = state.loc("rules", i, "lead")
    if state.check_agency(lead, lead_at, "lead"):
        state.check_scorer(lead, lead_at, "lead")
    owners: list[Owner] = []
    seen_coop: dict[str, int] = {}
    for k, code in enumerate(rule.cooperating):
        at = state.loc("rules", i, "cooperating", k)
        state.check_agency(code, at, "cooperating")
        if code == lead:
            state.diags.append(warning(COOPERATING_IS_LEAD, at, agency=code, agency_code=code))
            continue
        if code in seen_coop:
            state.diags.append(
                warning(
                    COOPERATING_REPEATED,
                    at,
                    agency=code,
                    agency_code=code,
                    first_line=state.loc("rules", i, "cooperating", seen_coop[code]).line,
                )
            )
            continue
        seen_coop[code] = k
        owners.append(Owner(code=code, name=state.name_of(code), role="cooperating", rule=at))
    targets = [(item, state.loc("rules", i, "items", j)) for j, item in enumerate(rule.items)]
    return owners, ("lead", lead), targets


def _excluded(
    state: ResolveState, i: int, rule: Rule
) -> tuple[set[int], list[tuple[Node, Location]]]:
    """The nodes the rule's ``except`` removes (by object id), and each except's node."""
    excluded: set[int] = set()
    except_nodes: list[tuple[Node, Location]] = []
    for k, item_id in enumerate(rule.except_):
        at = state.loc("rules", i, "except", k)
        node = state.find(item_id, at, UNKNOWN_EXCEPT, "except")
        if node is not None:
            except_nodes.append((node, at))
            excluded.update(id(n) for n in node.walk())
    return excluded, except_nodes


def _drop_nested(state: ResolveState, claims: list[Claim]) -> list[Claim]:
    """A target inside (or equal to) another target of the same rule adds nothing."""
    kept: list[Claim] = []
    for n, claim in enumerate(claims):
        outer = next(
            (
                o
                for m, o in enumerate(claims)
                if m != n
                and claim.leaves <= o.leaves
                and (o.depth < claim.depth or (o.depth == claim.depth and m < n))
            ),
            None,
        )
        if outer is not None:
            state.diags.append(
                warning(
                    NESTED_TARGET,
                    claim.at,
                    item=claim.target,
                    id=claim.target,
                    outer=outer.target,
                )
            )
            continue
        kept.append(claim)
    return kept
