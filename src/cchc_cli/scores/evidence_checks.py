"""Checks of the evidence entries of one score item: number, date, named file (CCHC422–428)."""

from __future__ import annotations

from cchc_cli.core.diagnostics import Diagnostic, error, warning
from cchc_cli.core.i18n import Msg
from cchc_cli.core.workspace import Workspace
from cchc_cli.scores.files import find_evidence
from cchc_cli.scores.model import Evidence, LoadedScores, ScoreEntry
from cchc_cli.scores.semantics import has_text


def check_evidence(
    ws: Workspace, item: LoadedScores, item_id: str, entry: ScoreEntry
) -> list[Diagnostic]:
    """Every evidence entry of ``item_id`` has a number and a date (not after the submission),
    and the file it names (if any) exists inside the workspace."""
    out: list[Diagnostic] = []
    for i, ev in enumerate(entry.evidence):
        out += _check_document(item, item_id, i, ev)
        if ev.file is not None:
            out += _check_file(ws, item, item_id, i, ev.file)
    return out


def _check_document(item: LoadedScores, item_id: str, i: int, ev: Evidence) -> list[Diagnostic]:
    doc = item.doc
    f = item.file
    base = ("items", item_id, "evidence", i)
    label = ev.title or ev.number or str(i + 1)
    ids = {"item": item_id, "agency": f.agency, "id": item_id}
    out: list[Diagnostic] = []
    # (the location is looked up only for a problem: thousands of documents have none)
    if not has_text(ev.number):
        out.append(error("CCHC422", doc.locate(base), **ids, index=i + 1, label=label))
    if ev.date is None:
        out.append(error("CCHC423", doc.locate(base), **ids, index=i + 1, label=label))
    elif f.submitted is not None and ev.date > f.submitted:
        out.append(
            warning(
                "CCHC428",
                doc.locate((*base, "date")),
                **ids,
                date=ev.date,
                submitted=f.submitted,
            )
        )
    return out


#: what an evidence file look-up found (scores.files.find_evidence) -> its code
_CODES = {
    "scores.path.missing": "CCHC426",
    "scores.path.near": "CCHC441",
    "scores.path.empty_file": "CCHC442",
    "scores.path.shortcut": "CCHC443",
    "scores.path.folder": "CCHC444",
}


def _check_file(
    ws: Workspace, item: LoadedScores, item_id: str, i: int, path: str
) -> list[Diagnostic]:
    found = find_evidence(ws, path)
    if found.problem is None:
        return []
    return [
        error(
            _CODES.get(found.problem, "CCHC425"),
            item.doc.locate(("items", item_id, "evidence", i, "file")),
            item=item_id,
            agency=item.file.agency,
            id=item_id,
            path=path,
            reason=Msg(found.problem),
            folder=ws.config.evidence or ".",
            on_disk=found.on_disk or "",
        )
    ]
