"""Unit tests of the criteria tree checks (criteria_checks.check_tree), one or more per code."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli.core.diagnostics import Diagnostic, Severity
from cchc_cli.core.i18n import tr
from cchc_cli.core.ids import is_good_id
from cchc_cli.core.yamlio import load_yaml, parse_text
from cchc_cli.criteria.checks import check_tree
from cchc_cli.criteria.model import CriteriaTree, build_tree
from cchc_cli.criteria.stats import figures, tree_counts
from conftest import FIXTURES, REPO

ROOT = REPO

VALID = """\
format: 1
methodology:
  name: Bộ thử
  level: province
  year: 2019
  decision: T/QĐ
  status: confirmed
  source: s
declared:
  areas: 2
  criteria: 3
  subcriteria: 2
  total: 10
  source: s
sources:
  s: Nguồn thử
rubrics:
  pct:
    title: Tỷ lệ
    bands:
      - {from: 100, fraction: 1}
      - {from: 80, fraction: 0.5}
      - {from: 0, fraction: 0}
items:
  - id: "1"
    title: Lĩnh vực một
    max: 6
    children:
      - id: "1.1"
        title: Tiêu chí một
        max: 3
        children:
          - id: "1.1.1"
            title: Lá một
            max: 1
            method: self
            levels: [0, 0.5, 1]
          - id: "1.1.2"
            title: Lá hai
            max: 2
            method: self
            rubric: pct
      - id: "1.2"
        title: Tiêu chí hai
        max: 3
        method: survey
  - id: "2"
    title: Lĩnh vực hai
    max: 4
    children:
      - id: "2.1"
        title: Tiêu chí ba
        max: 4
        method: self
        levels: [0, 2, 4]
