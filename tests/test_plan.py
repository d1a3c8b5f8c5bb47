"""The Thái Nguyên 2019 plan resolves exactly as the plan (seed) states, leaf by leaf.

The expectations are written from the plan text, independently of the resolver: for each leaf
the deepest rule of the plan that names it (or one of its ancestors) gives the owner, minus the
plan's explicit exceptions; survey/sipas leaves belong to the Ministry.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from cchc_cli.core.diagnostics import Severity
from cchc_cli.core.i18n import tr
from cchc_cli.core.workspace import open_workspace
from cchc_cli.pipeline import CheckResult, check_workspace
from conftest import REPO, cli_json, run_in

PLAN_REL = "assignments/thai_nguyen_2019.yaml"
PLAN_TEXT = (REPO / PLAN_REL).read_text(encoding="utf-8")

# (item prefix, lead) exactly as the plan's section III states them; the deepest prefix wins.
LEADS: list[tuple[str, str]] = [
    ("1", "SNV"),  # III.1.b: area 1 except 1.5, 1.6
    ("1.5", "SKHCN"),  # III.6 (SNV cooperates, III.1.d)
    ("1.6", "VPUBND"),  # III.3.a
    ("2", "STP"),  # III.2
    ("3", "VPUBND"),  # III.3.a: area 3 except 3.2.5
    ("3.2.5", "STTTT"),  # III.5
    ("4", "SNV"),  # III.1.b (4.3 is split below)
    ("5", "SNV"),  # III.1.b
    ("6", "STC"),  # III.4.a
    ("7", "STTTT"),  # III.5: area 7 except 7.4
    ("7.4", "SKHCN"),  # III.6
    ("8", "SKHDT"),  # III.7: area 8 except 8.1
    ("8.4", "STC"),  # III.4.a
]
SPLIT_43 = [
    ("STC", "quản lý ngân sách"),
    ("SKHDT", "quản lý đầu tư"),
    ("STNMT", "quản lý đất đai"),
]
NAMES = {
    "SNV": "Sở Nội vụ",
    "STP": "Sở Tư pháp",
    "VPUBND": "Văn phòng Ủy ban nhân dân tỉnh",
    "STC": "Sở Tài chính",
    "STTTT": "Sở Thông tin và Truyền thông",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "SKHDT": "Sở Kế hoạch và Đầu tư",
    "STNMT": "Sở Tài nguyên và Môi trường",
    "BNV": "Bộ Nội vụ",
}


def plan_line(pattern: str) -> int:
    """Line of the (unique) plan line matching ``pattern`` (a regex on the raw text)."""
    found = [n for n, line in enumerate(PLAN_TEXT.splitlines(), 1) if re.search(pattern, line)]
    assert len(found) == 1, (pattern, found)
    return found[0]


def items_line(target: str) -> int:
    return plan_line(rf'^\s+items: \["{re.escape(target)}"\]')


def under(item: str, prefix: str) -> bool:
    return item == prefix or item.startswith(prefix + ".")


@cache
def owners_json() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = cli_json(REPO, "owners")
    return data


@cache
def plan_stage() -> CheckResult:
    return check_workspace(open_workspace(REPO, REPO), stages="plan")


def by_item() -> dict[str, dict[str, Any]]:
    return {entry["item"]: entry for entry in owners_json()}


def test_owners_json_covers_every_leaf_in_natural_order() -> None:
    tree = plan_stage().tree
    assert tree is not None
    assert [e["item"] for e in owners_json()] == [n.id for n in tree.leaves()]
    for entry in owners_json():
        assert set(entry) >= {"item", "title", "method", "owners", "rule"}
        for owner in entry["owners"]:
            assert set(owner) == {"code", "name", "role", "domain"}


def test_every_self_leaf_matches_the_plan() -> None:
    for item, entry in by_item().items():
        if entry["method"] != "self":
            continue
        if under(item, "4.3"):
            assert [(o["code"], o["role"], o["domain"]) for o in entry["owners"]] == [
                (code, "part", domain) for code, domain in SPLIT_43
            ], item
            assert entry["rule"] == {"file": PLAN_REL, "line": plan_line(r'^\s+- split: "4\.3"')}
            assert entry["combine"] == "min"
            continue
        prefix, lead = max((p for p in LEADS if under(item, p[0])), key=lambda p: len(p[0]))
        scorers = [o for o in entry["owners"] if o["role"] == "lead"]
        assert [o["code"] for o in scorers] == [lead], item
        assert scorers[0]["name"] == NAMES[lead]
        assert entry["rule"] == {"file": PLAN_REL, "line": items_line(prefix)}, item
        coop = [o["code"] for o in entry["owners"] if o["role"] == "cooperating"]
        assert coop == (["SNV"] if item == "1.5" else []), item


def test_survey_and_sipas_leaves_belong_to_the_ministry() -> None:
    ministry = [e for e in owners_json() if e["method"] in ("survey", "sipas")]
    tree = plan_stage().tree
    assert tree is not None
    assert len(ministry) == len([n for n in tree.leaves() if n.method in ("survey", "sipas")]) > 0
    for entry in ministry:
        assert entry["owners"] == [
            {"code": "BNV", "name": "Bộ Nội vụ", "role": "ministry", "domain": None}
        ]
        # the "rule" of a Ministry leaf is its `method:` line in the criteria file
        assert entry["rule"]["file"] == "criteria/2019.yaml"
        criteria_lines = (REPO / "criteria/2019.yaml").read_text(encoding="utf-8").splitlines()
        assert criteria_lines[entry["rule"]["line"] - 1].strip() == f"method: {entry['method']}"


def test_named_items_of_the_plan() -> None:
    items = by_item()

    def owners(item: str) -> list[tuple[str, str, str | None]]:
        return [(o["code"], o["role"], o["domain"]) for o in items[item]["owners"]]

    assert owners("3.2.5") == [("STTTT", "lead", None)]
    assert owners("3.2.4") == [("VPUBND", "lead", None)]
    for leaf in ("7.4.1", "7.4.2", "7.4.3"):
        assert owners(leaf) == [("SKHCN", "lead", None)]
    assert owners("7.3.2") == [("STTTT", "lead", None)]
    assert owners("8.1") == [("BNV", "ministry", None)]
    assert owners("8.4") == [("STC", "lead", None)]
    assert owners("8.2") == [("SKHDT", "lead", None)]
    assert owners("1.5") == [("SKHCN", "lead", None), ("SNV", "cooperating", None)]
    assert owners("1.6") == [("VPUBND", "lead", None)]
    assert owners("1.1.1") == [("SNV", "lead", None)]
    assert owners("4.2.1") == [("SNV", "lead", None)]
    for leaf in ("4.3.1", "4.3.2", "4.3.3"):
        assert owners(leaf) == [(c, "part", d) for c, d in SPLIT_43]


def test_the_two_implicit_overlaps_are_reported_as_info() -> None:
    result = plan_stage()
    mine = [d for d in result.diagnostics if d.file == PLAN_REL]
    assert [d.severity for d in mine] == [Severity.INFO, Severity.INFO]
    assert all(d.code == "CCHC318" for d in mine)
    assert not [d for d in result.diagnostics if d.severity is Severity.ERROR]
    by_line = {d.line: d for d in mine}
    area8, split43 = items_line("8"), plan_line(r'^\s+- split: "4\.3"')
    d84 = by_line[items_line("8.4")]
    assert d84.item == "8.4"
    assert d84.message.args["leaves"] == ["8.4"]
    text = tr(d84.message, "vi")
    assert f"“SKHDT → 8” ({PLAN_REL}:{area8})" in text
    assert f"“STC → 8.4” ({PLAN_REL}:{items_line('8.4')})" in text
    d43 = by_line[split43]
    assert d43.message.args["leaves"] == ["4.3.1", "4.3.2", "4.3.3"]
    text = tr(d43.message, "en")
    assert f"“SNV → 4” ({PLAN_REL}:{items_line('4')})" in text
    assert f"split 4.3 among STC, SKHDT, STNMT, combine: min” ({PLAN_REL}:{split43})" in text


def test_resolved_plan_model() -> None:
    plan = plan_stage().plan
    assert plan is not None
    assert plan.file.coordinator == "SNV"
    assert str(plan.file.due_before) == "2020-01-20"
    assert plan.scoring_agencies() == [
        "SNV",
        "STP",
        "VPUBND",
        "STC",
        "STTTT",
        "SKHCN",
        "SKHDT",
        "STNMT",
    ]
    leaf = plan.leaves["4.3.2"]
    assert leaf.is_split and leaf.combine == "min"
    assert [o.code for o in leaf.scorers] == ["STC", "SKHDT", "STNMT"]
    assert len(leaf.overridden) == 1 and leaf.overridden[0].line == items_line("4")
    assert plan.leaves["1.5"].cooperating[0].code == "SNV"
    assert plan.leaves["8.1"].is_ministry
    assert [leaf.item for leaf, _ in plan.items_of("SKHCN")] == ["1.5", "7.4.1", "7.4.2", "7.4.3"]


def run(*args: str) -> Any:
    """``cchc ARGS`` on the bundled example."""
    return run_in(REPO, *args)


def test_who_split_item() -> None:
    result = run("who", "4.3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("4.3  Thực hiện phân cấp quản lý theo Nghị quyết số 21/NQ-CP")
    assert lines[1] == "  tối đa 2.5 điểm · gồm 3 tiêu chí lá"
    for code, domain in SPLIT_43:
        line = plan_line(rf"agency: {code}, domain: {domain}")
        assert (
            f"  {code} {NAMES[code]} — một phần: {domain}: 4.3.1, 4.3.2, 4.3.3 — quy tắc "
            f"{PLAN_REL}:{line}"
        ) in lines
    assert any("lấy điểm thấp nhất trong các phần (min)" in line for line in lines)
    split43 = plan_line(r'^\s+- split: "4\.3"')
    assert (
        f"  4.3.1, 4.3.2, 4.3.3: quy tắc {PLAN_REL}:{items_line('4')} bị thay bởi quy tắc cụ "
        f"thể hơn {PLAN_REL}:{split43}."
    ) in lines


def test_who_area_1() -> None:
    result = run("who", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1  Công tác chỉ đạo, điều hành cải cách hành chính"
    assert lines[1] == "  tối đa 10.5 điểm · gồm 11 tiêu chí lá"
    coop = plan_line(r"^\s+cooperating: \[SNV\]")
    assert lines[2:7] == [
        "  SNV Sở Nội vụ — chủ trì: 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4.1, 1.4.2 — "
        f"quy tắc {PLAN_REL}:{items_line('1')}",
        f"  SKHCN Sở Khoa học và Công nghệ — chủ trì: 1.5 — quy tắc {PLAN_REL}:{items_line('1.5')}",
        f"  SNV Sở Nội vụ — phối hợp: 1.5 — quy tắc {PLAN_REL}:{coop}",
        f"  VPUBND Văn phòng Ủy ban nhân dân tỉnh — chủ trì: 1.6 — quy tắc "
        f"{PLAN_REL}:{items_line('1.6')}",
        "  BNV Bộ Nội vụ — chấm qua điều tra/SIPAS: 1.7 — theo trường `method` của từng tiêu chí "
        "trong criteria/2019.yaml",
    ]
    assert any("không cho điểm" in line for line in lines[7:])


def test_who_in_english_and_unknown_id() -> None:
    result = run("--lang", "en", "who", "8.4")
    assert result.exit_code == 0
    assert f"  STC Sở Tài chính — lead: 8.4 — rule {PLAN_REL}:{items_line('8.4')}" in result.stdout
    assert "is overridden by the more specific rule" in result.stdout
    bad = run("who", "4.33")
    assert bad.exit_code == 2
    assert "CCHC320" in bad.output and "4.3.3" in bad.output


def test_owners_text_and_agency_filter() -> None:
    result = run("owners", "--agency", "SKHCN")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1.5    Sáng kiến/giải pháp mới trong cải cách hành chính"
    assert lines[1] == (
        f"       SKHCN (chủ trì), SNV (phối hợp) · quy tắc {PLAN_REL}:{items_line('1.5')}"
    )
    assert [line.split()[0] for line in lines[0:8:2]] == ["1.5", "7.4.1", "7.4.2", "7.4.3"]
    assert lines[-1] == "4 tiêu chí."
    data = json.loads(run("owners", "--agency", "SNV", "--format", "json").stdout)
    assert "1.5" in [e["item"] for e in data] and "4.3.1" not in [e["item"] for e in data]
    ministry = json.loads(run("owners", "--agency", "BNV", "--format", "json").stdout)
    assert {e["method"] for e in ministry} == {"survey", "sipas"}
    assert "8.1" in [e["item"] for e in ministry]
    bad = run("owners", "--agency", "SKHC")
    assert bad.exit_code == 2 and "SKHCN" in bad.output


def test_owners_json_has_no_diagnostics_on_stdout() -> None:
    """stdout is the JSON list alone: the plan's diagnostics never reach it."""
    result = run("owners", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 100
    assert all(set(entry) >= {"item", "owners", "rule"} for entry in data)
    assert "CCHC318" not in result.stdout
