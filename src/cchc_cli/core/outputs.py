"""Nothing overwritten that cchc did not make: the one rule for every command that writes.

Every command that writes a file it was told to write (``report``, ``schema --out``,
``criteria import --out``, the schema ``scaffold`` refreshes; ``pack``, ``remedy`` …) goes
through an :class:`OutputGuard`::

    guard = OutputGuard(workspace_inputs(ws, extra=[table]), force=force, lang=lang)
    problems = guard.check({out: None})      # before the work: refusals, nothing written yet
    if problems:
        raise CommandExit(problems)          # exit 1 (see below)
    ...                                      # render
    done = guard.write({out: data})          # atomic, all or nothing; records the manifest
    show(done.notices)                       # CCHC130: an edited earlier report kept aside

The rule, in order:

1. **An input of the workspace is never replaced** (CCHC004): ``cchc.yaml``, the criteria, the
   plan, the notes file, the appraisal file, any file under the ``scores``, ``evidence`` and
   ``templates`` folders, and the inputs named on the command line (an imported table,
   ``--like``, ``--templates``).
   Files are compared by identity (device and inode, so a different spelling of the same file,
   a link or a case-insensitive disk do not slip through), else by their resolved path.
2. **An existing file is replaced only if cchc wrote it** (CCHC005): each folder cchc writes
   into holds ``.cchc-manifest.json`` with the SHA-256 of every file cchc wrote there. A file
   still holding those bytes is cchc's own and is replaced freely; a file the manifest does not
   list, or whose bytes changed since (someone edited the report in Word), is not. With
   ``edited="keep"`` (reports) an edited earlier output is kept under a new name,
   ``NAME (sửa tay YYYY-MM-DD).ext`` (the day it was last changed), and CCHC130 says so; a file
   the manifest never listed is still refused.
3. Writing the very bytes a file already holds replaces nothing and is always allowed.
4. ``--force`` lifts rules 1 and 2 (the refusal names the file and the flag).

A refusal is an error: exit code 1 (like CCHC430 of ``scaffold``, which never replaces a score
file); nothing is written. Commands that only create files that must not exist yet
(``init``, a new score file of ``scaffold``) never replace anything and need no guard.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cchc_cli.core.atomic import write_bytes, write_many
from cchc_cli.core.diagnostics import Diagnostic, Location, error, info
from cchc_cli.core.i18n import DEFAULT_LANG, Msg, tr

if TYPE_CHECKING:
    from cchc_cli.core.workspace import Workspace

MANIFEST_NAME = ".cchc-manifest.json"
MANIFEST_FORMAT = 1
FORCE_FLAG = "--force"

#: ``own(path, data)``: whether an unlisted existing file is one cchc made (e.g. a JSON Schema
#: carrying cchc's description); never used for a file the manifest lists with other bytes
Recogniser = Callable[[Path, bytes], bool]
Edited = Literal["refuse", "keep"]


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def _key(path: Path) -> str:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):
        resolved = path.absolute()
    return os.path.normcase(str(resolved))


@dataclass
class Inputs:
    """The files a command must not replace: single files and whole folders, each with what
    it is (a catalogue message for the refusal)."""

    files: list[tuple[Path, Msg]] = field(default_factory=list)
    folders: list[tuple[Path, Msg]] = field(default_factory=list)
    #: the workspace folder: paths inside it are shown relative to it, like every diagnostic
    root: Path | None = None

    def add_file(self, path: Path | None, what: str) -> None:
        if path is not None:
            self.files.append((path, Msg(f"outputs.input.{what}")))

    def add_folder(self, path: Path | None, what: str) -> None:
        if path is not None:
            self.folders.append((path, Msg(f"outputs.input.{what}")))

    def what(self, target: Path) -> Msg | None:
        """What input ``target`` is (None: not an input). Only an existing file can be one."""
        ident = _identity(target)
        if ident is None:
            return None
        key = _key(target)
        for path, what in self.files:
            if _identity(path) == ident or _key(path) == key:
                return what
        chain = [target.parent, *target.parent.parents]
        with contextlib.suppress(OSError, RuntimeError, ValueError):
            real = target.resolve()  # a link to an input is the input
            chain += [real.parent, *real.parent.parents]
        for path, what in self.folders:
            folder_id, folder_key = _identity(path), _key(path)
            if folder_id is None:
                continue
            for parent in chain:
                if _identity(parent) == folder_id or _key(parent) == folder_key:
                    return what
        return None


def workspace_inputs(ws: Workspace | None, extra: Iterable[tuple[Path, str]] = ()) -> Inputs:
    """Every input of ``ws`` (see the module docstring), plus ``extra`` (path, kind) pairs:
    kind ``file`` for a file named on the command line, ``folder`` for a folder."""
    found = Inputs(root=ws.root if ws is not None else None)
    if ws is not None:
        found.add_file(ws.config_path, "config")
        found.add_file(ws.criteria_path, "criteria")
        found.add_file(ws.assignments_path, "assignments")
        found.add_file(ws.notes_path, "notes")
        found.add_file(ws.appraisal_path, "appraisal")
        found.add_folder(ws.scores_dir, "scores")
        found.add_folder(ws.evidence_dir, "evidence")
        found.add_folder(ws.templates_dir, "templates")
    for path, kind in extra:
        if kind == "folder":
            found.add_folder(path, "argument")
        else:
            found.add_file(path, "argument")
    return found


# ------------------------------------------------------------------------------ manifest


def read_manifest(folder: Path) -> dict[str, str]:
    """``{file name: sha256}`` of the files cchc wrote in ``folder`` (empty when none, or when
    the manifest is unreadable: then no file there counts as cchc's)."""
    try:
        data = json.loads((folder / MANIFEST_NAME).read_bytes())
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def manifest_bytes(files: Mapping[str, str]) -> bytes:
    body = {"generator": "cchc", "format": MANIFEST_FORMAT, "files": dict(sorted(files.items()))}
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------------------ the guard


@dataclass
class Written:
    """What :meth:`OutputGuard.write` did: the files written (or already identical), and
    notices (CCHC130) for edited earlier outputs kept under a new name."""

    files: list[Path] = field(default_factory=list)
    notices: list[Diagnostic] = field(default_factory=list)


@dataclass
class _State:
    kind: Literal["new", "same", "ours", "edited", "foreign", "input", "other"]
    what: Msg | None = None
    current: bytes | None = None


class OutputGuard:
    """The rule of this module for one command run (see the module docstring)."""

    def __init__(
        self,
        inputs: Inputs | None = None,
        *,
        force: bool = False,
        edited: Edited = "refuse",
        own: Recogniser | None = None,
        lang: str = DEFAULT_LANG,
    ) -> None:
        self.inputs = inputs or Inputs()
        self.force = force
        self.edited = edited
        self.own = own
        self.lang = lang
        self._manifests: dict[Path, dict[str, str]] = {}

    def shown(self, path: Path) -> str:
        """``path`` as diagnostics show files: relative to the workspace (else to the current
        folder) when inside it."""
        for base in (self.inputs.root, Path.cwd()):
            if base is None:
                continue
            try:
                return path.resolve().relative_to(base.resolve()).as_posix()
            except (OSError, ValueError, RuntimeError):
                continue
        return path.as_posix()

    def _manifest(self, folder: Path) -> dict[str, str]:
        if folder not in self._manifests:
            self._manifests[folder] = read_manifest(folder)
        return self._manifests[folder]

    def _state(self, path: Path, data: bytes | None) -> _State:
        try:
            if not path.exists():
                return _State("new")
            if not path.is_file():
                return _State("other")  # a folder: the write itself will say why it fails
            current = path.read_bytes()
        except (OSError, ValueError):
            return _State("other")
        if data is not None and current == data:
            return _State("same", current=current)
        what = self.inputs.what(path)
        if what is not None:
            return _State("input", what, current)
        listed = self._manifest(path.parent).get(path.name)
        if listed == sha256(current):
            return _State("ours", current=current)
        if listed is not None:
            return _State("edited", current=current)
        if self.own is not None and self.own(path, current):
            return _State("ours", current=current)
        return _State("foreign", current=current)

    def _refusal(self, path: Path, state: _State) -> Diagnostic | None:
        if self.force:
            return None
        shown = self.shown(path)
        if state.kind == "input":
            return error("CCHC004", Location(shown), file=shown, what=state.what, flag=FORCE_FLAG)
        if state.kind == "foreign" or (state.kind == "edited" and self.edited == "refuse"):
            reason = Msg(f"outputs.reason.{state.kind}", {"manifest": MANIFEST_NAME})
            return error("CCHC005", Location(shown), file=shown, reason=reason, flag=FORCE_FLAG)
        return None

    def check(self, targets: Mapping[Path, bytes | None]) -> list[Diagnostic]:
        """The refusals for writing ``targets`` (data None: not rendered yet). Empty: go on."""
        problems: list[Diagnostic] = []
        for path, data in targets.items():
            refusal = self._refusal(path, self._state(path, data))
            if refusal is not None:
                problems.append(refusal)
        return problems

    def write(self, files: Mapping[Path, bytes]) -> Written:
        """Write ``files`` together (all or nothing, :func:`~cchc_cli.core.atomic.write_many`)
        with the manifests of their folders. Raises ``ValueError`` if a file is refused
        (call :meth:`check` first) and :class:`~cchc_cli.core.atomic.WriteFailed` if writing
        fails (every earlier file is then still in place)."""
        done = Written()
        batch: dict[Path, bytes] = {}
        asides: list[tuple[Path, Path]] = []
        for path, data in files.items():
            state = self._state(path, data)
            if self._refusal(path, state) is not None:
                raise ValueError(f"refused: {path}")
            done.files.append(path)
            if state.kind == "edited" and not self.force and state.current is not None:
                asides.append((path, self._aside(path, {a for _, a in asides})))
            if state.kind != "same":
                batch[path] = data
        batch.update(self._manifest_updates(batch))  # a file left as it was is not recorded
        try:
            for path, aside in asides:
                write_bytes(aside, path.read_bytes())
                with contextlib.suppress(OSError):
                    os.utime(aside, (path.stat().st_atime, path.stat().st_mtime))
                shown = {"file": self.shown(path), "kept": aside.name}
                done.notices.append(info("CCHC130", Location(self.shown(path)), **shown))
            if batch:
                write_many(batch)
        except BaseException:
            for _, aside in asides:
                with contextlib.suppress(OSError):
                    aside.unlink()
            raise
        return done

    def _manifest_updates(self, files: Mapping[Path, bytes]) -> dict[Path, bytes]:
        by_folder: dict[Path, dict[str, str]] = {}
        for path, data in files.items():
            by_folder.setdefault(path.parent, {})[path.name] = sha256(data)
        updates: dict[Path, bytes] = {}
        for folder, entries in by_folder.items():
            old = self._manifest(folder)
            new = {**old, **entries}
            manifest = folder / MANIFEST_NAME
            if new != old or not manifest.is_file():
                updates[manifest] = manifest_bytes(new)
            self._manifests[folder] = new
        return updates

    def _aside(self, path: Path, taken: set[Path]) -> Path:
        """A free name beside ``path`` for its edited copy: ``NAME (sửa tay DATE).ext``."""
        try:
            day = date.fromtimestamp(path.stat().st_mtime).isoformat()
        except (OSError, ValueError, OverflowError):
            day = date.today().isoformat()
        label = tr("outputs.edited_label", self.lang, date=day)
        for n in range(1, 1000):
            suffix = f"{label}, {n}" if n > 1 else label
            candidate = path.with_name(f"{path.stem} ({suffix}){path.suffix}")
            if candidate not in taken and not candidate.exists():
                return candidate
        raise FileExistsError(path)  # pragma: no cover - a thousand edited copies
