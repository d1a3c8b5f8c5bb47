"""The appraisal file checked like every other file, and what a value counts for: on a copy of
the bundled example (whose appraisal file is fictional) with the appraisal file rewritten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, REPO, copy_example, run_in

APPRAISAL = EXAMPLE.relative_to(REPO) / "tham-dinh-2019-hu-cau.yaml"
HEAD = (
    "format: 1\nprovince: Thái Nguyên\nyear: 2019\nmethodology: 1150/QĐ-BNV\n"
    "source: kiểm thử\nstatus: {status}\n"
)


def write(root: Path, body: str, status: str = "final") -> None:
    (root / APPRAISAL).write_text(HEAD.format(status=status) + body, encoding="utf-8")


def found(root: Path) -> list[tuple[str, str, int | None, str | None]]:
    """The appraisal file's diagnostics: (code, severity, line, item)."""
    payload = json.loads(run_in(root, "validate", "--format", "json").stdout)
    return [
        (d["code"], d["severity"], d["line"], d["item"])
        for d in payload["diagnostics"]
        if d["file"] == APPRAISAL.as_posix()
    ]


def index(root: Path) -> Any:
    return json.loads(run_in(root, "index", "--format", "json").stdout)


@pytest.fixture()
def ex(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "ex")


def test_the_bundled_example_is_clean_and_plainly_fictional(ex: Path) -> None:
    assert found(ex) == []
    text = (ex / APPRAISAL).read_text(encoding="utf-8")
    assert "HƯ CẤU (FICTIONAL)" in text.splitlines()[0] and "hu-cau" in APPRAISAL.name
    payload = index(ex)
    assert payload["source"].startswith("HƯ CẤU / FICTIONAL")
    assert payload["published"] is None  # no invented official figure
    assert payload["items"] == {"self": 83, "recognised": 77, "adjusted": 6, "rejected": 0}


def test_rejected_values_count_zero_and_are_marked(ex: Path) -> None:
    # 1.1.1: levels 0, 0.5 — 0.3 is not one; 3.3.3: max 1
    body = 'items:\n  "1.1.1":\n    score: 0.3\n  "3.3.3":\n    score: 7\n'
    write(ex, body + "parts:\n  survey: 20\n  sipas: 9\n")
    assert found(ex) == [
        ("CCHC608", "error", 9, "1.1.1"),
        ("CCHC607", "error", 11, "3.3.3"),
    ]
    payload = index(ex)
    lost = {x["id"]: x for x in payload["lost"]}
    assert lost["1.1.1"]["state"] == "rejected" and lost["1.1.1"]["appraised"] == 0
    assert lost["3.3.3"]["state"] == "rejected" and lost["3.3.3"]["appraised"] == 0
    # self 53.75: 1.1.1 (0.5) and 3.3.3 (0.5) count 0 instead of their self-scores
    assert payload["appraised_total"] == 52.75
    assert payload["items"]["rejected"] == 2
    result = run_in(ex, "index")
    assert result.exit_code == 1
    assert "0,00 (bị loại)" in result.stdout
    assert "2 tiêu chí có giá trị bị loại (sai, tính 0)" in result.stdout
    assert f"{APPRAISAL.as_posix()}:9:12: lỗi:" in result.stderr  # shown in full, located


def test_a_value_equal_to_the_self_score_is_recognised(ex: Path) -> None:
    write(ex, 'items:\n  "1.1.3":\n    score: 0.5\n  "1.6":\n    score: 0\nparts:\n  survey: 20\n')
    payload = index(ex)
    assert payload["items"] == {"self": 83, "recognised": 82, "adjusted": 1, "rejected": 0}


def test_a_raised_score_is_a_negative_cut(ex: Path) -> None:
    write(ex, 'items:\n  "6.2.1":\n    score: 1\nparts:\n  survey: 20\n')
    payload = index(ex)
    assert payload["appraised_total"] == 54.25
    assert "6.2.1" not in {x["id"] for x in payload["lost"]}  # now at its maximum
    write(ex, 'items:\n  "7.3.2":\n    score: 0.5\nparts:\n  survey: 20\n')
    (row,) = [x for x in index(ex)["lost"] if x["id"] == "7.3.2"]
    assert row["cut"] == -0.25 and row["lost"] == 0.25


def test_a_ministry_part_given_twice_counts_the_total(ex: Path) -> None:
    write(ex, 'items:\n  "1.7":\n    score: 2\nparts:\n  survey: 20\n  sipas: 9\n')
    assert found(ex) == [("CCHC606", "error", 8, "1.7")]
    payload = index(ex)
    assert payload["parts"]["survey"] == 20 and payload["parts"]["sipas"] == 9


