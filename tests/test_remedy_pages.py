"""``cchc remedy``'s Word documents as the signing official reads them: opened in LibreOffice,
printed to PDF, read page by page (as tests/test_report_pages.py does for the report).

The province's remedy plan, one department's plan and the province's letter asking for
explanations (from a copy of the example set to ``status: provisional``): the form's elements
on page 1 in order; page 1 without a number, every other page numbered at the top; prose and
signature on portrait pages, the appendix on landscape pages; a department's table on each of
the letter's appendix pages; nothing technical on any page. Skipped when LibreOffice or poppler
is absent, unless the ``CI`` environment variable is set.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, REPO, copy_example, run_in
from pdf_pages import needs_office, orientations, pages, to_pdf

pytestmark = needs_office


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("remedy-pages")
    final = copy_example(base / "final")
    provisional = copy_example(base / "provisional")
    appraisal = provisional / EXAMPLE.relative_to(REPO) / "tham-dinh-2019-hu-cau.yaml"
    text = appraisal.read_text(encoding="utf-8")
    appraisal.write_text(text.replace("status: final", "status: provisional"), encoding="utf-8")
    out = base / "out"
    for root, extra in ((final, ()), (final, ("--agency", "STC")), (provisional, ())):
        result = run_in(root, "remedy", "--format", "docx", "--out", out, *extra)
        assert result.exit_code == 0, result.output
    names = {
        "plan": "ke-hoach-khac-phuc-cchc-2019",
        "plan-STC": "ke-hoach-khac-phuc-STC-2019",
        "request": "giai-trinh-cchc-2019",
    }
    to_pdf([out / f"{name}.docx" for name in names.values()], out)
    return {key: out / f"{name}.pdf" for key, name in names.items()}


def flat(text: str) -> str:
    return " ".join(text.split())


def numbered(found: list[str]) -> None:
    """Page 1 has no number; page n > 1 starts with n (after the draft mark's line)."""
    assert not re.match(r"\s*\d+\s", found[0].lstrip().split("\n")[0])
    for n, page in enumerate(found[1:], start=2):
        first = page.strip().split("\n")[0]
        assert re.match(rf"\s*{n}\b", first), (n, first)


def nothing_technical(found: list[str]) -> None:
    for page in found:
        assert not re.search(r"CCHC\d{3}|\.yaml|working|SHA-256", page), page[:200]


def test_plan_pages(pdfs: dict[str, Path]) -> None:
    found = pages(pdfs["plan"])
    first = found[0]
    order = [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 45/KH-UBND",
        "Thái Nguyên, ngày 15 tháng 6 năm 2020",
        "KẾ HOẠCH",
        "Khắc phục hạn chế, nâng cao Chỉ số cải cách hành chính năm 2020",
        "Căn cứ Quyết định số 330/QĐ-BNV",
        "I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2019",
    ]
    at = [first.index(text) for text in order]
    assert at == sorted(at)
    numbered(found)
    nothing_technical(found)
    kinds = orientations(pdfs["plan"])
    assert len(kinds) == len(found)
    signed = next(i for i, p in enumerate(found) if "Nơi nhận:" in p)
    assert kinds[signed] == "portrait" and "Nguyễn Văn A" in found[signed]
    assert "giải quyết./." in flat(found[signed]) or "giải quyết./." in flat(found[signed - 1])
    appendix = [i for i, kind in enumerate(kinds) if kind == "landscape"]
    assert appendix == list(range(signed + 1, len(found)))  # prose portrait, appendix landscape
    text = flat(" ".join(found[i] for i in appendix))
    assert "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15 tháng 6 năm 2020 của UBND tỉnh" in text
    for name in ("1. Sở Nội vụ", "2. Sở Tư pháp", "4. Sở Tài chính", "8. Sở Tài nguyên"):
        assert name in text, name
    assert text.count("4.3.1") == 3  # the split item under each of its three parts
    # every page of the appendix repeats the table's header row
    for i in appendix:
        assert "Nguyên nhân" in found[i] and "Thời" in found[i] and "STT" in found[i], i


def test_department_plan_pages(pdfs: dict[str, Path]) -> None:
    found = pages(pdfs["plan-STC"])
    first = flat(found[0])
    for text in ("UBND TỈNH THÁI NGUYÊN", "SỞ TÀI CHÍNH", "/KH-STC", "KẾ HOẠCH"):
        assert text in first, text
    assert "Kế hoạch số 45/KH-UBND" in first  # the province's plan it carries out
    numbered(found)
    nothing_technical(found)
    text = flat(" ".join(found))
    assert "4.3.1" in text and "6.3" in text and "Sở Nội vụ:" not in text


def test_request_pages(pdfs: dict[str, Path]) -> None:
    found = pages(pdfs["request"])
    first = found[0]
    order = [
        "UBND TỈNH THÁI NGUYÊN",
        "SỞ NỘI VỤ",
        "V/v giải trình kết quả thẩm",
        "Kính gửi:",
        "Sở Tài nguyên và Môi trường.",
        "Thực hiện Kế hoạch triển khai",
    ]
    at = [first.index(text) for text in order]
    assert at == sorted(at)
    assert "KẾ HOẠCH" not in first and "BÁO CÁO" not in first
    numbered(found)
    nothing_technical(found)
    kinds = orientations(pdfs["request"])
    signed = next(i for i, p in enumerate(found) if "Nơi nhận:" in p)
    assert kinds[signed] == "portrait" and "Như trên;" in found[signed]
    heads = [i for i, p in enumerate(found) if "Giải trình của cơ quan" in p]
    assert len(heads) == 6 and all(kinds[i] == "landscape" for i in heads)
    for i, name in zip(heads, ["1. Sở Nội vụ", "2. Văn phòng", "3. Sở Tài chính"], strict=False):
        assert name in found[i], (i, name)  # each department's table on a page of its own
