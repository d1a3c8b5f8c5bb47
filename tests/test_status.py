"""`cchc status`: progress per agency, the deadline, and the same totals as `cchc merged`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import REPO, run_in


def status_json(ws: Path, *args: str) -> dict[str, Any]:
    result = run_in(ws, "status", "--format", "json", *args)
    payload: dict[str, Any] = json.loads(result.stdout)
    payload["_exit"] = result.exit_code
    return payload


def test_example_status() -> None:
    payload = status_json(REPO, "--today", "2020-01-17")
    assert payload["_exit"] == 0
    assert payload["total"] == {"score": 53.75, "max": 65.0}
    assert payload["items"] == {"self": 83, "scored": 83, "missing": 0, "rejected": 0}
    assert [a["agency"] for a in payload["agencies"]] == [
        "SNV",
        "STP",
        "VPUBND",
        "STC",
        "STTTT",
        "SKHCN",
        "SKHDT",
        "STNMT",
    ]
    snv = payload["agencies"][0]
    assert snv["name"] == "Sở Nội vụ"
    assert snv["file"] == "examples/thai_nguyen_2019/scores/snv.yaml"
    assert (snv["owned"], snv["scored"], snv["missing"]) == (27, 27, 0)
    assert (snv["claimed"], snv["possible"]) == (16.5, 20.0)
    assert (snv["status"], snv["submitted"], snv["days_late"]) == ("submitted", "2020-01-16", 0)
    stnmt = payload["agencies"][-1]
    assert (stnmt["owned"], stnmt["claimed"], stnmt["possible"]) == (3, 1.625, 2.5)
    assert payload["deadline"] == {
        "due_before": "2020-01-20",
        "last_day": "2020-01-19",
        "today": "2020-01-17",
        "days_left": 2,
        "days_late": 0,
    }


def test_status_and_merged_agree() -> None:
    merged = json.loads(run_in(REPO, "merged", "--format", "json").stdout)
    status = status_json(REPO)
    assert status["total"] == merged["total"]
    assert status["ministry_max"] == merged["ministry_max"] == 35.0


def test_deadline_counting(ws: Path) -> None:
    b = ws / "scores" / "b.yaml"
    b.write_text(
        b.read_text(encoding="utf-8")
        .replace("status: submitted", "status: draft")
        .replace('submitted: "2020-01-16"\n', ""),
        encoding="utf-8",
    )
    assert status_json(ws, "--today", "2020-01-10")["deadline"]["days_left"] == 9
    last = status_json(ws, "--today", "2020-01-19")["deadline"]
    assert (last["days_left"], last["days_late"]) == (0, 0)
    late = status_json(ws, "--today", "2020-01-22")["deadline"]
    assert (late["days_left"], late["days_late"]) == (0, 3)
    text = run_in(ws, "status", "--today", "2020-01-22")
    assert "đã quá hạn 3 ngày; 1 cơ quan chưa gửi" in text.stdout
    text = run_in(ws, "status", "--today", "2020-01-10")
    assert "còn 9 ngày" in text.stdout
    text = run_in(ws, "--lang", "en", "status", "--today", "2020-01-19")
    assert "today is the last day" in text.stdout


def test_late_agency_and_problems_are_counted(ws: Path) -> None:
    a = ws / "scores" / "a.yaml"
    text = a.read_text(encoding="utf-8").replace("2020-01-15", "2020-01-21")
    a.write_text(
        text.replace("    score: 1\n    evidence:", "    score: 0.7\n    evidence:", 1),
        encoding="utf-8",
    )
    (ws / "scores" / "c.yaml").unlink()
    payload = status_json(ws, "--today", "2020-01-25")
    assert payload["_exit"] == 1
    rows = {r["agency"]: r for r in payload["agencies"]}
    assert (rows["AAA"]["days_late"], rows["AAA"]["errors"], rows["AAA"]["warnings"]) == (2, 1, 1)
    assert (rows["CCC"]["status"], rows["CCC"]["file"], rows["CCC"]["missing"]) == ("none", None, 1)
    assert rows["CCC"]["errors"] == 1  # no file after the deadline
    assert payload["diagnostics"] == {"error": 2, "warning": 1, "info": 1}  # 417, 400; 405; 318


def test_status_text_and_summary() -> None:
    result = run_in(REPO, "status")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Tiến độ tự chấm điểm — Thái Nguyên 2019" in out
    assert "Sở Nội vụ" in out and "16.5/20" in out
    assert "mọi cơ quan đã gửi báo cáo" in out
    assert "53.75 / 65" in out
    assert "Tổng cộng: 0 lỗi" in result.stderr  # the diagnostics summary goes to stderr
    assert "{" not in result.stderr


def test_status_with_a_broken_plan_shows_the_problems(ws: Path) -> None:
    (ws / "plan.yaml").write_text("format: 1\n", encoding="utf-8")
    result = run_in(ws, "status")
    assert result.exit_code == 1
    assert "CCHC120" in result.output
