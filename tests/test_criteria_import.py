"""`cchc criteria import`: a criteria YAML from a CSV or .xlsx table (CLI via CliRunner)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core.yamlio import load_yaml, parse_text
from cchc_cli.criteria.checks import check_tree
from cchc_cli.criteria.model import CriteriaTree, build_tree
from cchc_cli.criteria.table_rows import parse_levels, parse_number
from cchc_cli.criteria.yaml_writer import quoted, scalar
from conftest import FIXTURES, REPO, invoke, located

ROOT = REPO
CRITERIA_2019 = ROOT / "criteria" / "2019.yaml"
MINISTRIES = FIXTURES / "ministries" / "criteria.yaml"
META = ["--year", "2020", "--decision", "TEST/QĐ"]

SMALL = """\
id,title,max,method,levels,guidance
1,Lĩnh vực một,3,,,
1.1,Lá một,1,self,0; 0.5; 1,Kế hoạch năm
1.2,"Lá hai, có dấu phẩy",2,survey,,
2,Lĩnh vực hai,7,,,
2.1,Lá ba,7,self,0; 7,
"""


def load(path: Path) -> CriteriaTree:
    doc, problems = load_yaml(path, path.name)
    assert doc is not None, problems
    tree, problems = build_tree(doc)
    assert tree is not None, problems
    return tree


def shape(tree: CriteriaTree) -> list[tuple[Any, ...]]:
    return [
        (
            n.id,
            n.parent.id if n.parent else None,
            n.title,
            n.max,
            n.method if n.is_leaf else None,
            n.levels,
            n.rubric_key,
            n.guidance,
        )
        for n in tree.walk()
    ]


def export_csv(tmp_path: Path, *args: str) -> Path:
    result = invoke(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    table = tmp_path / "tree.csv"
    table.write_bytes(result.stdout_bytes)
    return table


def write_xlsx(path: Path, rows: list[list[Any]], text_ids: bool = True) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if text_ids:
        for cell in sheet["A"]:
            cell.number_format = "@"
    book.save(path)
    return path


# ----------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("status", ["confirmed", "working"])
def test_export_import_round_trip_2019(tmp_path: Path, status: str) -> None:
    table = export_csv(tmp_path, "-C", str(ROOT), "tree")
    out = tmp_path / "imported.yaml"
    result = invoke(
        "criteria",
        "import",
        str(table),
        "--out",
        str(out),
        "--like",
        str(CRITERIA_2019),
        "--status",
        status,
    )
    assert result.exit_code == 0, result.output
    assert "100 mục chấm điểm" in result.stdout
    imported, original = load(out), load(CRITERIA_2019)
    assert shape(imported) == shape(original)
    assert imported.meta.methodology.status == status
    assert imported.meta.methodology.source == "annex" and "annex" in imported.meta.sources
    assert imported.meta.declared == original.meta.declared
    assert imported.meta.rubrics == original.meta.rubrics
    codes = sorted(d.code for d in check_tree(imported))
    # still honest: 43/95 differ; the pct rubric stays working even in a "confirmed" import
    assert codes == ["CCHC209", "CCHC209", "CCHC210"]
    text = out.read_text(encoding="utf-8")
    assert "# Tệp này được tạo bằng `cchc criteria import` từ bảng" in text
    assert 'id: "1.1.1"' in text and "status: " + status in text
    # exported again, the imported file gives the very same CSV
    again = invoke("tree", "--file", str(out), "--format", "csv")
    assert again.stdout_bytes == table.read_bytes()


def test_round_trip_second_methodology(tmp_path: Path) -> None:
    table = export_csv(tmp_path, "tree", "--file", str(MINISTRIES))
    out = tmp_path / "m.yaml"
    result = invoke("criteria", "import", str(table), "--out", str(out), "--like", str(MINISTRIES))
    assert result.exit_code == 0, result.output
    assert shape(load(out)) == shape(load(MINISTRIES))
    assert check_tree(load(out)) == []


def test_minimal_csv_with_options(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "sub" / "c.yaml"
    result = invoke(
        "criteria",
        "import",
        str(table),
        "--out",
        str(out),
        *META,
        "--total",
        "10",
        "--counts",
        "2/3/0",
        "--level",
        "ministry",
        "--name",
        "Bộ thử",
        "--decision-date",
        "2020-12-31",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # confirmed, counts match: no warning at all
    tree = load(out)
    meta = tree.meta
    assert (meta.methodology.name, meta.methodology.level, meta.methodology.year) == (
        "Bộ thử",
        "ministry",
        2020,
    )
    assert str(meta.methodology.decision_date) == "2020-12-31"
    assert (meta.declared.areas, meta.declared.criteria, meta.declared.subcriteria) == (2, 3, 0)
    assert tree.by_id["1.2"].title == "Lá hai, có dấu phẩy"
    assert tree.by_id["1.1"].levels == (Decimal(0), Decimal("0.5"), Decimal(1))
    assert tree.by_id["1.1"].guidance == "Kế hoạch năm"
    assert check_tree(tree) == []


def test_bom_semicolons_decimal_commas_and_vietnamese_headers(tmp_path: Path) -> None:
    table = tmp_path / "excel-vi.csv"
    text = "Mã;Tên;Điểm tối đa;Cách chấm;Mức điểm\n1;Lĩnh vực;1,5;;\n1.1;Lá;1,5;self;0; 0,75; 1,5\n"
    table.write_bytes(b"\xef\xbb\xbf" + text.replace("0; 0,75; 1,5", '"0; 0,75; 1,5"').encode())
    out = tmp_path / "c.yaml"
    result = invoke("criteria", "import", str(table), "--out", str(out), *META, "--total", "1.5")
    assert result.exit_code == 0, result.output
    leaf = load(out).by_id["1.1"]
    assert leaf.max == Decimal("1.5")
    assert leaf.levels == (Decimal(0), Decimal("0.75"), Decimal("1.5"))


def test_xlsx_import(tmp_path: Path) -> None:
    table = write_xlsx(
        tmp_path / "a.xlsx",
        [
            ["id", "title", "max", "method", "levels", "rubric"],
            ["1", "Lĩnh vực", 10, None, None, None],
            ["1.1", "Lá một", 2.5, "self", "0; 2.5", None],
            ["1.10", "Lá mười", 7.5, "self", None, "pct"],
            [],
            [2, "Lĩnh vực hai", 90, "survey", None, None],
        ],
    )
    out = tmp_path / "c.yaml"
    result = invoke(
        "criteria", "import", str(table), "--out", str(out), "--like", str(CRITERIA_2019)
    )
    # 1.1 then 1.10: a numbering gap (1.2 … 1.9 missing) is warned about at the row of 1.10
    # (an annex may genuinely skip a number); the id itself stays "1.10", never 1.1.
    assert result.exit_code == 0, result.output
    assert ("a.xlsx:4:1", "CCHC220") in located(result.stderr, tmp_path)
    assert "1.10" in load(out).by_id


def test_xlsx_round_trip_2019(tmp_path: Path) -> None:
    import csv
    import io

    table = export_csv(tmp_path, "-C", str(ROOT), "tree")
    rows: list[list[Any]] = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    # as a coordinator would type them: numbers as numbers, ids as text
    typed = [rows[0]] + [[r[0], r[1], float(r[2]), *r[3:]] for r in rows[1:]]
    book = write_xlsx(tmp_path / "phuluc.xlsx", typed)
    out = tmp_path / "c.yaml"
    result = invoke(
        "criteria", "import", str(book), "--out", str(out), "--like", str(CRITERIA_2019)
    )
    assert result.exit_code == 0, result.output
    assert shape(load(out)) == shape(load(CRITERIA_2019))


def test_xlsx_numeric_id_is_ambiguous(tmp_path: Path) -> None:
    table = write_xlsx(
        tmp_path / "n.xlsx",
        [
            ["id", "title", "max", "method"],
            [1, "Lĩnh vực", 3, None],
            [1.1, "Lá", 3, "self"],
        ],
        text_ids=False,
    )
    result = invoke(
        "criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META, "--total", "3"
    )
    assert result.exit_code == 1
    assert located(result.stderr, tmp_path) == [("n.xlsx:3:1", "CCHC236")]
    assert "Text" in result.stderr


# ------------------------------------------------------------------------------- refusals


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "c.yaml"
    out.write_text("# mine\n", encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(out), *META, "--total", "10")
    assert result.exit_code == 1 and "CCHC005" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "# mine\n"
    result = invoke(
        "criteria", "import", str(table), "--out", str(out), *META, "--total", "10", "--force"
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ===")
    # cchc's own output (listed in the folder's manifest) is replaced freely; once edited, not
    result = invoke("criteria", "import", str(table), "--out", str(out), *META, "--total", "10")
    assert result.exit_code == 0, result.output
    out.write_text(out.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(out), *META, "--total", "10")
    assert result.exit_code == 1 and "CCHC005" in result.stderr
    assert out.read_text(encoding="utf-8").endswith("# sửa tay\n")
    # the table itself is an input of the command (CCHC004, not "a file cchc did not make")
    result = invoke("criteria", "import", str(table), "--out", str(table), *META)
    assert result.exit_code == 1 and "CCHC004" in result.stderr
    assert table.read_text(encoding="utf-8") == SMALL


def test_errors_point_at_rows_and_write_nothing(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "id,title,max,method,levels\n"
        "1,Lĩnh vực,3,,\n"
        "1.1,Lá một,1,slef,\n"  # line 3: bad method
        "1.2,,x,self,\n"  # line 4: empty title, bad max
        "1.1,Trùng,1,self,\n"  # line 5: duplicate id
        "1.5.1,Mồ côi,1,self,\n"  # line 6: parent 1.5 missing
        "1.3,Lá,1,self,0; a\n",  # line 7: bad level
        encoding="utf-8",
    )
    out = tmp_path / "c.yaml"
    result = invoke("criteria", "import", str(table), "--out", str(out), *META)
    assert result.exit_code == 1 and not out.exists()
    err = result.stderr
    assert located(err, tmp_path) == [
        ("t.csv:3:14", "CCHC235"),
        ("t.csv:4:5", "CCHC233"),
        ("t.csv:4:6", "CCHC234"),
        ("t.csv:5:1", "CCHC201"),
        ("t.csv:6:1", "CCHC237"),
        ("t.csv:7:15", "CCHC234"),
    ], err
    assert "`self`" in err  # did-you-mean for slef
    assert "dòng 3" in err  # the duplicate names the row of the first 1.1


def test_tree_check_errors_are_mapped_to_rows(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "id,title,max,method,levels\n"
        "1,Lĩnh vực,3,,\n"
        "1.1,Lá một,1,self,0; 2\n"  # line 3: level above max
        "1.2,Lá hai,1.5,self,0; 1.5\n",  # children add up to 2.5, not 3 (line 2)
        encoding="utf-8",
    )
    out = tmp_path / "c.yaml"
    result = invoke("criteria", "import", str(table), "--out", str(out), *META, "--total", "3")
    assert result.exit_code == 1 and not out.exists()
    assert located(result.stderr, tmp_path) == [
        ("t.csv:2:12", "CCHC204"),
        ("t.csv:3:19", "CCHC206"),  # level 2 above the maximum 1 …
        ("t.csv:3:19", "CCHC207"),  # … and the levels lack that maximum
    ], result.stderr
    assert "2.5" in result.stderr
    # the CSV line itself is shown as context
    assert "1,Lĩnh vực,3,," in result.stderr


def test_unknown_rubric_without_like_says_how(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,title,max,method,rubric\n1,A,1,self,pct\n", encoding="utf-8")
    result = invoke(
        "criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META, "--total", "1"
    )
    assert result.exit_code == 1 and "CCHC215" in result.stderr and "--like" in result.stderr


def test_not_utf8_csv(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    text = unicodedata.normalize("NFD", "id,title,max,method\n1,Lĩnh,1,self\n")
    table.write_bytes(text.encode("cp1258"))  # what Excel on a Vietnamese Windows may save
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META)
    assert result.exit_code == 1 and "CCHC230" in result.stderr and "UTF-8" in result.stderr
    assert "t.csv:2:" in result.stderr


def test_missing_columns_and_unknown_column(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,title,methd\n1,A,self\n", encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META)
    assert result.exit_code == 1 and "CCHC231" in result.stderr and "max" in result.stderr
    assert "CCHC232" in result.stderr and "`method`" in result.stderr


def test_extra_cells_and_empty_table(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,title,max,method\n1,A,1,self,oops\n", encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META)
    assert result.exit_code == 1
    assert located(result.stderr, tmp_path) == [("t.csv:2:12", "CCHC239")]
    table.write_text("id,title,max,method\n", encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META)
    assert result.exit_code == 1 and "CCHC230" in result.stderr


def test_needs_year_and_decision_without_like(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(SMALL, encoding="utf-8")
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"))
    assert result.exit_code == 2 and "--year" in result.stderr
    result = invoke(
        "criteria",
        "import",
        str(table),
        "--out",
        str(tmp_path / "c.yaml"),
        *META,
        "--counts",
        "8-43",
    )
    assert result.exit_code == 2


def test_old_excel_format_refused(tmp_path: Path) -> None:
    table = tmp_path / "t.xls"
    table.write_bytes(b"\xd0\xcf\x11\xe0")
    result = invoke("criteria", "import", str(table), "--out", str(tmp_path / "c.yaml"), *META)
    assert result.exit_code == 1 and ".xlsx" in result.stderr


# ---------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch CCHC năm",
        "1.10",
        "yes",
        "null",
        "~",
        "",
        " lề",
        "a: b",
        "a #b",
        "#x",
        "- x",
        "Dấu \"nháy\" và 'đơn'",
        "dòng\nmới",
        "tab\there",
        "\u2028",
        "100%",
        "[x]",
        "{x}",
        "NO",
        "@x",
        "`x`",
        "Tỷ lệ 100 % hồ sơ",
        "x:",
        "?",
        "*a",
        "&a",
        "!t",
    ],
)
def test_scalar_reads_back_exactly(text: str) -> None:
    for rendered in (scalar(text), quoted(text)):
        source = f"k: {rendered}\n"
        doc, problems = parse_text(source, "s.yaml", Path("s.yaml"), source.encode())
        assert doc is not None, (text, problems)
        assert doc.data == {"k": text}, (text, rendered)


def test_number_and_level_parsing() -> None:
    assert parse_number("0,5") == Decimal("0.5") and parse_number(" 10 ") == Decimal(10)
    assert parse_number("1e3") is None and parse_number("1.2.3") is None
    assert parse_levels("0; 0.5; 1") == [Decimal(0), Decimal("0.5"), Decimal(1)]
    assert parse_levels("[0, 0.25, 0.5]") == [Decimal(0), Decimal("0.25"), Decimal("0.5")]
    assert parse_levels("0; 0,75") == [Decimal(0), Decimal("0.75")]
    assert parse_levels("0; x") is None
