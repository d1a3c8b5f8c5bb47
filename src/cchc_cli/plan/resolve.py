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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.core.diagnostics import Diagnostic, Location, error, info, warning
from cchc_cli.core.i18n import DEFAULT_LANG, Msg, tr
from cchc_cli.core.ids import did_you_mean, natural_key
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import YamlDoc
from cchc_cli.criteria.model import MINISTRY_METHODS, SELF, CriteriaTree, Node
from cchc_cli.plan.model import (
    MINISTRY_CODE,
    Agency,
    LeafOwnership,
    Owner,
    PlanFile,
    ResolvedPlan,
    Rule,
)

# Diagnostic codes of this stage (keep them stable once released).
UNKNOWN_AGENCY = "CCHC300"
DUPLICATE_CODE = "CCHC301"
DUPLICATE_NAME = "CCHC302"
SUPPORTING_SCORES = "CCHC303"
COOPERATING_IS_LEAD = "CCHC304"
PART_REPEATED = "CCHC305"
METHODOLOGY_MISMATCH = "CCHC306"
YEAR_MISMATCH = "CCHC307"
COOPERATING_REPEATED = "CCHC308"
UNKNOWN_ITEM = "CCHC310"
UNKNOWN_EXCEPT = "CCHC311"
EXCEPT_OUT_OF_SCOPE = "CCHC312"
MINISTRY_TARGET = "CCHC313"
NO_SELF_LEAF = "CCHC314"
UNOWNED = "CCHC315"
CONFLICT = "CCHC316"
REDUNDANT = "CCHC317"
OVERRIDDEN = "CCHC318"
NESTED_TARGET = "CCHC319"


def ministry_owner(rule: Location | None = None) -> Owner:
    # Data (JSON) carries the name in the default language; views show it translated.
    name = tr("plan.ministry_name", DEFAULT_LANG)
    return Owner(code=MINISTRY_CODE, name=name, role="ministry", rule=rule)


def name_key(name: str) -> str:
    """Agency names compare after NFC, case folding and collapsing whitespace."""
    text = unicodedata.normalize("NFC", name)
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class _Claim:
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


