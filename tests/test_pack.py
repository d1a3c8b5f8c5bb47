"""`cchc pack`: the submission pack of the example (province and every department) read back —
every evidence file there and byte-identical, the index (xlsx and HTML) agreeing with
`cchc merged` — and determinism, the overwrite rule, streaming, names safe on Windows."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import EXAMPLE, REPO, run
from xlsx_table import header

EVIDENCE = EXAMPLE / "evidence"
AGENCIES = ["SNV", "STP", "STTTT", "SKHCN", "VPUBND", "STC", "SKHDT", "STNMT"]
DATE = "2020-01-18"


def make_pack(out: Path, *args: str) -> zipfile.ZipFile:
    code, stdout, err = run("-C", str(REPO), "pack", "--out", str(out), "--date", DATE, *args)
    assert code == 0, err
    assert "Đã ghi" in stdout and "Hồ sơ gồm" in stdout
    return zipfile.ZipFile(out)


def merged_items() -> dict[str, dict[str, Any]]:
    code, out, err = run("-C", str(REPO), "merged", "--format", "json")
    assert code == 0, err
    return {item["item"]: item for item in json.loads(out)["items"]}


class _Index(HTMLParser):
    """The HTML index's item rows (data-item, data-score) and its links to pack files."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, str | None]] = {}
        self.files: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and a.get("data-item"):
            self.rows[str(a["data-item"])] = a
        if tag == "a" and a.get("data-pack-file"):
            self.files.append(str(a["data-pack-file"]))
            self.hrefs.append(str(a["href"]))


def html_index(pack: zipfile.ZipFile) -> _Index:
    parser = _Index()
    parser.feed(pack.read("muc-luc.html").decode("utf-8"))
    return parser


def xlsx_index(pack: zipfile.ZipFile) -> Any:
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(pack.read("muc-luc.xlsx")))


def sheet_rows(sheet: Any) -> list[dict[str, Any]]:
    """The data rows of a sheet's table as {column label: cell}."""
    top, cols = header(sheet)
    rows = []
    for row in sheet.iter_rows(min_row=top + 1):
        if row[0].value is None:
            continue
        rows.append({label: row[i] for label, i in cols.items()})
    return rows


def number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


#: item id -> (its score, its evidence documents as `cchc merged` lists them)
Expected = dict[str, tuple[Any, list[dict[str, Any]]]]


def check_pack(pack: zipfile.ZipFile, expected: Expected) -> None:
    """The pack holds, for every item of ``expected`` (id -> (score, evidence)), its score in
    both indexes and each evidence file, byte-identical, at the path both indexes give."""
    names = pack.namelist()
    book = xlsx_index(pack)
    items = {r["Mã"].value: r for r in sheet_rows(book["Mục lục"]) if r["Cấp"].value}
    docs = sheet_rows(book["Tài liệu"])
    page = html_index(pack)
    leaves = {k for k, r in page.rows.items() if r["data-level"] != "area" and "." in k}
    assert set(expected) <= leaves
    for item_id, (score, evidence) in expected.items():
        row = items[item_id]
        assert row["Mã"].data_type == "s"
        assert number(row["Điểm tự đánh giá"].value) == number(score), item_id
        shown = page.rows[item_id].get("data-score")
        assert number(shown) == number(score), item_id
        mine = [d for d in docs if d["Mã"].value == item_id]
        assert [d["Số, ký hiệu"].value for d in mine] == [e["number"] for e in evidence]
        for ev, doc in zip(evidence, mine, strict=True):
            link = doc["Tệp trong hồ sơ"]
            if ev["file"] is None:
                assert not link.value and doc["Ghi chú"].value == "Chưa có tệp bản quét"
                continue
            path = link.value
            assert path.startswith(f"{item_id}/") and path in names
            # a relative link, written with backslashes as Excel writes them (Calc reads them)
            assert link.hyperlink is not None
            assert link.hyperlink.target.replace("\\", "/") == path
            assert pack.read(path) == (EVIDENCE / ev["file"]).read_bytes(), path
            assert path in page.files
    # every evidence file of the pack is listed in the index; every link resolves
    evidence_files = {n for n in names if re.match(r"^\d+(\.\d+)*/", n)}
    listed = {d["Tệp trong hồ sơ"].value for d in docs if d["Tệp trong hồ sơ"].value}
    assert evidence_files == listed
    assert {unquote(h) for h in page.hrefs} == set(page.files)
    assert set(page.files) <= set(names)


