"""Unit tests of the resolution rules (cchc_cli.plan.resolve), on small in-memory plans."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from cchc_cli.core.diagnostics import Diagnostic, Severity
from cchc_cli.core.i18n import catalogue, placeholders, tr
from cchc_cli.core.yamlio import YamlDoc, parse_text
from cchc_cli.criteria.model import CriteriaTree, build_tree
from cchc_cli.plan.model import ResolvedPlan
from cchc_cli.plan.resolve import resolve_plan

CRITERIA = """\
format: 1
methodology: {name: Mẫu, level: province, year: 2019, decision: TEST/QĐ}
declared: {total: 10}
items:
  - id: "1"
    title: Một
    max: 4
    children:
      - {id: "1.1", title: A, max: 1, method: self, levels: [0, 1]}
      - {id: "1.2", title: B, max: 1, method: self, levels: [0, 1]}
      - {id: "1.10", title: C, max: 1, method: self, levels: [0, 1]}
      - {id: "1.3", title: D, max: 1, method: survey}
  - id: "2"
    title: Hai
    max: 6
    children:
      - id: "2.1"
        title: E
        max: 4
        children:
          - {id: "2.1.1", title: F, max: 2, method: self, levels: [0, 2]}
          - {id: "2.1.2", title: G, max: 2, method: self, levels: [0, 2]}
      - id: "2.2"
        title: H
        max: 2
        children:
          - {id: "2.2.1", title: I, max: 1, method: survey}
          - {id: "2.2.2", title: J, max: 1, method: sipas}
"""

HEAD = """\
format: 1
province: Tỉnh Thử
year: 2019
methodology: TEST/QĐ
plan: {title: Kế hoạch thử}
coordinator: AAA
due_before: "2020-01-20"
agencies:
  - {code: AAA, name: Sở A}
  - {code: BBB, name: Sở B}
  - {code: CCC, name: Sở C}
  - {code: SUP, name: Ban Hỗ trợ, role: supporting}
"""


def doc(text: str, rel: str) -> YamlDoc:
    raw = text.encode("utf-8")
    parsed, problems = parse_text(text, rel, Path(rel), raw)
    assert parsed is not None, problems
    return parsed


def tree() -> CriteriaTree:
    built, problems = build_tree(doc(CRITERIA, "criteria.yaml"))
    assert built is not None, problems
    return built


def resolve(rules: str, head: str = HEAD) -> tuple[ResolvedPlan, list[Diagnostic], str]:
    text = head + "rules:\n" + rules
    plan, diags = resolve_plan(doc(text, "plan.yaml"), tree())
    assert plan is not None, diags
    return plan, diags, text


def line(text: str, needle: str, nth: int = 1) -> int:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return text.count("\n", 0, start) + 1


def codes(diags: list[Diagnostic]) -> list[tuple[str, int | None]]:
    return [(d.code, d.line) for d in diags]


def owners(plan: ResolvedPlan, item: str) -> list[tuple[str, str, str | None]]:
    return [(o.code, o.role, o.domain) for o in plan.leaves[item].owners]


AREA2 = 'items: ["2"]'
FULL = """\
  - lead: AAA
    items: ["1"]
  - lead: BBB
    items: ["2"]
"""


def test_every_leaf_in_natural_order_and_ministry_leaves() -> None:
    plan, diags, _ = resolve(FULL)
    assert diags == []
    assert list(plan.leaves) == ["1.1", "1.2", "1.3", "1.10", "2.1.1", "2.1.2", "2.2.1", "2.2.2"]
    assert owners(plan, "1.10") == [("AAA", "lead", None)]
    # survey/sipas leaves inside a selected subtree are skipped and belong to the Ministry
    for item in ("1.3", "2.2.1", "2.2.2"):
        assert owners(plan, item) == [("BNV", "ministry", None)]
        rule = plan.leaves[item].rule
        assert rule is not None and rule.file == "criteria.yaml"
        assert CRITERIA.splitlines()[rule.line - 1].find(f'"{item}"') >= 0  # type: ignore[operator]


def test_except_removes_whole_subtrees() -> None:
    plan, diags, text = resolve("""\
  - lead: AAA
    items: ["1", "2"]
    except: ["2.1.2", "1.10"]
  - lead: BBB
    items: ["2.1.2"]
  - lead: CCC
    items: ["1.10"]
""")
    assert diags == []
    assert owners(plan, "1.1") == [("AAA", "lead", None)]
    assert owners(plan, "2.1.1") == [("AAA", "lead", None)]
    assert owners(plan, "1.10") == [("CCC", "lead", None)]
    assert owners(plan, "2.1.2") == [("BBB", "lead", None)]
    rule = plan.leaves["1.2"].rule
    assert rule is not None and rule.line == line(text, 'items: ["1", "2"]')
    # excepting 2.1 removes both of its leaves: area 2 then has only Ministry leaves left
    plan, diags, text = resolve("""\
  - lead: AAA
    items: ["1", "2"]
    except: ["2.1"]
  - lead: BBB
    items: ["2.1"]
