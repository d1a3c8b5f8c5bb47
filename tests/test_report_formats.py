"""Each format read back the way a person would open it: Word with python-docx, Excel with
openpyxl, Markdown and HTML as text. Totals, the hostile explanation, draft marks, determinism."""

from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli.report.build import build_report
from cchc_cli.report.document import Report
from cchc_cli.report.docx import render_docx
from cchc_cli.report.markup import render_markup
from cchc_cli.report.templates import TemplateDirs, builtin_dir
from cchc_cli.report.xlsx import render_xlsx
from conftest import HOSTILE, hand_result, set_explanation
from xlsx_table import rows_by_id, total

HOSTILE_MULTILINE = HOSTILE + "\ndòng hai | cột"


@pytest.fixture()
def hostile_ws(ws: Path) -> Path:
    """The base workspace with a hostile, multi-line explanation of 1.1.2."""
    set_explanation(ws, "a.yaml", "1.1.2", HOSTILE_MULTILINE)
    return ws


def make(ws: Path, **kwargs: object) -> Report:
    return build_report(hand_result(ws), **kwargs)  # type: ignore[arg-type]


def dirs(ws: Path) -> TemplateDirs:
    return TemplateDirs(None, builtin_dir(), ws)


def text_of(report: Report, fmt: str, ws: Path) -> str:
    text, problems = render_markup(report, fmt, dirs(ws))  # type: ignore[arg-type]
    assert problems == [] and text is not None
    return text


def docx_doc(report: Report, ws: Path, when: date | None = None):  # type: ignore[no-untyped-def]
    import docx

    data, problems = render_docx(report, dirs(ws), when=when)
    assert problems == [] and data is not None
    return docx.Document(io.BytesIO(data)), data


def xlsx_book(report: Report):  # type: ignore[no-untyped-def]
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))


# --- Markdown ---


def test_markdown_keeps_the_hostile_text_and_the_table_intact(hostile_ws: Path) -> None:
    md = text_of(make(hostile_ws), "md", hostile_ws)
    assert HOSTILE in md
    line = next(ln for ln in md.splitlines() if ln.startswith("| 1.1.2 |"))
    # the "|" and the line break of the explanation do not break the table row
    assert "dòng hai \\| cột" in line and "<br>" in line
    cells = re.split(r"(?<!\\)\|", line)
    header = next(ln for ln in md.splitlines() if ln.startswith("| Mã | Lĩnh vực / tiêu chí"))
    assert len(cells) == len(header.split("|"))


def test_markdown_total_and_sections(hostile_ws: Path) -> None:
    md = text_of(make(hostile_ws), "md", hostile_ws)
    assert "**Tổng điểm tự đánh giá: 4** trên tổng số 7 điểm (57,14%)." in md
    headings = [
        "# BÁO CÁO",
        "## I. KẾT QUẢ",
        "### 1. Tổng hợp theo lĩnh vực",
        "### 2. Kết quả chi tiết",
        "## II. GIẢI TRÌNH",
        "## III. KHÓ KHĂN",
        "## Phụ lục 1: CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA",
        "## Phụ lục 2: TỔNG HỢP ĐIỂM TỰ CHẤM THEO CƠ QUAN",
    ]
    # in this order, and the technical appendices (checks, checksums) are gone (companion)
    found = [md.index(h) for h in headings]
    assert found == sorted(found)
    assert "Phụ lục 3" not in md and "SHA-256" not in md and "CCHC" not in md


def test_markdown_and_html_are_byte_identical_across_runs(hostile_ws: Path) -> None:
    for fmt in ("md", "html"):
        first = text_of(make(hostile_ws, when=date(2020, 1, 18)), fmt, hostile_ws)
        second = text_of(make(hostile_ws, when=date(2020, 1, 18)), fmt, hostile_ws)
        assert first.encode() == second.encode()


def test_no_date_unless_given_and_then_the_decree_s_form(hostile_ws: Path) -> None:
    """No date given: the blank officials fill by hand, the year the plan is due; a date:
    day and month with a leading zero (Nghị định 30/2020, Phụ lục I)."""
    plain = text_of(make(hostile_ws), "md", hostile_ws)
    dated = text_of(make(hostile_ws, when=date(2020, 1, 8)), "md", hostile_ws)
    blank = "\u00a0" * 6
    assert f"*Tỉnh Mẫu, ngày {blank} tháng {blank} năm 2020*" in plain
    assert f"Số: {blank}/BC-UBND" in plain and "08/01/2020" not in plain
    assert "*Tỉnh Mẫu, ngày 08 tháng 01 năm 2020*" in dated
    march = text_of(make(hostile_ws, when=date(2020, 3, 5)), "md", hostile_ws)
    assert "ngày 05 tháng 3 năm 2020" in march


