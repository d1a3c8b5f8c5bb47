"""The Word reports as the signing official reads them: opened in LibreOffice, printed to PDF,
read page by page.

The province's report and every department's report of the example are converted to PDF by
LibreOffice (headless) and read back with poppler's pdftotext: every element of the decree's
form is there, in order; page 1 carries no number, every other page its number at the top;
the closing sentence, the recipients and the signature share a portrait page; no page shows
anything technical. Skipped when LibreOffice or poppler is absent, unless the ``CI``
environment variable is set: in CI a missing program is a failure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, run
from pdf_pages import needs_office, orientations, pages, to_pdf

AGENCIES = ("SNV", "STP", "VPUBND", "STC", "STTTT", "SKHCN", "SKHDT", "STNMT")

pytestmark = needs_office


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The province's and the eight departments' reports, as PDF printed by LibreOffice."""
    out = tmp_path_factory.mktemp("pages")
    for agency in (None, *AGENCIES):
        extra = ("--agency", agency) if agency else ()
        code, _, err = run("-C", REPO, "report", "--format", "docx", "--out", out, *extra)
        assert code == 0, err
    names = {"province": "bao-cao-cchc-2019"} | {a: f"bao-cao-{a}-2019" for a in AGENCIES}
    to_pdf([out / f"{name}.docx" for name in names.values()], out)
    return {key: out / f"{name}.pdf" for key, name in names.items()}


def line_of(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


def first_page_in_order(text: str, body: list[str], number: str, date: str) -> None:
    """Letterhead and Quốc hiệu on one row, Tiêu ngữ below; number and date on one row; then
    the type name, the summary and the opening paragraph."""
    lines = text.splitlines()
    assert line_of(lines, body[0]) == line_of(lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert line_of(lines, body[1]) == line_of(lines, "Độc lập - Tự do - Hạnh phúc")
    assert line_of(lines, number) == line_of(lines, date) > line_of(lines, body[1])
    assert line_of(lines, date) < line_of(lines, "BÁO CÁO") < line_of(lines, "Thực hiện Quyết định")


def test_province_report_read_page_by_page(pdfs: dict[str, Path]) -> None:
    text = pages(pdfs["province"])
    first_page_in_order(
        text[0],
        ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"],
        "Số: 25/BC-UBND",
        "Thái Nguyên, ngày 18 tháng 01 năm 2020",
    )
    check_pages(
        pdfs["province"],
        text,
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        "Nguyễn Văn A",
    )
    whole = "\n".join(text)
    assert "Kèm theo Báo cáo số 25/BC-UBND ngày 18 tháng 01 năm 2020 của UBND tỉnh Thái" in whole


@pytest.mark.parametrize("agency", AGENCIES)
def test_department_report_read_page_by_page(pdfs: dict[str, Path], agency: str) -> None:
    text = pages(pdfs[agency])
    number = re.search(r"Số: \d+/BC-\S+", text[0])
    assert number is not None, text[0]
    date = re.search(r"Thái Nguyên, ngày \d\d tháng 01 năm 2020", text[0])
    assert date is not None, text[0]
    first_page_in_order(
        text[0],
        ["UBND TỈNH THÁI NGUYÊN", "SỞ" if agency != "VPUBND" else "VĂN PHÒNG"],
        number.group(0),
        date.group(0),
    )
    signature = [line for line in ("GIÁM ĐỐC", "CHÁNH VĂN PHÒNG") if any(line in t for t in text)]
    assert signature, agency
    check_pages(pdfs[agency], text, signature[:1], None)


def check_pages(pdf: Path, text: list[str], signer: list[str], name: str | None) -> None:
    """Page numbers, the parts in order, the signature page, nothing technical."""
    assert len(text) >= 3
    top = [next((ln.strip() for ln in page.splitlines() if ln.strip()), "") for page in text]
    assert not re.match(r"^\d+\b", top[0])  # no number on page 1
    for i, first in enumerate(top[1:], start=2):
        assert re.match(rf"^{i}\b", first), (i, first)  # the number, at the top of the page
    whole = "\n".join(text)
    marks = [
        "I. KẾT QUẢ TỰ",
        "II. GIẢI TRÌNH",
        "III. KHÓ KHĂN",
        "Trên đây là báo cáo",
        "Nơi nhận:",
        *signer,
    ]
    positions = [whole.index(m) for m in marks]
    assert positions == sorted(positions), marks
    sign = next(i for i, page in enumerate(text) if "Nơi nhận:" in page)
    assert all(s in text[sign] for s in signer) and "Trên đây là báo cáo" in text[sign]
    assert "Lưu: VT," in text[sign] and (name is None or name in text[sign])
    assert orientations(pdf, len(text))[sign] == "portrait"
    assert not re.search(r"CCHC\d{3}|\.yaml|SHA-256|working", whole)
