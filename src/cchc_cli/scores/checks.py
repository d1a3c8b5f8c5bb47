"""Agency score files: loading every file of the scores folder and checking it against the plan.

Codes CCHC400–CCHC449 (see README, section "scores"). Every check is at its line, with ``item=``
and ``agency=`` set, and the result never depends on the order files are read in: files are
always processed sorted by their workspace-relative path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, diag, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.ids import did_you_mean, natural_key
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.workspace import Workspace
from cchc_cli.core.yamlio import load_yaml
from cchc_cli.criteria.model import MINISTRY_METHODS, CriteriaTree, Node
from cchc_cli.plan.model import LeafOwnership, ResolvedPlan
from cchc_cli.scores.model import LoadedScores, ScoreEntry, ScoreFile

#: What an agency does on one leaf. ``decision``: the coordinator's final score of a split
#: leaf whose plan rule says ``combine: coordinator``.
ScoreRole = Literal["lead", "part", "decision", "cooperating"]

SCORE_SUFFIXES = (".yaml", ".yml")
MAX_SCAN_BYTES = 1024 * 1024
_AGENCY_LINE = re.compile(r"^agency:[ \t]*[\"']?([A-Za-z0-9_]+)", re.MULTILINE)


# --------------------------------------------------------------------------------------------
# shared helpers (merge, status and scaffold use them too)


def score_files(ws: Workspace) -> list[Path]:
    """Every ``*.yaml`` / ``*.yml`` directly in the scores folder, sorted by name.

    Hidden files (editor swap files, our own temp files) are skipped.
    """
    folder = ws.scores_dir
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SCORE_SUFFIXES and not p.name.startswith((".", "~"))
    ]
    return sorted(found, key=lambda p: p.name)


def roles_of(plan: ResolvedPlan, leaf: LeafOwnership, agency: str) -> list[ScoreRole]:
    """The roles ``agency`` has on ``leaf`` (a coordinator can be a part *and* decide)."""
    roles: list[ScoreRole] = []
    owner = leaf.role_of(agency)
    if owner is not None and owner.role in ("lead", "part", "cooperating"):
        roles.append(owner.role)
    if leaf.combine == "coordinator" and leaf.is_split and agency == plan.file.coordinator:
        roles.append("decision")
    return roles


def is_ministry(leaf: LeafOwnership | None, node: Node) -> bool:
    return node.method in MINISTRY_METHODS or (leaf is not None and leaf.is_ministry)


def scored_items(plan: ResolvedPlan, agency: str) -> list[tuple[LeafOwnership, ScoreRole]]:
    """Leaves the agency must give a score (lead, part or coordinator decision), id order."""
    found: list[tuple[LeafOwnership, ScoreRole]] = []
    for leaf in plan.leaves.values():
        if is_ministry(leaf, leaf.node):
            continue
        roles = roles_of(plan, leaf, agency)
        for role in ("lead", "part", "decision"):
            if role in roles:
                found.append((leaf, role))
                break
    return sorted(found, key=lambda pair: natural_key(pair[0].item))


def listed_items(plan: ResolvedPlan, agency: str) -> list[tuple[LeafOwnership, ScoreRole]]:
    """Leaves that belong in the agency's file: the scored ones plus those it cooperates on."""
    found = scored_items(plan, agency)
    scored = {leaf.item for leaf, _ in found}
    for leaf in plan.leaves.values():
        if leaf.item in scored or is_ministry(leaf, leaf.node):
            continue
        if "cooperating" in roles_of(plan, leaf, agency):
            found.append((leaf, "cooperating"))
    return sorted(found, key=lambda pair: natural_key(pair[0].item))


def effective_score(node: Node, entry: ScoreEntry | None) -> Decimal | None:
    """The score that counts: the rubric's score for ``measured``, else the written score."""
    if entry is None:
        return None
    if entry.measured is not None and node.rubric is not None:
        return node.rubric_score(entry.measured)
    return entry.score


def has_text(value: str | None) -> bool:
    return value is not None and value.strip() != ""


def evidence_complete(entry: ScoreEntry) -> bool:
    return bool(entry.evidence) and all(
        has_text(e.number) and e.date is not None for e in entry.evidence
    )


