"""Finding and loading the agency score files of a workspace, and the evidence files they name.

Files are always taken sorted by name, so nothing depends on the order the file system lists
them in.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cchc_cli.core.diagnostics import Diagnostic
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.workspace import Workspace
from cchc_cli.core.yamlio import YamlDoc, load_yaml
from cchc_cli.scores.model import LoadedScores, ScoreEntry, ScoreFile

SCORE_SUFFIXES = (".yaml", ".yml")
VALUE_FIELDS = ("score", "measured")
MAX_SCAN_BYTES = 1024 * 1024
_AGENCY_LINE = re.compile(r"^agency:[ \t]*[\"']?([A-Za-z0-9_]+)", re.MULTILINE)
_WIN_ABSOLUTE = re.compile(r"^[A-Za-z]:")


# --------------------------------------------------------------------------------------------
# score files


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


def files_of_agency(ws: Workspace, code: str) -> list[Path]:
    """Score files whose ``agency:`` is ``code`` (even when they have format errors)."""
    return [path for path in score_files(ws) if declared_agency(path, ws.rel(path)) == code]


def load_scores(ws: Workspace) -> tuple[list[LoadedScores], list[Diagnostic]]:
    """Load and validate every score file (format only; plan checks are
    :func:`cchc_cli.scores.checks.check_scores`)."""
    loaded: list[LoadedScores] = []
    problems: list[Diagnostic] = []
    for path in score_files(ws):
        rel = ws.rel(path)
        doc, found = load_yaml(path, rel)
        problems.extend(found)
        if doc is None:
            continue
        model, found = validate_doc(doc, ScoreFile)
        invalid: dict[str, dict[str, str]] = {}
        if model is None:
            agency = doc.data.get("agency") if isinstance(doc.data, dict) else None
            if isinstance(agency, str) and agency:
                found = [d if d.agency else replace(d, agency=agency) for d in found]
            problems.extend(found)
            model, invalid = _without_bad_numbers(doc)
            if model is None:
                continue
        loaded.append(LoadedScores(doc=doc, file=model, invalid=invalid))
    return loaded, problems


def _without_bad_numbers(doc: YamlDoc) -> tuple[ScoreFile | None, dict[str, dict[str, str]]]:
    """The file without its scores and measured values that are not numbers, when those are
    its only format errors (already reported): the rest of the file still counts, and the
    values left out are shown as rejected. (None, {}) when anything else is wrong."""
    data = doc.data
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        return None, {}
    invalid: dict[str, dict[str, str]] = {}
    kept: dict[Any, Any] = {}
    for item_id, entry in items.items():
        if isinstance(entry, dict):
            bad = [f for f in VALUE_FIELDS if f in entry and not _is_number(f, entry[f])]
            if bad:
                path = ("items", str(item_id))
                invalid[str(item_id)] = {f: doc.source(doc.node_at((*path, f))[0]) for f in bad}
                entry = {k: v for k, v in entry.items() if k not in bad}
        kept[item_id] = entry
    if not invalid:
        return None, {}
    try:
        return ScoreFile.model_validate({**data, "items": kept}), invalid
    except ValidationError:
        return None, {}


def _is_number(name: str, value: object) -> bool:
    try:
        ScoreEntry.model_validate({name: value})
    except ValidationError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# evidence files


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
