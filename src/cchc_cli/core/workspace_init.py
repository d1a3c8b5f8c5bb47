"""``cchc init``: a new workspace from the bundled data — filling only what is missing.

``init`` never replaces a file: every bundled file whose place is taken is kept as it is (and
named, when it differs from the bundled copy). A folder that already is a workspace (it has
cchc.yaml: CCHC003) or holds one under another name (``cchc.yml``, ``cchc.yaml.txt``, a
renamed copy: CCHC006) is not touched at all: a new cchc.yaml there would point the workspace at
the example's files and silently leave the real ones out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cchc_cli.core.atomic import write_bytes, write_text
from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import DEFAULT_LANG, tr
from cchc_cli.core.resources import data_path
from cchc_cli.core.workspace import CONFIG_NAME

EXAMPLE = "examples/thai_nguyen_2019"


@dataclass
class InitOutcome:
    """What ``init`` did: files created, files kept because they differ from the bundled copy
    (workspace-relative), how many were already identical, and why it refused (if it did)."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    identical: int = 0
    problems: list[Diagnostic] = field(default_factory=list)


def _config(example: bool, lang: str) -> str:
    scores = f"{EXAMPLE}/scores" if example else "scores"
    evidence = f"{EXAMPLE}/evidence" if example else "evidence"
    lines = [
        "# " + tr("init.config_comment", lang),
        "format: 1",
        "criteria: criteria/2019.yaml",
        "assignments: assignments/thai_nguyen_2019.yaml",
        f"scores: {scores}",
        f"evidence: {evidence}",
        "output: build",
    ]
    if example and (data_path("examples") / "thai_nguyen_2019" / "kho-khan-kien-nghi.md").is_file():
        lines.append(f"notes: {EXAMPLE}/kho-khan-kien-nghi.md")
    appraisal = "tham-dinh-2019-hu-cau.yaml"  # the example's appraisal, fictional (README)
    if example and (data_path("examples") / "thai_nguyen_2019" / appraisal).is_file():
        lines.append(f"appraisal: {EXAMPLE}/{appraisal}")
    lines += _report_section(lang)
    return "\n".join(lines) + "\n"


def _province() -> str:
    """The province of the bundled plan (the plan ``cchc init`` copies)."""
    from cchc_cli.core.yamlio import load_yaml

    doc, _ = load_yaml(data_path("assignments") / "thai_nguyen_2019.yaml", "plan")
    data = doc.data if doc is not None else None
    province = data.get("province") if isinstance(data, dict) else None
    return str(province) if province else ""


def _report_section(lang: str) -> list[str]:
    """The ``report:`` section (core/docinfo.py): the province's name and blanks, each key
    explained; nothing a clerk or a signer decides is filled in."""

    def note(key: str) -> str:
        return "  # " + tr(f"init.report_{key}", lang)

    province = _province()
    return [
        "",
        *("# " + line for line in _wrap(tr("init.report_comment", lang))),
        "report:",
        "  number: null" + note("number"),
        f"  symbol: {tr('report.form.symbol_province', lang)}",
        "  date: null" + note("date"),
        f"  place: {province}" if province else "  place: null",
        "  signer:",
        f"    authority: {tr('report.form.authority_province', lang)}",
        "    deputy: null" + note("deputy"),
        f"    title: {tr('report.form.title_province', lang)}",
        "    name: null" + note("name"),
        "  recipients: []" + note("recipients"),
        "  archive: null" + note("archive"),
    ]


def _wrap(text: str, width: int = 96) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _bundled(example: bool) -> list[tuple[str, Path]]:
    """(workspace-relative path, bundled file) of everything ``init`` copies."""
    sources = [("criteria", data_path("criteria")), ("assignments", data_path("assignments"))]
    if example:
        sources.append((EXAMPLE, data_path("examples") / "thai_nguyen_2019"))
    found: list[tuple[str, Path]] = []
    for dest, src in sources:
        for path in sorted(src.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                found.append((f"{dest}/{path.relative_to(src).as_posix()}", path))
    return found


def _place(folder: Path, rel: str, data: bytes, outcome: InitOutcome) -> None:
    """Write ``data`` at ``rel`` unless something is there already (then keep it)."""
    target = folder / rel
    if target.exists() or target.is_symlink():
        try:
            same = target.is_file() and target.read_bytes() == data
        except OSError:
            same = False
        if same:
            outcome.identical += 1
        else:
            outcome.kept.append(rel)
        return
    write_bytes(target, data)
    outcome.created.append(rel)


def init_workspace(folder: Path, *, example: bool, lang: str = DEFAULT_LANG) -> InitOutcome:
    """Fill ``folder`` with what a workspace needs and does not have yet."""
    from cchc_cli.core.workspace_layout import config_lookalikes, lookalike_diagnostic

    outcome = InitOutcome()
    if (folder / CONFIG_NAME).exists():
        outcome.problems.append(error("CCHC003", Location(), folder=str(folder)))
        return outcome
    lookalikes = config_lookalikes(folder)
    if lookalikes:
        outcome.problems.append(lookalike_diagnostic(folder, lookalikes[0]))
        return outcome
    for rel, src in _bundled(example):
        _place(folder, rel, src.read_bytes(), outcome)
    if not example:
        for name in ("scores", "evidence"):
            if not (folder / name).exists():
                (folder / name).mkdir(parents=True)
    write_text(folder / CONFIG_NAME, _config(example, lang))
    outcome.created.append(CONFIG_NAME)
    return outcome
