"""The workspace: a folder with ``cchc.yaml`` naming every input and the output folder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from cchc_cli.core.diagnostics import Diagnostic, Location, Severity, error
from cchc_cli.core.docinfo import DocumentConfig, RemedyConfig
from cchc_cli.core.modelbase import VersionedFile
from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.names import Listings
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
    #: the Ministry's appraisal of the self-assessment (optional; ``cchc index``)
    appraisal: str | None = None
    #: number, date, signer and recipients of the province's report (core/docinfo.py)
    report: DocumentConfig | None = None
    #: number, date, signer and recipients of ``cchc remedy``'s documents (core/docinfo.py)
    remedy: RemedyConfig | None = None

    @field_validator(
        "criteria", "assignments", "scores", "output", "evidence", "notes", "templates", "appraisal"
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
    #: field -> the path on disk, where its spelling differs from cchc.yaml's (NFD names)
    found: Mapping[str, Path] = field(default_factory=dict, compare=False)
    #: folder listings made during this run (evidence look-ups; see core/names.py)
    listings: Listings = field(default_factory=Listings, compare=False, repr=False)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def _field_path(self, name: str) -> Path | None:
        rel: str | None = getattr(self.config, name)
        if rel is None:
            return None
        return self.found.get(name, self.root / rel)

    def rel(self, path: Path) -> str:
        """Workspace-relative POSIX path (or the absolute path when outside)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def criteria_path(self) -> Path:
        return self.found.get("criteria", self.root / self.config.criteria)

    @property
    def assignments_path(self) -> Path:
        return self.found.get("assignments", self.root / self.config.assignments)

    @property
    def scores_dir(self) -> Path:
        return self.found.get("scores", self.root / self.config.scores)

    @property
    def output_dir(self) -> Path:
        return self.found.get("output", self.root / self.config.output)

    @property
    def evidence_dir(self) -> Path | None:
        return self._field_path("evidence")

    @property
    def notes_path(self) -> Path | None:
        return self._field_path("notes")

    @property
    def templates_dir(self) -> Path | None:
        return self._field_path("templates")

    @property
    def appraisal_path(self) -> Path | None:
        return self.root / self.config.appraisal if self.config.appraisal else None

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


def _no_config(folder: Path) -> WorkspaceError:
    """CCHC001, or CCHC006 when the folder holds cchc.yaml under another name."""
    from cchc_cli.core.workspace_layout import config_lookalikes, lookalike_diagnostic

    found = config_lookalikes(folder)
    if found:
        return WorkspaceError([lookalike_diagnostic(folder, found[0])])
    return WorkspaceError([error("CCHC001", Location(), folder=str(folder))])


def open_workspace(explicit: Path | None, cwd: Path) -> Workspace:
    """Find and load the workspace, or raise :class:`WorkspaceError`."""
    from cchc_cli.core.workspace_layout import check_layout

    if explicit is not None:
        root = explicit.resolve()
        if not _probe(root / CONFIG_NAME, "is_file"):
            raise _no_config(explicit)
    else:
        found = find_root(cwd)
        if found is None:
            raise _no_config(cwd)
        root = found
    doc, problems = load_yaml(root / CONFIG_NAME, CONFIG_NAME)
    if doc is None:
        raise WorkspaceError(problems)
    config, invalid = validate_doc(doc, WorkspaceConfig)
    if config is None or any(p.severity is Severity.ERROR for p in problems):
        raise WorkspaceError(problems + invalid, doc)
    listings = Listings()
    found_paths, problems = check_layout(root, config, doc, listings)
    if problems:
        raise WorkspaceError(problems, doc)
    return Workspace(root=root, config=config, doc=doc, found=found_paths, listings=listings)