def primary_files(
    loaded: Iterable[LoadedScores], plan: ResolvedPlan | None = None
) -> dict[str, LoadedScores]:
    """Agency code -> the one file that counts for it: the first by path when two claim it."""
    chosen: dict[str, LoadedScores] = {}
    for item in sorted(loaded, key=lambda x: x.rel):
        code = item.file.agency
        if plan is not None and code not in plan.agencies:
            continue
        chosen.setdefault(code, item)
    return chosen


def deadline_last_day(due_before: date) -> date:
    from datetime import timedelta

    return due_before - timedelta(days=1)


def days_late(when: date, due_before: date) -> int:
    """Days after the last allowed day (0 = on time). Due BEFORE ``due_before``."""
    return max(0, (when - due_before).days + 1)


def days_left(today: date, due_before: date) -> int:
    """Days left including today's remaining work (0 = today is the last day; < 0 = late)."""
    return (due_before - today).days - 1


# --------------------------------------------------------------------------------------------
# evidence file paths

_WIN_ABSOLUTE = re.compile(r"^[A-Za-z]:")


def evidence_base(ws: Workspace) -> Path:
    """Evidence ``file:`` paths are relative to cchc.yaml's ``evidence`` folder (else the root)."""
    return ws.evidence_dir if ws.evidence_dir is not None else ws.root


def evidence_path_problem(ws: Workspace, raw: str) -> str | None:
    """None when ``raw`` names an existing file inside the workspace, else a reason key."""
    text = raw.strip().replace("\\", "/")
    if not text:
        return "scores.path.empty"
    if text.startswith("/") or _WIN_ABSOLUTE.match(text):
        return "scores.path.absolute"
    if "\0" in text:  # no file can have that name (and the OS calls would raise)
        return "scores.path.missing"
    target = evidence_base(ws) / text
    root = ws.root.resolve()
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError, ValueError):
        return "scores.path.outside"
    if resolved != root and root not in resolved.parents:
        return "scores.path.outside"
    try:
        if not resolved.exists():
            return "scores.path.missing"
        if not resolved.is_file():
            return "scores.path.not_file"
    except (OSError, ValueError):  # a name too long for the file system, …
        return "scores.path.missing"
    return None


# --------------------------------------------------------------------------------------------
# loading