def test_markdown_draft_banner(hostile_ws: Path) -> None:
    md = text_of(make(hostile_ws, draft=True), "md", hostile_ws)
    assert md.startswith("> **DỰ THẢO**")
    assert md.rstrip().endswith("> **DỰ THẢO**")
    # the reason is in the companion, not on the signed page
    assert "không dùng để ký" not in md
    assert "DỰ THẢO" not in text_of(make(hostile_ws), "md", hostile_ws)


def test_english_markdown(hostile_ws: Path) -> None:
    md = text_of(make(hostile_ws, lang="en"), "md", hostile_ws)
    assert "**Self-assessed total: 4** out of 7 points (57.14%)." in md
    assert "## II. EXPLANATIONS" in md


# --- HTML ---


def test_html_escapes_everything_and_round_trips(hostile_ws: Path) -> None:
    page = text_of(make(hostile_ws), "html", hostile_ws)
    assert HOSTILE not in page  # raw < > would be markup
    row = re.search(r'<tr class="level-3 scored" id="item-1.1.2">(.*?)</tr>', page, re.S)
    assert row is not None
    cell = re.findall(r'<td class="text">(.*?)</td>', row.group(1), re.S)[-1]
    assert "<" not in cell and html.unescape(cell) == HOSTILE_MULTILINE
    assert "<script" not in page.lower()
    # no external resource of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_html_has_a4_print_css_and_an_svg_chart_per_area(hostile_ws: Path) -> None:
    page = text_of(make(hostile_ws), "html", hostile_ws)
    assert "@page { size: A4;" in page
    report = make(hostile_ws)
    assert page.count("<svg") == 1 + len(report.areas)
    assert "<figcaption>1. Lĩnh vực một</figcaption>" in page


def test_html_draft_watermark_and_banner(hostile_ws: Path) -> None:
    page = text_of(make(hostile_ws, draft=True), "html", hostile_ws)
    assert '<div class="watermark" aria-hidden="true">DỰ THẢO</div>' in page
    assert '<div class="draft-banner" role="note">DỰ THẢO' in page
    assert "position: fixed" in page  # the watermark repeats on every printed page
    assert 'watermark"' not in text_of(make(hostile_ws), "html", hostile_ws)


# --- Word ---


def _all_docx_text(doc) -> str:  # type: ignore[no-untyped-def]
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_docx_totals_and_hostile_text(hostile_ws: Path) -> None:
    doc, _ = docx_doc(make(hostile_ws), hostile_ws)
    summary = next(t for t in doc.tables if t.rows[0].cells[0].text == "Mã" and len(t.columns) == 8)
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in summary.rows}
    assert rows["1.1.2"][7] == HOSTILE_MULTILINE
    total = next(
        [c.text for c in r.cells] for r in summary.rows if r.cells[1].text.startswith("Tổng")
    )
    # each figure under its own column: the full maximum, the self-assessed maximum, the score
    assert total[1] == "Tổng điểm tự đánh giá" and total[2] == "10" and total[3] == "7"
    assert total[4] == "4" and total[5:] == ["", "", ""]
    percent = [c.text for c in summary.rows[-1].cells]
    assert percent[0].startswith("Tỷ lệ") and percent[4] == "57,14%"
    assert rows["2"][4] == "2" and rows["1.2"][4] == "Bộ Nội vụ đánh giá"
    assert "Tổng điểm tự đánh giá: 4 trên tổng số 7 điểm (57,14%)." in _all_docx_text(doc)
    assert "{{" not in _all_docx_text(doc).replace(HOSTILE_MULTILINE, "")


def test_docx_draft_mark_in_every_header(hostile_ws: Path) -> None:
    doc, _ = docx_doc(make(hostile_ws, draft=True), hostile_ws)
    for section in doc.sections:
        assert "DỰ THẢO" in section.header.paragraphs[0].text
    final, _ = docx_doc(make(hostile_ws), hostile_ws)
    assert all("DỰ THẢO" not in s.header.paragraphs[0].text for s in final.sections)


