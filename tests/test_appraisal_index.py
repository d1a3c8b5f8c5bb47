"""``cchc index``: the final index after the Ministry's appraisal, on a purpose-built province
(``tests/fixtures/appraisal``) whose appraisal files reproduce published results — Lào Cai 2019
(52.90 + 8.30 + 17.65 + 4.00 = 82.85, rank 15 of 63) and Quảng Ninh 2020 (parts 91.05,
published 91.04) — then several provinces ranked and two years compared."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, copy_base, run_in

FIXTURE = FIXTURES / "appraisal"
D = Decimal


def province(dest: Path, *, name: str = "Lào Cai", year: int = 2019, appraisal: str = "") -> Path:
    """The fixture province under another name and year, with ``appraisal`` (text) if given."""
    shutil.copytree(FIXTURE, dest)
    files = [dest / "plan.yaml", dest / "criteria.yaml", *sorted((dest / "scores").glob("*"))]
    for path in files:
        text = path.read_text(encoding="utf-8").replace("year: 2019", f"year: {year}")
        path.write_text(text.replace("province: Lào Cai", f"province: {name}"), encoding="utf-8")
    if appraisal:
        (dest / "appraisal.yaml").write_text(appraisal, encoding="utf-8")
    return dest


def appraisal_text(name: str = "Lào Cai", **values: str) -> str:
    """The Lào Cai appraisal file, its province and any ``key: value`` line replaced."""
    text = (FIXTURE / "appraisal.yaml").read_text(encoding="utf-8")
    text = text.replace("province: Lào Cai", f"province: {name}")
    for key, value in values.items():
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if line.strip().startswith(f"{key}:") and line.strip() != f"{key}:":
                indent = line[: len(line) - len(line.lstrip())]
                lines[i] = f"{indent}{key}: {value}"
        text = "\n".join(lines)
    return text


def unpublished(text: str) -> str:
    """An appraisal file without its ``published:`` block (the last one of the file)."""
    return text[: text.index("\npublished:") + 1]


def index_json(root: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = run_in(root, "index", "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout), result.stderr


def codes(root: Path) -> list[tuple[str, str | None, int | None]]:
    payload = json.loads(run_in(root, "validate", "--format", "json").stdout)
    return [(d["code"], d["file"], d["line"]) for d in payload["diagnostics"]]


# ------------------------------------------------------------------- published results


def test_lao_cai_2019_is_the_sum_of_its_four_parts(tmp_path: Path) -> None:
    root = province(tmp_path / "lao-cai")
    code, payload, _ = index_json(root)
    assert code == 0
    parts = {name: D(str(v)) for name, v in payload["parts"].items()}
    assert parts == {"self": D("52.90"), "sipas": D("8.30"), "survey": D("17.65"), "impact": 4}
    assert list(parts) == ["self", "sipas", "survey", "impact"]  # the published order
    assert D(str(payload["total"])) == D("82.85") == sum(parts.values())
    assert payload["percent"] == 82.85
    assert payload["self_total"] == 65 and D(str(payload["appraised_total"])) == D("56.90")
    published = payload["published"]
    assert published["total"] == 82.85 and published["rank"] == 15 and published["of"] == 63
    assert published["difference"] == 0 and published["within"] is True
    assert codes(root) == []  # exactly the sum: nothing to say
    text = run_in(root, "index").stdout
    assert "Lào Cai: 82,85 / 100,00 điểm (82,85%)" in text
    assert "Công bố: 82,85 điểm, hạng 15/63 — đúng bằng tổng các phần." in text


def test_the_parts_are_derived_from_the_criteria_not_from_a_year(tmp_path: Path) -> None:
    """Without SIPAS leaves there is no impact part: every self-scored leaf is `self`."""
    root = copy_base(tmp_path / "base")
    (root / "cchc.yaml").write_text(
        (root / "cchc.yaml").read_text(encoding="utf-8") + "appraisal: a.yaml\n", encoding="utf-8"
    )
    (root / "a.yaml").write_text(
        "format: 1\nprovince: Tỉnh Mẫu\nyear: 2019\nmethodology: TEST/QĐ\nsource: thử\n"
        "status: final\nparts:\n  survey: 2.5\n",
        encoding="utf-8",
    )
    code, payload, _ = index_json(root)
    assert code == 0
    # 1.1.1 = 1, 1.1.2 = 1 (85 %), 2.1.1 = 2, 2.1.2 = min(2, 0) = 0: all recognised
    assert payload["parts"] == {"self": 4, "survey": 2.5}
    assert payload["items"] == {"self": 4, "recognised": 4, "adjusted": 0, "rejected": 0}


def test_quang_ninh_2020_rounding_is_an_info_not_a_warning(tmp_path: Path) -> None:
    text = (FIXTURE / "quang-ninh-2020.yaml").read_text(encoding="utf-8")
    root = province(tmp_path / "quang-ninh", name="Quảng Ninh", year=2020, appraisal=text)
    code, payload, stderr = index_json(root, "--strict")
    assert code == 0, stderr
    parts = [D(str(v)) for v in payload["parts"].values()]
    assert parts == [D("57.66"), D("9.56"), D("18.83"), D("5.00")]
    assert D(str(payload["total"])) == D("91.05")
    rec = payload["published"]
    assert rec["total"] == 91.04 and rec["difference"] == -0.01 and rec["tolerance"] == 0.02
    assert rec["within"] is True
    assert codes(root) == [("CCHC611", "appraisal.yaml", 18)]
    shown = run_in(root, "index").stderr
    assert "appraisal.yaml:18:10: thông tin: Tổng điểm công bố 91.04 chênh 0.01" in shown
    assert "(91.05)" in shown and "[CCHC611]" in shown


def test_a_difference_beyond_the_rounding_is_a_warning_naming_both_numbers(
    tmp_path: Path,
) -> None:
    # 4 parts round to at most 0.02 together; 0.03 is more than rounding can explain
    root = province(tmp_path / "lc", appraisal=appraisal_text(total="82.88"))
    assert codes(root) == [("CCHC612", "appraisal.yaml", 23)]
    result = run_in(root, "--lang", "en", "validate")
    line = next(ln for ln in result.stderr.splitlines() if ln.endswith("[CCHC612]"))
    assert "warning: The published total 82.88 is 0.03 off the sum" in line
    assert "(82.85)" in line
    assert result.exit_code == 0
    assert run_in(root, "index", "--strict").exit_code == 1


# ------------------------------------------------------------------- the index of one province


def test_index_without_an_appraisal_file_says_how_to_add_one(tmp_path: Path) -> None:
    root = province(tmp_path / "lc")
    config = root / "cchc.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("appraisal: appraisal.yaml\n", ""),
        encoding="utf-8",
    )
    result = run_in(root, "index")
    assert result.exit_code == 1 and result.stdout == ""
    assert "cchc.yaml: lỗi: Thư mục làm việc chưa có kết quả thẩm định" in result.stderr
    assert "`appraisal: ĐƯỜNG_DẪN_TỆP`" in result.stderr and "[CCHC600]" in result.stderr
    payload = json.loads(run_in(root, "index", "--format", "json").stdout)
    assert [d["code"] for d in payload["diagnostics"]] == ["CCHC600"]


def test_lost_points_are_sorted_and_attributed_to_every_part_of_a_split_item(
    tmp_path: Path,
) -> None:
    root = province(tmp_path / "lc")
    _, payload, _ = index_json(root)
    lost = [
        (x["id"], x["lost"], x["cut"], [a["code"] for a in x["agencies"]]) for x in payload["lost"]
    ]
    assert lost == [
        ("1.1", 4.6, 4.6, ["SNV"]),
        ("1.2", 2.5, 2.5, ["SNV"]),
        ("2.2", 0.5, 0.5, ["SKHDT"]),
        ("2.3", 0.5, 0.5, ["SKHDT", "STC"]),
    ]
    assert payload["lost"][0]["comment"] == "Điều chỉnh để phần tự đánh giá đúng 52,90 điểm."
    assert [(a["code"], a["lost"], a["shared"]) for a in payload["agencies"]] == [
        ("SNV", 7.1, 0),
        ("SKHDT", 1, 0.5),
        ("STC", 0.5, 0.5),
    ]


def test_areas_show_max_self_appraised_and_percent(tmp_path: Path) -> None:
    root = province(tmp_path / "lc")
    _, payload, _ = index_json(root)
    areas = [
        (a["id"], a["max"], a["self"], a["appraised"], a["percent"], a["complete"])
        for a in payload["areas"]
    ]
    # survey and SIPAS came as part totals: the areas hold what is known per item
    assert areas == [("1", 85, 60, 52.9, 62.24, False), ("2", 15, 5, 4, 26.67, False)]


def test_ministry_values_per_item_complete_the_areas(tmp_path: Path) -> None:
    text = appraisal_text().replace("parts:\n  sipas: 8.30\n  survey: 17.65\n", "")
    text = text.replace(
        '  "2.3":\n    score: 2\n',
        '  "2.3":\n    score: 2\n  "2.1":\n    score: 8.3\n  "1.3":\n    score: 17.65\n',
    )
    root = province(tmp_path / "lc", appraisal=text)
    _, payload, _ = index_json(root)
    assert payload["total"] == 82.85
    assert [d["source"] for d in payload["part_details"]] == ["items"] * 4
    assert [(a["appraised"], a["complete"]) for a in payload["areas"]] == [
        (70.55, True),
        (12.3, True),
    ]


def test_index_is_deterministic_and_writes_nothing(tmp_path: Path) -> None:
    root = province(tmp_path / "lc")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    first, second = run_in(root, "index"), run_in(root, "index")
    assert first.stdout == second.stdout and first.stdout
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_english_output(tmp_path: Path) -> None:
    root = province(tmp_path / "lc")
    text = run_in(root, "--lang", "en", "index").stdout
    assert text.startswith("PAR INDEX 2019 — Lào Cai: 82.85 / 100.00 points (82.85%)\n")
    assert "4 self-scored items: 0 recognised" in text
    assert "Published: 82.85 points, rank 15/63 — exactly the sum of the parts." in text


# ------------------------------------------------------------------- several provinces


def _nation(folder: Path) -> Path:
    """Four provinces: Lào Cai as published in 2019 (82.85) and three fictional ones: Tỉnh C
    with Quảng Ninh's published 2020 figures (91.05, published 91.04), Tỉnh B tied with Lào Cai,
    Tỉnh D lower (57.45, nothing published)."""
    province(folder / "lao-cai")
    province(folder / "tinh-b", name="Tỉnh B", appraisal=unpublished(appraisal_text("Tỉnh B")))
    qn = (FIXTURE / "quang-ninh-2020.yaml").read_text(encoding="utf-8")
    qn = qn.replace("2020", "2019").replace("province: Quảng Ninh", "province: Tỉnh C")
    province(folder / "tinh-c", name="Tỉnh C", appraisal=qn)
    low = appraisal_text("Tỉnh D").replace("score: 25.4", "score: 0")
    province(folder / "tinh-d", name="Tỉnh D", appraisal=unpublished(low))
    return folder


def test_provinces_are_ranked_ties_sharing_a_rank(tmp_path: Path) -> None:
    nation = _nation(tmp_path / "nation")
    code, payload, stderr = index_json(nation)
    assert code == 0, stderr
    ranked = [(p["province"], p["total"], p["rank"]) for p in payload["provinces"]]
    assert ranked == [
        ("Tỉnh C", 91.05, 1),
        ("Lào Cai", 82.85, 2),
        ("Tỉnh B", 82.85, 2),
        ("Tỉnh D", 57.45, 4),
    ]
    first = payload["provinces"][0]
    assert first["parts"] == {"self": 57.66, "sipas": 9.56, "survey": 18.83, "impact": 5}
    assert first["folder"] == "tinh-c" and first["published"]["total"] == 91.04
    # the same with -C repeated, in any order
    args = [a for sub in ("tinh-d", "lao-cai", "tinh-c", "tinh-b") for a in ("-C", nation / sub)]
    result = run_in(args[1], *args[2:], "index", "--format", "json")
    assert json.loads(result.stdout) == payload


def test_ranking_text_has_one_column_per_part(tmp_path: Path) -> None:
    nation = _nation(tmp_path / "nation")
    lines = run_in(nation, "index").stdout.splitlines()
    assert lines[0].startswith("Xếp hạng Chỉ số CCHC sau thẩm định: 4 tỉnh")
    head = "Hạng Tỉnh Tổng Tỷ lệ Thẩm định SIPAS Điều tra Tác động Công bố Thư mục"
    assert lines[1].split() == head.split()
    assert lines[2].split()[:4] == ["1", "Tỉnh", "C", "91,05"]
    assert [ln.split()[0] for ln in lines[2:]] == ["1", "2", "2", "4"]


def test_a_province_without_appraisal_stops_nothing_but_fails_the_run(tmp_path: Path) -> None:
    nation = _nation(tmp_path / "nation")
    config = nation / "tinh-d" / "cchc.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("appraisal: appraisal.yaml\n", ""),
        encoding="utf-8",
    )
    result = run_in(nation, "index", "--format", "json")
    assert result.exit_code == 1
    assert [p["rank"] for p in json.loads(result.stdout)["provinces"]] == [1, 2, 2]
    assert "tinh-d/cchc.yaml: lỗi:" in result.stderr and "[CCHC600]" in result.stderr


def test_provinces_of_different_years_are_ranked_with_a_warning(tmp_path: Path) -> None:
    nation = tmp_path / "nation"
    province(nation / "lao-cai")
    qn = (FIXTURE / "quang-ninh-2020.yaml").read_text(encoding="utf-8")
    province(nation / "quang-ninh", name="Quảng Ninh", year=2020, appraisal=qn)
    result = run_in(nation, "index")
    assert result.exit_code == 0
    assert "cchc: cảnh báo: Các tỉnh được xếp hạng không cùng năm" in result.stderr
    assert "2019 (TEST-INDEX/QĐ), 2020 (TEST-INDEX/QĐ). [CCHC620]" in result.stderr
    assert run_in(nation, "index", "--strict").exit_code == 1


def test_compare_cannot_go_with_several_workspaces(tmp_path: Path) -> None:
    nation = _nation(tmp_path / "nation")
    result = run_in(nation, "index", "--compare", nation / "lao-cai")
    assert result.exit_code == 2 and "[CCHC901]" in result.stderr


# ------------------------------------------------------------------- two years


def test_compare_with_an_earlier_year(tmp_path: Path) -> None:
    before = province(
        tmp_path / "lc-2018", year=2018, appraisal=appraisal_text(year="2018", total="78")
    )
    text = (before / "appraisal.yaml").read_text(encoding="utf-8")
    (before / "appraisal.yaml").write_text(
        text.replace("score: 25.4", "score: 0").replace("  rank: 15\n", ""), encoding="utf-8"
    )
    after = province(tmp_path / "lc-2019")
    result = run_in(after, "index", "--compare", before, "--format", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["year"] == 2019 and payload["other"]["year"] == 2018
    assert payload["total"] == {"before": 57.45, "after": 82.85, "change": 25.4}
    assert [(a["id"], a["change"]) for a in payload["areas"]] == [("1", 25.4), ("2", 0)]
    assert payload["not_compared"] == []
    # the other year's problems are shown under its folder's name
    assert "lc-2018/appraisal.yaml:" in result.stderr and "[CCHC612]" in result.stderr


def test_compare_says_what_could_not_be_compared(tmp_path: Path) -> None:
    before = province(tmp_path / "old", year=2018, appraisal=appraisal_text(year="2018"))
    criteria = before / "criteria.yaml"
    text = criteria.read_text(encoding="utf-8").replace("TEST-INDEX/QĐ", "OLD/QĐ")
    text = text.replace("title: Tác động của cải cách hành chính", "title: Tác động")
    criteria.write_text(text, encoding="utf-8")
    for name in ("plan.yaml", "appraisal.yaml"):
        path = before / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("TEST-INDEX/QĐ", "OLD/QĐ"), encoding="utf-8"
        )
    after = province(tmp_path / "new")
    code, payload, _ = index_json(after, "--compare", str(before))
    assert code == 0
    kinds = [(n["kind"], n["id"]) for n in payload["not_compared"]]
    assert kinds == [("methodology", None), ("area_title", "2")]
    text = run_in(after, "index", "--compare", before).stdout
    assert "Không so sánh được (hoặc chỉ so sánh được theo tỷ lệ):" in text
    assert "  - hai năm dùng hai phương pháp khác nhau (OLD/QĐ → TEST-INDEX/QĐ)" in text
    assert "  - lĩnh vực 2: tên khác nhau (“Tác động” → “Tác động của cải cách hành chính”)" in text


def test_compare_with_a_folder_that_is_not_a_workspace(tmp_path: Path) -> None:
    root = province(tmp_path / "lc")
    (tmp_path / "empty").mkdir()
    result = run_in(root, "index", "--compare", tmp_path / "empty")
    assert result.exit_code == 2 and "[CCHC001]" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_report_mentions_the_appraised_index_but_the_signed_text_stays(
    tmp_path: Path, fmt: str
) -> None:
    """The appraisal comes months after the self-assessment was signed: `cchc report` says it
    on screen and records it in the technical companion; the signed report is unchanged."""
    root = province(tmp_path / "lc")
    out = tmp_path / f"r.{fmt}"
    made = run_in(root, "report", "--format", fmt, "--out", out)
    assert made.exit_code == 0
    line = "Kết quả thẩm định chính thức của Bộ Nội vụ: Chỉ số CCHC 82,85/100,00 điểm"
    assert line in made.stderr and "CCHC615" in made.stderr
    companion = out.with_name(f"r-phu-luc-ky-thuat.{fmt}")
    if fmt != "docx":
        text = companion.read_text(encoding="utf-8")
        assert line in text and "0 tiêu chí được công nhận, 4 tiêu chí được điều chỉnh" in text
    with_appraisal = out.read_bytes()
    config = root / "cchc.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("appraisal: appraisal.yaml\n", ""),
        encoding="utf-8",
    )
    again = run_in(root, "report", "--format", fmt, "--out", out)
    assert again.exit_code == 0 and "CCHC615" not in again.stderr
    if fmt != "docx":  # (a Word file's zip also holds the report date; text formats compare)
        assert out.read_bytes() == with_appraisal
        assert "Kết quả thẩm định" not in companion.read_text(encoding="utf-8")


# ------------------------------------------------------------------- README shows these


def _readme_block(marker: str) -> str:
    from conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    after = text.split(f"<!-- appraisal:{marker} -->\n```\n", 1)[1]
    return after.split("```", 1)[0]


def _two_years(folder: Path) -> tuple[Path, Path]:
    """Tỉnh B (fictional) in 2018, under an older methodology whose area 2 has another title,
    and in 2019."""
    old = appraisal_text("Tỉnh B", year="2018").replace("score: 25.4", "score: 0")
    old = unpublished(old).replace("sipas: 8.30", "sipas: 7.95")
    before = province(folder / "tinh-b-2018", name="Tỉnh B", year=2018, appraisal=old)
    for name in ("criteria.yaml", "plan.yaml", "appraisal.yaml"):
        path = before / name
        text = path.read_text(encoding="utf-8").replace("TEST-INDEX/QĐ", "TEST-INDEX-2018/QĐ")
        text = text.replace("title: Tác động của cải cách hành chính", "title: Tác động")
        path.write_text(text, encoding="utf-8")
    after = province(
        folder / "tinh-b-2019", name="Tỉnh B", appraisal=unpublished(appraisal_text("Tỉnh B"))
    )
    return before, after


def test_readme_shows_the_ranking_and_the_comparison(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nation = _nation(tmp_path / "nation")
    assert run_in(nation, "index").stdout == _readme_block("ranking")
    _two_years(tmp_path / "years")
    monkeypatch.chdir(tmp_path / "years")
    result = run_in(Path("tinh-b-2019"), "index", "--compare", "tinh-b-2018")
    assert result.exit_code == 0, result.output
    assert result.stdout == _readme_block("compare")