def declared_agency(path: Path, rel: str) -> str | None:
    """The ``agency:`` a score file declares, read leniently (format errors do not matter).

    For a file that does not even parse (syntax, encoding), an ``agency:`` line in the raw text
    is used, so that such a file still counts as the agency's file.
    """
    doc, _ = load_yaml(path, rel)
    if doc is not None:
        agency = doc.data.get("agency") if isinstance(doc.data, dict) else None
        return agency if isinstance(agency, str) else None
    try:
        with path.open("rb") as handle:  # bounded (a link to /dev/zero, a huge file)
            raw = handle.read(MAX_SCAN_BYTES)
    except OSError:
        return None
    for encoding in ("utf-8", "utf-16"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        match = _AGENCY_LINE.search(text)
        if match:
            return match.group(1)
    return None


def declared_agencies(ws: Workspace) -> set[str]:
    """Agency codes declared by any score file (valid or not)."""
    found = {declared_agency(path, ws.rel(path)) for path in score_files(ws)}
    return {code for code in found if code is not None}


def load_scores(ws: Workspace) -> tuple[list[LoadedScores], list[Diagnostic]]:
    """Load and validate every score file (format only; plan checks are :func:`check_scores`)."""
    loaded: list[LoadedScores] = []
    problems: list[Diagnostic] = []
    for path in score_files(ws):
        rel = ws.rel(path)
        doc, found = load_yaml(path, rel)
        if doc is None:
            problems.extend(found)
            continue
        model, found = validate_doc(doc, ScoreFile)
        if model is None:
            agency = doc.data.get("agency") if isinstance(doc.data, dict) else None
            if isinstance(agency, str) and agency:
                found = [d if d.agency else replace(d, agency=agency) for d in found]
            problems.extend(found)
            continue
        loaded.append(LoadedScores(doc=doc, file=model))
    return loaded, problems


# --------------------------------------------------------------------------------------------
# checks


@dataclass
class _Ctx:
    ws: Workspace
    tree: CriteriaTree
    plan: ResolvedPlan
    today: date
    out: list[Diagnostic]

    @property
    def deadline_passed(self) -> bool:
        return self.today >= self.plan.file.due_before


def owners_text(plan: ResolvedPlan, leaf: LeafOwnership) -> Msg:
    parts = []
    for owner in leaf.scorers:
        name = plan.agency_name(owner.code)
        parts.append(
            Msg("scores.owner_domain", {"name": name, "domain": owner.domain})
            if owner.domain
            else name
        )
    if not parts:
        return Msg("scores.owner_none")
    return Msg("scores.owner_list", {"owners": parts})


def check_scores(
    ws: Workspace,
    tree: CriteriaTree,
    plan: ResolvedPlan,
    loaded: list[LoadedScores],
    *,
    today: date | None = None,
) -> list[Diagnostic]:
    """Every plan-dependent check of the score files (the issue's point 4)."""
    ctx = _Ctx(ws=ws, tree=tree, plan=plan, today=today or date.today(), out=[])
    first: dict[str, LoadedScores] = {}
    for item in sorted(loaded, key=lambda x: x.rel):
        f = item.file
        doc = item.doc
        agency_loc = doc.locate(("agency",))
        if f.agency not in plan.agencies:
            guess = did_you_mean(f.agency, plan.agencies)
            known = list(plan.agencies)
            ctx.out.append(
                error(
                    "CCHC401",
                    agency_loc,
                    agency=f.agency,
                    agency_code=f.agency,
                    plan=plan.rel,
                    hint=Msg(
                        "CCHC401.hint_guess" if guess else "CCHC401.hint",
                        {"guess": guess or "", "known": known},
                    ),
                )
            )
            continue
        duplicate = f.agency in first
        if duplicate:
            other = first[f.agency]
            ctx.out.append(
                error(
                    "CCHC402",
                    agency_loc,
                    agency=f.agency,
                    agency_code=f.agency,
                    name=plan.agency_name(f.agency),
                    file=item.rel,
                    other=other.rel,
                    other_line=other.doc.locate(("agency",)).line or 1,
                )
            )
        else:
            first[f.agency] = item
        _check_header(ctx, item)
        _check_items(ctx, item)
        if not duplicate:
            _check_missing(ctx, item)
    declared: set[str] | None = None
    for code in plan.scoring_agencies():
        if code in first:
            continue
        owned = scored_items(plan, code)
        if not owned:
            continue
        if declared is None:
            declared = declared_agencies(ws)
        if code in declared:  # its file exists but is unreadable: those errors were reported
            continue
        severity = Severity.ERROR if ctx.deadline_passed else Severity.WARNING
        ctx.out.append(
            diag(
                "CCHC400",
                severity,
                _agency_loc(plan, code),
                agency=code,
                agency_code=code,
                name=plan.agency_name(code),
                count=len(owned),
                folder=ws.config.scores,
                file=f"{ws.config.scores}/{code.lower()}.yaml",
            )
        )
    return ctx.out


def _agency_loc(plan: ResolvedPlan, code: str) -> Location:
    for i, agency in enumerate(plan.file.agencies):
        if agency.code == code:
            return plan.doc.locate(("agencies", i, "code"))
    return Location(plan.rel)


def _check_header(ctx: _Ctx, item: LoadedScores) -> None:
    f = item.file
    doc = item.doc
    plan = ctx.plan
    if f.year != plan.file.year:
        ctx.out.append(
            error(
                "CCHC403",
                doc.locate(("year",)),
                agency=f.agency,
                year=f.year,
                plan_year=plan.file.year,
                plan=plan.rel,
            )
        )
    if f.status == "submitted" and f.submitted is None:
        ctx.out.append(error("CCHC404", doc.locate(("status",)), agency=f.agency))
    if f.submitted is not None:
        late = days_late(f.submitted, plan.file.due_before)
        if late > 0:
            ctx.out.append(
                warning(
                    "CCHC405",
                    doc.locate(("submitted",)),
                    agency=f.agency,
                    submitted=f.submitted.isoformat(),
                    due=plan.file.due_before.isoformat(),
                    days=late,
                    last_day=deadline_last_day(plan.file.due_before).isoformat(),
                )
            )


def _check_items(ctx: _Ctx, item: LoadedScores) -> None:
    f = item.file
    doc = item.doc
    plan = ctx.plan
    tree = ctx.tree
    agency = f.agency
    own_ids = [leaf.item for leaf, _ in listed_items(plan, agency)]
    for item_id, raw_entry in f.items.items():
        entry = raw_entry if raw_entry is not None else ScoreEntry()
        key_loc = doc.locate(("items", item_id), key=True)
        node = tree.get(item_id)
        if node is None:
            guess = did_you_mean(item_id, own_ids) or did_you_mean(item_id, tree.by_id)
            ctx.out.append(
                error(
                    "CCHC410",
                    key_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    hint=Msg(
                        "CCHC410.hint_guess" if guess else "CCHC410.hint",
                        {"guess": guess or "", "criteria": tree.rel, "own": own_ids},
                    ),
                )
            )
            continue
        if not node.is_leaf:
            below = [n.id for n in node.leaves() if n.id in own_ids] or [
                n.id for n in node.leaves()
            ]
            ctx.out.append(
                error(
                    "CCHC413",
                    key_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    leaves=sorted(below, key=natural_key),
                )
            )
            continue
        leaf = plan.leaves.get(item_id)
        if is_ministry(leaf, node):
            ctx.out.append(
                error(
                    "CCHC412",
                    key_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    title=node.title,
                    method=Msg(f"scores.method.{node.method}"),
                )
            )
            continue
        roles = roles_of(plan, leaf, agency) if leaf is not None else []
        if not roles:
            owners = owners_text(plan, leaf) if leaf is not None else Msg("scores.owner_none")
            ctx.out.append(
                error(
                    "CCHC411",
                    key_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    owners=owners,
                    name=plan.agency_name(agency),
                )
            )
            continue
        if roles == ["cooperating"]:
            _check_cooperating(ctx, item, item_id, entry)
        else:
            _check_scored(ctx, item, node, item_id, entry, decision_only=roles == ["decision"])
        _check_evidence(ctx, item, item_id, entry)


def _check_cooperating(ctx: _Ctx, item: LoadedScores, item_id: str, entry: ScoreEntry) -> None:
    doc = item.doc
    agency = item.file.agency
    lead = ctx.plan.leaves[item_id]
    for field_name in ("score", "measured"):
        if getattr(entry, field_name) is not None:
            ctx.out.append(
                error(
                    "CCHC414",
                    doc.locate(("items", item_id, field_name), key=True),
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    field=field_name,
                    owners=owners_text(ctx.plan, lead),
                )
            )


def _check_scored(
    ctx: _Ctx,
    item: LoadedScores,
    node: Node,
    item_id: str,
    entry: ScoreEntry,
    *,
    decision_only: bool,
) -> None:
    doc = item.doc
    agency = item.file.agency
    base = ("items", item_id)
    score = entry.score
    allowed = node.allowed_scores()
    if entry.measured is not None:
        measured_loc = doc.locate((*base, "measured"))
        if node.rubric is None:
            ctx.out.append(
                error(
                    "CCHC419",
                    measured_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    measured=entry.measured,
                )
            )
        else:
            rubric = node.rubric
            if not rubric.min <= entry.measured <= rubric.max:
                ctx.out.append(
                    error(
                        "CCHC420",
                        measured_loc,
                        item=item_id,
                        agency=agency,
                        id=item_id,
                        measured=entry.measured,
                        min=rubric.min,
                        max=rubric.max,
                        unit=rubric.unit or "",
                    )
                )
            computed = node.rubric_score(entry.measured)
            if score is not None and computed is not None and score != computed:
                ctx.out.append(
                    error(
                        "CCHC418",
                        doc.locate((*base, "score")),
                        item=item_id,
                        agency=agency,
                        id=item_id,
                        score=score,
                        computed=computed,
                        measured=entry.measured,
                        unit=rubric.unit or "",
                    )
                )
    if score is not None:
        score_loc = doc.locate((*base, "score"))
        if score < 0 or score > node.max:
            ctx.out.append(
                error(
                    "CCHC416",
                    score_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    score=score,
                    max=node.max,
                )
            )
        elif allowed is not None and score not in allowed:
            ctx.out.append(
                error(
                    "CCHC417",
                    score_loc,
                    item=item_id,
                    agency=agency,
                    id=item_id,
                    score=score,
                    levels=list(allowed),
                )
            )
    final = effective_score(node, entry)
    if final is None or decision_only:
        return
    if final > 0 and not entry.evidence:
        where = doc.locate((*base, "score" if score is not None else "measured"))
        ctx.out.append(
            error("CCHC421", where, item=item_id, agency=agency, id=item_id, score=final)
        )
    elif not evidence_complete(entry) and not has_text(entry.explanation):
        ctx.out.append(
            error("CCHC424", doc.locate(base, key=True), item=item_id, agency=agency, id=item_id)
        )


def _check_evidence(ctx: _Ctx, item: LoadedScores, item_id: str, entry: ScoreEntry) -> None:
    doc = item.doc
    f = item.file
    for i, ev in enumerate(entry.evidence):
        base = ("items", item_id, "evidence", i)
        where = doc.locate(base)
        label = ev.title or ev.number or str(i + 1)
        if not has_text(ev.number):
            ctx.out.append(
                error(
                    "CCHC422",
                    where,
                    item=item_id,
                    agency=f.agency,
                    id=item_id,
                    index=i + 1,
                    label=label,
                )
            )
        if ev.date is None:
            ctx.out.append(
                error(
                    "CCHC423",
                    where,
                    item=item_id,
                    agency=f.agency,
                    id=item_id,
                    index=i + 1,
                    label=label,
                )
            )
        elif f.submitted is not None and ev.date > f.submitted:
            ctx.out.append(
                warning(
                    "CCHC428",
                    doc.locate((*base, "date")),
                    item=item_id,
                    agency=f.agency,
                    id=item_id,
                    date=ev.date.isoformat(),
                    submitted=f.submitted.isoformat(),
                )
            )
        if ev.file is not None:
            problem = evidence_path_problem(ctx.ws, ev.file)
            if problem is not None:
                code = (
                    "CCHC426"
                    if problem in ("scores.path.missing", "scores.path.not_file")
                    else "CCHC425"
                )
                folder = ctx.ws.config.evidence or "."
                ctx.out.append(
                    error(
                        code,
                        doc.locate((*base, "file")),
                        item=item_id,
                        agency=f.agency,
                        id=item_id,
                        path=ev.file,
                        reason=Msg(problem),
                        folder=folder,
                    )
                )


def _check_missing(ctx: _Ctx, item: LoadedScores) -> None:
    f = item.file
    doc = item.doc
    severity = (
        Severity.ERROR if (f.status == "submitted" or ctx.deadline_passed) else Severity.WARNING
    )
    for leaf, role in scored_items(ctx.plan, f.agency):
        entry = f.items.get(leaf.item)
        if effective_score(leaf.node, entry) is not None:
            continue
        if leaf.item in f.items:
            where = doc.locate(("items", leaf.item), key=True)
        elif isinstance(doc.data, dict) and "items" in doc.data:
            where = doc.locate(("items",), key=True)
        else:
            where = doc.at(doc.root)
        owner = leaf.role_of(f.agency)
        domain = owner.domain if owner is not None and role == "part" else None
        part = Msg("scores.missing_part", {"domain": domain}) if domain else ""
        if role == "decision":
            part = Msg("scores.missing_decision")
        ctx.out.append(
            diag(
                "CCHC415",
                severity,
                where,
                item=leaf.item,
                agency=f.agency,
                id=leaf.item,
                title=leaf.node.title,
                max=leaf.node.max,
                part=part,
                hint=Msg(
                    "CCHC415.hint_rubric" if leaf.node.rubric is not None else "CCHC415.hint",
                    {"id": leaf.item},
                ),
            )
        )