class _Resolver:
    def __init__(self, doc: YamlDoc, tree: CriteriaTree, plan: PlanFile) -> None:
        self.doc = doc
        self.tree = tree
        self.plan = plan
        self.diags: list[Diagnostic] = []
        self.agencies: dict[str, Agency] = {}

    # ------------------------------------------------------------------ helpers
    def loc(self, *path: Any, key: bool = False) -> Location:
        return self.doc.locate(tuple(path), key=key)

    def where(self, at: Location) -> str:
        return f"{at.file}:{at.line}" if at.line is not None else str(at.file)

    def check_agency(self, code: str, at: Location, field_name: str) -> bool:
        if code in self.agencies:
            return True
        guess = did_you_mean(code, self.agencies)
        hint = (
            Msg(
                f"{UNKNOWN_AGENCY}.hint_guess",
                {"guess": guess, "known": sorted(self.agencies), "agency_code": code},
            )
            if guess
            else None
        )
        self.diags.append(
            error(
                UNKNOWN_AGENCY,
                at,
                agency=code,
                hint=hint,
                agency_code=code,
                field=field_name,
                known=sorted(self.agencies),
            )
        )
        return False

    def check_scorer(self, code: str, at: Location, field_name: str) -> None:
        agency = self.agencies.get(code)
        if agency is not None and agency.role == "supporting":
            self.diags.append(
                error(
                    SUPPORTING_SCORES,
                    at,
                    agency=code,
                    agency_code=code,
                    name=agency.name,
                    field=field_name,
                )
            )

    # ------------------------------------------------------------------ agencies
    def load_agencies(self) -> None:
        first_code: dict[str, int] = {}
        first_name: dict[str, int] = {}
        for a, agency in enumerate(self.plan.agencies):
            if agency.code in first_code:
                prev = first_code[agency.code]
                at = self.loc("agencies", a, "code")
                self.diags.append(
                    error(
                        DUPLICATE_CODE,
                        at,
                        agency=agency.code,
                        agency_code=agency.code,
                        first_line=self.loc("agencies", prev, "code").line,
                        line=at.line,
                    )
                )
            else:
                first_code[agency.code] = a
                self.agencies[agency.code] = agency
            key = name_key(agency.name)
            if key in first_name:
                prev = first_name[key]
                at = self.loc("agencies", a, "name")
                self.diags.append(
                    error(
                        DUPLICATE_NAME,
                        at,
                        agency=agency.code,
                        name=agency.name,
                        first_code=self.plan.agencies[prev].code,
                        agency_code=agency.code,
                        first_line=self.loc("agencies", prev, "name").line,
                        line=at.line,
                    )
                )
            else:
                first_name[key] = a

    def check_header(self) -> None:
        meta = self.tree.meta.methodology
        if self.plan.methodology.strip() != meta.decision.strip():
            self.diags.append(
                warning(
                    METHODOLOGY_MISMATCH,
                    self.loc("methodology"),
                    plan=self.plan.methodology,
                    criteria=meta.decision,
                    criteria_file=self.tree.rel,
                )
            )
        if self.plan.year != meta.year:
            self.diags.append(
                warning(
                    YEAR_MISMATCH,
                    self.loc("year"),
                    plan=self.plan.year,
                    criteria=meta.year,
                    criteria_file=self.tree.rel,
                )
            )
        self.check_agency(self.plan.coordinator, self.loc("coordinator"), "coordinator")
        duty = self.plan.evidence_duty
        if duty is not None:
            for k, code in enumerate(duty.follow_up_report):
                self.check_agency(
                    code,
                    self.loc("evidence_duty", "follow_up_report", k),
                    "evidence_duty.follow_up_report",
                )

    # ------------------------------------------------------------------ rules
    def find(self, item_id: str, at: Location, code: str, scope: str) -> Node | None:
        node = self.tree.get(item_id)
        if node is not None:
            return node
        guess = did_you_mean(item_id, self.tree.by_id)
        hint = Msg(f"{code}.hint_guess", {"guess": guess, "id": item_id}) if guess else None
        self.diags.append(
            error(
                code,
                at,
                item=item_id,
                hint=hint,
                id=item_id,
                scope=scope,
                criteria_file=self.tree.rel,
            )
        )
        return None

    def rule_claims(self, i: int, rule: Rule) -> list[_Claim]:
        rule_at = self.loc("rules", i)
        claims: list[_Claim] = []
        if rule.split is not None:
            owners: list[Owner] = []
            seen: dict[str, int] = {}
            for k, part in enumerate(rule.parts):
                at = self.loc("rules", i, "parts", k, "agency")
                if self.check_agency(part.agency, at, "parts.agency"):
                    self.check_scorer(part.agency, at, "parts.agency")
                if part.agency in seen:
                    self.diags.append(
                        error(
                            PART_REPEATED,
                            at,
                            agency=part.agency,
                            agency_code=part.agency,
                            target=rule.split,
                            first_line=self.loc(
                                "rules", i, "parts", seen[part.agency], "agency"
                            ).line,
                            line=at.line,
                        )
                    )
                else:
                    seen[part.agency] = k
                owners.append(
                    Owner(
                        code=part.agency,
                        name=self.name_of(part.agency),
                        role="part",
                        domain=part.domain,
                        rule=self.loc("rules", i, "parts", k),
                    )
                )
            ident: tuple[Any, ...] = (
                "split",
                rule.combine,
                tuple(sorted((p.agency, p.domain) for p in rule.parts)),
            )
            targets = [(rule.split, self.loc("rules", i, "split"))]
        else:
            lead = rule.lead or ""
            lead_at = self.loc("rules", i, "lead")
            if self.check_agency(lead, lead_at, "lead"):
                self.check_scorer(lead, lead_at, "lead")
            owners = []  # the lead comes first, added per target below (its rule = the target)
            seen_coop: dict[str, int] = {}
            for k, code in enumerate(rule.cooperating):
                at = self.loc("rules", i, "cooperating", k)
                self.check_agency(code, at, "cooperating")
                if code == lead:
                    self.diags.append(
                        warning(COOPERATING_IS_LEAD, at, agency=code, agency_code=code)
                    )
                    continue
                if code in seen_coop:
                    self.diags.append(
                        warning(
                            COOPERATING_REPEATED,
                            at,
                            agency=code,
                            agency_code=code,
                            first_line=self.loc("rules", i, "cooperating", seen_coop[code]).line,
                        )
                    )
                    continue
                seen_coop[code] = k
                owners.append(
                    Owner(code=code, name=self.name_of(code), role="cooperating", rule=at)
                )
            ident = ("lead", lead)
            targets = [
                (item, self.loc("rules", i, "items", j)) for j, item in enumerate(rule.items)
            ]

        excluded: set[int] = set()
        except_nodes: list[tuple[Node, Location]] = []
        for k, item_id in enumerate(rule.except_):
            at = self.loc("rules", i, "except", k)
            node = self.find(item_id, at, UNKNOWN_EXCEPT, "except")
            if node is not None:
                except_nodes.append((node, at))
                excluded.update(id(n) for n in node.walk())

        in_scope: set[int] = set()
        for target, at in targets:
            scope = "split" if rule.split is not None else "items"
            node = self.find(target, at, UNKNOWN_ITEM, scope)
            if node is None:
                continue
            subtree = list(node.walk())
            in_scope.update(id(n) for n in subtree)
            if node.is_leaf and node.method in MINISTRY_METHODS:
                self.diags.append(
                    error(MINISTRY_TARGET, at, item=target, id=target, method=node.method or "")
                )
                continue
            selected = {n.id for n in subtree if n.is_self and id(n) not in excluded}
            if not selected:
                self.diags.append(
                    error(NO_SELF_LEAF, at, item=target, id=target, excepted=bool(excluded))
                )
                continue
            target_owners = tuple(owners)
            if rule.split is None:
                lead = rule.lead or ""
                lead_owner = Owner(code=lead, name=self.name_of(lead), role="lead", rule=at)
                target_owners = (lead_owner, *owners)
            claims.append(
                _Claim(
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
                self.diags.append(
                    warning(EXCEPT_OUT_OF_SCOPE, at, item=node.id, id=node.id, items=rule.targets)
                )
        return self.drop_nested(claims)

    def drop_nested(self, claims: list[_Claim]) -> list[_Claim]:
        """A target inside (or equal to) another target of the same rule adds nothing."""
        kept: list[_Claim] = []
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
                self.diags.append(
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

    def name_of(self, code: str) -> str:
        agency = self.agencies.get(code)
        return agency.name if agency is not None else code

    def label(self, claim: _Claim) -> Msg:
        if claim.rule.split is not None:
            return Msg(
                "plan.rule_split",
                {
                    "target": claim.target,
                    "agencies": [p.agency for p in claim.rule.parts],
                    "combine": claim.rule.combine or "",
                    "where": self.where(claim.at),
                },
            )
        return Msg(
            "plan.rule_lead",
            {
                "agency": claim.rule.lead or "",
                "target": claim.target,
                "where": self.where(claim.at),
            },
        )

    # ------------------------------------------------------------------ resolution
    def resolve(self) -> ResolvedPlan:
        self.load_agencies()
        self.check_header()
        claims: list[_Claim] = []
        for i, rule in enumerate(self.plan.rules):
            claims.extend(self.rule_claims(i, rule))

        by_leaf: dict[str, list[_Claim]] = {}
        for claim in claims:
            for leaf_id in claim.leaves:
                by_leaf.setdefault(leaf_id, []).append(claim)

        # (diagnostic code, claim A key, claim B key) -> leaves concerned
        pairs: dict[tuple[str, tuple[int, str], tuple[int, str]], list[str]] = {}
        by_key = {c.key: c for c in claims}
        leaves: dict[str, LeafOwnership] = {}
        unowned: list[str] = []
        for node in self.tree.leaves():
            if node.id in leaves:
                continue  # a duplicated id (reported by the criteria checks)
            if node.method in MINISTRY_METHODS:
                leaves[node.id] = LeafOwnership(
                    node=node,
                    owners=(ministry_owner(self.tree.loc(node, "method")),),
                    rule=self.tree.loc(node, "method"),
                )
                continue
            if node.method != SELF:
                leaves[node.id] = LeafOwnership(node=node, owners=())
                continue
            found = by_leaf.get(node.id, [])
            if not found:
                unowned.append(node.id)
                leaves[node.id] = LeafOwnership(node=node, owners=())
                continue
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
                same = lower.ident == winner.ident and _cooperating(lower) == _cooperating(winner)
                code = REDUNDANT if same else OVERRIDDEN
                pairs.setdefault((code, lower.key, winner.key), []).append(node.id)
            owners = list(winner.owners)
            for coop in extra_coop:
                if all(o.code != coop.code for o in owners):
                    owners.append(coop)
            leaves[node.id] = LeafOwnership(
                node=node,
                owners=tuple(owners),
                rule=winner.at,
                combine=winner.rule.combine if winner.rule.split is not None else None,
                overridden=tuple(c.at for c in found if c.depth < deepest),
            )

        for (code, a_key, b_key), leaf_ids in pairs.items():
            a, b = by_key[a_key], by_key[b_key]
            ids = sorted(leaf_ids, key=natural_key)
            if code == OVERRIDDEN:
                # located at the winning (more specific) rule
                self.diags.append(
                    info(
                        code,
                        b.at,
                        item=b.target,
                        leaves=ids,
                        overridden=self.label(a),
                        winner=self.label(b),
                    )
                )
            elif code == CONFLICT:
                self.diags.append(
                    error(
                        code,
                        b.at,
                        item=b.target,
                        leaves=ids,
                        first=self.label(a),
                        second=self.label(b),
                    )
                )
            else:
                # b is the later rule at the same depth, or the deeper one: the useless one
                self.diags.append(
                    warning(
                        code,
                        b.at,
                        item=b.target,
                        leaves=ids,
                        rule=self.label(b),
                        other=self.label(a),
                    )
                )
        if unowned:
            self.diags.append(
                error(UNOWNED, self.loc("rules", key=True), leaves=unowned, count=len(unowned))
            )
        return ResolvedPlan(file=self.plan, doc=self.doc, agencies=self.agencies, leaves=leaves)


def _cooperating(claim: _Claim) -> frozenset[str]:
    return frozenset(o.code for o in claim.owners if o.role == "cooperating")


def resolve_plan(doc: YamlDoc, tree: CriteriaTree) -> tuple[ResolvedPlan | None, list[Diagnostic]]:
    """Validate the plan file and resolve it against ``tree``.

    Returns ``None`` only when the file model itself is invalid; otherwise a plan covering every
    leaf of the tree (leaves with errors have no owner or the first conflicting rule's owner).
    """
    plan, problems = validate_doc(doc, PlanFile)
    if plan is None:
        return None, problems
    resolver = _Resolver(doc, tree, plan)
    resolved = resolver.resolve()
    return resolved, resolver.diags


def leaves_under(plan: ResolvedPlan, node: Node) -> list[LeafOwnership]:
    """The resolved leaves of a subtree (the node itself when it is a leaf), natural order."""
    ids = {n.id for n in node.leaves()}
    return [leaf for leaf_id, leaf in plan.leaves.items() if leaf_id in ids]


def owners_summary(leaves: Iterable[LeafOwnership]) -> list[tuple[Owner, list[str]]]:
    """Distinct (code, role, domain) owners of some leaves with the leaves each holds."""
    found: dict[tuple[str, str, str | None], tuple[Owner, list[str]]] = {}
    for leaf in leaves:
        for owner in leaf.owners:
            k = (owner.code, owner.role, owner.domain)
            if k not in found:
                found[k] = (owner, [])
            found[k][1].append(leaf.item)
    return list(found.values())