""")
    assert codes(diags) == [("CCHC314", line(text, '"2"]'))]
    assert owners(plan, "2.1.1") == [("BBB", "lead", None)]


def test_deeper_rule_wins_with_one_info_per_pair() -> None:
    plan, diags, text = resolve(
        FULL
        + """\
  - lead: CCC
    items: ["2.1"]
  - lead: AAA
    items: ["2.1.2"]
"""
    )
    assert owners(plan, "2.1.1") == [("CCC", "lead", None)]
    assert owners(plan, "2.1.2") == [("AAA", "lead", None)]
    infos = [d for d in diags if d.code == "CCHC318"]
    assert all(d.severity is Severity.INFO for d in infos)
    pairs = {
        (
            d.message.args["overridden"].args["target"],
            d.message.args["winner"].args["target"],
        ): d.message.args["leaves"]
        for d in infos
    }
    assert pairs == {
        ("2", "2.1"): ["2.1.1"],
        ("2", "2.1.2"): ["2.1.2"],
        ("2.1", "2.1.2"): ["2.1.2"],
    }
    assert len(diags) == 3
    d = next(d for d in infos if d.message.args["winner"].args["target"] == "2.1")
    assert d.line == line(text, 'items: ["2.1"]')
    area2 = line(text, AREA2)
    assert f"(plan.yaml:{area2})" in tr(d.message, "vi")
    assert len(plan.leaves["2.1.2"].overridden) == 2


def test_equal_specificity_conflict_is_an_error_naming_both_lines() -> None:
    plan, diags, text = resolve(
        FULL
        + """\
  - lead: CCC
    items: ["2"]
"""
    )
    errors = [d for d in diags if d.severity is Severity.ERROR]
    first, second = line(text, AREA2), line(text, AREA2, 2)
    assert codes(errors) == [("CCHC316", second)]
    msg = tr(errors[0].message, "en")
    assert f"plan.yaml:{first}" in msg and f"plan.yaml:{second}" in msg
    assert errors[0].message.args["leaves"] == ["2.1.1", "2.1.2"]
    # the first rule in the file is used meanwhile
    assert owners(plan, "2.1.1") == [("BBB", "lead", None)]


def test_same_owner_twice_is_a_warning_and_merges_cooperation() -> None:
    plan, diags, text = resolve(
        FULL
        + """\
  - lead: BBB
    items: ["2"]
    cooperating: [CCC]
"""
    )
    assert codes(diags) == [("CCHC317", line(text, 'items: ["2"]', 2))]
    assert diags[0].severity is Severity.WARNING
    assert owners(plan, "2.1.1") == [("BBB", "lead", None), ("CCC", "cooperating", None)]


def test_deeper_rule_with_same_owner_is_redundant() -> None:
    _, diags, text = resolve(
        FULL
        + """\
  - lead: BBB
    items: ["2.1.1"]
"""
    )
    assert codes(diags) == [("CCHC317", line(text, 'items: ["2.1.1"]'))]


def test_unowned_leaves_are_one_error_at_the_rules_key() -> None:
    _, diags, text = resolve("""\
  - lead: AAA
    items: ["1"]
    except: ["1.2"]
""")
    assert codes(diags) == [("CCHC315", line(text, "rules:"))]
    assert diags[0].column == 1
    assert diags[0].message.args["leaves"] == ["1.2", "2.1.1", "2.1.2"]


def test_unknown_ids_have_did_you_mean() -> None:
    _, diags, text = resolve(
        FULL.replace('["1"]', '["1", "2.1.3"]')
        + """\
  - lead: CCC
    items: ["1.1"]
    except: ["1.1O"]
"""
    )
    found = {d.code: d for d in diags}
    assert found["CCHC310"].line == line(text, '"2.1.3"')
    assert found["CCHC310"].hint is not None and found["CCHC310"].hint.args["guess"] in (
        "2.1.1",
        "2.1.2",
    )
    assert found["CCHC311"].line == line(text, '"1.1O"')
    assert found["CCHC311"].hint is not None and found["CCHC311"].hint.args["guess"] in (
        "1.1",
        "1.10",
    )


def test_except_outside_scope_is_a_warning() -> None:
    plan, diags, text = resolve(FULL.replace('items: ["1"]', 'items: ["1"]\n    except: ["2.1"]'))
    assert codes(diags) == [("CCHC312", line(text, 'except: ["2.1"]'))]
    assert owners(plan, "2.1.1") == [("BBB", "lead", None)]


def test_ministry_targets_and_empty_selections_are_errors() -> None:
    _, diags, text = resolve(
        FULL
        + """\
  - lead: CCC
    items: ["1.3"]
  - lead: CCC
    items: ["2.2"]
  - split: "2.2.1"
    combine: min
    parts: [{agency: AAA, domain: x}, {agency: BBB, domain: y}]
