"""Property-based tests (hypothesis): generated criteria trees, plans and score files.

* a generated workspace — valid, or with one file damaged in a random way — never makes
  ``validate`` raise: exit 0 or 1, JSON on stdout, a message and a hint for every diagnostic;
* the merge does not depend on the order the score files are read in (names permuted, list
  shuffled);
* totals are the sums of the leaves, checked against an independent computation from the
  generated scores (levels, rubric, split leaves combined by min / mean / coordinator);
* with values that fail their own check (above the maximum, negative, not a level, a measured
  value off the scale, not a number) no merged row ever exceeds its maximum, a rejected value
  makes its leaf "rejected" and counts 0, and totals are the sums of the accepted values;
* a workspace that validates clean renders in every format through the CLI.

The generator knows, without asking cchc, which agency owns which leaf: areas have a lead,
some criteria are handed to another agency (a deeper rule wins), some leaves are split.
"""

from __future__ import annotations

import json
import random
import tempfile
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.core.outputs import MANIFEST_NAME
from conftest import invoke

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
AGENCIES = ["SNV", "STP", "STC", "SKHDT"]
QUARTER = Decimal("0.25")
BANDS = [(Decimal(100), Decimal(1)), (Decimal(80), Decimal("0.5")), (Decimal(0), Decimal(0))]


