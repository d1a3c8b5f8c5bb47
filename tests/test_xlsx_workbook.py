"""The Excel workbook an officer works with: explicit row heights for wrapped text, AutoFilter
on the tables, area and level on every line of the main table, the Ministry's items on their
own sheet, the print setup (A4 landscape, fit to width, header rows repeated, page numbers)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.report.xlsx_fit import MAX_ROW_POINTS, line_count, row_height, text_width
from conftest import REPO, run
from xlsx_table import header, rows_by_id


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import openpyxl

    out = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    code, _, err = run("-C", str(REPO), "report", "--format", "xlsx", "--out", str(out))
    assert code == 0, err
    return openpyxl.load_workbook(io.BytesIO(out.read_bytes()))


def test_every_line_carries_its_area_and_level(book: Any) -> None:
    sheet = book["Tổng hợp"]
    cols, rows = rows_by_id(sheet)
    assert len(rows) > 100
    levels = {"Lĩnh vực": 1, "Tiêu chí": 2, "Tiêu chí thành phần": 3}
    order = []
    for item_id, row in rows.items():
        assert row[cols["Lĩnh vực"]].value == item_id.split(".")[0]
        assert row[cols["Lĩnh vực"]].data_type == "s"
        assert levels[row[cols["Cấp"]].value] == item_id.count(".") + 1
        order.append(row[cols["STT"]].value)
    # the order column restores the table's order after any sort
    assert order == list(range(1, len(rows) + 1))


def test_autofilter_covers_the_table_not_its_total(book: Any) -> None:
    from openpyxl.utils import range_boundaries

    for name in ("Tổng hợp", "SNV", "Giải trình", "Bị trừ điểm", "Theo cơ quan", "Bộ Nội vụ chấm"):
        sheet = book[name]
        top, cols = header(sheet, "STT" if name in ("Tổng hợp", "SNV", "Bị trừ điểm") else "Mã")
        ref = sheet.auto_filter.ref
        if sheet.cell(top + 1, 1).value is None:  # an empty table says so, with no filter
            assert ref is None and sheet.cell(top + 1, 2).value, name
            continue
        assert ref, name
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        assert (min_col, min_row) == (1, top) and max_col >= len(cols), name
        below = [c.value for c in sheet[max_row + 1] if c.value not in (None, "")]
        assert not below or any(str(v).startswith("Tổng") for v in below), (name, below)
        if name in ("Tổng hợp", "SNV"):
            assert any(str(v).startswith("Tổng điểm") for v in below), name
        # the header row is frozen and printed on every page
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith(str(top + 1))
        assert sheet.print_title_rows == f"${top}:${top}"


def test_ministry_items_have_their_own_sheet(book: Any) -> None:
    assert book.sheetnames[:2] == ["Tổng hợp", "Bộ Nội vụ chấm"]
    top, cols = header(book["Bộ Nội vụ chấm"], "Mã")
    ids = [r[0].value for r in book["Bộ Nội vụ chấm"].iter_rows(min_row=top + 1) if r[0].value]
    assert {"2.5.1", "6.5.1"} <= set(ids)
    summary = [c.value for r in book["Tổng hợp"].iter_rows() for c in r]
    assert not any(str(v).startswith("Các tiêu chí do Bộ Nội vụ đánh giá") for v in summary)
    # a criterion the Ministry scores entirely shows so, never a self-score of 0
    cols, rows = rows_by_id(book["Tổng hợp"])
    assert rows["2.5"][cols["Điểm tự đánh giá"]].value is None
    assert "Bộ Nội vụ đánh giá" in [c.value for c in rows["2.5"]]


def test_rows_are_as_tall_as_their_wrapped_text(book: Any) -> None:
    sheet = book["Tổng hợp"]
    cols, rows = rows_by_id(sheet)
    width = {i: sheet.column_dimensions[chr(ord("A") + i)].width for i in range(sheet.max_column)}
    for item_id, row in rows.items():
        height = sheet.row_dimensions[row[0].row].height
        assert height is not None, item_id
        for i, cell in enumerate(row):
            if isinstance(cell.value, str) and cell.value:
                lines = line_count(cell.value, width[i] - 0.71, 11, bool(cell.font.b))
                assert height >= min(MAX_ROW_POINTS, lines * 11 * 1.3), (item_id, cell.value)
    # 1.2 lists four reports, one per line, each longer than its column: many lines
    evidence = rows["1.2"][cols["Tài liệu kiểm chứng"]].value
    assert evidence.count("\n") == 3
    assert sheet.row_dimensions[rows["1.2"][0].row].height >= 8 * 11 * 1.3


def test_print_setup(book: Any) -> None:
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, sheet.title
        assert (setup.fitToWidth or 1) == 1 and setup.fitToHeight == 0, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.title
        assert sheet.oddHeader.left.text, sheet.title  # the report's title on every page
        assert sheet.page_margins.left == 0.5


def test_line_count_follows_words_breaks_and_width() -> None:
    assert line_count("", 10, 11) == 1
    assert line_count("a\nb\nc", 40, 11) == 3
    assert line_count("một hai ba", 40, 11) == 1
    long = "Báo cáo công tác cải cách hành chính năm 2019 của UBND tỉnh Thái Nguyên"
    assert line_count(long, 20, 11) > line_count(long, 40, 11) >= 2
    assert line_count(long, 40, 11, bold=True) >= line_count(long, 40, 11)
    # a word longer than the line (a path) is broken, not left to overflow
    assert line_count("x" * 200, 10, 11) >= 10
    # Vietnamese letters are as wide as their base letters; capitals wider than lower case
    assert text_width("ệ", 11) == text_width("e", 11)
    assert text_width("Đ", 11) == text_width("D", 11) > text_width("d", 11)
    assert row_height(1, 11) >= 15 and row_height(10_000, 11) == MAX_ROW_POINTS


def test_pack_index_workbook_has_the_same_conventions(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "p.zip"
    code, _, err = run("-C", str(REPO), "pack", "--out", str(out))
    assert code == 0, err
    import zipfile

    index = openpyxl.load_workbook(io.BytesIO(zipfile.ZipFile(out).read("muc-luc.xlsx")))
    assert index.sheetnames == ["Mục lục", "Tài liệu", "Báo cáo"]
    for sheet in index.worksheets:
        assert sheet.auto_filter.ref and sheet.page_setup.orientation == "landscape"
