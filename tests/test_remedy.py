"""``cchc remedy``: the explanation requests while the appraisal is provisional, the remedy plan
once it is final — who answers for which item, what the documents say, how they print.

The bundled example's (fictional) appraisal is final: the remedy plan. A copy set to
``status: provisional`` gives the letter asking the departments to explain.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core.ids import natural_key
from cchc_cli.core.outputs import MANIFEST_NAME
from cchc_cli.core.workspace import open_workspace
from cchc_cli.pipeline import CheckResult, check_workspace
from cchc_cli.remedy.build import build_remedy
from cchc_cli.remedy.model import RemedyDoc
from conftest import EXAMPLE, REPO, copy_example, run_in

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
APPRAISAL = EXAMPLE.relative_to(REPO) / "tham-dinh-2019-hu-cau.yaml"
AGENCIES = ("SNV", "STP", "VPUBND", "STC", "STTTT", "SKHCN", "SKHDT", "STNMT")


def set_status(root: Path, status: str) -> None:
    path = root / APPRAISAL
    text = re.sub(r"(?m)^status: \w+", f"status: {status}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def checked(root: Path) -> CheckResult:
    return check_workspace(open_workspace(root, root))


@pytest.fixture(scope="module")
def final_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("final") / "example")


@pytest.fixture(scope="module")
def provisional_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_example(tmp_path_factory.mktemp("provisional") / "example")
    set_status(root, "provisional")
    return root


@pytest.fixture(scope="module")
def final_result(final_ws: Path) -> CheckResult:
    return checked(final_ws)


@pytest.fixture(scope="module")
def provisional_result(provisional_ws: Path) -> CheckResult:
    return checked(provisional_ws)


@pytest.fixture(scope="module")
def plan_docs(final_ws: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plan-out")
    for agency in (None, "STC"):
        extra = ("--agency", agency) if agency else ()
        result = run_in(final_ws, "remedy", "--out", out, "--date", "2020-06-15", *extra)
        assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def request_docs(provisional_ws: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("request-out")
    for agency in (None, "SKHDT"):
        extra = ("--agency", agency) if agency else ()
        result = run_in(provisional_ws, "remedy", "--out", out, *extra)
        assert result.exit_code == 0, result.output
    return out


# --- who answers for what ----------------------------------------------------------------------


def test_every_lost_point_goes_to_the_owning_agencies(final_result: CheckResult) -> None:
    """Each item below its maximum is in the table of every agency that scores it under the plan
    (each part of a split item), in no other table; the tables add up to the total lost, each
    item once."""
    index = final_result.index
    assert index is not None and final_result.plan is not None
    doc = build_remedy(final_result)
    assert doc.kind == "plan"
    listed = {b.code: [r.id for r in b.rows] for b in doc.agencies}
    for leaf in index.lost:
        owners = {o.code for o in leaf.agencies}
        assert owners, leaf.id
        for code in final_result.plan.agencies:
            assert (leaf.id in listed.get(code, [])) == (code in owners), (leaf.id, code)
    assert sum(len(ids) for ids in listed.values()) == sum(len(x.agencies) for x in index.lost)
    t = doc.totals
    assert t.points == index.lost_total == Decimal("13.25")
    assert t.sole + t.split + t.rest == t.points
    assert t.sole == sum((b.sole for b in doc.agencies), Decimal(0)) == Decimal("11.875")
    assert (t.split, t.split_items, t.rest, t.items) == (Decimal("1.375"), 2, Decimal(0), 24)
    # a split item: in each part's table, with its own domain and the other parts named
    for code, domain in (("STC", "quản lý ngân sách"), ("SKHDT", "quản lý đầu tư")):
        row = next(r for b in doc.agencies if b.code == code for r in b.rows if r.id == "4.3.1")
        assert row.split and f"phần {domain}" in row.note and "cùng chấm" in row.note
        assert row.lost == Decimal(1) and row.reason.startswith("Chưa có văn bản")
    # per agency, the points are those of cchc index (split items in full, shared apart)
    by_index = {a.code: (a.lost, a.shared, a.items) for a in index.agencies}
    assert {b.code: (b.points, b.shared, b.items) for b in doc.agencies} == by_index


def test_rows_most_points_first_and_recognised_items_say_so(final_result: CheckResult) -> None:
    doc = build_remedy(final_result)
    for block in doc.agencies:
        keys = [(-r.lost, natural_key(r.id)) for r in block.rows]
        assert keys == sorted(keys), block.code
    snv = next(b for b in doc.agencies if b.code == "SNV")
    assert [r.id for r in snv.rows][:3] == ["4.1.2", "1.1.3", "5.3"]
    row = snv.rows[0]  # 4.1.2: scored 0 and recognised, no comment
    assert (row.state, row.comment, row.self_text) == ("recognised", "", "0,00")
    assert row.reason == "Điểm tự chấm dưới điểm tối đa, được Bộ Nội vụ công nhận."


def test_provisional_asks_only_for_the_items_marked_down(provisional_result: CheckResult) -> None:
    """The request lists the adjusted items whose score went down (6.2.1 went up: not there;
    items below their maximum but recognised: not there), under every agency scoring them."""
    index = provisional_result.index
    assert index is not None and index.status == "provisional"
    doc = build_remedy(provisional_result)
    assert doc.kind == "request"
    cut = {
        leaf.id
        for leaf in index.self_leaves
        if leaf.state == "adjusted" and leaf.cut is not None and leaf.cut > 0
    }
    assert cut == {"3.3.3", "4.3.1", "5.3", "7.1.4", "8.2"}
    listed = {r.id for r in doc.rows}
    assert listed == cut and "6.2.1" not in listed
    assert all(r.state == "adjusted" and r.cut > 0 for r in doc.rows)
    by_agency = {b.code: [r.id for r in b.rows] for b in doc.agencies}
    assert by_agency == {
        "SNV": ["5.3"],
        "VPUBND": ["3.3.3"],
        "STC": ["4.3.1"],
        "STTTT": ["7.1.4"],
        "SKHDT": ["4.3.1", "8.2"],
        "STNMT": ["4.3.1"],
    }
    t = doc.totals
    assert (t.points, t.split, t.sole, t.items) == (
        Decimal("2.5"),
        Decimal("0.5"),
        Decimal("2.0"),
        5,
    )
    # the letter goes from the coordinator to the others; the coordinator's item is still listed
    assert "Sở Nội vụ" not in doc.addressees and len(doc.addressees) == 5
    assert doc.letterhead == ("UBND TỈNH THÁI NGUYÊN", "SỞ NỘI VỤ")
    assert doc.form.recipients[0] == "Như trên;"
    assert (
        doc.form.number_line
        == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
    )


def test_plan_cites_what_is_given_and_leaves_the_rest_blank(final_result: CheckResult) -> None:
    doc = build_remedy(final_result)
    assert doc.form.number_line == "Số: 45/KH-UBND"  # the example's (fictional) remedy.plan
    assert doc.form.date_line == "Thái Nguyên, ngày 15 tháng 6 năm 2020"
    assert doc.title == "Khắc phục hạn chế, nâng cao Chỉ số cải cách hành chính năm 2020"
    opening = doc.intro[0]
    assert opening.startswith("Căn cứ Quyết định số 330/QĐ-BNV ngày 13/05/2020 của Bộ Nội vụ")
    assert "Kế hoạch triển khai tự chấm điểm" in opening
    assert "ngày 15 tháng 7 năm 2020" in doc.org[0]  # remedy.plan.deadline
    agency = build_remedy(final_result, agency="STC")
    assert agency.form.number_line.endswith("/KH-STC")
    assert agency.letterhead == ("UBND TỈNH THÁI NGUYÊN", "SỞ TÀI CHÍNH")
    # the province's plan is cited by its number: the department's plan implements it
    assert "Kế hoạch số 45/KH-UBND ngày 15/06/2020 của Ủy ban nhân dân tỉnh" in agency.intro[0]
    assert [b.code for b in agency.agencies] == ["STC"]
    assert agency.parts == [] and agency.areas == []


def test_the_results_decision_only_when_known(final_ws: Path, tmp_path: Path) -> None:
    """QĐ 330/QĐ-BNV is cited for 2019 once the results are final; provisional results, or a
    year cchc knows no decision for, cite none (nothing invented); ``remedy.plan.results`` wins."""
    root = copy_example(tmp_path / "ws")
    set_status(root, "provisional")
    assert "330/QĐ-BNV" not in " ".join(build_remedy(checked(root)).intro)
    set_status(root, "final")
    config = root / "cchc.yaml"
    text = config.read_text(encoding="utf-8")
    given = "Quyết định số 1/QĐ-THU ngày 02/02/2020 của Bộ Nội vụ thử nghiệm"
    config.write_text(
        text.replace(
            "  plan:                           #", f"  plan:\n    results: {given}\n    #"
        ),
        encoding="utf-8",
    )
    doc = build_remedy(checked(root))
    assert doc.intro[0].startswith(f"Căn cứ {given}; thực hiện")


def test_no_appraisal_no_document(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_in(ws, "remedy", "--out", out)
    assert result.exit_code == 1 and "CCHC650" in result.stderr
    assert not out.exists()


def test_an_agency_with_nothing_gets_no_document(provisional_ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_in(provisional_ws, "remedy", "--agency", "STP", "--out", out)
    assert result.exit_code == 0, result.output
    assert "CCHC654" in result.stderr and "Sở Tư pháp" in result.stderr
    assert not out.exists()


def test_errors_refuse_and_draft_marks(final_ws: Path, tmp_path: Path) -> None:
    root = copy_example(tmp_path / "ws")
    path = root / APPRAISAL
    path.write_text(
        path.read_text(encoding="utf-8").replace("score: 0.5\n", "score: 0.6\n", 1),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    refused = run_in(root, "remedy", "--out", out)
    assert refused.exit_code == 1 and "CCHC651" in refused.stderr and not out.exists()
    drafted = run_in(root, "remedy", "--draft", "--format", "md", "--out", out)
    assert drafted.exit_code == 0, drafted.output
    assert "CCHC652" in drafted.stderr
    text = (out / "ke-hoach-khac-phuc-cchc-2019.md").read_text(encoding="utf-8")
    assert text.startswith("> **DỰ THẢO**")
    assert "Điểm thẩm định ghi sai trong tệp kết quả thẩm định (tính 0)." in text


# --- the files ---------------------------------------------------------------------------------


def _names(stem: str, who: tuple[str, ...]) -> list[str]:
    return sorted(
        [MANIFEST_NAME] + [f"{stem}-{w}-2019.{ext}" for w in who for ext in ("docx", "xlsx", "md")]
    )


def test_file_names(plan_docs: Path, request_docs: Path) -> None:
    assert sorted(p.name for p in plan_docs.iterdir()) == _names(
        "ke-hoach-khac-phuc", ("cchc", "STC")
    )
    assert sorted(p.name for p in request_docs.iterdir()) == _names("giai-trinh", ("cchc", "SKHDT"))


def test_same_inputs_same_bytes(final_ws: Path, tmp_path: Path) -> None:
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        result = run_in(final_ws, "remedy", "--out", out, "--date", "2020-06-15")
        assert result.exit_code == 0, result.output
    for name in ("docx", "xlsx", "md"):
        file = f"ke-hoach-khac-phuc-cchc-2019.{name}"
        assert (outs[0] / file).read_bytes() == (outs[1] / file).read_bytes(), name


def test_a_filled_in_copy_is_kept(final_ws: Path, tmp_path: Path) -> None:
    """A department filled in the workbook cchc wrote: the next run keeps it under a new name."""
    out = tmp_path / "out"
    args = ("remedy", "--format", "xlsx", "--out", out, "--date", "2020-06-15")
    assert run_in(final_ws, *args).exit_code == 0
    target = out / "ke-hoach-khac-phuc-cchc-2019.xlsx"
    target.write_bytes(target.read_bytes() + b"edited")
    again = run_in(final_ws, *args)
    assert again.exit_code == 0, again.output
    assert "CCHC130" in again.stderr
    kept = [p for p in out.iterdir() if "sửa tay" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b"edited")


def test_never_over_the_appraisal_file(final_ws: Path) -> None:
    """The appraisal file is an input like the others (CCHC004 without --force)."""
    target = final_ws / APPRAISAL
    before = target.read_bytes()
    refused = run_in(final_ws, "remedy", "--format", "md", "--out", target)
    assert refused.exit_code == 1 and "CCHC004" in refused.stderr, refused.output
    assert f"`{APPRAISAL.as_posix()}`" in refused.stderr and "--force" in refused.stderr
    assert target.read_bytes() == before


def test_markdown_tables_and_english(final_ws: Path, tmp_path: Path, plan_docs: Path) -> None:
    text = (plan_docs / "ke-hoach-khac-phuc-cchc-2019.md").read_text(encoding="utf-8")
    assert "| Số: 45/KH-UBND | *Thái Nguyên, ngày 15 tháng 6 năm 2020* |" in text
    assert "# KẾ HOẠCH" in text and "## Phụ lục: CÁC TIÊU CHÍ BỊ MẤT ĐIỂM" in text
    assert "Cộng: 11,875 (các cơ quan, tiêu chí chấm riêng) + 1,375" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "| 4.3.1 |" in line]
    assert len(rows) == 3  # the split item under each of its three parts
    for line in rows:  # twelve cells, the last four blank
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        assert len(cells) == 12 and cells[-4:] == ["", "", "", ""], line
    out = tmp_path / "en"
    result = run_in(final_ws, "--lang", "en", "remedy", "--format", "md", "--out", out)
    assert result.exit_code == 0, result.output
    english = (out / "ke-hoach-khac-phuc-cchc-2019.md").read_text(encoding="utf-8")
    assert "# PLAN" in english and "ITEMS THAT LOST POINTS AND THEIR REMEDIES" in english
    assert "{" not in english.replace("{{", "")


def _xlsx(path: Path) -> Any:
    import openpyxl

    return openpyxl.load_workbook(path)


def test_workbook_sheets_text_and_filters(plan_docs: Path) -> None:
    wb = _xlsx(plan_docs / "ke-hoach-khac-phuc-cchc-2019.xlsx")
    assert wb.sheetnames == ["Tổng hợp", "Tất cả", *AGENCIES]
    for name in wb.sheetnames:
        ws = wb[name]
        assert ws.auto_filter.ref, name
        assert ws.print_title_rows, name
    stc = wb["STC"]
    head = next(r for r in stc.iter_rows() if r[0].value == "STT")
    labels = [c.value for c in head]
    assert labels[-4:] == ["Nguyên nhân", "Giải pháp khắc phục", "Thời hạn", "Cơ quan phối hợp"]
    first = stc[head[0].row + 1]
    assert first[1].value == "4.3.1" and first[1].data_type == "s"
    assert first[6].value == 1  # points lost: a number
    assert all(c.value in (None, "") for c in first[-4:])  # blank, to fill in
    assert stc.row_dimensions[first[0].row].height >= 45
    every = wb["Tất cả"]
    ids = [r[2].value for r in every.iter_rows(min_row=head[0].row + 1) if r[2].value]
    assert ids.count("4.3.1") == 3  # one row per part of the split item


def test_workbook_keeps_a_formula_looking_comment_as_text(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "ws")
    path = root / APPRAISAL
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("comment: Chưa sử dụng chữ ký số", 'comment: "=1+1 Chưa sử dụng chữ ký số'),
        encoding="utf-8",
    )
    text = path.read_text(encoding="utf-8").replace('(hư cấu).\n  "8.2"', '(hư cấu)."\n  "8.2"')
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_in(root, "remedy", "--format", "xlsx", "--out", out)
    assert result.exit_code == 0, result.output
    ws = _xlsx(out / "ke-hoach-khac-phuc-cchc-2019.xlsx")["STTTT"]
    cell = next(c for r in ws.iter_rows() for c in r if str(c.value).startswith("=1+1"))
    assert cell.data_type == "s"


# --- Word --------------------------------------------------------------------------------------


def _docx(path: Path) -> Any:
    import docx

    return docx.Document(str(path))


def _texts(doc: Any) -> list[str]:
    found = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p.text for p in cell.paragraphs]
    return [t for t in found if t.strip()]


def _tables_print(doc: Any) -> None:
    """No row splits across pages; every data table's header row repeats."""
    for table in doc.tables:
        for row in table.rows:
            tr_pr = row._tr.trPr
            assert tr_pr is not None and tr_pr.find(f"{W}cantSplit") is not None
    data = [t for t in doc.tables if t.rows[0].cells[0].text in ("STT", "Cơ quan chấm điểm")]
    assert data
    for table in data:
        assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None


