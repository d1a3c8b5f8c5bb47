"""What goes in the pack: the report's items, each with its evidence documents and the files
copied for them, found from the report model and the score files.

An item's evidence is the one the report shows for it (the province's pack: every agency's,
all parts of a split item; a department's pack: its own), paired with the score files'
entries for their positions. Each file named by ``file:`` is resolved as ``cchc validate``
resolves it (inside the workspace, relative to the ``evidence`` folder) and given a safe,
unique path in its item's folder; the same file named twice for one item is copied once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.core.diagnostics import Diagnostic, Location, info, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.pack.names import PackNames

if TYPE_CHECKING:
    from cchc_cli.core.workspace import Workspace
    from cchc_cli.pipeline import CheckResult
    from cchc_cli.report.document import EvidenceRef, Report, ReportRow

#: what the 2018 guidance calls a scan: an image or a PDF (suffix → the content's signatures)
SCAN_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
#: a PDF may have a few bytes before its "%PDF-" header
_HEAD_BYTES = 1024


@dataclass(frozen=True)
class PackedFile:
    """An evidence file copied into the pack."""

    source: Path
    #: its path inside the pack ("3.2.5/05-KH-UBND.pdf")
    path: str


@dataclass(frozen=True)
class PackedDocument:
    """One evidence document of an item, as the index lists it."""

    ref: EvidenceRef
    agency_name: str
    #: the ``file:`` of the score file, as written ("" when none)
    source: str
    #: its file's path in the pack (None: no file named, or the file cannot be read)
    path: str | None
    #: a scan as the guidance asks (image or PDF); False also when there is no file
    scan: bool
    where: Location


@dataclass(frozen=True)
class PackedItem:
    """A row of the index: an area or criterion (no documents), or an item with its own."""

    row: ReportRow
    area: str
    #: a department's pack: an item it cooperates on (not one it scores)
    cooperating: bool = False
    #: its folder in the pack (None when it has no file)
    folder: str | None = None
    documents: tuple[PackedDocument, ...] = ()


@dataclass
class PackContent:
    report: Report
    items: list[PackedItem] = field(default_factory=list)
    files: list[PackedFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: evidence files named but not found (validate reports each one: CCHC425/CCHC426)
    missing: int = 0
    #: documents with no file at all
    without_file: int = 0


def scan_problem(path: Path) -> Msg | None:
    """Why the file at ``path`` is not a scan (image or PDF), or None. A suffix the guidance
    does not name, or content that is not what the suffix says (a Word file renamed .pdf)."""
    suffix = path.suffix.lower()
    signatures = SCAN_TYPES.get(suffix)
    if signatures is None:
        return Msg("pack.scan.type", {"suffix": suffix or "-"})
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None  # the copy reports it
    found = head.find(b"%PDF-") >= 0 if suffix == ".pdf" else head.startswith(signatures)
    return None if found else Msg("pack.scan.content", {"suffix": suffix})


def collect(result: CheckResult, report: Report, names: PackNames) -> PackContent:
    """Every row of the report with its documents, and the files to copy."""
    content = PackContent(report)
    scorer = report.agency.code if report.agency is not None else None
    area = ""
    for row in report.rows:
        if row.level == 1:
            area = row.id
        content.items.append(_item(result, content, names, row, area, scorer, False))
    for row in report.cooperation:
        area = row.id.split(".", 1)[0]
        content.items.append(_item(result, content, names, row, area, scorer, True))
    if content.without_file:
        documents = sum(len(i.documents) for i in content.items)
        content.diagnostics.append(
            info("CCHC558", Location(), count=content.without_file, total=documents)
        )
    return content


def _item(
    result: CheckResult,
    content: PackContent,
    names: PackNames,
    row: ReportRow,
    area: str,
    scorer: str | None,
    cooperating: bool,
) -> PackedItem:
    if not row.is_leaf or not row.evidence:
        return PackedItem(row, area, cooperating)
    places = _places(result, row.id, scorer)
    folder: str | None = None
    copied: dict[Path, str] = {}
    scans: dict[Path, bool] = {}
    documents: list[PackedDocument] = []
    for i, ref in enumerate(row.evidence):
        where = places[i] if i < len(places) else Location()
        source = _source(result.workspace, ref)
        name = _agency_name(result, ref.agency)
        if source is None:
            if ref.file is None:
                content.without_file += 1
            else:
                content.missing += 1
            documents.append(PackedDocument(ref, name, ref.file or "", None, False, where))
            continue
        if source not in copied:
            folder = folder or names.take("", row.id, is_folder=True)
            copied[source] = names.take(folder, _written_name(ref.file or source.name))
            content.files.append(PackedFile(source, copied[source]))
            problem = scan_problem(source)
            scans[source] = problem is None
            if problem is not None:
                content.diagnostics.append(
                    warning(
                        "CCHC554",
                        where,
                        item=row.id,
                        agency=ref.agency,
                        id=row.id,
                        path=ref.file,
                        reason=problem,
                    )
                )
        path = copied[source]
        documents.append(PackedDocument(ref, name, ref.file or "", path, scans[source], where))
    return PackedItem(row, area, cooperating, folder, tuple(documents))


def _source(ws: Workspace, ref: EvidenceRef) -> Path | None:
    """The evidence file ``ref`` names, resolved as validate resolves it; None when it names
    none or cannot be used (validate reports why)."""
    from cchc_cli.scores.files import evidence_base, evidence_path_problem

    if ref.file is None or evidence_path_problem(ws, ref.file) is not None:
        return None
    return (evidence_base(ws) / ref.file.strip().replace("\\", "/")).resolve()


def _written_name(file: str) -> str:
    """The file's name as the score file writes it (not a link's target): "05-KH-UBND.pdf"."""
    return file.strip().replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _agency_name(result: CheckResult, code: str) -> str:
    return result.plan.agency_name(code) if result.plan is not None else code


def _places(result: CheckResult, item_id: str, scorer: str | None) -> list[Location]:
    """Where each of the item's evidence documents is written (the ``file:`` line when there
    is one), in the order the report lists them."""
    leaf = result.merged.leaf(item_id) if result.merged is not None else None
    if leaf is None:
        return []
    from cchc_cli.core.docpath import DocPath
    from cchc_cli.scores.semantics import primary_files

    places: list[Location] = []
    docs = primary_files(result.scores, result.plan)
    for ev in leaf.evidence:
        if scorer is not None and ev.agency != scorer:
            continue
        loaded = docs.get(ev.agency)
        at = ev.location
        own = loaded is not None and isinstance(ev.at, DocPath) and ev.at.doc is loaded.doc
        if own and ev.file is not None and isinstance(ev.at, DocPath):  # the `file:` line
            at = ev.at.doc.locate((*ev.at.path, "file"))
        places.append(at)
    return places