def quantize(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.0001"), rounding=ROUND_FLOOR)


@dataclass
class Leaf:
    id: str
    max: Decimal
    method: str  # self | survey | sipas
    kind: str = "free"  # levels | rubric | free (self leaves)
    owners: list[str] = field(default_factory=list)
    combine: str | None = None
    #: agency -> (score written, measured); text where a value is not even a number
    given: dict[str, tuple[Decimal | str | None, Decimal | str | None]] = field(
        default_factory=dict
    )

    def levels(self) -> list[Decimal]:
        return [Decimal(0), self.max / 2, self.max]

    def effective(self, agency: str) -> Decimal | None:
        score, measured = self.given.get(agency, (None, None))
        if self.rejected(agency):
            return None
        if isinstance(measured, Decimal) and self.kind == "rubric":
            fraction = next(f for start, f in BANDS if measured >= start)
            return quantize(self.max * fraction).normalize()
        return score if isinstance(score, Decimal) else None

    def rejected(self, agency: str) -> bool:
        """Whether the agency's value fails its own check (the methodology, not cchc, says)."""
        score, measured = self.given.get(agency, (None, None))
        if isinstance(score, str) or isinstance(measured, str):
            return True
        if measured is not None and self.kind == "rubric":
            return not 0 <= measured <= 100
        if score is None:
            return False
        return not 0 <= score <= self.max or (self.kind == "levels" and score not in self.levels())


@dataclass
class World:
    areas: list[dict[str, Any]]
    leaves: list[Leaf]
    rules: list[dict[str, Any]]
    agencies: list[str]
    declared: dict[str, Any]

    @property
    def coordinator(self) -> str:
        return self.agencies[0]


def _dec(text: Decimal) -> str:
    return format(text.normalize(), "f")


@st.composite
def worlds(draw: st.DrawFn) -> World:
    agencies = AGENCIES[: draw(st.integers(2, 4))]
    leaves: list[Leaf] = []
    areas: list[dict[str, Any]] = []
    rules: list[dict[str, Any]] = []
    n_criteria = n_sub = 0
    for a in range(1, draw(st.integers(1, 3)) + 1):
        area: dict[str, Any] = {"id": str(a), "title": f"Lĩnh vực {a}", "children": []}
        area_lead = draw(st.sampled_from(agencies))
        first_leaf = len(leaves)
        for c in range(1, draw(st.integers(1, 3)) + 1):
            n_criteria += 1
            cid = f"{a}.{c}"
            crit: dict[str, Any] = {"id": cid, "title": f"Tiêu chí {cid}"}
            n_subs = draw(st.integers(0, 3))
            node_leaves = []
            if n_subs == 0:
                node_leaves.append((crit, cid))
            else:
                crit["children"] = []
                for s in range(1, n_subs + 1):
                    n_sub += 1
                    sub = {"id": f"{cid}.{s}", "title": f"Tiêu chí thành phần {cid}.{s}"}
                    crit["children"].append(sub)
                    node_leaves.append((sub, sub["id"]))
                hand_over = draw(st.integers(0, 3)) == 0  # a deeper rule takes the criterion
            for node, lid in node_leaves:
                quarters = draw(st.integers(1, 12))
                method = draw(st.sampled_from(["self", "self", "self", "survey", "sipas"]))
                leaf = Leaf(id=lid, max=QUARTER * quarters, method=method)
                node["max"] = _dec(leaf.max)
                node["method"] = method
                if method == "self":
                    leaf.kind = draw(st.sampled_from(["levels", "levels", "rubric", "free"]))
                    if leaf.kind == "levels":
                        node["levels"] = [_dec(v) for v in leaf.levels()]
                    elif leaf.kind == "rubric":
                        node["rubric"] = "pct"
                        node["guidance"] = "Tỷ lệ % hoàn thành."
                    if len(agencies) > 1 and draw(st.integers(0, 4)) == 0:
                        pair = draw(st.permutations(agencies).map(lambda p: p[:2]))
                        leaf.combine = draw(st.sampled_from(["min", "mean", "coordinator"]))
                        leaf.owners = list(pair)
                        rules.append(
                            {
                                "split": lid,
                                "combine": leaf.combine,
                                "parts": [
                                    {"agency": code, "domain": f"lĩnh vực {i + 1}"}
                                    for i, code in enumerate(pair)
                                ],
                            }
                        )
                leaves.append(leaf)
            if n_subs and hand_over and any(leaf.method == "self" for leaf in leaves[-n_subs:]):
                rules.append({"lead": draw(st.sampled_from(agencies)), "items": [cid]})
            if "children" in crit:
                crit["max"] = _dec(sum((Decimal(ch["max"]) for ch in crit["children"]), Decimal(0)))
            area["children"].append(crit)
        if any(leaf.method == "self" for leaf in leaves[first_leaf:]):  # a rule needs one
            rules.insert(0, {"lead": area_lead, "items": [str(a)]})
        area["max"] = _dec(sum((Decimal(ch["max"]) for ch in area["children"]), Decimal(0)))
        areas.append(area)
    # ownership of unsplit self leaves: the deepest lead rule covering the leaf
    for leaf in leaves:
        if leaf.method != "self" or leaf.owners:
            continue
        covering = [
            r
            for r in rules
            if "lead" in r and any(leaf.id == i or leaf.id.startswith(i + ".") for i in r["items"])
        ]
        best = max(covering, key=lambda r: r["items"][0].count("."))
        leaf.owners = [best["lead"]]
    # the scores each owner gives (and the coordinator's decision on split leaves)
    for leaf in leaves:
        if leaf.method != "self":
            continue
        deciders = list(leaf.owners)
        if leaf.combine == "coordinator" and agencies[0] not in deciders:
            deciders.append(agencies[0])
        for code in deciders:
            if leaf.kind == "rubric":
                measured = Decimal(draw(st.sampled_from([0, 50, 80, 95, 100])))
                leaf.given[code] = (None, measured)
            elif leaf.kind == "levels":
                leaf.given[code] = (draw(st.sampled_from(leaf.levels())).normalize(), None)
            else:
                leaf.given[code] = (draw(st.sampled_from(leaf.levels())).normalize(), None)
    total = sum((Decimal(a["max"]) for a in areas), Decimal(0))
    declared = {
        "areas": len(areas),
        "criteria": n_criteria,
        "subcriteria": n_sub,
        "total": _dec(total),
        "source": "gen",
    }
    return World(areas=areas, leaves=leaves, rules=rules, agencies=agencies, declared=declared)


def expected_scores(world: World) -> dict[str, Decimal | None]:
    """Each self leaf's score as the methodology says, computed without cchc."""
    found: dict[str, Decimal | None] = {}
    for leaf in world.leaves:
        if leaf.method != "self":
            continue
        parts = [leaf.effective(code) for code in leaf.owners]
        known = [p for p in parts if p is not None]
        if len(parts) == 1:
            found[leaf.id] = parts[0]
        elif leaf.combine == "coordinator":
            found[leaf.id] = leaf.effective(world.coordinator)
        elif len(known) < len(parts):
            found[leaf.id] = None
        elif leaf.combine == "mean":
            found[leaf.id] = quantize(sum(known, Decimal(0)) / len(known))
        else:
            found[leaf.id] = min(known)
    return found


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_world(world: World, root: Path, names: dict[str, str] | None = None) -> None:
    (root / "scores").mkdir(parents=True)
    (root / "cchc.yaml").write_text(
        "format: 1\ncriteria: criteria.yaml\nassignments: plan.yaml\nscores: scores\n"
        "output: build\n",
        encoding="utf-8",
    )
    criteria = {
        "format": 1,
        "methodology": {
            "name": "Bộ chỉ số sinh ngẫu nhiên",
            "level": "province",
            "year": 2019,
            "decision": "GEN/QĐ",
            "status": "confirmed",
            "source": "gen",
        },
        "declared": world.declared,
        "sources": {"gen": "Sinh bởi hypothesis"},
        "rubrics": {
            "pct": {
                "title": "Tỷ lệ",
                "unit": "%",
                "bands": [{"from": int(start), "fraction": _dec(f)} for start, f in BANDS],
            }
        },
        "items": world.areas,
    }
    (root / "criteria.yaml").write_text(_dump(criteria), encoding="utf-8")
    plan = {
        "format": 1,
        "province": "Tỉnh Sinh",
        "year": 2019,
        "methodology": "GEN/QĐ",
        "plan": {"title": "Kế hoạch sinh ngẫu nhiên"},
        "coordinator": world.coordinator,
        "due_before": "2020-01-20",
        "agencies": [{"code": c, "name": f"Sở {c}"} for c in world.agencies],
        "rules": world.rules,
    }
    (root / "plan.yaml").write_text(_dump(plan), encoding="utf-8")
    for code in world.agencies:
        items: dict[str, Any] = {}
        for leaf in world.leaves:
            if code not in leaf.given:
                continue
            score, measured = leaf.given[code]
            entry: dict[str, Any] = {}
            if score is not None:
                entry["score"] = _dec(score) if isinstance(score, Decimal) else score
            if measured is not None:
                entry["measured"] = _dec(measured) if isinstance(measured, Decimal) else measured
            if (leaf.effective(code) or 0) < leaf.max:
                entry["explanation"] = "Chưa đạt tối đa: một phần nhiệm vụ chuyển sang năm sau."
            entry["evidence"] = [
                {
                    "number": f"1/BC-{code}",
                    "date": "2019-06-01",
                    "issuer": f"Sở {code}",
                    "title": "Báo cáo kết quả",
                }
            ]
            items[leaf.id] = entry
        if not items:
            continue
        body = {
            "format": 1,
            "agency": code,
            "year": 2019,
            "status": "submitted",
            "submitted": "2020-01-15",
            "items": items,
        }
        name = (names or {}).get(code, code.lower())
        (root / "scores" / f"{name}.yaml").write_text(_dump(body), encoding="utf-8")


def merged_json(root: Path) -> dict[str, Any]:
    result = invoke("-C", str(root), "merged", "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# ------------------------------------------------------------------------------- properties


@settings(SETTINGS, max_examples=60)
@given(world=worlds())
def test_generated_workspace_validates_clean(world: World) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_world(world, root)
        result = invoke("-C", str(root), "validate", "--format", "json", "--today", "2020-01-19")
        payload = json.loads(result.stdout)
        errors = [d for d in payload["diagnostics"] if d["severity"] == "error"]
        assert result.exit_code == 0 and not errors, errors


@settings(SETTINGS, max_examples=100)
@given(world=worlds())
def test_totals_are_sums_of_leaves(world: World) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_world(world, root)
        data = merged_json(root)
    expected = expected_scores(world)
    by_id = {item["item"]: item for item in data["items"]}
    assert sorted(by_id) == sorted(leaf.id for leaf in world.leaves)
    for leaf_id, score in expected.items():
        assert by_id[leaf_id]["status"] == "scored"
        assert Decimal(str(by_id[leaf_id]["score"])) == score, leaf_id
    for leaf in world.leaves:
        if leaf.method != "self":
            assert by_id[leaf.id]["status"] == "ministry" and by_id[leaf.id]["score"] is None
    total = sum((s for s in expected.values() if s is not None), Decimal(0))
    self_max = sum((leaf.max for leaf in world.leaves if leaf.method == "self"), Decimal(0))
    ministry = sum((leaf.max for leaf in world.leaves if leaf.method != "self"), Decimal(0))
    assert Decimal(str(data["total"]["score"])) == total
    assert Decimal(str(data["total"]["max"])) == self_max
    assert Decimal(str(data["ministry_max"])) == ministry
    assert self_max + ministry == Decimal(world.declared["total"])

    def check(node: dict[str, Any]) -> Decimal:
        children = node.get("children") or []
        if children:
            assert Decimal(str(node["score"])) == sum((check(c) for c in children), Decimal(0))
        return Decimal(str(node["score"] or 0))

    assert sum((check(area) for area in data["areas"]), Decimal(0)) == total


@settings(SETTINGS, max_examples=40)
@given(world=worlds(), seed=st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_file_order(world: World, seed: random.Random) -> None:
    from cchc_cli.core.workspace import open_workspace
    from cchc_cli.pipeline import check_workspace
    from cchc_cli.scores.merge import merge
    from cchc_cli.scores.merged_view import merged_payload

    with tempfile.TemporaryDirectory() as tmp:
        first, second = Path(tmp) / "a", Path(tmp) / "b"
        write_world(world, first)
        shuffled = list(world.agencies)
        seed.shuffle(shuffled)
        names = {
            code: f"{i:02d}-{other.lower()}"
            for i, (code, other) in enumerate(zip(world.agencies, shuffled, strict=True))
        }
        write_world(world, second, names)
        assert merged_json(first) == merged_json(second)
        ws = open_workspace(first, first)
        result = check_workspace(ws)
        assert result.merged is not None and result.plan is not None
        reference = merged_payload(result.merged, result.plan)
        for _ in range(3):
            loaded = list(result.scores)
            seed.shuffle(loaded)
            again = merge(result.tree, result.plan, loaded)
            assert merged_payload(again, result.plan) == reference


def _bad_value(leaf: Leaf) -> st.SearchStrategy[tuple[Any, Any]]:
    """A value that fails the leaf's own check."""
    if leaf.kind == "rubric":
        return st.sampled_from([(None, Decimal(150)), (None, Decimal(-5)), (None, "nhiều")])
    bad: list[tuple[Any, Any]] = [(leaf.max + QUARTER, None), (-QUARTER, None), ("một", None)]
    if leaf.kind == "levels":
        bad.append((leaf.max / 4, None))
    return st.sampled_from(bad)


def expected_with_rejections(world: World) -> dict[str, Decimal | str | None]:
    """Each self leaf's score, or "rejected" when a value it depends on fails its check (the
    coordinator's decision on a leaf it decides, else any scorer's value)."""
    found: dict[str, Decimal | str | None] = dict(expected_scores(world))
    for leaf in world.leaves:
        decided = leaf.combine == "coordinator" and len(leaf.owners) > 1
        relevant = [world.coordinator] if decided else leaf.owners
        if leaf.method == "self" and any(leaf.rejected(code) for code in relevant):
            found[leaf.id] = "rejected"
    return found


@settings(SETTINGS, max_examples=80)
@given(world=worlds(), data=st.data())
def test_rejected_values_never_count(world: World, data: st.DataObject) -> None:
    for leaf in world.leaves:
        for code in sorted(leaf.given):
            if data.draw(st.integers(0, 2)) == 0:
                leaf.given[code] = data.draw(_bad_value(leaf))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_world(world, root)
        merged = json.loads(invoke("-C", str(root), "merged", "--format", "json").stdout)
        status = json.loads(invoke("-C", str(root), "status", "--format", "json").stdout)
    expected = expected_with_rejections(world)
    by_id = {item["item"]: item for item in merged["items"]}
    for leaf_id, want in expected.items():
        item = by_id[leaf_id]
        if want == "rejected":
            assert (item["status"], item["score"]) == ("rejected", None), leaf_id
            assert item["rejected"] and all(r["reason"] for r in item["rejected"])
        else:
            assert item["status"] == "scored" and Decimal(str(item["score"])) == want, leaf_id
    for item in merged["items"]:
        assert item["score"] is None or 0 <= Decimal(str(item["score"])) <= Decimal(
            str(item["max"])
        )

    def within(node: dict[str, Any]) -> None:
        assert 0 <= Decimal(str(node["score"])) <= Decimal(str(node["max"])), node["item"]
        for child in node.get("criteria") or []:
            within(child)

    for area in merged["areas"]:
        within(area)
    accepted = sum((v for v in expected.values() if isinstance(v, Decimal)), Decimal(0))
    assert Decimal(str(merged["total"]["score"])) == accepted
    assert status["total"] == merged["total"]
    rejected = sum(1 for v in expected.values() if v == "rejected")
    assert status["items"]["rejected"] == rejected
    for agency in status["agencies"]:
        assert Decimal(str(agency["claimed"])) <= Decimal(str(agency["possible"]))


HOSTILE = st.sampled_from(
    [
        "",
        "~",
        "[",
        "]",
        "{",
        "}",
        ":",
        "- ",
        "\t",
        "&a",
        "*a",
        "!!python/object:os.system",
        "1e999999999",
        "-.inf",
        ".nan",
        "-0",
        "99999999999999999999",
        "'",
        '"',
        "\\",
        "\x00",
        "[/bold]",
        "{{ 7*7 }}",
        "{% for %}",
        "=HYPERLINK(1)",
        "<<: *a",
        "\u0301",
        "Đ",
        "1.10",
        "? [a]\n: b",
        "\r",
        "\ufeff",
        "\x1b[31m",
        "%YAML 1.1\n---",
    ]
)


@st.composite
def damage(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    op = draw(
        st.sampled_from(["delete", "duplicate", "replace_value", "insert", "truncate", "indent"])
    )
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, lines[i])
    elif op == "replace_value" and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {draw(HOSTILE)}"
    elif op == "insert":
        at = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:at] + draw(HOSTILE) + lines[i][at:]
    elif op == "truncate":
        return "\n".join(lines)[: draw(st.integers(0, len(text)))]
    else:
        lines[i] = draw(st.sampled_from(["\t", "  ", "      "])) + lines[i]
    return "\n".join(lines)


@settings(SETTINGS, max_examples=300)
@given(world=worlds(), data=st.data())
def test_damaged_file_never_crashes_validate(world: World, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_world(world, root)
        target = data.draw(st.sampled_from(sorted(root.rglob("*.yaml"))))
        damaged = data.draw(damage(target.read_text(encoding="utf-8")))
        target.write_bytes(damaged.encode("utf-8", "surrogatepass"))
        result = invoke("-C", str(root), "validate", "--format", "json", "--today", "2020-01-19")
        allowed = (0, 1, 2) if target.name == "cchc.yaml" else (0, 1)  # 2: unusable cchc.yaml
        assert result.exit_code in allowed, result.output
        payload = json.loads(result.stdout)
        assert payload["ok"] == (result.exit_code == 0)
        assert (result.exit_code == 0) == (payload["counts"]["error"] == 0)
        for d in payload["diagnostics"]:
            assert d["message"] and d["hint"] and d["code"].startswith("CCHC"), d
        text = invoke("-C", str(root), "validate", "--today", "2020-01-19")
        assert text.exit_code == result.exit_code


@settings(SETTINGS, max_examples=8)
@given(world=worlds())
def test_clean_workspace_renders_in_every_format(world: World) -> None:
    import openpyxl

    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "ws", Path(tmp) / "out"
        write_world(world, root)
        result = invoke(
            "-C", str(root), "report", "--format", "all", "--out", str(out), "--today", "2020-01-19"
        )
        assert result.exit_code == 0, result.output
        # the report in each format (its internal companion beside docx, html and md)
        made = {
            p.suffix: p
            for p in out.iterdir()
            if p.name != MANIFEST_NAME and "phu-luc-ky-thuat" not in p.name
        }
        assert sorted(made) == [".docx", ".html", ".md", ".xlsx"]
        md = made[".md"].read_text(encoding="utf-8")
        page = made[".html"].read_text(encoding="utf-8")
        for leaf in world.leaves:
            assert f"| {leaf.id} |" in md and f">{leaf.id}<" in page
        openpyxl.load_workbook(made[".xlsx"])
        assert made[".docx"].stat().st_size > 0