"""


def tree_of(text: str) -> CriteriaTree:
    doc, problems = parse_text(text, "c.yaml", Path("c.yaml"), text.encode("utf-8"))
    assert doc is not None, problems
    tree, problems = build_tree(doc)
    assert tree is not None, problems
    return tree


def check(text: str) -> list[Diagnostic]:
    return check_tree(tree_of(text))


def codes(diags: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in diags)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            count += 1
            if count == nth:
                return number
    raise AssertionError(f"{needle!r} not found")


def only(diags: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, [(d.code, d.line) for d in diags]
    return found[0]


def message(d: Diagnostic, lang: str = "vi") -> str:
    return tr(d.message, lang)


def test_valid_tree_has_no_diagnostics() -> None:
    assert check(VALID) == []


# --------------------------------------------------------------------------------- ids


def test_201_duplicate_id_names_both_lines() -> None:
    text = VALID.replace('id: "1.1.2"', 'id: "1.1.1"')
    d = only(check(text), "CCHC201")
    first, second = line_of(text, '"1.1.1"'), line_of(text, '"1.1.1"', 2)
    assert d.line == second and d.item == "1.1.1" and d.severity is Severity.ERROR
    assert str(first) in message(d) and str(second) in message(d)


@pytest.mark.parametrize("bad", ["1.a", "1..1", "01.1", "1.0", "a"])
def test_202_id_not_dotted_numbers(bad: str) -> None:
    text = VALID.replace('id: "1.1.2"', f'id: "{bad}"')
    d = only(check(text), "CCHC202")
    assert d.line == line_of(text, f'"{bad}"') and d.column == 17


def test_good_ids() -> None:
    assert all(is_good_id(i) for i in ["1", "3.2.5", "10.12"])
    assert not any(is_good_id(i) for i in ["", "1.", ".1", "1.1a", "01", "1.00"])


def test_203_child_id_not_under_parent() -> None:
    text = VALID.replace('id: "1.1.2"', 'id: "2.1.2"')
    d = only(check(text), "CCHC203")
    assert d.item == "2.1.2" and "1.1.N" in message(d)


def test_203_child_skips_a_level() -> None:
    text = VALID.replace('id: "2.1"', 'id: "2.1.1"')
    d = only(check(text), "CCHC203")
    assert d.line == line_of(text, '"2.1.1"') and "2.N" in message(d)


def test_203_area_with_dotted_id() -> None:
    text = VALID.replace('id: "2"', 'id: "1.3"').replace('id: "2.1"', 'id: "1.3.1"')
    found = check(text)
    assert "CCHC203" in codes(found)
    assert only(found, "CCHC203").item == "1.3"


def test_208_siblings_out_of_order_is_a_warning() -> None:
    text = (
        VALID.replace('id: "1.1.1"', 'id: "1.1.X"')
        .replace('id: "1.1.2"', 'id: "1.1.1"')
        .replace('id: "1.1.X"', 'id: "1.1.2"')
    )
    d = only(check(text), "CCHC208")
    assert d.severity is Severity.WARNING and d.item == "1.1.1"
    assert "1.1.2" in message(d)


def test_208_natural_order_1_2_before_1_10() -> None:
    siblings = "".join(
        f'      - id: "1.{n}"\n        title: T{n}\n        max: 1\n        method: survey\n'
        for n in range(1, 11)
    )
    text = VALID.replace('  - id: "1"\n    title: Lĩnh vực một\n    max: 6\n', "").split(
        "items:\n"
    )[0] + ('items:\n  - id: "1"\n    title: A\n    max: 10\n    children:\n' + siblings)
    text = (
        text.replace("areas: 2", "areas: 1")
        .replace("criteria: 3", "criteria: 10")
        .replace("subcriteria: 2", "subcriteria: 0")
    )
    assert check(text) == []  # 1.2 … 1.9 then 1.10: natural order, no gap


def test_220_gap_1_1_then_1_10() -> None:
    text = VALID.replace('id: "1.2"', 'id: "1.10"')
    found = check(text)
    d = only(found, "CCHC220")
    assert d.line == line_of(text, '"1.10"') and d.severity is Severity.WARNING
    assert "sau `1.1` là `1.10`, thiếu `1.2 … 1.9`" in message(d)
    assert "CCHC208" not in codes(found)


def test_220_gap_range_and_first_number() -> None:
    text = VALID.replace('id: "2"', 'id: "4"').replace('id: "2.1"', 'id: "4.1"')
    d = only(check(text), "CCHC220")
    assert "2 … 3" in message(d)
    text = VALID.replace('id: "1.1.1"', 'id: "1.1.3"').replace('id: "1.1.2"', 'id: "1.1.4"')
    d = only(check(text), "CCHC220")
    assert d.item == "1.1.3" and "1.1.1 … 1.1.2" in message(d)


# -------------------------------------------------------------------------------- sums


def test_204_children_do_not_add_up_names_both_numbers() -> None:
    text = VALID.replace("        max: 3\n        children:", "        max: 3.5\n        children:")
    found = {d.item: d for d in check(text) if d.code == "CCHC204"}
    assert sorted(found) == ["1", "1.1"]  # 1.1 is off from its children, and area 1 from 1.1 + 1.2
    d = found["1.1"]
    assert d.line == line_of(text, "max: 3.5") and d.severity is Severity.ERROR
    assert "là 3," in message(d) and "là 3.5" in message(d) and "0.5" in message(d)
    assert "6.5" in message(found["1"]) and "là 6" in message(found["1"])


def test_204_uses_exact_decimals() -> None:
    # 0.1 + 0.2 == 0.3 in Decimal (not in float)
    text = (
        VALID.replace(
            "max: 1\n            method: self\n            levels: [0, 0.5, 1]",
            "max: 0.1\n            method: self\n            levels: [0, 0.1]",
        )
        .replace(
            "max: 2\n            method: self\n            rubric: pct",
            "max: 0.2\n            method: self\n            rubric: pct",
        )
        .replace("        max: 3\n        children:", "        max: 0.3\n        children:")
        .replace(
            "        max: 3\n        method: survey", "        max: 5.7\n        method: survey"
        )
    )
    assert check(text) == []


def test_205_areas_do_not_add_up_to_declared_total() -> None:
    text = VALID.replace("total: 10", "total: 100")
    d = only(check(text), "CCHC205")
    assert d.line == line_of(text, "total: 100")
    assert "là 10," in message(d) and "`declared.total: 100` (chênh 90)" in message(d)


def test_217_max_not_positive() -> None:
    text = VALID.replace("max: 4\n        method: self", "max: 0\n        method: self")
    found = check(text)
    assert only(found, "CCHC217").item == "2.1"


# ------------------------------------------------------------------------- scoring


def test_206_level_outside_range_at_the_level() -> None:
    text = VALID.replace("levels: [0, 2, 4]", "levels: [0, 2, 4, 5]")
    d = only(check(text), "CCHC206")
    assert d.line == line_of(text, "[0, 2, 4, 5]")
    assert d.column == text.splitlines()[d.line - 1].index("5") + 1
    text = VALID.replace("levels: [0, 2, 4]", "levels: [-1, 0, 4]")
    assert only(check(text), "CCHC206").item == "2.1"


def test_207_levels_must_include_0_and_max() -> None:
    text = VALID.replace("levels: [0, 2, 4]", "levels: [2, 4]")
    d = only(check(text), "CCHC207")
    assert d.item == "2.1" and "(2, 4) thiếu 0:" in message(d)
    text = VALID.replace("levels: [0, 2, 4]", "levels: [0, 2]")
    assert "(0, 2) thiếu 4:" in message(only(check(text), "CCHC207"))


def test_211_leaf_without_method() -> None:
    text = VALID.replace("        max: 3\n        method: survey", "        max: 3")
    d = only(check(text), "CCHC211")
    assert d.item == "1.2" and d.line == line_of(text, '"1.2"')


def test_212_inner_node_with_method_or_levels() -> None:
    text = VALID.replace(
        "    max: 4\n    children:",
        "    max: 4\n    method: self\n    levels: [0, 4]\n    children:",
    )
    found = [d for d in check(text) if d.code == "CCHC212"]
    assert sorted(message(d).split("`")[3] for d in found) == ["levels", "method"]
    assert all(d.item == "2" for d in found)


def test_213_self_leaf_with_levels_and_rubric() -> None:
    text = VALID.replace("levels: [0, 2, 4]", "levels: [0, 2, 4]\n        rubric: pct")
    d = only(check(text), "CCHC213")
    assert d.severity is Severity.ERROR and d.line == line_of(text, "rubric: pct", 2)


def test_221_self_leaf_without_levels_or_rubric_is_a_warning() -> None:
    text = VALID.replace("        levels: [0, 2, 4]\n", "")
    d = only(check(text), "CCHC221")
    assert d.severity is Severity.WARNING and d.item == "2.1"


def test_214_survey_leaf_with_levels_or_rubric() -> None:
    text = VALID.replace("        method: survey", "        method: survey\n        levels: [0, 3]")
    d = only(check(text), "CCHC214")
    assert d.item == "1.2" and "levels" in message(d)
    text = VALID.replace("        method: survey", "        method: sipas\n        rubric: pct")
    assert "sipas" in message(only(check(text), "CCHC214"))


def test_215_unknown_rubric_with_did_you_mean() -> None:
    text = VALID.replace("rubric: pct", "rubric: pcx")
    d = only(check(text), "CCHC215")
    assert d.hint is not None and "pct" in tr(d.hint, "vi")
    assert d.line == line_of(text, "rubric: pcx")


def test_216_rubric_bands() -> None:
    text = VALID.replace("{from: 80, fraction: 0.5}", "{from: 80, fraction: 1.5}")
    d = only(check(text), "CCHC216")
    assert d.line == line_of(text, "fraction: 1.5") and "1.5" in message(d)
    text = VALID.replace("{from: 80, fraction: 0.5}", "{from: 100, fraction: 0.5}")
    d = only(check(text), "CCHC216")
    assert d.line == line_of(text, "{from: 100, fraction: 0.5}")
    text = VALID.replace("      - {from: 0, fraction: 0}\n", "")
    assert "from: 0" in message(only(check(text), "CCHC216"))
    text = VALID.replace("{from: 100, fraction: 1}", "{from: 100, fraction: 0.9}")
    assert "fraction: 1" in message(only(check(text), "CCHC216"))
    text = VALID.replace("{from: 80, fraction: 0.5}", "{from: 180, fraction: 0.5}")
    assert "180" in message(only(check(text), "CCHC216"))


# ---------------------------------------------------------------------- provenance


def test_218_unknown_source_keys() -> None:
    text = VALID.replace("  source: s\ndeclared", "  source: x\ndeclared")
    d = only(check(text), "CCHC218")
    assert d.line == line_of(text, "source: x")
    text = VALID.replace(
        "        title: Tiêu chí ba", "        title: Tiêu chí ba\n        confirmed: {max: q}"
    )
    d = only(check(text), "CCHC218")
    assert d.item == "2.1" and "`q`" in message(d)
    text = VALID.replace(
        "      - {from: 0, fraction: 0}\n", "      - {from: 0, fraction: 0}\n    source: ss\n"
    )
    d = only(check(text), "CCHC218")
    assert d.hint is not None and "`s`" in tr(d.hint, "vi")


def test_219_confirmed_without_source() -> None:
    text = VALID.replace("  status: confirmed\n  source: s\n", "  status: confirmed\n")
    d = only(check(text), "CCHC219")
    assert d.severity is Severity.WARNING


def test_223_confirmed_field_absent() -> None:
    text = VALID.replace(
        "        title: Tiêu chí ba", "        title: Tiêu chí ba\n        confirmed: {rubric: s}"
    )
    d = only(check(text), "CCHC223")
    assert d.severity is Severity.WARNING and d.item == "2.1"


def test_209_counts_differ_one_warning_per_kind() -> None:
    text = VALID.replace("criteria: 3", "criteria: 4").replace("subcriteria: 2", "subcriteria: 9")
    found = [d for d in check(text) if d.code == "CCHC209"]
    expected = [line_of(text, "criteria: 4"), line_of(text, "subcriteria: 9")]
    assert [d.line for d in found] == expected
    assert all(d.severity is Severity.WARNING for d in found)
    assert "có 3 tiêu chí (mục cấp 2)" in message(found[0]) and "công bố 4." in message(found[0])
    assert "có 2 tiêu chí thành phần" in message(found[1]) and "công bố 9." in message(found[1])


def test_210_working_figures_one_summary_warning() -> None:
    text = VALID.replace("status: confirmed", "status: working")
    d = only(check(text), "CCHC210")
    assert d.line == line_of(text, "status: working") and d.severity is Severity.WARNING
    total = len(figures(tree_of(text)))
    assert f"{total} trên {total}" in message(d)
    assert f"{total} of the {total}" in message(d, "en")


def test_210_counts_confirmed_fields_per_node() -> None:
    text = VALID.replace("status: confirmed", "status: working").replace(
        "    title: Lĩnh vực hai\n", "    title: Lĩnh vực hai\n    confirmed: {title: s, max: s}\n"
    )
    d = only(check(text), "CCHC210")
    assert "chỉ 2 số liệu" in message(d)


def test_210_rubric_status_working_in_confirmed_file() -> None:
    text = VALID.replace(
        "      - {from: 0, fraction: 0}\n", "      - {from: 0, fraction: 0}\n    status: working\n"
    )
    d = only(check(text), "CCHC210")
    assert d.line == line_of(text, "status: working") and "1 trên" in message(d)


def test_unknown_method_and_unknown_key_are_model_errors() -> None:
    text = VALID.replace("method: survey", "method: surv")
    doc, _ = parse_text(text, "c.yaml", Path("c.yaml"), text.encode())
    assert doc is not None
    tree, problems = build_tree(doc)
    assert tree is None and [p.code for p in problems] == ["CCHC122"]
    assert problems[0].line == line_of(text, "method: surv")
    text = VALID.replace(
        "        title: Tiêu chí ba", "        title: Tiêu chí ba\n        maxx: 1"
    )
    doc, _ = parse_text(text, "c.yaml", Path("c.yaml"), text.encode())
    assert doc is not None
    _, problems = build_tree(doc)
    assert [p.code for p in problems] == ["CCHC121"]


# --------------------------------------------------------------- the shipped trees


def load(path: Path, rel: str) -> CriteriaTree:
    doc, problems = load_yaml(path, rel)
    assert doc is not None, problems
    tree, problems = build_tree(doc)
    assert tree is not None, problems
    return tree


def test_2019_tree_only_honest_warnings() -> None:
    tree = load(ROOT / "criteria" / "2019.yaml", "criteria/2019.yaml")
    found = check_tree(tree)
    assert codes(found) == ["CCHC209", "CCHC209", "CCHC210"]
    assert all(d.severity is Severity.WARNING for d in found)
    assert tree_counts(tree) == {"areas": 8, "criteria": 47, "subcriteria": 84}
    assert len(tree.leaves()) == 100
    assert tree.total_max() == Decimal(100)
    counts_msgs = sorted(message(d) for d in found if d.code == "CCHC209")
    assert "47" in counts_msgs[0] and "43" in counts_msgs[0]
    assert "84" in counts_msgs[1] and "95" in counts_msgs[1]


def test_2019_tree_method_totals_match_reference() -> None:
    """Working totals of the reference: self 65 (areas 1–7: 60, area 8: 5), survey 25, sipas 10."""
    tree = load(ROOT / "criteria" / "2019.yaml", "criteria/2019.yaml")
    by_method: dict[str, Decimal] = {}
    for leaf in tree.leaves():
        by_method[leaf.method or ""] = by_method.get(leaf.method or "", Decimal(0)) + leaf.max
    assert by_method == {"self": Decimal(65), "survey": Decimal(25), "sipas": Decimal(10)}
    area8 = sum((n.max for n in tree.by_id["8"].leaves() if n.method == "self"), Decimal(0))
    assert area8 == Decimal(5)


def test_2019_tree_confirmed_names_only_where_the_reference_confirms() -> None:
    tree = load(ROOT / "criteria" / "2019.yaml", "criteria/2019.yaml")
    confirmed = {n.id: n.confirmed for n in tree.walk() if n.confirmed}
    assert set(confirmed) == {
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "1.5",
        "1.6",
        "3.2.5",
        "4.3",
        "7.4",
        "8.1",
        "8.4",
    }
    assert all(c == {"title": "plan"} for c in confirmed.values())
    assert tree.meta.methodology.status == "working"


def test_second_methodology_needs_no_code_change() -> None:
    tree = load(FIXTURES / "ministries" / "criteria.yaml", "criteria.yaml")
    assert check_tree(tree) == []
    assert tree.meta.methodology.level == "ministry"
    assert tree.total_max() == Decimal(50)
    assert tree_counts(tree) == {"areas": 3, "criteria": 6, "subcriteria": 6}
    deep = tree.by_id["1.1.2.1"]
    assert deep.depth == 4 and deep.rubric_score(Decimal(76)) == Decimal(2)
