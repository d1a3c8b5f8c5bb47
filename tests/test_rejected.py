"""A value that fails its own check never counts (issue 11, item 2): it is reported, contributes
0 to every total, and ``merged``, ``status`` and the draft report mark its item as rejected."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from conftest import copy_example, run_in
from xlsx_table import rows_by_id

TODAY = ("--today", "2020-01-18")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _merged(ws: Path) -> dict[str, Any]:
    result = run_in(ws, "merged", "--format", "json", *TODAY)
    payload: dict[str, Any] = json.loads(result.stdout)
    payload["_items"] = {item["item"]: item for item in payload["items"]}
    return payload


def _status(ws: Path) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(run_in(ws, "status", "--format", "json", *TODAY).stdout)
    payload["_agencies"] = {a["agency"]: a for a in payload["agencies"]}
    return payload


def _codes(ws: Path) -> list[tuple[str, str, int]]:
    result = run_in(ws, "validate", "--format", "json", *TODAY)
    return [
        (d["code"], d["file"], d["line"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["severity"] == "error"
    ]


def test_a_score_above_the_maximum_is_reported_and_not_counted(tmp_path: Path) -> None:
    """The issue's reproduction: 7 on SNV's 1.1.1 (max 0.5) made `merged` say 60.25."""
    ws = copy_example(tmp_path / "ws")
    snv = ws / "examples/thai_nguyen_2019/scores/snv.yaml"
    before = _merged(ws)
    assert before["total"]["score"] == 53.75
    _edit(snv, '  "1.1.1":\n    score: 0.5\n', '  "1.1.1":\n    score: 7\n')
    assert _codes(ws) == [("CCHC416", "examples/thai_nguyen_2019/scores/snv.yaml", 32)]
    after = _merged(ws)
    assert after["total"]["score"] == 53.25  # 53.75 without the 0.5 the item had: it counts 0
    item = after["_items"]["1.1.1"]
    assert (item["status"], item["score"]) == ("rejected", None)
    assert item["rejected"] == [{"agency": "SNV", "reason": "điểm 7 nằm ngoài khoảng [0, 0.5]"}]
    assert item["parts"][0]["written"] == 7 and item["parts"][0]["status"] == "rejected"
    text = run_in(ws, "merged", *TODAY).stdout
    assert "bị loại: điểm 7 nằm ngoài khoảng [0, 0.5]" in text
    assert "Tổng điểm tự chấm: 53.25 / 65" in text
    status = _status(ws)
    snv_row = status["_agencies"]["SNV"]
    assert (snv_row["scored"], snv_row["rejected"], snv_row["missing"]) == (26, 1, 0)
    assert snv_row["claimed"] == 16 and status["total"]["score"] == 53.25
    assert status["items"]["rejected"] == 1
    assert "Bị loại" in run_in(ws, "status", *TODAY).stdout
    english = json.loads(run_in(ws, "--lang", "en", "merged", "--format", "json").stdout)
    rejected = next(i for i in english["items"] if i["item"] == "1.1.1")["rejected"]
    assert rejected == [{"agency": "SNV", "reason": "score 7 is outside [0, 0.5]"}]


def _signed(out: Path, ext: str) -> str:
    """The signed report of format ``ext`` in ``out`` (not its technical companion)."""
    path = next(p for p in out.glob(f"*.{ext}") if "phu-luc-ky-thuat" not in p.name)
    return path.read_text(encoding="utf-8")


def test_the_draft_report_marks_the_rejected_row(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    snv = ws / "examples/thai_nguyen_2019/scores/snv.yaml"
    _edit(snv, '  "1.1.1":\n    score: 0.5\n', '  "1.1.1":\n    score: 7\n')
    out = tmp_path / "out"
    refused = run_in(ws, "report", "--format", "md", "--out", out, *TODAY)
    assert refused.exit_code == 1 and not out.exists()
    made = run_in(ws, "report", "--draft", "--format", "all", "--out", out, *TODAY)
    assert made.exit_code == 0, made.output
    md = _signed(out, "md")
    row = next(line for line in md.splitlines() if line.startswith("| 1.1.1 |"))
    assert "**Bị loại (không tính điểm)**" in row and "| 7 |" not in row
    assert "**Tổng điểm tự đánh giá: 53,25**" in md and "60,25" not in md
    html = _signed(out, "html")
    assert "Bị loại (không tính điểm)" in html
    sheet = openpyxl.load_workbook(next(out.glob("*.xlsx"))).worksheets[0]
    cols, rows = rows_by_id(sheet)
    row_cells = [c.value for c in rows["1.1.1"]]
    assert row_cells[cols["Điểm tự đánh giá"]] is None
    assert "Bị loại (không tính điểm)" in row_cells


def test_a_value_that_is_not_a_level_or_off_the_scale_is_rejected(ws: Path) -> None:
    _edit(ws / "scores/a.yaml", "    score: 1\n", "    score: 0.25\n")
    _edit(ws / "scores/a.yaml", "    measured: 85\n    score: 1\n", "    measured: 120\n")
    assert sorted(_codes(ws)) == [
        ("CCHC417", "scores/a.yaml", 8),
        ("CCHC420", "scores/a.yaml", 16),
    ]
    merged = _merged(ws)
    level, scale = merged["_items"]["1.1.1"], merged["_items"]["1.1.2"]
    assert level["status"] == scale["status"] == "rejected"
    assert level["rejected"][0]["reason"] == "điểm 0.25 không phải mức được phép (0, 0.5, 1)"
    assert scale["rejected"][0]["reason"] == "giá trị đo 120% nằm ngoài thang [0, 100]"
    assert merged["total"]["score"] == 2  # BBB's 2.1.1; 2.1.2 is min(2, 0); AAA's count 0
    assert _status(ws)["_agencies"]["AAA"]["claimed"] == 0


def test_a_measured_value_without_a_rubric_is_rejected_unless_a_score_counts(ws: Path) -> None:
    _edit(ws / "scores/a.yaml", "    score: 1\n", "    measured: 90\n")
    assert ("CCHC419", "scores/a.yaml", 8) in _codes(ws)
    assert _merged(ws)["_items"]["1.1.1"]["status"] == "rejected"
    _edit(ws / "scores/a.yaml", "    measured: 90\n", "    measured: 90\n    score: 1\n")
    item = _merged(ws)["_items"]["1.1.1"]
    assert (item["status"], item["score"]) == ("scored", 1)  # the score is fine: it counts


def test_a_score_that_is_not_a_number_leaves_the_rest_of_the_file_counted(ws: Path) -> None:
    before = _merged(ws)["_items"]["2.1.2"]["parts"]
    _edit(ws / "scores/b.yaml", "    score: 2\n", "    score: hai\n")
    assert _codes(ws) == [("CCHC122", "scores/b.yaml", 8)]
    merged = _merged(ws)
    item = merged["_items"]["2.1.1"]
    assert item["status"] == "rejected" and item["parts"][0]["written"] == "hai"
    assert item["rejected"][0]["reason"] == "`score: hai` không phải là số"
    assert merged["_items"]["2.1.2"]["parts"] == before  # BBB's other item still counts
    row = _status(ws)["_agencies"]["BBB"]
    assert (row["status"], row["scored"], row["rejected"]) == ("submitted", 1, 1)


def test_a_rejected_part_makes_the_split_item_rejected(ws: Path) -> None:
    _edit(ws / "scores/c.yaml", "    score: 0\n", "    score: 1\n")
    item = _merged(ws)["_items"]["2.1.2"]
    assert (item["status"], item["score"]) == ("rejected", None)
    assert [p["status"] for p in item["parts"]] == ["scored", "rejected"]
    assert [r["agency"] for r in item["rejected"]] == ["CCC"]


def test_only_the_coordinator_decision_counts_when_it_decides(ws: Path) -> None:
    _edit(ws / "plan.yaml", "combine: min", "combine: coordinator")
    _edit(ws / "scores/c.yaml", "    score: 0\n", "    score: 1\n")  # a part: rejected …
    _edit(
        ws / "scores/a.yaml",
        '  "2.1.1":\n',
        '  "2.1.2":\n    score: 2\n    explanation: Quyết định của Sở A.\n  "2.1.1":\n',
    )
    item = _merged(ws)["_items"]["2.1.2"]
    assert (item["status"], item["score"]) == ("scored", 2)  # … but the decision counts
    _edit(
        ws / "scores/a.yaml", "    score: 2\n    explanation: Q", "    score: 3\n    explanation: Q"
    )
    item = _merged(ws)["_items"]["2.1.2"]
    assert (item["status"], item["score"]) == ("rejected", None)
    assert [r["agency"] for r in item["rejected"]] == ["AAA"]
    assert Decimal(str(_merged(ws)["total"]["score"])) == Decimal(4)  # 1 + 1 + 2 + 0


def test_an_agency_report_marks_its_own_rejected_rows(ws: Path, tmp_path: Path) -> None:
    _edit(ws / "scores/c.yaml", "    score: 0\n", "    score: 1\n")
    _edit(ws / "scores/a.yaml", "    score: 1\n", "    score: 5\n")
    for code, item in (("CCC", "2.1.2"), ("AAA", "1.1.1"), ("BBB", "2.1.2")):
        out = tmp_path / code
        made = run_in(ws, "report", "--draft", "--agency", code, "--format", "md", "--out", out)
        assert made.exit_code == 0, made.output
        md = _signed(out, "md")
        row = next(line for line in md.splitlines() if line.startswith(f"| {item} |"))
        rejected = "**Bị loại (không tính điểm)**" in row
        assert rejected == (code != "BBB"), (code, row)  # BBB's own part of 2.1.2 is fine