def test_province_pack_agrees_with_merged(tmp_path: Path) -> None:
    merged = merged_items()
    pack = make_pack(tmp_path / "p.zip")
    expected = {
        item_id: (item["score"] if item["status"] == "scored" else None, item["evidence"])
        for item_id, item in merged.items()
    }
    check_pack(pack, expected)
    names = pack.namelist()
    assert names[:5] == [
        "muc-luc.html",
        "muc-luc.xlsx",
        "bao-cao/bao-cao-cchc-2019.docx",
        "noi-bo/bao-cao-cchc-2019-phu-luc-ky-thuat.docx",
        "noi-bo/bao-cao-cchc-2019.xlsx",
    ]
    # a split item: all parts' evidence in one folder
    assert sorted(n for n in names if n.startswith("4.3.1/")) == [
        "4.3.1/08-2019-QD-UBND.pdf",
        "4.3.1/245-TTr-STNMT.pdf",
        "4.3.1/25-2019-NQ-HDND.pdf",
    ]
    # the Ministry's items say so, never 0
    page = pack.read("muc-luc.html").decode("utf-8")
    assert 'data-item="2.5"' in page and "data-score" not in _row(page, "2.5")
    assert "Bộ Nội vụ đánh giá" in _row(page, "2.5")
    # the report to sign is the one `cchc report` renders
    import docx

    signed = docx.Document(io.BytesIO(pack.read("bao-cao/bao-cao-cchc-2019.docx")))
    assert signed.tables
    code, _, err = run("-C", str(REPO), "report", "--format", "docx", "--out", str(tmp_path / "r"))
    assert code == 0, err


def _row(page: str, item_id: str) -> str:
    start = page.index(f'data-item="{item_id}"')
    return page[start : page.index("</tr>", start)]


@pytest.mark.parametrize("agency", AGENCIES)
def test_department_pack_agrees_with_merged(agency: str, tmp_path: Path) -> None:
    merged = merged_items()
    pack = make_pack(tmp_path / f"{agency}.zip", "--agency", agency)
    expected: Expected = {}
    for item_id, item in merged.items():
        roles = {o["role"] for o in item["owners"] if o["agency"] == agency}
        own = [e for e in item["evidence"] if e["agency"] == agency]
        if roles & {"lead", "part"} and item["status"] != "ministry":
            part = next((p for p in item["parts"] if p["agency"] == agency), None)
            expected[item_id] = (part["score"] if part else None, own)
        elif "cooperating" in roles:
            expected[item_id] = (item["score"], own)
    assert expected, agency
    check_pack(pack, expected)
    assert f"bao-cao/bao-cao-{agency}-2019.docx" in pack.namelist()
    # nothing of another department: every file is one of its own
    own_files = {
        e["file"] for i in merged.values() for e in i["evidence"] if e["agency"] == agency
    } - {None}
    copied = [n for n in pack.namelist() if re.match(r"^\d", n)]
    assert {n.rsplit("/", 1)[1] for n in copied} == {f.rsplit("/", 1)[1] for f in own_files}


def test_pack_is_deterministic(tmp_path: Path) -> None:
    for args in ((), ("--agency", "STC")):
        first, second = tmp_path / "a.zip", tmp_path / "b.zip"
        for out in (first, second):
            code, _, err = run("-C", str(REPO), "pack", "--out", str(out), *args)
            assert code == 0, err
        assert first.read_bytes() == second.read_bytes()
        info = zipfile.ZipFile(first).infolist()
        assert {i.date_time for i in info} == {(2000, 1, 1, 0, 0, 0)}
        first.unlink()
        second.unlink()


def test_names_in_the_pack_are_safe_on_windows(tmp_path: Path) -> None:
    pack = make_pack(tmp_path / "p.zip")
    for name in pack.namelist():
        assert unicodedata.is_normalized("NFC", name)
        assert len(name) <= 200
        for part in name.split("/"):
            assert not set(part) & set('<>:"\\|?*'), name
            assert part and part[-1] not in ". ", name


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ho-so.zip"
    target.write_bytes(b"the coordinator's own file")
    code, _, err = run("-C", str(REPO), "pack", "--out", str(target))
    assert code == 1 and "CCHC005" in err and "--force" in err
    assert target.read_bytes() == b"the coordinator's own file"
    code, _, err = run("-C", str(REPO), "pack", "--out", str(target), "--force")
    assert code == 0, err
    made = target.read_bytes()
    assert zipfile.ZipFile(target).comment == b"cchc pack 1"
    # a pack cchc wrote is replaced without --force; no temp file is left beside it
    code, _, err = run("-C", str(REPO), "pack", "--out", str(target), "--date", DATE)
    assert code == 0, err
    assert target.read_bytes() != made
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ho-so.zip"]


def test_out_folder_gets_the_default_name(tmp_path: Path) -> None:
    code, _, err = run("-C", str(REPO), "pack", "--agency", "SNV", "--out", str(tmp_path))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["ho-so-SNV-2019.zip"]