def test_plan_docx_has_the_form(plan_docs: Path) -> None:
    doc = _docx(plan_docs / "ke-hoach-khac-phuc-cchc-2019.docx")
    texts = _texts(doc)
    for text in (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 45/KH-UBND",
        "Thái Nguyên, ngày 15 tháng 6 năm 2020",
        "KẾ HOẠCH",
        "Khắc phục hạn chế, nâng cao Chỉ số cải cách hành chính năm 2020",
        "Nơi nhận:",
        "- Lưu: VT, SNV.",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn A",
        "Phụ lục",
        "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15 tháng 6 năm 2020 của UBND tỉnh Thái Nguyên)",
    ):
        assert text in texts, text
    body = doc.element.body.xpath("string(.)")
    assert body.index("KẾ HOẠCH") < body.index("Nơi nhận:") < body.index("CÁC TIÊU CHÍ BỊ MẤT")
    _tables_print(doc)
    # prose and signature portrait, the appendix landscape
    first, last = doc.sections[0], doc.sections[-1]
    assert first.page_height > first.page_width and last.page_width > last.page_height
    assert first.different_first_page_header_footer
    appendix = doc.tables[-1]
    assert len(appendix.columns) == 12
    groups = [r for r in appendix.rows if r.cells[0].text.startswith(tuple("123456789"))
              and r.cells[0].text == r.cells[-1].text]  # fmt: skip
    assert [g.cells[0].text.split(":")[0] for g in groups] == [
        f"{i}. {n}"
        for i, n in enumerate(
            ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Tài chính",
             "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư",
             "Sở Tài nguyên và Môi trường"], start=1)
    ]  # fmt: skip
    for g in groups:  # a department's heading stays with its first item
        assert all(p.paragraph_format.keep_with_next for p in g.cells[0].paragraphs)
    items = [r for r in appendix.rows[1:] if r.cells[0].text != r.cells[-1].text]
    assert len(items) == 28  # 24 items, the two split items once more for each extra part
    for row in items:
        height = row._tr.trPr.find(f"{W}trHeight")
        assert height is not None and height.get(f"{W}hRule") == "atLeast"
        assert all(c.text == "" for c in row.cells[-4:])


