"""Finding and loading the agency score files of a workspace, and the evidence files they name.

Files are always taken sorted by name, so nothing depends on the order the file system lists
them in.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.names import intended_name, is_shortcut, loose, split_rel
from cchc_cli.core.workspace import Workspace
from cchc_cli.core.yamlio import YamlDoc, load_yaml
from cchc_cli.scores.model import LoadedScores, ScoreEntry, ScoreFile

SCORE_SUFFIXES = (".yaml", ".yml")
VALUE_FIELDS = ("score", "measured")
MAX_SCAN_BYTES = 1024 * 1024
_AGENCY_LINE = re.compile(rb"^agency:[ \t]*[\"']?([A-Za-z0-9_]+)", re.MULTILINE)
_WIN_ABSOLUTE = re.compile(r"^[A-Za-z]:")
#: names no one saves a score file as: Office lock files, hidden and temporary files
_SCRATCH = ("~", ".")
#: suffixes of a file that may be a score file saved under a wrong name (Notepad's .txt)
_MAYBE_TEXT = ("", ".txt")


# --------------------------------------------------------------------------------------------
# score files


def _entries(folder: Path) -> tuple[list[Path], list[Path]]:
    """The entries of ``folder`` that are not folders (a link to a device stays: reading it
    is bounded and reported), and its visible sub-folders; each sorted by name."""
    files: list[Path] = []
    folders: list[Path] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    files.append(folder / entry.name)
                elif not entry.name.startswith(_SCRATCH):
                    folders.append(folder / entry.name)
    except OSError:
        pass
    return sorted(files, key=lambda p: p.name), sorted(folders, key=lambda p: p.name)


def _listing(folder: Path) -> list[Path]:
    return _entries(folder)[0]


def score_files(ws: Workspace) -> list[Path]:
    """Every ``*.yaml`` / ``*.yml`` directly in the scores folder, sorted by name.

    Hidden files (editor swap files, our own temp files) are skipped.
    """
    return [
        p
        for p in _listing(ws.scores_dir)
        if p.suffix.lower() in SCORE_SUFFIXES and not p.name.startswith(_SCRATCH)
    ]


@dataclass(frozen=True)
class Misnamed:
    """A score file cchc does not read: under a near-miss name (``snv.yaml.txt``, ``snv.yaml ``
    with a trailing space, ``snv.txt`` declaring an agency), or one folder down
    (``scores/scores/snv.yaml`` from a zip) when its agency has no file in the folder itself."""

    path: Path
    #: the name to give it, or (``nested``) the workspace-relative path to move it to
    meant: str
    #: the agency it declares (None: none found)
    agency: str | None
    nested: bool = False


def misnamed_score_files(ws: Workspace) -> list[Misnamed]:
    """Files of the scores folder that look like score files but are not read, sorted."""
    files, folders = _entries(ws.scores_dir)
    found = _near_names(files)
    if folders:
        found += _nested(ws, folders, files)
    return found


def _near_names(files: list[Path]) -> list[Misnamed]:
    found: list[Misnamed] = []
    for path in files:
        name = path.name
        if path.suffix.lower() in SCORE_SUFFIXES or name.startswith(_SCRATCH):
            continue
        meant = intended_name(name, SCORE_SUFFIXES)
        if meant is None and path.suffix.lower() in _MAYBE_TEXT:
            agency = scan_agency(path)
            if agency is not None:
                stem = name.rstrip(" .")
                stem = stem[: -len(".txt")] if stem.lower().endswith(".txt") else stem
                found.append(Misnamed(path, stem.rstrip(" .") + ".yaml", agency))
            continue
        if meant is not None:
            found.append(Misnamed(path, meant, scan_agency(path)))
    return found


def _nested(ws: Workspace, folders: list[Path], top: list[Path]) -> list[Misnamed]:
    """Score files one folder down whose agency has no file in the scores folder itself (the
    first of each agency): they would otherwise be silently left out."""
    candidates = [
        path
        for folder in folders
        for path in _listing(folder)
        if path.suffix.lower() in SCORE_SUFFIXES and not path.name.startswith(_SCRATCH)
    ]
    if not candidates:
        return []
    present = {scan_agency(path) for path in top}
    found: list[Misnamed] = []
    for path in candidates:
        agency = scan_agency(path)
        if agency is not None and agency not in present:
            present.add(agency)
            found.append(Misnamed(path, ws.rel(ws.scores_dir / path.name), agency, nested=True))
    return found


def misnamed_diagnostics(ws: Workspace) -> list[Diagnostic]:
    """CCHC440 for every misnamed score file (CCHC445 one folder down): it is not read; say so
    and how to rename (or move) it."""
    out: list[Diagnostic] = []
    for m in misnamed_score_files(ws):
        rel = ws.rel(m.path)
        code, file = ("CCHC445", rel) if m.nested else ("CCHC440", m.path.name)
        out.append(error(code, Location(rel), agency=m.agency, file=file, meant=m.meant))
    return out


def scan_agency(path: Path) -> str | None:
    """The ``agency:`` line of a file read as bytes, whatever its encoding: Windows-1258/1252
    ("ANSI"), UTF-8, and UTF-16 with or without BOM (its NUL bytes are dropped first)."""
    try:
        with path.open("rb") as handle:  # bounded (a link to /dev/zero, a huge file)
            raw = handle.read(MAX_SCAN_BYTES)
    except OSError:
        return None
    for candidate in (raw, raw.replace(b"\x00", b"")):
        match = _AGENCY_LINE.search(candidate.lstrip(b"\xef\xbb\xbf\xff\xfe"))
        if match:
            return match.group(1).decode("ascii")
    return None


def declared_agency(path: Path, rel: str) -> str | None:
    """The ``agency:`` a score file declares, read leniently (format errors do not matter).

    For a file that does not even parse (syntax, encoding), an ``agency:`` line in the raw
    bytes is used, so that such a file still counts as the agency's file.
    """
    doc, _ = load_yaml(path, rel)
    if doc is not None:
        agency = doc.data.get("agency") if isinstance(doc.data, dict) else None
        return agency if isinstance(agency, str) else None
    return scan_agency(path)


def declared_agencies(ws: Workspace) -> set[str]:
    """Agency codes declared by any score file (valid or not, or misnamed)."""
    found = {declared_agency(path, ws.rel(path)) for path in score_files(ws)}
    found.update(m.agency for m in misnamed_score_files(ws))
    return {code for code in found if code is not None}


def files_of_agency(ws: Workspace, code: str) -> list[Path]:
    """Score files whose ``agency:`` is ``code`` (even when they have format errors, or are
    misnamed)."""
    found = [path for path in score_files(ws) if declared_agency(path, ws.rel(path)) == code]
    found += [m.path for m in misnamed_score_files(ws) if m.agency == code]
    return found


def present_files(
    ws: Workspace, loaded: list[LoadedScores], diagnostics: list[Diagnostic]
) -> dict[str, tuple[str, str]]:
    """Agencies whose file is there but was not read: agency -> (workspace-relative file,
    ``misnamed`` | ``unreadable`` (not UTF-8: CCHC101) | ``invalid`` (other errors))."""
    read = {item.file.agency for item in loaded}
    found: dict[str, tuple[str, str]] = {}
    for path in score_files(ws):
        rel = ws.rel(path)
        if any(item.rel == rel for item in loaded):
            continue
        agency = declared_agency(path, rel)
        if agency is None or agency in read or agency in found:
            continue
        encoding = any(d.file == rel and d.code == "CCHC101" for d in diagnostics)
        found[agency] = (rel, "unreadable" if encoding else "invalid")
    for m in misnamed_score_files(ws):
        if m.agency is not None and m.agency not in read and m.agency not in found:
            found[m.agency] = (ws.rel(m.path), "misnamed")
    return found


def load_scores(ws: Workspace) -> tuple[list[LoadedScores], list[Diagnostic]]:
    """Load and validate every score file (format only; plan checks are
    :func:`cchc_cli.scores.checks.check_scores`)."""
    loaded: list[LoadedScores] = []
    problems: list[Diagnostic] = misnamed_diagnostics(ws)
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


@dataclass(frozen=True)
class EvidenceLookup:
    """What an evidence ``file:`` leads to: ``problem`` None (a usable file) or a reason key
    (``scores.path.*``); ``on_disk``: for a near name, the name as stored (relative to the
    evidence folder)."""

    problem: str | None = None
    on_disk: str | None = None


def evidence_path_problem(ws: Workspace, raw: str) -> str | None:
    """None when ``raw`` names a usable file inside the workspace, else a reason key."""
    return find_evidence(ws, raw).problem


def find_evidence(ws: Workspace, raw: str) -> EvidenceLookup:
    """Look ``raw`` up as a person would (core/names.py): NFC and NFD names are the same name;
    a name differing only in case or a trailing dot/space is named, not taken. Each folder is
    listed once per run; only a path through a link or ``..`` is resolved on disk."""
    text = raw.strip().replace("\\", "/")
    if not text:
        return EvidenceLookup("scores.path.empty")
    if text.startswith("/") or _WIN_ABSOLUTE.match(text):
        return EvidenceLookup("scores.path.absolute")
    if "\0" in text:  # no file can have that name (and the OS calls would raise)
        return EvidenceLookup("scores.path.missing")
    base = evidence_base(ws)
    parts = split_rel(text)
    if ".." in parts and not _inside(ws.root, base / "/".join(parts)):
        return EvidenceLookup("scores.path.outside")
    hit = ws.listings.find(base, parts)
    found = hit.found
    if found is None:
        near = _evidence_near(ws, base, parts)
        if near is not None:
            return EvidenceLookup("scores.path.near", _shown(base, near))
        return EvidenceLookup("scores.path.missing")
    if (hit.via_link or not _base_inside(ws)) and not _inside(ws.root, found):
        return EvidenceLookup("scores.path.outside")
    if hit.path is None:
        return EvidenceLookup("scores.path.near", _shown(base, found))
    entry = hit.entry
    if entry is not None and entry.is_dir:
        return EvidenceLookup("scores.path.folder")
    if entry is None or not entry.is_file:
        return EvidenceLookup("scores.path.missing")
    size = entry.size(found.parent)
    if is_shortcut(found, size):
        return EvidenceLookup("scores.path.shortcut")
    if size == 0:
        return EvidenceLookup("scores.path.empty_file")
    return EvidenceLookup()


def _evidence_near(ws: Workspace, base: Path, parts: list[str]) -> Path | None:
    """A file the user most likely meant, when none has the name written: the same name with
    the extension Explorer hides (``qd-12`` -> ``qd-12.pdf``; ``qd-12.pdf`` ->
    ``qd-12.pdf.pdf``), or the path written from the workspace folder instead of the evidence
    folder (``evidence/snv/qd.pdf``). Only a file inside the evidence folder is offered."""
    if not parts or ".." in parts:
        return None
    folder = ws.listings.find(base, parts[:-1]).found if len(parts) > 1 else base
    listed = ws.listings.folder(folder) if folder is not None else None
    if folder is not None and listed is not None:
        stem = loose(parts[-1])
        for name in sorted(listed.names):
            if listed.names[name].is_file and loose(name).rsplit(".", 1)[0] == stem:
                return folder / name
    if base != ws.root:
        from_root = ws.listings.find(ws.root, parts).found
        if from_root is not None and from_root.is_file() and _under(base, from_root):
            return from_root
    return None


def _under(base: Path, path: Path) -> bool:
    try:
        path.relative_to(base)
    except ValueError:
        return False
    return path != base


def _shown(base: Path, path: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(root: Path, path: Path) -> bool:
    try:
        resolved = path.resolve()
        top = root.resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return resolved == top or top in resolved.parents


def _base_inside(ws: Workspace) -> bool:
    """Whether the evidence folder itself (maybe a link) is inside the workspace (once)."""
    key = "evidence-base-inside"
    known = ws.listings.facts.get(key)
    if known is None:
        known = ws.listings.facts[key] = _inside(ws.root, evidence_base(ws))
    return known