def test_docx_is_stable_and_has_fixed_properties(hostile_ws: Path) -> None:
    doc, first = docx_doc(
        make(hostile_ws, when=date(2020, 1, 18)), hostile_ws, when=date(2020, 1, 18)
    )
    _, second = docx_doc(
        make(hostile_ws, when=date(2020, 1, 18)), hostile_ws, when=date(2020, 1, 18)
    )
    assert first == second
    assert doc.core_properties.created.date() == date(2020, 1, 18)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 1, 18, 0, 0, 0)}
    undated, _ = docx_doc(make(hostile_ws), hostile_ws)
    assert undated.core_properties.created.year == 2000


# --- Excel ---


def test_xlsx_ids_text_numbers_numbers_and_no_formula(hostile_ws: Path) -> None:
    book = xlsx_book(make(hostile_ws))
    sheet = book["Tổng hợp"]
    cols, rows = rows_by_id(sheet)
    id_, score = cols["Mã"], cols["Điểm tự đánh giá"]
    leaf = rows["1.1.2"]
    assert leaf[id_].data_type == "s" and leaf[id_].value == "1.1.2"
    assert leaf[score].value == 1 and leaf[score].data_type == "n"
    explanation = leaf[cols["Giải trình"]]
    assert explanation.value == HOSTILE_MULTILINE and explanation.data_type == "s"
    title = cols["Lĩnh vực / tiêu chí / tiêu chí thành phần"]
    total = next(r for r in sheet.iter_rows() if r[title].value == "Tổng điểm tự đánh giá")
    assert total[cols["Điểm tối đa tự đánh giá"]].value == 7 and total[score].value == 4
    pct = total[cols["Tỷ lệ"]]
    assert abs(pct.value - 4 / 7) < 1e-9 and pct.number_format == "0.00%"
    # subtotal rows are bold
    assert rows["1"][score].font.b and rows["1"][score].value == 2
    for ws_ in book.worksheets:
        for row in ws_.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws_.title, cell.coordinate, cell.value)


def test_xlsx_has_a_sheet_per_agency_with_its_total(hostile_ws: Path) -> None:
    book = xlsx_book(make(hostile_ws))
    assert book.sheetnames == [
        "Tổng hợp",
        "Bộ Nội vụ chấm",
        "Giải trình",
        "Bị trừ điểm",
        "Theo cơ quan",
        "AAA",
        "BBB",
        "CCC",
        "Kiểm tra",
    ]
    for code, score, maximum in (("AAA", 2, 3), ("BBB", 4, 4), ("CCC", 0, 2)):
        assert total(book[code], "Tổng điểm tự chấm của cơ quan") == (score, maximum)


def test_xlsx_draft_mark_on_every_sheet(hostile_ws: Path) -> None:
    book = xlsx_book(make(hostile_ws, draft=True))
    for sheet in book.worksheets:
        assert "DỰ THẢO" in (sheet.oddHeader.center.text or ""), sheet.title
        assert str(sheet["A1"].value).startswith("DỰ THẢO"), sheet.title
    final = xlsx_book(make(hostile_ws))
    assert all(not (s.oddHeader.center.text or "") for s in final.worksheets)


def test_xlsx_is_stable(hostile_ws: Path) -> None:
    assert render_xlsx(
        make(hostile_ws, when=date(2020, 1, 18)), when=date(2020, 1, 18)
    ) == render_xlsx(make(hostile_ws, when=date(2020, 1, 18)), when=date(2020, 1, 18))
    book = xlsx_book(make(hostile_ws))
    assert book.properties.created is not None and book.properties.created.year == 2000


def test_agency_formats(hostile_ws: Path) -> None:
    report = make(hostile_ws, agency="CCC")
    md = text_of(report, "md", hostile_ws)
    assert "**Tổng điểm tự chấm của cơ quan: 0** trên tổng số 2 điểm (0,00%)." in md
    assert "### 2. Các tiêu chí phối hợp chấm điểm" in md and "## III. KHÓ KHĂN" in md
    assert "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-CCC" in md and "**GIÁM ĐỐC**" in md
    doc, _ = docx_doc(report, hostile_ws)
    assert "SỞ C" in doc.tables[0].rows[0].cells[0].text
    book = xlsx_book(report)
    assert book.sheetnames == ["Tổng hợp", "Giải trình", "Phối hợp", "Bị trừ điểm", "Kiểm tra"]
    assert total(book["Tổng hợp"], "Tổng điểm tự chấm của cơ quan") == (0, 2)
    assert Decimal(0) == report.total.score