def test_request_docx_is_a_letter(request_docs: Path) -> None:
    doc = _docx(request_docs / "giai-trinh-cchc-2019.docx")
    texts = _texts(doc)
    for text in (
        "UBND TỈNH THÁI NGUYÊN",
        "SỞ NỘI VỤ",
        "V/v giải trình kết quả thẩm định Chỉ số cải cách hành chính năm 2019",
        "Kính gửi:",
        "- Sở Tài nguyên và Môi trường.",
        "- Như trên;",
        "GIÁM ĐỐC",
        "CÁC TIÊU CHÍ ĐỀ NGHỊ GIẢI TRÌNH",
    ):
        assert text in texts, text
    assert "KẾ HOẠCH" not in texts and "BÁO CÁO" not in texts  # a letter has no type name
    _tables_print(doc)
    answers = [t for t in doc.tables if len(t.columns) == 10]
    assert len(answers) == 6  # one table per department, each on its own page
    for table in answers:
        assert [c.text for c in table.rows[0].cells][-2:] == [
            "Giải trình của cơ quan",
            "Tài liệu kiểm chứng bổ sung",
        ]
        assert all(c.text == "" for row in table.rows[1:] for c in row.cells[-2:])
    one = _docx(request_docs / "giai-trinh-SKHDT-2019.docx")
    assert "Kính gửi: Sở Kế hoạch và Đầu tư." in _texts(one)


