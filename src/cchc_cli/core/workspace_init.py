"""``cchc init``: a new workspace from the bundled data."""

from __future__ import annotations

from pathlib import Path

from cchc_cli.core.atomic import write_bytes, write_text
from cchc_cli.core.diagnostics import Diagnostic, Location, error
from cchc_cli.core.i18n import DEFAULT_LANG, tr
from cchc_cli.core.resources import data_path
from cchc_cli.core.workspace import CONFIG_NAME

EXAMPLE = "examples/thai_nguyen_2019"


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


def _copy_tree(src: Path, dest: Path) -> None:
    for path in sorted(src.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            write_bytes(dest / path.relative_to(src), path.read_bytes())


def init_workspace(folder: Path, *, example: bool, lang: str = DEFAULT_LANG) -> list[Diagnostic]:
    if (folder / CONFIG_NAME).exists():
        return [error("CCHC003", Location(), folder=str(folder))]
    _copy_tree(data_path("criteria"), folder / "criteria")
    _copy_tree(data_path("assignments"), folder / "assignments")
    if example:
        _copy_tree(data_path("examples") / "thai_nguyen_2019", folder / EXAMPLE)
    else:
        (folder / "scores").mkdir(parents=True, exist_ok=True)
        (folder / "evidence").mkdir(parents=True, exist_ok=True)
    write_text(folder / CONFIG_NAME, _config(example, lang))
    return []
