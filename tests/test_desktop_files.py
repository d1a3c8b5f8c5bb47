"""Files as they arrive on an office desktop (issue 11, items 1, 3, 4 and 8), where a case in
``tests/cases/`` cannot say it: what ``status`` shows, what ``init`` keeps, the overwrite guard
as a library, how often folders are listed.

Files are made the way users make them: Notepad's encodings through Python's codecs, macOS
names through ``unicodedata.normalize("NFD", …)``, Word's edits through python-docx.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from cchc_cli.core.names import Listings, intended_name
from cchc_cli.core.outputs import MANIFEST_NAME, OutputGuard, workspace_inputs
from cchc_cli.core.workspace import open_workspace
from conftest import EXAMPLE, REPO, copy_example, invoke, run_in

SCORES = EXAMPLE.relative_to(REPO) / "scores"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------- names as a person sees them


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("snv.yaml.txt", "snv.yaml"),
        ("snv.yml.txt", "snv.yml"),
        ("SNV.YAML.TXT", "SNV.YAML"),
        ("snv.yaml ", "snv.yaml"),
        ("snv.yaml.", "snv.yaml"),
        ("snv.yaml . ", "snv.yaml"),
        ("snv.yaml.txt ", "snv.yaml"),
        ("snv.yaml", None),
        ("snv.txt", None),
        ("snv.yaml.bak", None),
        ("ghi-chu.md", None),
    ],
)
def test_intended_name(name: str, meant: str | None) -> None:
    assert intended_name(name, (".yaml", ".yml")) == meant


def test_lookup_across_nfc_nfd_case_and_trailing_dots(tmp_path: Path) -> None:
    folder = tmp_path / nfd("tài-liệu")
    folder.mkdir()
    (folder / nfd("kế-hoạch.pdf")).write_bytes(b"%PDF")
    (folder / "QD-12.pdf").write_bytes(b"%PDF")
    listings = Listings()
    hit = listings.find(tmp_path, ["tài-liệu", "kế-hoạch.pdf"])  # typed NFC
    assert hit.path == folder / nfd("kế-hoạch.pdf") and hit.near is None
    near = listings.find(tmp_path, ["tài-liệu", "qd-12.pdf."])
    assert near.path is None and near.near == folder / "QD-12.pdf"
    assert listings.find(tmp_path, ["tài-liệu", "qd-13.pdf"]).found is None


def test_each_folder_is_listed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking the evidence of every score file costs one listing per evidence folder, not
    one look-up per file (756 files at national scale)."""
    ws = copy_example(tmp_path / "ws")
    listed: list[str] = []
    real = os.scandir

    def counting(path: object) -> object:
        listed.append(os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", counting)
    assert run_in(ws, "validate").exit_code == 0
    evidence = [p for p in listed if "evidence" in p]
    assert evidence, "the example's evidence is looked up through folder listings"
    assert len(evidence) == len(set(evidence)), sorted(evidence)


# --------------------------------------------------------------------- a file that is there


def _example_with(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "ws")


def _status(ws: Path) -> dict[str, dict[str, object]]:
    result = run_in(ws, "status", "--format", "json", "--today", "2020-01-15")
    return {a["agency"]: a for a in json.loads(result.stdout)["agencies"]}


@pytest.mark.parametrize(
    ("codec", "state"),
    [("cp1258", "unreadable"), ("cp1252", "unreadable"), ("utf-16-le", "unreadable")],
)
def test_status_never_calls_a_present_file_missing(tmp_path: Path, codec: str, state: str) -> None:
    """A score file saved by Notepad as ANSI (or UTF-16 without BOM): status names the file
    and says it is unreadable, never "no file yet"."""
    ws = _example_with(tmp_path)
    path = ws / SCORES / "stp.yaml"
    text = path.read_text(encoding="utf-8")
    if codec == "cp1252":  # an English Windows: letters it lacks become "?"
        raw = text.encode(codec, errors="replace")
    elif codec == "cp1258":  # Windows-1258 writes tone marks as combining characters
        raw = nfd(text).encode(codec, errors="replace")
    else:
        raw = text.encode(codec)
    path.write_bytes(raw)
    stp = _status(ws)["STP"]
    assert stp["status"] == state and stp["file"] == f"{SCORES.as_posix()}/stp.yaml"
    shown = run_in(ws, "status", "--today", "2020-01-15").stdout
    assert "không đọc được: lưu lại dạng UTF-8" in shown and "chưa có tệp" not in shown
    assert "CCHC400" not in run_in(ws, "validate", "--today", "2020-01-15").output


def test_draft_report_names_an_unreadable_file(tmp_path: Path) -> None:
    """A draft report's internal companion (and the workbook) say the same as status: the file
    is there but unreadable, not "no file"."""
    import openpyxl

    ws = _example_with(tmp_path)
    path = ws / SCORES / "stp.yaml"
    path.write_bytes(nfd(path.read_text(encoding="utf-8")).encode("cp1258", errors="replace"))
    out = tmp_path / "out"
    result = run_in(ws, "report", "--draft", "--out", out, "--today", "2020-01-15")
    assert result.exit_code == 0, result.output
    md = (out / "bao-cao-cchc-2019-phu-luc-ky-thuat.md").read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if "(STP)" in line and "stp.yaml" in line)
    assert "không đọc được: lưu lại dạng UTF-8" in row and "Chưa có tệp" not in row
    html = (out / "bao-cao-cchc-2019-phu-luc-ky-thuat.html").read_text(encoding="utf-8")
    assert "không đọc được: lưu lại dạng UTF-8" in html
    book = openpyxl.load_workbook(out / "bao-cao-cchc-2019.xlsx")
    cells = [c.value for r in book["Theo cơ quan"].iter_rows() for c in r]
    assert "có tệp, không đọc được: lưu lại dạng UTF-8" in cells


