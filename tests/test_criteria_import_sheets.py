"""`cchc criteria import` on .xlsx files made the way users make them: hidden sheets, merged
cells, formulas saved without results, dates and decimals where text belongs, hidden rows,
totals rows — and the formats cchc refuses (.xls, .ods, password, HTML, Word, PDF).

Workbooks are written at test time with openpyxl (which saves formulas without results, as
any program that does not calculate does); a saved result or an Excel error is written into the
sheet's XML as Excel would. The CSV side of the same classes is in ``tests/cases/import-*``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import invoke, located

META = ["--year", "2020", "--decision", "TEST/QĐ", "--total", "3"]
HEADER = ["id", "title", "max", "method", "levels"]
XML2003 = "urn:schemas-microsoft-com:office:spreadsheet"
ROWS: list[list[Any]] = [
    ["1", "Lĩnh vực", 3, None, None],
    ["1.1", "Lá một", 1, "self", "0; 1"],
    ["1.2", "Lá hai", 2, "self", "0; 2"],
]


def book(
    path: Path,
    rows: list[list[Any]] | None = None,
    setup: Callable[[Any, Any], None] | None = None,
    header: list[str] | None = None,
) -> Path:
    """A workbook whose first sheet holds the header and the rows (ids formatted as Text)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append(header or HEADER)
    for row in ROWS if rows is None else rows:
        sheet.append(row)
    for cell in sheet["A"]:
        cell.number_format = "@"
    if setup is not None:
        setup(workbook, sheet)
    workbook.save(path)
    return path


