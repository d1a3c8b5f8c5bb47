"""The workspace: a folder with ``cchc.yaml`` naming every input and the output folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.docinfo import DocumentConfig
from cchc_cli.core.modelbase import VersionedFile
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import YamlDoc, load_yaml

CONFIG_NAME = "cchc.yaml"


class WorkspaceConfig(VersionedFile):
    """``cchc.yaml``. Every path is relative to the folder that holds it."""

    format: int = 1
    criteria: str
    assignments: str
    scores: str
    output: str = "build"
    evidence: str | None = None
    notes: str | None = None
    templates: str | None = None
    #: number, date, signer and recipients of the province's report (core/docinfo.py)
    report: DocumentConfig | None = None

    @field_validator(
        "criteria", "assignments", "scores", "output", "evidence", "notes", "templates"
    )
    @classmethod
    def _relative(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if any(ord(c) < 32 for c in value):  # "\0", "\n": no file system takes them
            raise PydanticCustomError("cchc.reason.path_chars", "", {})
        posix = PurePosixPath(value.replace("\\", "/"))
        if posix.is_absolute() or (len(value) > 1 and value[1] == ":") or ".." in posix.parts:
            raise PydanticCustomError("cchc.reason.relative_path", "", {"value": value})
        return posix.as_posix()


class WorkspaceError(Exception):
    """A workspace that cannot be used at all (exit code 2)."""

    def __init__(self, diagnostics: list[Diagnostic], doc: YamlDoc | None = None) -> None:
        super().__init__("workspace error")
        self.diagnostics = diagnostics
        self.doc = doc


@dataclass(frozen=True)
class Workspace:
    root: Path
    config: WorkspaceConfig
    doc: YamlDoc

    def path(self, rel: str) -> Path:
        return self.root / rel

    def rel(self, path: Path) -> str:
        """Workspace-relative POSIX path (or the absolute path when outside)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def criteria_path(self) -> Path:
        return self.root / self.config.criteria

    @property
    def assignments_path(self) -> Path:
        return self.root / self.config.assignments

    @property
    def scores_dir(self) -> Path:
        return self.root / self.config.scores

    @property
    def output_dir(self) -> Path:
        return self.root / self.config.output

    @property
    def evidence_dir(self) -> Path | None:
        return self.root / self.config.evidence if self.config.evidence else None

    @property
    def notes_path(self) -> Path | None:
        return self.root / self.config.notes if self.config.notes else None

    @property
    def templates_dir(self) -> Path | None:
        return self.root / self.config.templates if self.config.templates else None

    def field_location(self, field: str) -> Location:
        return self.doc.locate((field,))


def _probe(path: Path, test: str) -> bool:
    """``path.is_file()`` & co., False (not an exception) for names the OS refuses."""
    try:
        return bool(getattr(path, test)())
    except (OSError, ValueError):  # a name too long for the file system, …
        return False


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``cchc.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if _probe(folder / CONFIG_NAME, "is_file"):
            return folder
    return None


def open_workspace(explicit: Path | None, cwd: Path) -> Workspace:
    """Find and load the workspace, or raise :class:`WorkspaceError`."""
    if explicit is not None:
        root = explicit.resolve()
        if not _probe(root / CONFIG_NAME, "is_file"):
            raise WorkspaceError([error("CCHC001", Location(), folder=str(explicit))])
    else:
        found = find_root(cwd)
        if found is None:
            raise WorkspaceError([error("CCHC001", Location(), folder=str(cwd))])
        root = found
    doc, problems = load_yaml(root / CONFIG_NAME, CONFIG_NAME)
    if doc is None:
        raise WorkspaceError(problems)
    config, problems = validate_doc(doc, WorkspaceConfig)
    if config is None:
        raise WorkspaceError(problems, doc)
    ws = Workspace(root=root, config=config, doc=doc)
    missing: list[Diagnostic] = []
    for field in ("criteria", "assignments"):
        rel = getattr(config, field)
        if not _probe(root / rel, "is_file"):
            missing.append(error("CCHC002", doc.locate((field,)), field=field, path=rel))
    if not _probe(ws.scores_dir, "is_dir"):
        missing.append(
            error("CCHC002", doc.locate(("scores",)), field="scores", path=config.scores)
        )
    for field in ("notes", "templates", "evidence"):
        rel = getattr(config, field)
        if rel is not None and not _probe(root / rel, "exists"):
            missing.append(error("CCHC002", doc.locate((field,)), field=field, path=rel))
    if missing:
        raise WorkspaceError(missing, doc)
    return ws
