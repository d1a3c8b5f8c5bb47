"""The pieces of `cchc criteria import` that read text: mangled encodings, the CSV separator, the
header's spellings, and the counting of repeated problems (the cases in ``tests/cases/import-*``
show the same through the command)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from cchc_cli.core.diagnostics import Location, Severity, error, warning
from cchc_cli.criteria.table_csv import guess_delimiter
from cchc_cli.criteria.table_fanout import collapse
from cchc_cli.criteria.table_grid import clean, line_ranges
from cchc_cli.criteria.table_header import norm_header
from cchc_cli.criteria.table_mojibake import unmangle
from conftest import invoke, located

META = ["--year", "2020", "--decision", "TEST/QĐ"]

WORDS = [
    "Mã",
    "Tên tiêu chí",
    "Điểm tối đa",
    "Cách chấm",
    "Mức điểm",
    "Hướng dẫn",
    "Tài liệu kiểm chứng",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Ủy ban nhân dân",
    "Tỷ lệ 100 % hồ sơ",
    "Sở Nội vụ",
]


def _through_code_page(text: str, codec: str) -> str:
    """UTF-8 bytes shown by a program that assumed ``codec`` (Notepad, Excel), then saved."""
    shown = []
    for byte in ("\ufeff" + text).encode("utf-8"):
        try:
            shown.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:  # Windows keeps an undefined byte as the same code point
            shown.append(chr(byte))
    return unicodedata.normalize("NFC", "".join(shown))


@pytest.mark.parametrize("codec", ["cp1252", "cp1258", "latin-1"])
@pytest.mark.parametrize("word", WORDS)
def test_mangled_text_is_recognised_and_repaired(word: str, codec: str) -> None:
    mangled = _through_code_page(word, codec)
    assert mangled != word
    assert unmangle(mangled) == unicodedata.normalize("NFC", word)


@pytest.mark.parametrize(
    "text",
    [
        *WORDS,
        "MÃ",  # a real Vietnamese capital Ã …
        "NGÃ BA",  # … followed by a space (0xC3 0x20 is not UTF-8)
        "MÃ MỤC",
        "TÊN…",  # Ê then an ellipsis would decode to an IPA letter: not text
        "café",
        "Lĩnh vực",
        "id",
        "1.1",
        "",
    ],
)
def test_real_text_is_never_taken_for_mangled(text: str) -> None:
    assert unmangle(text) is None


def test_a_lost_byte_shows_as_a_question_mark() -> None:
    # "Đ" is C4 90 in UTF-8; Windows-1252 has no character for 0x90: it became U+FFFD
    assert unmangle("Ä\ufffdiá»ƒm tá»‘i Ä‘a") == "?iểm tối đa"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["id,title,max", "1,A,1"], ","),
        (["Mã;Tên;Điểm tối đa", "1;A;1,5"], ";"),  # decimal commas do not fool it
        (["PHỤ LỤC, năm 2020", "", "Mã;Tên;Điểm", "1;A;1", "1.1;B, C;1"], ";"),
        (["id\ttitle\tmax", "1\tA, B\t1"], "\t"),
        (["id"], ","),
    ],
)
def test_separator_is_guessed_from_the_first_lines(lines: list[str], expected: str) -> None:
    assert guess_delimiter(lines) == expected


def test_header_spellings() -> None:
    assert norm_header("  Lĩnh vực, Tiêu chí / Tiêu chí\nthành phần: ") == (
        "lĩnh vực/tiêu chí/tiêu chí thành phần"
    )
    assert norm_header("\ufeffĐIỂM TỐI ĐA*") == "điểm tối đa"


def test_clean_drops_invisible_characters_and_names_them() -> None:
    assert clean("\u200b1.1\u00a0") == ("1.1", "U+200B")
    assert clean(" Lá\u00a0một ") == ("Lá một", None)
    assert clean("Ti\u00adêu") == ("Tiêu", "U+00AD")


def test_line_ranges() -> None:
    assert line_ranges([5, 6, 7, 9, 12, 13]) == "5–7, 9, 12–13"
    assert line_ranges(list(range(1, 40, 2)), limit=3) == "1, 3, 5, …"


def test_collapse_keeps_three_of_a_kind_and_counts_the_rest() -> None:
    rows = [error("CCHC234", Location("t.csv", n, 3), column="max", value="x") for n in range(2, 9)]
    other = [error("CCHC234", Location("t.csv", 20, 5), column="levels", value="x")]
    few = [warning("CCHC232", Location("t.csv", 1, n), column="a", allowed=[]) for n in (1, 2)]
    out = collapse(rows + other + few)
    assert [d.line for d in out if d.code == "CCHC234"] == [2, 3, 4, 20]
    (summary,) = [d for d in out if d.code == "CCHC260"]
    assert (summary.line, summary.severity) == (5, Severity.ERROR)
    assert summary.message.args["count"] == 4 and summary.message.args["rows"] == "5–8"
    assert len([d for d in out if d.code == "CCHC232"]) == 2  # two are not a run


# ------------------------------------------------------------------ through the command


def test_official_annex_headers(tmp_path: Path) -> None:
    """The annex's own columns: STT holds the ids, the title column names all three levels."""
    table = tmp_path / "phuluc.csv"
    table.write_text(
        'STT,"Lĩnh vực, tiêu chí, tiêu chí thành phần",Điểm tối đa,Cách chấm,Mức điểm,'
        "Tài liệu kiểm chứng\n1,Công tác chỉ đạo,2,,,\n1.1,Kế hoạch CCHC năm,2,self,0; 2,"
        "Kế hoạch\n",
        encoding="utf-8",
    )
    result = invoke(
        "criteria", "import", table, "--out", tmp_path / "c.yaml", *META, "--total", "2"
    )
    assert result.exit_code == 0, result.output
    assert located(result.stderr) == []
    text = (tmp_path / "c.yaml").read_text(encoding="utf-8")
    assert 'id: "1.1"' in text and "guidance: Kế hoạch" in text


def test_stt_beside_an_id_column_is_a_row_counter(tmp_path: Path) -> None:
    table = tmp_path / "phuluc.csv"
    table.write_text("STT,Mã,Tên,Điểm\n1,1,A,1\n2,1.1,B,1\n", encoding="utf-8")
    result = invoke(
        "criteria", "import", table, "--out", tmp_path / "c.yaml", *META, "--total", "1"
    )
    assert located(result.stderr, tmp_path)[0] == ("phuluc.csv:1:1", "CCHC232")


def test_english_messages_for_a_real_spreadsheet_problem(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,max,title,method\n1,A,3,\n1.1,B,1,self\n1.2,C,2,self\n", encoding="utf-8")
    result = invoke(
        "--lang", "en", "criteria", "import", table, "--out", tmp_path / "c.yaml", *META
    )
    assert result.exit_code == 1
    assert "In column 2 (`max`), 3/3 rows hold no maximum" in result.stderr
    assert "seems to be in column 3 (`title`)" in result.stderr