def test_status_of_misnamed_and_invalid_files(tmp_path: Path) -> None:
    ws = _example_with(tmp_path)
    scores = ws / SCORES
    (scores / "stp.yaml").rename(scores / "stp.yaml.txt")
    (scores / "snv").mkdir()
    (scores / "snv.yaml").rename(scores / "snv" / "snv.yaml")  # a zip unpacked one level down
    vp = scores / "vpubnd.yaml"
    vp.write_text(vp.read_text(encoding="utf-8") + "ghi_chu: thêm\n", encoding="utf-8")
    agencies = _status(ws)
    assert agencies["STP"]["status"] == "misnamed"
    assert agencies["STP"]["file"] == f"{SCORES.as_posix()}/stp.yaml.txt"
    assert agencies["SNV"]["status"] == "misnamed"
    assert agencies["SNV"]["file"] == f"{SCORES.as_posix()}/snv/snv.yaml"
    assert agencies["VPUBND"]["status"] == "invalid"


def test_misnamed_score_file_stops_the_report(tmp_path: Path) -> None:
    """The issue's case: before the deadline, `snv.yaml.txt` was only "no file yet" and the
    official report came out with 37.25 instead of 53.75, exit 0. Now it is an error."""
    ws = _example_with(tmp_path)
    (ws / SCORES / "snv.yaml").rename(ws / SCORES / "snv.yaml.txt")
    result = run_in(ws, "report", "--format", "md", "--today", "2020-01-15")
    assert result.exit_code == 1
    assert "CCHC440" in result.stderr and "`snv.yaml`" in result.stderr
    assert "CCHC400" not in result.stderr
    assert not (ws / "build").exists()


def test_scaffold_refuses_beside_a_misnamed_file(tmp_path: Path) -> None:
    """`cchc scaffold SNV` must not create snv.yaml next to SNV's own snv.yaml.txt."""
    ws = _example_with(tmp_path)
    (ws / SCORES / "snv.yaml").rename(ws / SCORES / "snv.yaml.txt")
    result = run_in(ws, "scaffold", "SNV")
    assert result.exit_code == 1 and "CCHC440" in result.stderr
    assert not (ws / SCORES / "snv.yaml").exists()


