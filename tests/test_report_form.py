"""The signed report has the administrative form of Nghị định 30/2020/NĐ-CP, Phụ lục I.

The Word files of the example (the province and a department) are read back with python-docx
the way a checker of the decree would: page setup, fonts and sizes, the letterhead, number,
date, type name and summary, the opening paragraph, the parts in order, the recipients and the
signature, the tables that print (no split row, repeated header, groups kept with their first
item), the page numbers, the language; and nothing technical in it. Where the values come from
(the ``report:`` sections) and what is printed when they are missing are checked on the small
base workspace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.report.build import build_report
from cchc_cli.report.docx_form import text_width_cm
from conftest import REPO, copy_example, diagnostics, hand_result, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BLANK = "\u00a0" * 6
ATTACHED = "(Kèm theo Báo cáo số 25/BC-UBND ngày 18 tháng 01 năm 2020 của UBND tỉnh Thái Nguyên)"


@pytest.fixture(scope="module")
def example_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's province report and the STC department report, in Word."""
    out = tmp_path_factory.mktemp("form")
    for extra in ((), ("--agency", "STC")):
        code, _, err = run("-C", REPO, "report", "--format", "docx", "--out", out, *extra)
        assert code == 0, err
    return out


def open_docx(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def paragraphs(doc: Any) -> Iterator[Any]:
    """Every paragraph of the body, table cells included, in document order."""
    from docx.text.paragraph import Paragraph

    for p in doc.element.body.iter(f"{W}p"):
        yield Paragraph(p, doc)


def run_of(p: Any) -> Any:
    """The first run of a paragraph that holds text (docxtpl leaves empty runs around tags)."""
    return next(r for r in p.runs if r.text)


def size(run: Any, paragraph: Any) -> float | None:
    """A run's size in points (its own, else its paragraph style's)."""
    if run.font.size is not None:
        return float(run.font.size.pt)
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return None


def all_text(doc: Any) -> str:
    parts = [p.text for p in paragraphs(doc)]
    for section in doc.sections:
        for part in (section.header, section.first_page_header, section.footer):
            parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)


def section_of(doc: Any, element: Any) -> int:
    """Index of the section an element of the body belongs to."""
    count = 0
    for child in doc.element.body:
        if child is element:
            return count
        if child.find(f"{W}pPr/{W}sectPr") is not None:
            count += 1
    raise AssertionError("element not in the body")


# --- page setup, fonts, language ------------------------------------------------------------


