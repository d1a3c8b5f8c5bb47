"""Odd but valid input, built from the case corpus: hostile text printed as typed in every
format, -0 as a score, every file re-encoded (BOM, UTF-16, CRLF, CR, NFD), and a folder of
many workspaces checked in one run like separate runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core.outputs import MANIFEST_NAME
from conftest import BASE, CASES, invoke
from corpus import build_workspace, encode

# ------------------------------------------------------------- hostile but valid: printed as is

HOSTILE_TEXT = CASES / "hostile-valid-markup-jinja-formula"
PIECES = [
    "[/bold] [red]đỏ[/red]",
    "{{ 7*7 }}",
    "{% for x in y %}x{% endfor %}",
    '=HYPERLINK("http://evil","bấm")',
    "<b>&amp;</b>",
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
]


DOCUMENTS = [".docx", ".docx", ".html", ".html", ".md", ".md", ".xlsx"]


def _report(out: Path, ext: str) -> Path:
    """The report in one format (not its internal companion)."""
    return next(p for p in out.glob(f"*.{ext}") if "phu-luc-ky-thuat" not in p.name)


def _render_all(case: Path, tmp_path: Path) -> Path:
    ws, out = tmp_path / "ws", tmp_path / "out"
    build_workspace(case, ws)
    result = invoke("-C", ws, "report", "--format", "all", "--out", out, "--date", "2020-01-19")
    assert result.exit_code == 0, result.output
    # each format, and the internal companion of docx, html and md
    assert sorted(p.suffix for p in out.iterdir() if p.name != MANIFEST_NAME) == DOCUMENTS
    return out


def test_hostile_text_is_printed_literally(tmp_path: Path) -> None:
    """rich markup, Jinja, HTML and Excel formulas in an explanation: data, never code."""
    import html
    from html.parser import HTMLParser

    import openpyxl
    from docx import Document

    out = _render_all(HOSTILE_TEXT, tmp_path)
    md = _report(out, "md").read_text(encoding="utf-8")
    for piece in PIECES:
        assert piece.replace("|", "\\|") in md, piece
    assert "a\\|b<br>@SUM" in md  # the table cell is not broken by | or the line break

    page = _report(out, "html").read_text(encoding="utf-8")
    assert "<b>&amp;</b>" not in page and "<script" not in page
    assert html.escape("<b>&amp;</b>", quote=False) in page

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.chunks: list[str] = []

        def handle_data(self, data: str) -> None:
            self.chunks.append(data)

    parser = Text()
    parser.feed(page)
    shown = "".join(parser.chunks)
    for piece in PIECES:
        assert piece in shown, piece

    book = openpyxl.load_workbook(_report(out, "xlsx"))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a formula was written"
    holding = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert holding and all(c.data_type == "s" for c in holding)
    for piece in PIECES:
        assert any(isinstance(c.value, str) and piece in c.value for c in cells), piece

    doc = Document(str(_report(out, "docx")))
    words = "\n".join(cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    for piece in PIECES:
        assert piece in words, piece


def test_negative_zero_is_zero(tmp_path: Path) -> None:
    """-0 as a score validates and counts as 0: same total as 0, printed 0, never -0."""
    ws = tmp_path / "ws"
    build_workspace(CASES / "hostile-valid-negative-zero", ws)
    zero = invoke("-C", BASE, "merged", "--format", "json")
    minus = invoke("-C", ws, "merged", "--format", "json")
    assert zero.exit_code == minus.exit_code == 0, minus.output
    base, data = json.loads(zero.stdout), json.loads(minus.stdout)
    assert data["total"] == base["total"]
    leaf = next(i for i in data["items"] if i["item"] == "2.1.2")
    part = next(p for p in leaf["parts"] if p["agency"] == "CCC")
    assert part["score"] == 0 and str(part["score"]) == "0"
    assert leaf["score"] == 0 and str(leaf["score"]) == "0"
    out = _render_all(CASES / "hostile-valid-negative-zero", tmp_path / "r")
    md = _report(out, "md").read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| 2.1.2 |"))
    assert "| 0 |" in row and "-0" not in row


ENCODINGS: dict[str, dict[str, Any]] = {
    "utf-8-bom": {"encoding": "utf-8-sig"},
    "utf-16-le-bom": {"encoding": "utf-16-le-bom"},
    "utf-16-be-bom-crlf": {"encoding": "utf-16-be-bom", "newline": "crlf"},
    "crlf": {"newline": "crlf"},
    "cr": {"newline": "cr"},
    "nfd": {"nfd": True},
    "nfd-crlf-bom": {"nfd": True, "newline": "crlf", "encoding": "utf-8-sig"},
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
def test_every_file_re_encoded_gives_the_same_result(variant: str, tmp_path: Path) -> None:
    """Every input file saved with a BOM, as UTF-16, with Windows/old-Mac line ends or typed
    decomposed (NFD): the workspace checks and merges exactly like the UTF-8/LF/NFC original."""
    ws = tmp_path / "ws"
    shutil.copytree(BASE, ws)
    for path in [*ws.glob("*.yaml"), *ws.glob("scores/*.yaml")]:
        path.write_bytes(encode(path.read_text(encoding="utf-8"), ENCODINGS[variant]))
    results = {}
    for name, root in (("base", BASE), (variant, ws)):
        checked = invoke("-C", root, "validate", "--format", "json", "--today", "2020-01-18")
        merged = invoke("-C", root, "merged", "--format", "json")
        assert checked.exit_code == merged.exit_code == 0, checked.output
        codes = [
            (d["code"], d["file"], d["line"], d["message"])
            for d in json.loads(checked.stdout)["diagnostics"]
        ]
        results[name] = (codes, json.loads(merged.stdout))
    assert results[variant] == results["base"]


# ------------------------------------------------- many workspaces in one run (the Ministry)

FOLDER_CASES = [
    "crit-wrong-sum",
    "hostile-types-criteria",
    "core-cp1258",
    "score-above-max",
    "hostile-valid-negative-zero",
    "plan-unknown-agency-code",
]


def test_folder_of_workspaces_matches_separate_runs(tmp_path: Path) -> None:
    """`cchc validate -C DIR` (DIR holds workspaces, not a cchc.yaml) checks every sub-folder
    in one run. The diagnostics are those of separate runs, prefixed with the sub-folder —
    also when identical criteria files are parsed and checked only once."""
    folder = tmp_path / "tinh"
    names = []
    for i, name in enumerate(["_base", *FOLDER_CASES, "_base", "crit-wrong-sum"]):
        dest = folder / f"{i:02d}-{name.strip('_')}"
        if name == "_base":
            shutil.copytree(BASE, dest)
        else:
            build_workspace(CASES / name, dest)
        names.append(dest.name)
    (folder / "khong-phai-tinh").mkdir()  # no cchc.yaml: not a workspace, ignored
    expected: list[tuple[Any, ...]] = []
    worst = 0
    for name in names:
        one = invoke("-C", folder / name, "validate", "--format", "json")
        worst = max(worst, one.exit_code)
        for d in json.loads(one.stdout)["diagnostics"]:
            file = f"{name}/{d['file']}" if d["file"] else None
            expected.append((d["code"], file, d["line"], d["column"], d["message"]))
    together = invoke("-C", folder, "validate", "--format", "json")
    assert together.exit_code == worst == 1
    found = [
        (d["code"], d["file"], d["line"], d["column"], d["message"])
        for d in json.loads(together.stdout)["diagnostics"]
    ]
    assert sorted(found, key=str) == sorted(expected, key=str)
    text = invoke("-C", folder, "validate")
    assert text.exit_code == 1 and f"{names[1]}/criteria.yaml:" in text.stderr


def test_folder_without_workspaces_is_a_config_error(tmp_path: Path) -> None:
    result = invoke("-C", tmp_path, "validate", "--format", "json")
    assert result.exit_code == 2
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["CCHC001"]
