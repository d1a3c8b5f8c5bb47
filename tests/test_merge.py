"""The merged view: totals added up by hand, split items, file-order independence."""

from __future__ import annotations

import json
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

import yaml

from cchc_cli.core.workspace import open_workspace
from cchc_cli.pipeline import check_workspace
from cchc_cli.plan.model import LeafOwnership
from cchc_cli.scores.files import load_scores
from cchc_cli.scores.merge import PartScore, combine, merge
from cchc_cli.scores.merged_view import merged_payload
from conftest import EXAMPLE, REPO, cli_json, copy_base, copy_example, run_in

SCORES = EXAMPLE / "scores"
SPLIT_43 = ("STC", "SKHDT", "STNMT")


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def _criteria_leaves() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((REPO / "criteria" / "2019.yaml").read_text(encoding="utf-8"))
    leaves: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], area: str) -> None:
        children = node.get("children") or []
        if not children:
            leaves[str(node["id"])] = {**node, "area": area}
        for child in children:
            walk(child, area)

    for root in data["items"]:
        walk(root, str(root["id"]))
    return leaves


def _pct(maximum: Decimal, measured: Decimal) -> Decimal:
    """The working rubric `pct`, written out again: 100 % full, from 80 % half, else 0."""
    fraction = Decimal(1) if measured >= 100 else Decimal("0.5") if measured >= 80 else Decimal(0)
    return (maximum * fraction).quantize(Decimal("0.0001"), rounding=ROUND_FLOOR)


def hand_totals() -> tuple[Decimal, Decimal, dict[str, Decimal]]:
    """Add up the example without cchc's merge: (score, self max, score per area)."""
    leaves = _criteria_leaves()
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SCORES.glob("*.yaml"))]
    given: dict[str, dict[str, Decimal]] = {}
    for f in files:
        for item, entry in f["items"].items():
            if "measured" in entry:
                score = _pct(_dec(leaves[item]["max"]), _dec(entry["measured"]))
            elif "score" in entry:
                score = _dec(entry["score"])
            else:
                continue  # a cooperating agency's comment
            given.setdefault(item, {})[f["agency"]] = score
    total = Decimal(0)
    total_max = Decimal(0)
    per_area: dict[str, Decimal] = {}
    for item, leaf in leaves.items():
        if leaf["method"] != "self":
            continue
        total_max += _dec(leaf["max"])
        scores = given[item]
        if item.startswith("4.3."):
            assert sorted(scores) == sorted(SPLIT_43)
            value = min(scores.values())
        else:
            assert len(scores) == 1, (item, scores)
            value = next(iter(scores.values()))
        total += value
        per_area[leaf["area"]] = per_area.get(leaf["area"], Decimal(0)) + value
    return total, total_max, per_area


def test_example_total_added_up_by_hand() -> None:
    total, total_max, per_area = hand_totals()
    assert (total, total_max) == (Decimal("53.75"), Decimal(65))
    merged = cli_json(REPO, "merged")
    assert _dec(merged["total"]["score"]) == total
    assert _dec(merged["total"]["max"]) == total_max
    assert _dec(merged["ministry_max"]) == Decimal(35)
    assert {a["item"]: _dec(a["score"]) for a in merged["areas"]} == per_area
    assert sum(_dec(i["score"]) for i in merged["items"] if i["status"] == "scored") == total


def test_status_and_merged_give_the_same_totals() -> None:
    merged = cli_json(REPO, "merged")
    status = cli_json(REPO, "status")
    assert status["total"] == merged["total"]
    assert status["ministry_max"] == merged["ministry_max"]
    claimed = sum(_dec(a["claimed"]) for a in status["agencies"])
    # split parts are claimed by each of the three agencies; the merge keeps the lowest
    assert claimed >= _dec(merged["total"]["score"])


def test_split_item_is_combined_by_min_with_every_part() -> None:
    items = {i["item"]: i for i in cli_json(REPO, "merged")["items"]}
    leaf = items["4.3.3"]
    assert leaf["combine"] == "min"
    assert [(p["agency"], p["domain"], p["score"]) for p in leaf["parts"]] == [
        ("STC", "quản lý ngân sách", 0.75),
        ("SKHDT", "quản lý đầu tư", 0.75),
        ("STNMT", "quản lý đất đai", 0.375),
    ]
    assert leaf["score"] == 0.375
    assert [e["agency"] for e in leaf["evidence"]] == ["STC", "SKHDT", "STNMT"]
    assert leaf["explanation"].startswith("Đã xử lý 8/10")
    coop = items["1.5"]
    assert [o["role"] for o in coop["owners"]] == ["lead", "cooperating"]
    assert [e["agency"] for e in coop["evidence"]] == ["SKHCN", "SKHCN", "SNV"]
    assert coop["comments"][0]["agency"] == "SNV"
    assert items["8.1"]["status"] == "ministry" and items["8.1"]["score"] is None


