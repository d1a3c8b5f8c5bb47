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

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, run

AGENCIES = ("SNV", "STP", "VPUBND", "STC", "STTTT", "SKHCN", "SKHDT", "STNMT")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = pytest.mark.skipif(
    not (SOFFICE and POPPLER) and not os.environ.get("CI"),
    reason="needs LibreOffice (soffice) and poppler (pdftotext); required when CI is set",
)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The province's and the eight departments' reports, as PDF printed by LibreOffice."""
    assert SOFFICE and POPPLER, "CI is set but LibreOffice or poppler is missing"
    out = tmp_path_factory.mktemp("pages")
    for agency in (None, *AGENCIES):
        extra = ("--agency", agency) if agency else ()
        code, _, err = run("-C", REPO, "report", "--format", "docx", "--out", out, *extra)
        assert code == 0, err
    names = {"province": "bao-cao-cchc-2019"} | {a: f"bao-cao-{a}-2019" for a in AGENCIES}
    profile = (out / "lo-profile").as_uri()  # its own profile: other LibreOffice runs may be open
    docs = [str(out / f"{name}.docx") for name in names.values()]
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *docs],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return {key: out / f"{name}.pdf" for key, name in names.items()}


def pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (``pdftotext -layout``)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def orientations(pdf: Path, count: int) -> list[str]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return ["landscape" if float(w) > float(h) else "portrait" for w, h in sizes]


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