"""
    )
    assert codes(diags) == [
        ("CCHC313", line(text, 'items: ["1.3"]')),
        ("CCHC314", line(text, 'items: ["2.2"]')),
        ("CCHC313", line(text, 'split: "2.2.1"')),
    ]


def test_agency_checks() -> None:
    head = HEAD.replace("coordinator: AAA", "coordinator: AAX") + (
        "  - {code: BBB, name: Sở B khác}\n"
        f"  - {{code: DDD, name: {unicodedata.normalize('NFD', 'Sở C')}}}\n"
        "evidence_duty: {follow_up_report: [SUP, CCX]}\n"
    )
    assert unicodedata.normalize("NFD", "Sở C") != "Sở C"
    _, diags, text = resolve(
        """\
  - lead: AAB
    items: ["1"]
    cooperating: [AAB, BBB, BBB]
  - lead: SUP
    items: ["2.1.1"]
  - split: "2.1.2"
    combine: mean
    parts:
      - {agency: CCC, domain: x}
      - {agency: CCC, domain: y}
      - {agency: SUP, domain: z}
""",
        head,
    )
    assert unicodedata.normalize("NFD", "Sở C") in text
    coop = line(text, "cooperating:")
    expected = [
        ("CCHC300", line(text, "coordinator:")),
        ("CCHC301", line(text, "code: BBB", 2)),
        # DDD's name is typed in NFD: the loader makes it NFC, equal to CCC's name
        ("CCHC302", line(text, "code: DDD")),
        ("CCHC300", line(text, "CCX")),
        ("CCHC300", line(text, "lead: AAB")),
        ("CCHC300", coop),  # AAB in cooperating
        ("CCHC304", coop),  # AAB is also the lead
        ("CCHC308", coop),  # BBB twice
        ("CCHC303", line(text, "lead: SUP")),
        ("CCHC305", line(text, "domain: y")),
        ("CCHC303", line(text, "domain: z")),
    ]
    assert sorted(codes(diags), key=str) == sorted(expected, key=str)
    dup_name = next(d for d in diags if d.code == "CCHC302")
    assert dup_name.message.args["first_code"] == "CCC"
    unknown = next(d for d in diags if d.code == "CCHC300" and d.line == line(text, "lead: AAB"))
    assert unknown.hint is not None and unknown.hint.args["guess"] == "AAA"


def test_split_records_parts_and_combine() -> None:
    plan, diags, text = resolve(
        FULL
        + """\
  - split: "2.1"
    combine: coordinator
    parts:
      - {agency: AAA, domain: ngân sách}
      - {agency: CCC, domain: đất đai}
"""
    )
    assert codes(diags) == [("CCHC318", line(text, 'split: "2.1"'))]
    leaf = plan.leaves["2.1.2"]
    assert owners(plan, "2.1.2") == [("AAA", "part", "ngân sách"), ("CCC", "part", "đất đai")]
    assert leaf.combine == "coordinator" and leaf.is_split
    assert [o.rule.line for o in leaf.scorers if o.rule] == [
        line(text, "domain: ngân sách"),
        line(text, "domain: đất đai"),
    ]


def test_header_mismatches_are_warnings() -> None:
    head = HEAD.replace("year: 2019", "year: 2020").replace("TEST/QĐ", "1150/QĐ-BNV")
    _, diags, _ = resolve(FULL, head)
    assert sorted(codes(diags), key=str) == [("CCHC306", 4), ("CCHC307", 3)]
    assert all(d.severity is Severity.WARNING for d in diags)


def test_file_model_failure_returns_none_and_errors_still_return_a_plan() -> None:
    text = HEAD + 'rules:\n  - lead: AAA\n    split: "1"\n'
    plan, diags = resolve_plan(doc(text, "plan.yaml"), tree())
    assert plan is None and [d.code for d in diags] == ["CCHC122"]
    plan2, diags2, _ = resolve('  - lead: ZZZ\n    items: ["1", "9"]\n')
    assert plan2 is not None and len(plan2.leaves) == 8
    assert {d.code for d in diags2} == {"CCHC300", "CCHC310", "CCHC315"}


def test_every_plan_code_is_in_both_catalogues() -> None:
    vi, en = catalogue("vi"), catalogue("en")
    for n in [*range(300, 309), *range(310, 322)]:
        code = f"CCHC{n}"
        for key in (code, f"{code}.hint", f"code.{code}"):
            assert key in vi and key in en, key
            assert placeholders(vi[key]) == placeholders(en[key]), key
