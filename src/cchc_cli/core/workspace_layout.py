"""What ``cchc.yaml`` points at, checked as a person sees the folder.

* Each path is looked up by name as shown on screen (``core/names.py``): a folder zipped on a
  Mac (decomposed Vietnamese names) is found; a name that differs only in case, a trailing dot
  or space, or a ``.txt`` that Notepad added, is named ("on disk: …", CCHC009).
* A path that must be a file is a file, a folder a folder (CCHC002; ``evidence``, ``templates``
  or ``output`` naming a file: CCHC008, once, on cchc.yaml).
* ``scores:`` must not be the workspace folder itself nor hold cchc.yaml or the criteria or the
  plan (CCHC007): every YAML file there is read as a score file.
* No ``cchc.yaml`` but a file that is one under another name (``cchc.yml``, ``CCHC.YAML``,
  ``cchc.yaml.txt``, a renamed copy): CCHC006, with the rename to do.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.names import Listings, intended_name, split_rel
from cchc_cli.core.workspace import CONFIG_NAME
from cchc_cli.core.yamlio import YamlDoc

if TYPE_CHECKING:
    from cchc_cli.core.workspace import WorkspaceConfig

CONFIG_NAMES = ("cchc.yaml", "cchc.yml")
#: the keys every cchc.yaml has, at the start of a line (a renamed copy is recognised by them)
_CONFIG_KEYS = [re.compile(rf"^{key}[ \t]*:", re.MULTILINE) for key in ("criteria", "scores")]
_SCAN_BYTES = 4096
_SCAN_SUFFIXES = (".yaml", ".yml", ".txt", ".bak", ".old", "")

#: field -> what it must be
FILES = ("criteria", "assignments", "notes", "appraisal")
FOLDERS = ("scores", "templates", "evidence", "output")
#: folders that may not exist yet (cchc makes them)
MADE_LATER = ("output",)


# ------------------------------------------------------------------------ cchc.yaml renamed


def config_lookalikes(folder: Path) -> list[str]:
    """Names in ``folder`` that are cchc.yaml under another name, best guesses first."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e.name, e.is_file()) for e in listing)
    except (OSError, ValueError):
        return []
    by_name: list[str] = []
    by_text: list[str] = []
    for name, is_file in entries:
        if not is_file or name == CONFIG_NAME or name.startswith(("~$", ".")):
            continue
        meant = intended_name(name, CONFIG_NAMES) or name
        if meant.lower() in CONFIG_NAMES:
            by_name.append(name)
        elif Path(name).suffix.lower() in _SCAN_SUFFIXES and _reads_like_config(folder / name):
            by_text.append(name)
    return by_name + by_text


def _reads_like_config(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SCAN_BYTES)
    except OSError:
        return False
    text = head.replace(b"\x00", b"").decode("latin-1")
    return all(key.search(text) for key in _CONFIG_KEYS)


def lookalike_diagnostic(folder: Path, name: str) -> Diagnostic:
    """CCHC006: no cchc.yaml, but ``name`` is one."""
    return error("CCHC006", Location(), folder=str(folder), found=name)


# ------------------------------------------------------------------------ the paths it names


def check_layout(
    root: Path, config: WorkspaceConfig, doc: YamlDoc, listings: Listings
) -> tuple[dict[str, Path], list[Diagnostic]]:
    """Find every path cchc.yaml names; return the on-disk paths whose spelling differs from
    cchc.yaml's, and the problems (each on the field's line of cchc.yaml)."""
    found: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for field in (*FILES, *FOLDERS):
        rel = getattr(config, field, None)
        if rel is None:
            continue
        path, problem = _find(root, field, rel, doc, listings)
        if problem is not None:
            problems.append(problem)
        elif path is not None and path != root / rel:
            found[field] = path
    if not problems:
        scores = found.get("scores", root / config.scores)
        others = [found.get(f, root / getattr(config, f)) for f in ("criteria", "assignments")]
        problems += _scores_layout(root, scores, others, doc)
    return found, problems


def _find(
    root: Path, field: str, rel: str, doc: YamlDoc, listings: Listings
) -> tuple[Path | None, Diagnostic | None]:
    where = doc.locate((field,))
    parts = split_rel(rel)
    hit = listings.find(root, parts)
    if hit.path is None and field in MADE_LATER:
        return None, None  # cchc makes it (a near name on a case-insensitive disk is the same)
    if hit.path is None:
        near = hit.near
        if near is None and parts and field in FILES:  # Notepad's "criteria.yaml.txt"
            near = listings.find(root, [*parts[:-1], parts[-1] + ".txt"]).found
        if near is not None:
            on_disk = near.relative_to(root).as_posix()
            return None, error("CCHC009", where, field=field, path=rel, on_disk=on_disk)
        return None, error("CCHC002", where, field=field, path=rel)
    entry = hit.entry
    is_dir = entry.is_dir if entry is not None else True  # no parts: the root itself
    is_file = entry.is_file if entry is not None else False
    if field in FILES and not (is_file or (field == "notes" and _exists(hit.path, is_dir))):
        return None, error("CCHC002", where, field=field, path=rel)
    if field in FOLDERS and not is_dir:
        if field == "scores" or not is_file:
            return None, error("CCHC002", where, field=field, path=rel)
        return None, error("CCHC008", where, field=field, path=rel)
    return hit.path, None


def _exists(path: Path, is_dir: bool) -> bool:
    """Not a folder, yet there (a link to a device: its reader stops at a size limit)."""
    try:
        return not is_dir and path.exists()
    except (OSError, ValueError):
        return False


def _scores_layout(root: Path, scores: Path, others: list[Path], doc: YamlDoc) -> list[Diagnostic]:
    """CCHC007: the scores folder is the workspace itself, or holds cchc.yaml, the criteria or
    the plan (which would then be read as score files)."""
    try:
        folder = scores.resolve()
        inside = [p.name for p in others if p.resolve().parent == folder]
        holds_config = folder == root.resolve() or (folder / CONFIG_NAME).is_file()
    except (OSError, RuntimeError, ValueError):
        return []
    if holds_config:
        inside.insert(0, CONFIG_NAME)
    if not inside:
        return []
    shown = scores.relative_to(root).as_posix() if scores.is_relative_to(root) else str(scores)
    return [error("CCHC007", doc.locate(("scores",)), path=shown, files=inside)]