def patch(path: Path, member: str, change: Callable[[str], str]) -> None:
    """Rewrite one XML part of an .xlsx in place (what Excel would have written there)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def saved_result(path: Path, ref: str, kind: str, value: str) -> None:
    """Give the formula in ``ref`` a saved result, as Excel does (kind ``n`` or ``e``)."""

    def change(xml: str) -> str:
        pattern = re.compile(
            rf'<c r="{ref}"(?: t="\w+")?([^>]*)>(<f>.*?</f>)(?:<v\s*/>|<v>[^<]*</v>)'
        )
        assert pattern.search(xml), xml
        return pattern.sub(rf'<c r="{ref}" t="{kind}"\1>\2<v>{value}</v>', xml)

    patch(path, "xl/worksheets/sheet1.xml", change)


def run_import(table: Path, *extra: str) -> tuple[int, list[tuple[str, str]], str]:
    result = invoke("criteria", "import", table, "--out", table.parent / "c.yaml", *META, *extra)
    return result.exit_code, located(result.stderr, table.parent), result.stderr


def imported(table: Path) -> str:
    return (table.parent / "c.yaml").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- sheets


def _hidden_old_sheet(workbook: Any, sheet: Any) -> None:
    old = workbook.create_sheet("Bản cũ", 0)
    old.append(HEADER)
    old.append(["1", "Lĩnh vực (bản cũ)", 3, None, None])
    old.append(["1.1", "Lá cũ", 3, "self", "0; 3"])
    old.sheet_state = "hidden"
    notes = workbook.create_sheet("Ghi chú")
    notes.append(["Chép từ Quyết định số 12/QĐ"])


def test_hidden_sheet_is_skipped_and_named(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_hidden_old_sheet)
    code, found, err = run_import(table)
    assert code == 0, err
    assert found == [("t.xlsx", "CCHC251")]
    assert "`Phụ lục`" in err and "`Bản cũ` (trang ẩn)" in err and "`Ghi chú`" in err
    assert "Lá một" in imported(table) and "bản cũ" not in imported(table)


def test_sheet_chosen_by_name_or_number(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_hidden_old_sheet)
    for choice in (" phụ LỤC ", "1"):  # any spacing and letter case; the first shown sheet
        code, found, err = run_import(table, "--sheet", choice, "--force")
        assert code == 0 and found == [("t.xlsx", "CCHC251")], err
        assert "Lá một" in imported(table)


def test_hidden_sheet_chosen_is_read_with_a_warning(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_hidden_old_sheet)
    code, found, err = run_import(table, "--sheet", "Bản cũ")
    assert code == 0, err
    assert sorted(found) == [("t.xlsx", "CCHC251"), ("t.xlsx", "CCHC253")]
    assert "Lá cũ" in imported(table)


def test_unknown_sheet_lists_the_sheets_and_guesses(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_hidden_old_sheet)
    code, found, err = run_import(table, "--sheet", "Phu luc")
    assert code == 1 and found == [("t.xlsx", "CCHC252")]
    assert '--sheet "Phụ lục"' in err and "`Bản cũ` (trang ẩn)" in err
    assert not (tmp_path / "c.yaml").exists()
    code, found, _ = run_import(table, "--sheet", "4")  # only two sheets are shown
    assert code == 1 and found == [("t.xlsx", "CCHC252")]


def test_every_sheet_hidden(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx")
    patch(table, "xl/workbook.xml", lambda xml: xml.replace('state="visible"', 'state="hidden"'))
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx", "CCHC252")]
    assert "đều đang bị ẩn" in err and "--sheet" in err


# ------------------------------------------------------------------------ merged cells


def test_title_merged_above_the_header(tmp_path: Path) -> None:
    def title(_: Any, sheet: Any) -> None:
        sheet.insert_rows(1, 2)
        sheet["A1"] = "PHỤ LỤC II — BỘ CHỈ SỐ"
        sheet.merge_cells("A1:E1")

    table = book(tmp_path / "t.xlsx", setup=title)
    code, found, err = run_import(table)
    assert code == 0 and found == [("t.xlsx:1", "CCHC256")], err
    assert "dòng 3" in err  # the header found


def test_id_merged_down_is_refused_once_with_its_range(tmp_path: Path) -> None:
    rows = [*ROWS[:2], [None, "Lá hai", 2, "self", "0; 2"]]
    table = book(tmp_path / "t.xlsx", rows, lambda _, s: s.merge_cells("A3:A4"))
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx:3:1", "CCHC254")], err  # no "empty id" on row 4
    assert "A3:A4 là ô gộp qua 2 dòng" in err and "Merge & Center" in err


def test_method_merged_down_is_used_for_each_row(tmp_path: Path) -> None:
    rows = [*ROWS[:2], ["1.2", "Lá hai", 2, None, "0; 2"]]
    table = book(tmp_path / "t.xlsx", rows, lambda _, s: s.merge_cells("D3:D4"))
    code, found, err = run_import(table)
    assert code == 0 and found == [("t.xlsx:3:4", "CCHC255")], err
    assert imported(table).count("method: self") == 2


def test_merge_across_a_required_column(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=lambda _, s: s.merge_cells("B3:C3"))
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx:3:3", "CCHC254")], err
    assert "B3:C3" in err and "`max`" in err


def test_group_heading_merged_across_the_row(tmp_path: Path) -> None:
    def heading(_: Any, sheet: Any) -> None:
        sheet.insert_rows(2)
        sheet["A2"] = "A. PHẦN CHUNG"
        sheet.merge_cells("A2:E2")

    table = book(tmp_path / "t.xlsx", setup=heading)
    code, found, err = run_import(table)
    assert code == 0 and found == [("t.xlsx:2", "CCHC256")], err


# -------------------------------------------------------------------- formulas, values


def _sum_formulas(_: Any, sheet: Any) -> None:
    sheet["C2"] = "=C3+C4"
    sheet["C3"] = "=0.5+0.5"
    sheet["C4"] = "=1+1"


def test_formulas_without_saved_results_are_one_error(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_sum_formulas)
    code, found, err = run_import(table)
    # one error for the file (no "empty max", no sum errors), naming the cells and the fix
    assert code == 1 and found == [("t.xlsx:2:3", "CCHC257")], err
    assert "3 ô có công thức" in err and "C2, C3, C4" in err and "`=C3+C4`" in err
    assert "F9" in err and "LibreOffice" in err


def test_saved_results_are_read_and_excel_errors_named(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_sum_formulas)
    for ref, value in (("C2", "3"), ("C3", "1"), ("C4", "2")):
        saved_result(table, ref, "n", value)
    code, found, err = run_import(table)
    assert code == 0 and found == [], err
    assert "max: 3" in imported(table)
    saved_result(table, "C4", "e", "#REF!")
    code, found, err = run_import(table, "--force")
    assert code == 1 and found == [("t.xlsx:4:3", "CCHC258")], err
    assert "`#REF!`" in err and "`=1+1`" in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_fix_opening_and_saving_in_libreoffice_works(tmp_path: Path) -> None:
    table = book(tmp_path / "t.xlsx", setup=_sum_formulas)
    out = tmp_path / "saved"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(table)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code, found, err = run_import(out / "t.xlsx")
    assert code == 0 and found == [], err


def test_a_maximum_excel_made_a_date(tmp_path: Path) -> None:
    rows = [ROWS[0], ["1.1", "Lá một", dt.datetime(2020, 5, 1), "self", None], ROWS[2]]
    table = book(tmp_path / "t.xlsx", rows)
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx:3:3", "CCHC267")], err
    assert "01/05/2020" in err


def test_decimal_ids_are_reported_three_times_then_counted(tmp_path: Path) -> None:
    rows = [[1, "Lĩnh vực", 12, None, None]]
    rows += [[float(f"1.{i}"), f"Lá {i}", 1, "self", "0; 1"] for i in range(1, 13)]
    table = book(tmp_path / "t.xlsx", rows, lambda _, s: None, HEADER)
    # the ids were typed into General cells: 1.10 became 1.1 (and a duplicate)
    code, found, err = run_import(table, "--total", "12")
    assert code == 1, err
    assert found == [
        ("t.xlsx:3:1", "CCHC236"),
        ("t.xlsx:4:1", "CCHC236"),
        ("t.xlsx:5:1", "CCHC236"),
        ("t.xlsx:6:1", "CCHC260"),
    ]
    assert "… và 9 lỗi cùng loại [CCHC236] ở các dòng 6–14 [CCHC260]" in err


def test_hidden_rows_and_columns_are_read_and_said(tmp_path: Path) -> None:
    def hide(_: Any, sheet: Any) -> None:
        sheet.row_dimensions[3].hidden = True
        sheet.column_dimensions["E"].hidden = True

    table = book(tmp_path / "t.xlsx", setup=hide)
    code, found, err = run_import(table)
    assert code == 0, err
    assert sorted(found) == [("t.xlsx:1:5", "CCHC263"), ("t.xlsx:3:1", "CCHC263")]
    assert "Lá một" in imported(table) and "levels: [0, 1]" in imported(table)


def test_empty_first_row_and_column_spaces_and_totals(tmp_path: Path) -> None:
    rows = [
        [" 1 ", "\u00a0Lĩnh  vực\u00a0", "3", None, None],
        ["1.1", "Lá\nmột", "1,0", " SELF ", "0;1"],
        ["1.2", "Lá hai", 2, "self", "0; 2"],
        [None, "Tổng cộng", "=C3", None, None],
    ]

    def shift(_: Any, sheet: Any) -> None:
        sheet.insert_rows(1)
        sheet.insert_cols(1)

    table = book(tmp_path / "t.xlsx", rows, shift)
    code, found, err = run_import(table)
    # the totals row is set aside before its formula (without a saved result) matters
    assert code == 0 and found == [("t.xlsx:6", "CCHC262")], err
    text = imported(table)
    assert "title: Lĩnh vực" in text and "title: Lá một" in text and "method: self" in text


def test_mangled_header_in_a_workbook(tmp_path: Path) -> None:
    header = ["MÃ£", "TÃªn", "Ä\x90iá»ƒm tá»‘i Ä‘a", "CÃ¡ch cháº¥m", "Má»©c Ä‘iá»ƒm"]
    table = book(tmp_path / "t.xlsx", header=header)
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx:1:1", "CCHC259")], err
    assert "`TÃªn` (đúng ra là `Tên`)" in err and "Điểm tối đa" in err


def test_header_shifted_against_the_data(tmp_path: Path) -> None:
    rows = [[None, *row] for row in ROWS]
    table = book(tmp_path / "t.xlsx", rows)
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.xlsx:1:1", "CCHC261"), ("t.xlsx:1:3", "CCHC261")], err
    assert "cột B (`title`)" in err and "cột D (`method`)" in err  # where the data went


def test_unnamed_column_with_data(tmp_path: Path) -> None:
    rows = [[*row, None, "ghi chú"] for row in ROWS]
    table = book(tmp_path / "t.xlsx", rows)
    code, found, err = run_import(table)
    assert code == 0 and found == [("t.xlsx:2:7", "CCHC265")], err


# ---------------------------------------------------------------------------- refused


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        (
            "t.xls",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "97–2003",
        ),
        (
            "t.xlsx",
            lambda p: p.write_bytes(
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
            ),
            "mật khẩu",
        ),
        (
            "t.ods",
            lambda p: _zip(p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
            "Excel 2007-365",
        ),
        ("t.xlsx", lambda p: _zip(p, {"word/document.xml": "<w/>"}), "Word"),
        ("t.xlsb", lambda p: _zip(p, {"xl/workbook.bin": ""}), ".xlsb"),
        ("t.xlsx", lambda p: _zip(p, {"a.txt": "x"}), "Giải nén"),
        ("t.csv", lambda p: p.write_bytes(b"%PDF-1.4\n"), "PDF"),
        (
            "t.xls",
            lambda p: p.write_text(f'<?xml version="1.0"?><Workbook xmlns="{XML2003}"/>'),
            "XML",
        ),
    ],
)
def test_formats_refused_with_the_way_out(
    tmp_path: Path, name: str, make: Callable[[Path], Any], words: str
) -> None:
    table = tmp_path / name
    make(table)
    code, found, err = run_import(table)
    assert code == 1 and found == [(name, "CCHC264")], err
    assert words in err


def test_an_oversized_csv_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_cli.criteria import table_sniff

    monkeypatch.setattr(table_sniff, "MAX_CSV_BYTES", 100)
    table = tmp_path / "t.csv"
    table.write_text("id,title,max\n" + "1,A,1\n" * 30, encoding="utf-8")
    code, found, err = run_import(table)
    assert code == 1 and found == [("t.csv", "CCHC264")] and "MB" in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("target", ["xls", "ods"])
def test_real_xls_and_ods_from_libreoffice_are_refused(tmp_path: Path, target: str) -> None:
    table = book(tmp_path / "t.xlsx")
    out = tmp_path / "saved"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target, "--outdir", str(out), str(table)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code, found, _ = run_import(out / f"t.{target}")
    assert code == 1 and found == [(f"t.{target}", "CCHC264")]


def test_a_sheet_with_too_many_rows_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_cli.criteria import table_xlsx

    monkeypatch.setattr(table_xlsx, "MAX_ROWS", 3)
    code, found, err = run_import(book(tmp_path / "t.xlsx"))
    assert code == 1 and found == [("t.xlsx", "CCHC264")] and "--sheet" in err


def test_a_header_two_rows_tall(tmp_path: Path) -> None:
    """ "Mã", "Tên" … merged down over two rows, a unit written under "Điểm tối đa"."""

    def two_rows(_: Any, sheet: Any) -> None:
        sheet.insert_rows(2)
        sheet["C2"] = "(điểm)"
        for rng in ("A1:A2", "B1:B2", "D1:D2", "E1:E2"):
            sheet.merge_cells(rng)

    header = ["Mã", "Tên", "Điểm tối đa", "Cách chấm", "Mức điểm"]
    table = book(tmp_path / "t.xlsx", setup=two_rows, header=header)
    code, found, err = run_import(table)
    assert code == 0 and found == [("t.xlsx:2", "CCHC256")], err
    assert "levels: [0, 2]" in imported(table)