def test_parts_are_ministry_methods_within_their_maxima(ex: Path) -> None:
    write(ex, "parts:\n  survey: 26\n  sipas: 9\n  self: 50\n  impact: 4\n  sipass: 1\n")
    assert found(ex) == [
        ("CCHC610", "error", 8, None),
        ("CCHC609", "error", 10, None),
        ("CCHC609", "error", 11, None),
        ("CCHC609", "error", 12, None),
    ]
    payload = index(ex)
    details = {d["name"]: d for d in payload["part_details"]}
    assert details["survey"]["points"] == 0 and details["survey"]["rejected"] is True
    assert payload["parts"]["self"] == 49.25  # self-scored points always come from the items
    result = run_in(ex, "--lang", "en", "validate")
    assert "Did you mean `sipas`?" in result.stderr
    assert "go per item under `items:`" in result.stderr


def test_a_missing_ministry_part_is_info_while_provisional_and_a_warning_when_final(
    ex: Path,
) -> None:
    write(ex, "parts:\n  survey: 20\n", status="provisional")
    assert found(ex) == [("CCHC613", "info", 7, None)]
    write(ex, "parts:\n  survey: 20\n", status="final")
    assert found(ex) == [("CCHC613", "warning", 7, None)]
    assert index(ex)["parts"]["sipas"] == 0
    write(ex, "items: {}\n", status="final")
    assert [c for c, *_ in found(ex)] == ["CCHC613", "CCHC613"]  # at status: (no parts key)


def test_a_ministry_part_given_per_item_must_list_every_item(ex: Path) -> None:
    write(ex, 'items:\n  "1.7":\n    score: 2\n  "8.1":\n    score: 9\n')
    (problem,) = found(ex)
    assert problem[:3] == ("CCHC614", "warning", 8)
    text = run_in(ex, "validate").stderr
    assert "Phần survey được ghi theo từng tiêu chí nhưng thiếu 2.5.1, 2.5.2" in text


def test_ids_are_leaves_of_the_criteria(ex: Path) -> None:
    write(
        ex,
        'items:\n  "1.10":\n    score: 1\n  "4.3":\n    score: 1\n'
        "parts:\n  survey: 20\n  sipas: 9\n",
    )
    assert found(ex) == [("CCHC604", "error", 8, "1.10"), ("CCHC605", "error", 10, "4.3")]
    text = run_in(ex, "validate").stderr
    assert "Ghi điểm thẩm định cho từng tiêu chí lá: 4.3.1, 4.3.2, 4.3.3." in text


def test_province_year_and_methodology_must_match(ex: Path) -> None:
    body = "parts:\n  survey: 20\n  sipas: 9\n"
    (ex / APPRAISAL).write_text(
        "format: 1\nprovince: Lào Cai\nyear: 2020\nmethodology: 2948/QĐ-BNV\nsource: x\n"
        "status: final\n" + body,
        encoding="utf-8",
    )
    assert found(ex) == [
        ("CCHC601", "error", 2, None),
        ("CCHC602", "error", 3, None),
        ("CCHC603", "error", 4, None),
    ]
    # the same province written in NFD (decomposed) is the same province
    import unicodedata

    write(ex, body)
    text = (ex / APPRAISAL).read_text(encoding="utf-8")
    (ex / APPRAISAL).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert found(ex) == []


def test_every_rejected_value_is_a_located_error_and_every_error_a_rejected_value(
    ex: Path,
) -> None:
    """One place decides: the leaves counted 0 are exactly those the checks report."""
    write(
        ex,
        'items:\n  "1.1.1":\n    score: 0.3\n  "1.1.2":\n    score: 0.25\n'
        '  "3.2.5":\n    score: -1\n  "4.1.1":\n    score: 1\n  "1.7":\n    score: 3\n'
        "parts:\n  survey: 20\n  sipas: 9\n",
    )
    reported = {item for code, sev, _, item in found(ex) if sev == "error" and item}
    payload = index(ex)
    rejected = {x["id"] for x in payload["lost"] if x["state"] == "rejected"}
    assert reported == {"1.1.1", "3.2.5", "1.7"} and rejected == {"1.1.1", "3.2.5"}
    # 1.7 is a Ministry leaf (survey): its value is rejected, the part total counts
    assert payload["parts"]["survey"] == 20