def test_the_model_is_what_the_documents_show(final_result: CheckResult) -> None:
    doc: RemedyDoc = build_remedy(final_result, lang="en")
    assert doc.labels["col_cause"] == "Cause" and doc.form.recipients[-1].endswith(";")
    assert doc.totals.check.startswith("Sum: 11.875")


def test_templates_are_what_the_script_makes(tmp_path: Path) -> None:
    """templates/remedy/*.docx are scripts/make_remedy_templates.py's output, byte for byte."""
    import subprocess
    import sys

    script = REPO / "scripts" / "make_remedy_templates.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, capture_output=True)
    for name in ("request.docx", "plan.docx"):
        made = (tmp_path / name).read_bytes()
        assert made == (REPO / "templates" / "remedy" / name).read_bytes(), name


def test_out_a_file_with_every_format(final_ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(b"not ours")
    result = run_in(final_ws, "remedy", "--out", target)
    assert result.exit_code == 2 and "CCHC656" in result.stderr
    assert target.read_bytes() == b"not ours"


def test_a_province_template_that_fails_writes_nothing(tmp_path: Path) -> None:
    """A province's own template (``templates:`` folder, ``remedy/plan.md.j2``) with a misspelt
    variable: the template error at its line (CCHC502), exit 1, nothing written."""
    root = copy_example(tmp_path / "ws")
    (root / "mau" / "remedy").mkdir(parents=True)
    (root / "mau" / "remedy" / "plan.md.j2").write_text("# {{ title }}\n{{ agencis }}\n")
    config = root / "cchc.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "templates: mau\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_in(root, "remedy", "--out", out)
    assert result.exit_code == 1, result.output
    assert "mau/remedy/plan.md.j2:2" in result.stderr and "CCHC502" in result.stderr
    assert not out.exists()