def test_merged_json_shape() -> None:
    payload = cli_json(REPO, "merged")
    assert list(payload)[:4] == ["province", "year", "total", "ministry_max"]
    assert payload["province"] == "Thái Nguyên" and payload["year"] == 2019
    assert len(payload["items"]) == 100
    for entry in payload["items"]:
        for key in ("item", "score", "max", "method", "owners", "parts", "evidence", "explanation"):
            assert key in entry
    ids = [i["item"] for i in payload["items"]]
    assert ids.index("1.7") < ids.index("2.1.1")


def test_merge_does_not_depend_on_file_order_or_names(tmp_path: Path) -> None:
    ws = open_workspace(REPO, REPO)
    result = check_workspace(ws)
    assert result.tree is not None and result.plan is not None and result.merged is not None
    loaded, _ = load_scores(ws)
    reference = merged_payload(result.merged, result.plan)
    for order in (loaded[::-1], loaded[3:] + loaded[:3]):
        again = merge(result.tree, result.plan, order)
        assert merged_payload(again, result.plan) == reference
    # renaming the files changes the order they are read in, not the result
    copy = copy_example(tmp_path / "ws")
    scores = copy / "examples" / "thai_nguyen_2019" / "scores"
    for i, path in enumerate(sorted(scores.glob("*.yaml"), reverse=True)):
        path.rename(scores / f"{i:02d}-{path.name}")
    renamed = check_workspace(open_workspace(copy, copy))
    assert renamed.merged is not None and renamed.plan is not None
    assert merged_payload(renamed.merged, renamed.plan) == reference


def _base_with_combine(tmp_path: Path, rule: str) -> Path:
    ws = copy_base(tmp_path / "ws")
    plan = ws / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("combine: min", f"combine: {rule}"),
        encoding="utf-8",
    )
    return ws


def test_mean_combine(tmp_path: Path) -> None:
    ws = _base_with_combine(tmp_path, "mean")
    items = {i["item"]: i for i in cli_json(ws, "merged")["items"]}
    assert items["2.1.2"]["score"] == 1  # (2 + 0) / 2


def test_mean_is_rounded_down_to_four_places() -> None:
    def part(score: str) -> PartScore:
        return PartScore("X", "X", "d", Decimal(score), None, None)

    class Split(LeafOwnership):
        def __init__(self) -> None:
            pass

        is_split = True  # type: ignore[assignment]
        combine = "mean"  # type: ignore[assignment]

    parts = [part("1"), part("0.5"), part("0.5")]
    assert combine(Split(), parts, None) == Decimal("0.6666")
    assert combine(Split(), [part("1"), PartScore("Y", "Y", "e", None, None, None)], None) is None


def test_coordinator_decides(tmp_path: Path) -> None:
    ws = _base_with_combine(tmp_path, "coordinator")
    # AAA is the coordinator: without its decision the item is missing
    diags = json.loads(run_in(ws, "validate", "--format", "json").stdout)["diagnostics"]
    missing = [d for d in diags if d["code"] == "CCHC415"]
    assert [(d["agency"], d["item"]) for d in missing] == [("AAA", "2.1.2")]
    a = ws / "scores" / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8") + '  "2.1.2":\n    score: 2\n'
        "    explanation: Sở A quyết định sau khi xem hai phần.\n",
        encoding="utf-8",
    )
    merged = cli_json(ws, "merged")
    leaf = {i["item"]: i for i in merged["items"]}["2.1.2"]
    assert leaf["score"] == 2 and leaf["status"] == "scored"
    assert [e["agency"] for e in leaf["explanations"]] == ["CCC", "AAA"]


def test_missing_part_makes_the_split_item_missing(ws: Path) -> None:
    (ws / "scores" / "c.yaml").unlink()
    result = run_in(ws, "merged", "--format", "json", "--today", "2020-01-10")
    assert result.exit_code == 0  # before the deadline a missing file is a warning
    leaf = {i["item"]: i for i in json.loads(result.stdout)["items"]}["2.1.2"]
    assert leaf["status"] == "missing" and leaf["score"] is None
    assert json.loads(result.stdout)["total"] == {"score": 4.0, "max": 7.0}  # 1 + 1 + 2


def test_merged_text_output() -> None:
    result = run_in(REPO, "merged")
    assert result.exit_code == 0, result.output
    assert "53.75 / 65" in result.stdout
    assert "Bộ Nội vụ chấm" in result.stdout
    assert "Tổng cộng: 0 lỗi" in result.stderr


def test_today_option_only_changes_severities() -> None:
    early = cli_json(REPO, "merged", "--today", "2020-01-01")
    assert early == cli_json(REPO, "merged")  # the example is complete whatever the date