def test_scaffold_keeps_a_schema_cchc_did_not_write(tmp_path: Path) -> None:
    ws = _example_with(tmp_path)
    schema = ws / SCORES.parent / "schemas" / "STNMT.schema.json"
    schema.write_text('{"title": "của tôi"}\n', encoding="utf-8")
    (ws / SCORES / "stnmt.yaml").unlink()
    result = run_in(ws, "scaffold", "STNMT")
    assert result.exit_code == 0, result.output
    assert "CCHC131" in result.stderr
    assert schema.read_text(encoding="utf-8") == '{"title": "của tôi"}\n'
    assert (ws / SCORES / "stnmt.yaml").is_file()


def test_a_province_with_cchc_yml_is_not_skipped(tmp_path: Path) -> None:
    """`cchc validate -C ca-nuoc`: a province whose cchc.yaml is saved as cchc.yml is named,
    not silently left out of the national run."""
    country = tmp_path / "ca-nuoc"
    copy_example(country / "ha-noi")
    hue = copy_example(country / "hue")
    (hue / "cchc.yaml").rename(hue / "cchc.yml")
    result = invoke("-C", country, "validate")
    assert result.exit_code == 2 and "CCHC006" in result.stderr and "cchc.yml" in result.stderr


# ------------------------------------------------------------------------------ cchc init


def test_init_fills_only_what_is_missing(tmp_path: Path) -> None:
    """`cchc init --example .` in a workspace whose cchc.yaml is gone (not renamed): every
    filled score file and the edited criteria are kept, and named; the rest is filled."""
    ws = _example_with(tmp_path)
    (ws / "cchc.yaml").unlink()
    snv = ws / SCORES / "snv.yaml"
    snv.write_text(snv.read_text(encoding="utf-8") + "# đã điền\n", encoding="utf-8")
    criteria = ws / "criteria" / "2019.yaml"
    criteria.write_text(criteria.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    (ws / SCORES / "stc.yaml").unlink()
    before = {p: p.read_bytes() for p in ws.rglob("*") if p.is_file()}
    result = invoke("init", "--example", ws)
    assert result.exit_code == 0, result.output
    assert all(p.read_bytes() == data for p, data in before.items())
    assert (ws / SCORES / "stc.yaml").is_file() and (ws / "cchc.yaml").is_file()
    assert f"giữ nguyên: {SCORES.as_posix()}/snv.yaml" in result.stdout
    assert "giữ nguyên: criteria/2019.yaml" in result.stdout
    assert "(2 tệp mới)" in result.stdout  # stc.yaml and cchc.yaml


def test_init_never_touches_a_workspace(tmp_path: Path) -> None:
    ws = _example_with(tmp_path)
    result = invoke("init", ws)
    assert result.exit_code == 1 and "CCHC003" in result.stderr


# ------------------------------------------------------------------- the guard as a library


def test_guard_same_bytes_write_nothing(tmp_path: Path) -> None:
    """Writing the bytes a file already holds replaces nothing: no write, no manifest."""
    target = tmp_path / "a.txt"
    target.write_bytes(b"x")
    os.utime(target, (1_000_000_000, 1_000_000_000))
    guard = OutputGuard()
    assert guard.check({target: b"x"}) == []
    guard.write({target: b"x"})
    assert target.stat().st_mtime == 1_000_000_000
    assert not (tmp_path / MANIFEST_NAME).exists()
    assert [d.code for d in guard.check({target: b"y"})] == ["CCHC005"]


def test_guard_sees_an_input_through_another_path(tmp_path: Path) -> None:
    """An input reached through a link (or another spelling) is still the input."""
    ws_root = copy_example(tmp_path / "ws")
    ws = open_workspace(ws_root, ws_root)
    link = tmp_path / "loi-tat.yaml"
    link.symlink_to(ws_root / SCORES / "snv.yaml")
    guard = OutputGuard(workspace_inputs(ws), force=False)
    assert [d.code for d in guard.check({link: None})] == ["CCHC004"]
    roundabout = ws_root / SCORES / ".." / "scores" / "snv.yaml"
    assert [d.code for d in guard.check({roundabout: None})] == ["CCHC004"]
    assert OutputGuard(workspace_inputs(ws), force=True).check({link: None}) == []