def test_page_setup_margins_orientation_and_page_numbers(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    orient = ["landscape" if s.page_width > s.page_height else "portrait" for s in doc.sections]
    # prose and signature portrait; the wide tables (part I, appendices) landscape
    assert orient == ["portrait", "landscape", "portrait", "landscape"]
    for s in doc.sections:
        assert {round(s.page_width.mm), round(s.page_height.mm)} == {210, 297}
        # (a margin in whole twips is a hundredth of a millimetre off: compare in 0.1 mm)
        mm = {k: round(getattr(s, f"{k}_margin").mm, 1) for k in ("top", "bottom", "left", "right")}
        assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25, mm
        assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20, mm
        assert s.header_distance < s.top_margin  # the number sits in the top margin
        header = s.header._element.xml
        assert "PAGE" in header and s.header.paragraphs[0].text.startswith("\t")
    # page 1 has its own header, without the page number
    first = doc.sections[0]
    assert first.different_first_page_header_footer
    assert "PAGE" not in first.first_page_header._element.xml
    assert not any(s.different_first_page_header_footer for s in doc.sections[1:])
    assert all(not p.text.strip() for s in doc.sections for p in s.footer.paragraphs)


def test_times_new_roman_vietnamese_and_body_size(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    styles = doc.styles.element
    fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{a}") for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert not any("Theme" in k for k in fonts.attrib)  # no theme font overrides it
    langs = {el.get(f"{W}val") for el in styles.iter(f"{W}lang")}
    assert langs == {"vi-VN"}
    assert doc.core_properties.language == "vi-VN"
    assert doc.styles["Normal"].font.size.pt == 14
    opening = next(p for p in paragraphs(doc) if p.text.startswith("Thực hiện "))
    assert opening.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert opening.alignment == 3  # justified


# --- page 1 -------------------------------------------------------------------------------


def test_letterhead_number_date_title_and_opening(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    head = doc.tables[0]
    body, nation = head.rows[0].cells
    lines = [(p.text, run_of(p).bold, size(run_of(p), p)) for p in body.paragraphs if p.text]
    assert lines == [("ỦY BAN NHÂN DÂN", True, 12), ("TỈNH THÁI NGUYÊN", True, 12)]
    quoc_hieu, motto = (p for p in nation.paragraphs if p.text)
    # the Quốc hiệu on one line (one paragraph that fits the column), capitals, bold, 12 pt
    assert quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert run_of(quoc_hieu).bold and size(run_of(quoc_hieu), quoc_hieu) == 12
    width = nation.width.cm - 0.1
    assert text_width_cm(quoc_hieu.text, 12, True) < width
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert run_of(motto).bold and size(run_of(motto), motto) == 13
    # the Tiêu ngữ's rule is as long as the text; the issuing body's 1/3 to 1/2 of it
    rules = {p.style.name: p for p in paragraphs(doc) if p.style.name.startswith("CchcRule")}
    full = next(p for p in nation.paragraphs if p.style.name == "CchcRuleFull")
    length = width - full.paragraph_format.left_indent.cm - full.paragraph_format.right_indent.cm
    assert length == pytest.approx(text_width_cm(motto.text, 13, True), abs=0.05)
    short = next(p for p in body.paragraphs if p.style.name == "CchcRuleShort")
    length = body.width.cm - 0.1 - 2 * short.paragraph_format.left_indent.cm
    assert 1 / 3 <= length / text_width_cm("TỈNH THÁI NGUYÊN", 12, True) <= 1 / 2
    assert {"CchcRuleFull", "CchcRuleShort"} <= set(rules)
    number, date = (c.paragraphs[0] for c in head.rows[1].cells)
    assert number.text == "Số: 25/BC-UBND" and size(run_of(number), number) == 13
    assert not run_of(number).italic
    assert date.text == "Thái Nguyên, ngày 18 tháng 01 năm 2020" and run_of(date).italic
    texts = [p.text for p in paragraphs(doc) if p.text]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1].startswith("Kết quả tự đánh giá, chấm điểm xác định Chỉ số cải cách")
    opening = texts[i + 2]
    # the Ministry's decisions and the plan cited in full at first mention
    assert opening.startswith("Thực hiện Quyết định số 1000/QĐ-BNV ngày 24/11/2019 của Bộ Nội vụ")
    assert "Quyết định số 1150/QĐ-BNV ngày 30/12/2019 của Bộ Nội vụ phê duyệt Đề án" in opening
    assert (
        "Kế hoạch triển khai tự chấm điểm xác định Chỉ số cải cách hành chính tỉnh Thái " in opening
    )
    assert opening.endswith("như sau:")


def test_parts_signature_and_appendices_in_order(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    texts = [p.text for p in paragraphs(doc) if p.text.strip()]
    order = [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 25/BC-UBND",
        "Thái Nguyên, ngày 18 tháng 01 năm 2020",
        "BÁO CÁO",
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
        "1. Tổng hợp theo lĩnh vực",
        "2. Kết quả chi tiết theo tiêu chí, tiêu chí thành phần",
        "II. GIẢI TRÌNH CÁC TIÊU CHÍ KHÔNG CÓ HOẶC CHƯA ĐẦY ĐỦ TÀI LIỆU KIỂM CHỨNG",
        "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT",
        "Nơi nhận:",
        "- Bộ Nội vụ (Vụ Cải cách hành chính);",
        "- Lưu: VT, SNV.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "Phụ lục 1",
        "CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA",
        ATTACHED,
        "Phụ lục 2",
        "TỔNG HỢP ĐIỂM TỰ CHẤM THEO CƠ QUAN",
        ATTACHED,
    ]
    found, start = [], 0
    for text in order:
        start = texts.index(text, start)
        found.append(start)
    assert found == sorted(found)
    closing = next(t for t in texts if t.startswith("Trên đây là báo cáo"))
    assert closing.endswith("./.") and texts.index(closing) < texts.index("Nơi nhận:")
    # part III's sub-headings are bold at body size
    sub = next(p for p in paragraphs(doc) if p.text == "1. Khó khăn, vướng mắc")
    assert run_of(sub).bold and size(run_of(sub), sub) == 14


def test_signature_block_and_recipients(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None and {b.get(f"{W}val") for b in borders} == {"nil"}
    assert table.rows[0]._tr.trPr.find(f"{W}cantSplit") is not None
    # below the body, in a portrait section, never beside a data table
    assert section_of(doc, table._tbl) == 2
    assert doc.sections[2].page_height > doc.sections[2].page_width
    previous = table._tbl.getprevious()
    assert previous.tag == f"{W}p" and previous.xpath("string(.)").startswith("Trên đây là")
    left, right = table.rows[0].cells
    label = left.paragraphs[0]
    assert run_of(label).bold and run_of(label).italic and size(run_of(label), label) == 12
    listed = [p for p in left.paragraphs[1:] if p.text]
    assert all(size(run_of(p), p) == 11 for p in listed)
    assert listed[-1].text == "- Lưu: VT, SNV."
    lines = [p.text for p in right.paragraphs]
    assert [t for t in lines if t] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
    ]
    # room for the signature and the seal between the title and the name
    assert lines.index("Nguyễn Văn A") - lines.index("PHÓ CHỦ TỊCH") >= 5
    for p in right.paragraphs:
        if p.text:
            assert run_of(p).bold and size(run_of(p), p) == 14 and p.alignment == 1


# --- tables that print ---------------------------------------------------------------------


def test_no_row_splits_headers_repeat_groups_keep_with_their_first_item(example_docs: Path) -> None:
    for name in ("bao-cao-cchc-2019.docx", "bao-cao-STC-2019.docx"):
        doc = open_docx(example_docs / name)
        for table in doc.tables:
            for row in table.rows:
                tr_pr = row._tr.trPr
                assert tr_pr is not None and tr_pr.find(f"{W}cantSplit") is not None, name
        data = [t for t in doc.tables if t.rows[0].cells[0].text in ("Mã", "STT", "Cơ quan")]
        assert len(data) >= 2
        for table in data:
            assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    detail = next(t for t in doc.tables if len(t.columns) == 8 and t.rows[0].cells[0].text == "Mã")
    rows = {r.cells[0].text: r for r in detail.rows}
    for group in ("1", "1.1", "4.3"):
        assert all(
            p.paragraph_format.keep_with_next for c in rows[group].cells for p in c.paragraphs
        )
    assert not any(p.paragraph_format.keep_with_next for p in rows["1.1.1"].cells[1].paragraphs)
    # a group the Ministry scores says so, never a (bold) 0
    for ministry in ("2.5", "5.9", "6.5", "7.5", "8.1"):
        cell = rows[ministry].cells[4]
        assert cell.text == "Bộ Nội vụ đánh giá", ministry
        assert not any(r.bold for p in cell.paragraphs for r in p.runs if r.text)
    # the total: 100 under the maximum, 65 under the self-assessed maximum, the score under
    # the score, the percentage on its own row
    total = next(
        [c.text for c in r.cells] for r in detail.rows if r.cells[1].text == "Tổng điểm tự đánh giá"
    )
    assert total[2:6] == ["100", "65", "53,75", ""]
    assert [c.text for c in detail.rows[-1].cells][4] == "82,69%"


def test_agencies_appendix_adds_up_to_the_province(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-cchc-2019.docx")
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Cơ quan")
    rows = [[c.text for c in r.cells] for r in table.rows]
    agencies = rows[1:9]
    assert sum(float(r[4].replace(",", ".")) for r in agencies) == 62.5
    split = [r for r in rows if r[0].startswith("4.3.")]
    assert len(split) == 3 and all("lấy điểm thấp nhất" in r[0] for r in split)
    assert rows[-1][:6] == ["Tổng cộng", "83", "83", "0", "65", "53,75"]
    text = all_text(doc)
    assert "52,125 + 1,625 = 53,75 điểm; điểm tối đa: 62,5 + 2,5 = 65 điểm." in text
    assert "58,75/70 điểm" in text


# --- nothing technical ------------------------------------------------------------------------


def test_the_signed_document_carries_no_technical_material(example_docs: Path) -> None:
    for name in ("bao-cao-cchc-2019.docx", "bao-cao-STC-2019.docx"):
        text = all_text(open_docx(example_docs / name))
        assert not re.search(r"CCHC\d{3}", text), name
        assert not re.search(r"\b[0-9a-f]{64}\b", text), name
        assert ".yaml" not in text and "SHA-256" not in text and "working" not in text
        assert "phụ lục kỹ thuật" not in text.casefold()
        # the example's criteria tree still has working figures: a draft, marked as drafts are
        assert (
            "DỰ THẢO"
            in open_docx(example_docs / name).sections[0].first_page_header.paragraphs[0].text
        )
    companion = all_text(open_docx(example_docs / "bao-cao-cchc-2019-phu-luc-ky-thuat.docx"))
    assert "working" in companion and "CCHC210" in companion
    assert re.search(r"\b[0-9a-f]{64}\b", companion) and "criteria/2019.yaml" in companion


# --- a department's report --------------------------------------------------------------------


def test_department_report_form(example_docs: Path) -> None:
    doc = open_docx(example_docs / "bao-cao-STC-2019.docx")
    body = doc.tables[0].rows[0].cells[0]
    lines = [(p.text, bool(run_of(p).bold)) for p in body.paragraphs if p.text]
    assert lines == [("UBND TỈNH THÁI NGUYÊN", False), ("SỞ TÀI CHÍNH", True)]
    number, date = (c.text for c in doc.tables[0].rows[1].cells)
    # the date is the department's submission date (submitted: 2020-01-15)
    assert number == "Số: 21/BC-STC" and date == "Thái Nguyên, ngày 15 tháng 01 năm 2020"
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    signer = [p.text for p in table.rows[0].cells[1].paragraphs if p.text]
    assert signer == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Văn D"]
    texts = [p.text for p in paragraphs(doc)]
    assert "Kiến nghị, đề xuất" in texts  # part III from the department's report.notes
    assert "(Kèm theo Báo cáo số 21/BC-STC ngày 15 tháng 01 năm 2020 của Sở Tài chính)" in texts


def test_blanks_when_nothing_is_given(ws: Path, tmp_path: Path) -> None:
    """No ``report:`` section: the blanks officials fill by hand, the default authority and
    title, no name, no recipient but the archive line; a department without points lost has
    no empty appendix page."""
    for agency in (None, "BBB"):
        extra = ("--agency", agency) if agency else ()
        code, _, err = run("-C", ws, "report", "--format", "docx", "--out", tmp_path, *extra)
        assert code == 0, err
    doc = open_docx(tmp_path / "bao-cao-cchc-2019.docx")
    number, date = (c.text for c in doc.tables[0].rows[1].cells)
    assert number == f"Số: {BLANK}/BC-UBND"
    assert date == f"Tỉnh Mẫu, ngày {BLANK} tháng {BLANK} năm 2020"
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["Nơi nhận:", "- Lưu: VT, …"]
    assert [p.text for p in right.paragraphs if p.text] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert f"(Kèm theo Báo cáo số {BLANK}/BC-UBND ngày {BLANK} tháng {BLANK} năm 2020" in all_text(
        doc
    )
    dept = open_docx(tmp_path / "bao-cao-BBB-2019.docx")
    table = next(t for t in dept.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    assert [p.text for p in table.rows[0].cells[1].paragraphs if p.text] == ["GIÁM ĐỐC"]
    # BBB lost no point: no appendix, so the document ends on the signature's portrait page
    last = dept.sections[-1]
    assert len(dept.sections) == 3 and last.page_height > last.page_width
    assert "Phụ lục" not in all_text(dept)
    # the date of a department that submitted: its submission date (b.yaml: 2020-01-16)
    assert "ngày 16 tháng 01 năm 2020" in dept.tables[0].rows[1].cells[1].text


# --- where the values come from --------------------------------------------------------------


def add_report_section(root: Path, text: str) -> None:
    with (root / "cchc.yaml").open("a", encoding="utf-8") as handle:
        handle.write(text)


def test_report_section_flows_into_every_format(ws: Path) -> None:
    add_report_section(
        ws,
        "report:\n  number: '7'\n  date: 2020-02-03\n  place: Thành phố Mẫu\n"
        "  signer: {deputy: KT. CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Trần Thị B}\n"
        "  recipients: [Bộ Nội vụ, 'Sở Nội vụ;']\n  archive: SNV.\n",
    )
    report = build_report(hand_result(ws))
    form = report.form
    assert form is not None
    assert form.number_line == "Số: 7/BC-UBND"
    assert form.date_line == "Thành phố Mẫu, ngày 03 tháng 02 năm 2020"
    assert (form.signer.authority, form.signer.deputy, form.signer.title, form.signer.name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Thị B",
    )
    assert form.recipients == ("Bộ Nội vụ;", "Sở Nội vụ;") and form.archive == "Lưu: VT, SNV."
    code, _, err = run("-C", ws, "report", "--format", "md")
    assert code == 0, err
    md = (ws / "out" / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")
    assert "| Số: 7/BC-UBND | *Thành phố Mẫu, ngày 03 tháng 02 năm 2020* |" in md
    assert "**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br><br>**Trần Thị B**" in md
    # --date wins over the configured date
    code, _, err = run("-C", ws, "report", "--format", "md", "--date", "2020-01-09")
    md = (ws / "out" / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")
    assert code == 0 and "ngày 09 tháng 01 năm 2020" in md


def test_report_section_warnings_point_at_the_value(ws: Path) -> None:
    add_report_section(
        ws,
        "report:\n  number: 25/BC-UBND\n  symbol: UBND\n"
        "  signer: {deputy: KT. CHỦ TỊCH, title: CHỦ TỊCH, name: TS. Nguyễn Văn A}\n"
        "  recipients: [Bộ Nội vụ, 'Lưu: VT, SNV']\n",
    )
    b = ws / "scores" / "b.yaml"
    b.write_text(
        b.read_text(encoding="utf-8").replace("items:", "report:\n  date: 2020-01-10\nitems:", 1),
        encoding="utf-8",
    )
    found = {(d["code"], d["file"], d["line"]) for d in diagnostics(ws)}
    assert {
        ("CCHC530", "cchc.yaml", 8),
        ("CCHC533", "cchc.yaml", 9),
        ("CCHC535", "cchc.yaml", 10),
        ("CCHC531", "cchc.yaml", 10),
        ("CCHC532", "cchc.yaml", 11),
        ("CCHC534", "scores/b.yaml", 7),
    } <= found
    # warnings: the report is still made
    code, _, err = run("-C", ws, "report", "--format", "md")
    assert code == 0, err


def test_a_typo_in_the_report_section_is_located(ws: Path) -> None:
    add_report_section(ws, "report:\n  signer:\n    nmae: Nguyễn Văn A\n")
    code, _, err = run("-C", ws, "validate")
    assert code == 2 and "cchc.yaml:9:5" in err and "CCHC121" in err


def test_init_writes_the_report_section_with_the_province_and_blanks(tmp_path: Path) -> None:
    from cchc_cli.core.workspace import open_workspace

    code, _, err = run("init", tmp_path / "moi")
    assert code == 0, err
    ws = open_workspace(tmp_path / "moi", tmp_path)
    report = ws.config.report
    assert report is not None and report.place == "Thái Nguyên" and report.symbol == "BC-UBND"
    assert report.number is None and report.date is None and report.signer.name is None
    assert report.signer.authority == "TM. ỦY BAN NHÂN DÂN" and report.recipients == []


def test_example_report_values_are_marked_fictional() -> None:
    text = (REPO / "cchc.yaml").read_text(encoding="utf-8")
    section = text[text.index("report:") - 400 :]
    assert "HƯ CẤU" in section and "Nguyễn Văn A" in section


def test_example_workspace_copy_renders_every_department(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "ex")
    for agency in ("SNV", "STP", "VPUBND", "STC", "STTTT", "SKHCN", "SKHDT", "STNMT"):
        code, _, err = run("-C", root, "report", "--agency", agency, "--format", "md")
        assert code == 0, (agency, err)
        md = (root / "build" / f"bao-cao-{agency}-2019.md").read_text(encoding="utf-8")
        assert re.search(r"\| Số: \d+/BC-\S+ \|", md), agency
        assert "***Nơi nhận:***" in md and "- Lưu: VT, " in md
