"""Property-based tests (hypothesis) of the final index on the bundled example: random
appraisal files (scores on and off the items' levels, Ministry parts as totals or per item)
never lose or invent a point, and every point lost is attributed to the plan's owners.

* the points lost, item by item, add up to the self-assessed maximum minus the appraised total;
* each lost item names exactly the agencies the plan gives it (every part of a split item);
* per agency, the points lost are those of its items; shared among the item's agencies,
  they add up to the total lost (a split item's loss is everyone's, counted once overall);
* a rejected value counts 0; the total is the sum of the parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO

SETTINGS = settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ZERO = Decimal(0)


@pytest.fixture(scope="module")
def example() -> Iterator[Any]:
    """The example's tree, plan and merged self-assessment, checked once."""
    from cchc_cli.core.workspace import open_workspace
    from cchc_cli.pipeline import check_workspace

    ws = open_workspace(REPO, REPO)
    result = check_workspace(ws, stages="all")
    assert result.merged is not None and result.plan is not None and result.tree is not None
    yield result


class _Candidate:
    """What the strategy needs of a leaf."""

    def __init__(self, item: str, node: Any, ministry: bool) -> None:
        self.item, self.node, self.ministry = item, node, ministry


@st.composite
def appraisals(draw: st.DrawFn, leaves: list[_Candidate]) -> dict[str, Any]:
    """items: a random subset of leaves with a value on their levels (now and then off them,
    or out of range); parts: survey as a total or not at all."""
    items: dict[str, Decimal] = {}
    for leaf in leaves:
        if not draw(st.booleans()):
            continue
        allowed = list(leaf.node.allowed_scores() or (ZERO, leaf.node.max))
        kind = draw(st.sampled_from(["level"] * 6 + ["off", "out"]))
        if kind == "level" or leaf.ministry:
            items[leaf.item] = draw(st.sampled_from(allowed))
        elif kind == "off":
            items[leaf.item] = leaf.node.max / 3
        else:
            items[leaf.item] = leaf.node.max + 1
    parts = {"survey": draw(st.sampled_from(["19.87", "26", None]))}
    return {"items": items, "parts": {k: v for k, v in parts.items() if v is not None}}


def _write(path: Path, spec: dict[str, Any]) -> None:
    lines = [
        "format: 1",
        "province: Thái Nguyên",
        "year: 2019",
        "methodology: 1150/QĐ-BNV",
        "source: hypothesis",
        "status: provisional",
        "items:",
    ]
    for item, score in spec["items"].items():
        lines += [f'  "{item}":', f"    score: {score}"]
    lines.append("parts:")
    lines += [f"  {name}: {value}" for name, value in spec["parts"].items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _index(example: Any, folder: Path, spec: dict[str, Any]) -> Any:
    from cchc_cli.appraisal.compute import compute_index
    from cchc_cli.appraisal.model import read_appraisal

    path = folder / "appraisal.yaml"
    _write(path, spec)
    _, loaded, problems = read_appraisal(path, "appraisal.yaml")
    assert loaded is not None and problems == [], problems
    return compute_index(example.tree, example.plan, example.merged, loaded)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("appraisal-properties")


@SETTINGS
@given(data=st.data())
def test_every_lost_point_is_attributed_to_the_owners_of_the_plan(
    example: Any, folder: Path, data: st.DataObject
) -> None:
    candidates = [_Candidate(m.item, m.node, m.status == "ministry") for m in example.merged.leaves]
    spec = data.draw(appraisals(candidates))
    index = _index(example, folder, spec)
    assert index.lost  # the example always loses points (4.1.2 is scored 0)

    # nothing lost, nothing invented
    lost_total = sum((leaf.lost for leaf in index.lost), ZERO)
    assert lost_total == index.self_max - index.appraised_total
    assert index.total == sum((p.points for p in index.parts), ZERO)
    by_name = {p.name: p.points for p in index.parts}
    assert index.appraised_total == by_name["self"] + by_name["impact"]

    # each lost item: exactly the plan's scorers (all parts of a split item)
    for leaf in index.lost:
        scorers = [o.code for o in example.plan.leaves[leaf.id].scorers]
        assert [o.code for o in leaf.agencies] == scorers and scorers
        if example.plan.leaves[leaf.id].is_split:
            assert len(scorers) > 1

    # per agency: its items' losses; shared out among an item's agencies: the total
    for agency in index.agencies:
        mine = [leaf for leaf in index.lost if agency.code in {o.code for o in leaf.agencies}]
        assert agency.items == len(mine)
        assert agency.lost == sum((leaf.lost for leaf in mine), ZERO)
        split = [leaf for leaf in mine if len(leaf.agencies) > 1]
        assert agency.shared == sum((leaf.lost for leaf in split), ZERO)
    shares = sum(
        (
            Fraction(leaf.lost) / len(leaf.agencies)
            for agency in index.agencies
            for leaf in index.lost
            if agency.code in {o.code for o in leaf.agencies}
        ),
        Fraction(0),
    )
    assert shares == Fraction(lost_total)

    # a rejected value counts 0, an accepted one its value, a leaf not listed its self-score
    for leaf in index.leaves:
        if leaf.ministry:
            continue
        written = spec["items"].get(leaf.id)
        if leaf.state == "rejected":
            assert leaf.appraised == 0
        elif written is None:
            assert leaf.appraised == leaf.self_points and leaf.state == "recognised"
        else:
            assert leaf.appraised == written
