"""`cchc tree`: text, JSON and CSV displays of the criteria tree (CLI via CliRunner)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import BASE, FIXTURES, REPO, invoke

ROOT = REPO
MINISTRIES = FIXTURES / "ministries"


def walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for node in nodes:
        found.append(node)
        found += walk(node.get("children", []))
    return found


def test_json_whole_tree_sums_reload() -> None:
    result = invoke("-C", str(ROOT), "tree", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    items = payload["items"]
    assert [n["id"] for n in items] == [str(i) for i in range(1, 9)]
    nodes = walk(items)
    assert len(nodes) == 139
    for node in nodes:
        assert isinstance(node["max"], (int, float))
        if node["children"]:
            total = sum((Decimal(str(c["max"])) for c in node["children"]), Decimal(0))
            assert total == Decimal(str(node["max"])), node["id"]
            assert node["method"] is None
        else:
            assert node["method"] in ("self", "survey", "sipas")
            assert "owners" in node
    assert sum(Decimal(str(n["max"])) for n in items) == Decimal(100)
    assert payload["counts"] == {"areas": 8, "criteria": 47, "subcriteria": 84, "leaves": 100}
    assert payload["declared"]["criteria"] == 43
    assert payload["methodology"]["status"] == "working"


def test_json_leaf_details_and_owners() -> None:
    payload = json.loads(invoke("-C", str(ROOT), "tree", "4.3", "--format", "json").stdout)
    (node,) = payload["items"]
    assert node["id"] == "4.3" and node["max"] == 2.5 and node["confirmed"] == {"title": "plan"}
    leaf = node["children"][0]
    assert leaf["levels"] == [0, 0.5, 1] and leaf["working"] == ["title", "max", "method", "levels"]
    assert payload["owners_resolved"] is True
    codes = [(o["code"], o["role"], o["domain"]) for o in leaf["owners"]]
    assert codes == [
        ("STC", "part", "quản lý ngân sách"),
        ("SKHDT", "part", "quản lý đầu tư"),
        ("STNMT", "part", "quản lý đất đai"),
    ]
    survey = json.loads(invoke("-C", str(ROOT), "tree", "1.7", "--format", "json").stdout)
    assert survey["items"][0]["owners"][0]["name"] == "Bộ Nội vụ"
    rubric = json.loads(invoke("-C", str(ROOT), "tree", "1.1.3", "--format", "json").stdout)
    assert rubric["items"][0]["rubric"] == "pct"
    assert rubric["rubrics"]["pct"]["bands"][1] == {"from": 80, "fraction": 0.5}


def test_text_subtree_shows_max_method_and_owners() -> None:
    result = invoke("-C", str(ROOT), "tree", "3.2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3.2  Công bố, công khai TTHC" in out and "3 điểm*" in out
    assert "3.2.5" in out and "tự chấm" in out and "(mức 0; 0.5; 1)" in out
    assert "3.1" not in out.replace("3.2.1", "")
    assert "STTTT" in out and "VPUBND" in out  # owners: 3.2.5 → STTTT, the rest → VPUBND
    assert "số liệu làm việc" in out


def test_text_split_and_ministry_owners_in_english() -> None:
    out = invoke("--lang", "en", "-C", str(ROOT), "tree", "4").stdout
    assert "STC (quản lý ngân sách), SKHDT (quản lý đầu tư), STNMT (quản lý đất đai)" in out
    assert "survey" in out and "Bộ Nội vụ" in out and "pts" in out
    out = invoke("-C", str(ROOT), "tree", "1.5").stdout
    assert "SKHCN, SNV (phối hợp)" in out


def test_depth_limits_and_marks_truncation() -> None:
    out = invoke("-C", str(ROOT), "tree", "--depth", "1").stdout
    assert "(+7 mục con)" in out and "1.1" not in out
    result = invoke("-C", str(ROOT), "tree", "3", "--depth", "2", "--format", "json")
    payload = json.loads(result.stdout)
    (area,) = payload["items"]
    assert [c["id"] for c in area["children"]] == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert area["children"][0]["truncated"] == 3 and "children" not in area["children"][0]
    assert area["children"][4]["children"] == []  # 3.5 is a leaf
    assert invoke("-C", str(ROOT), "tree", "--depth", "0").exit_code == 2


def test_unknown_id_did_you_mean_exit_1() -> None:
    result = invoke("-C", str(ROOT), "tree", "3.10")
    assert result.exit_code == 1
    assert "CCHC250" in result.stderr and result.stdout == ""
    assert "Có phải ý bạn là `3.1`?" in result.stderr  # "3.10" itself holds "3.1"
    payload = json.loads(invoke("-C", str(ROOT), "tree", "9", "--format", "json").stdout)
    assert payload["diagnostics"][0]["code"] == "CCHC250"


def test_csv_has_import_columns_and_text_ids() -> None:
    result = invoke("-C", str(ROOT), "tree", "--format", "csv")
    assert result.exit_code == 0
    header = b"\xef\xbb\xbfid,title,max,method,levels,rubric,guidance\r\n"
    assert result.stdout_bytes.startswith(header)
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert len(rows) == 139
    by_id = {r["id"]: r for r in rows}
    assert by_id["1.1.2"]["levels"] == "0; 0.25; 0.5" and by_id["1.1.3"]["rubric"] == "pct"
    assert by_id["1"]["method"] == "" and by_id["8.1"]["method"] == "sipas"
    assert by_id["7.3.2"]["max"] == "0.75"


def test_tree_works_when_the_plan_has_errors(ws: Path) -> None:
    (ws / "plan.yaml").write_text("format: 1\nprovince: [\n", encoding="utf-8")
    result = invoke("-C", str(ws), "tree", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["owners_resolved"] is False
    assert all("owners" not in n for n in walk(payload["items"]))
    text = invoke("-C", str(ws), "tree")
    assert text.exit_code == 0 and "Lĩnh vực một" in text.stdout


def test_tree_reports_unloadable_criteria_and_exits_1(ws: Path) -> None:
    (ws / "criteria.yaml").write_text("format: 1\nitems: [\n", encoding="utf-8")
    result = invoke("-C", str(ws), "tree")
    assert result.exit_code == 1 and "CCHC102" in result.stderr and result.stdout == ""


def test_tree_displays_a_tree_with_check_errors(ws: Path) -> None:
    text = (ws / "criteria.yaml").read_text(encoding="utf-8").replace("max: 6", "max: 7")
    (ws / "criteria.yaml").write_text(text, encoding="utf-8")
    result = invoke("-C", str(ws), "tree")
    assert result.exit_code == 0 and "7 điểm" in result.stdout and "CCHC204" not in result.output


def test_file_option_shows_any_criteria_file() -> None:
    result = invoke("tree", "--file", str(MINISTRIES / "criteria.yaml"), "1.1")
    assert result.exit_code == 0, result.output
    assert "1.1.2.1" in result.stdout and "cấp bộ" in result.stdout and "*" not in result.stdout


def test_second_methodology_workspace_with_owners(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(MINISTRIES, ws)
    (ws / "scores").mkdir()
    payload = json.loads(invoke("-C", str(ws), "tree", "--format", "json").stdout)
    assert payload["total"] == 50 and payload["methodology"]["level"] == "ministry"
    nodes = {n["id"]: n for n in walk(payload["items"])}
    assert nodes["1.1.2.1"]["owners"][0]["code"] == "VU_TCCB"
    assert [o["code"] for o in nodes["3.2"]["owners"]] == ["CUC_CNTT", "VP"]
    assert nodes["3.1.2"]["owners"][0]["role"] == "ministry"
    out = invoke("-C", str(ws), "tree", "3").stdout
    assert "CUC_CNTT (hạ tầng), VP (văn bản điện tử)" in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_is_translated(lang: str) -> None:
    result = invoke("--lang", lang, "tree", "--help")
    assert result.exit_code == 0
    assert ("Hiện cây tiêu chí" if lang == "vi" else "Show the criteria tree") in result.stdout
    result = invoke("--lang", lang, "criteria", "import", "--help")
    assert result.exit_code == 0 and "--like" in result.stdout and "--force" in result.stdout


def test_owners_with_a_faulty_plan_come_with_a_note(ws: Path) -> None:
    plan = (ws / "plan.yaml").read_text(encoding="utf-8").replace("lead: BBB", "lead: ZZZ")
    (ws / "plan.yaml").write_text(plan, encoding="utf-8")
    result = invoke("-C", str(ws), "tree")
    assert result.exit_code == 0, result.output
    assert "plan.yaml" in result.stderr and "cchc validate" in result.stderr
    payload = json.loads(invoke("-C", str(ws), "tree", "--format", "json").stdout)
    assert payload["plan_errors"] >= 1
    clean = json.loads(invoke("-C", str(BASE), "tree", "--format", "json").stdout)
    assert clean["plan_errors"] == 0 and clean["owners_resolved"] is True
