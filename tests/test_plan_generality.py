"""Another province is another YAML file: the synthetic Lâm Sơn plan resolves with no code change.

Lâm Sơn differs from Thái Nguyên in every respect the plan format allows: other agency codes
and agencies (Thanh tra, Giáo dục, Y tế), a rule naming two areas with exceptions in both, a
lead with two cooperating agencies, two splits combined by `coordinator` and by `mean`, and a
different implicit overlap (area 7 vs the split of 7.1).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core.diagnostics import Severity
from cchc_cli.core.workspace import open_workspace
from cchc_cli.pipeline import check_workspace
from conftest import FIXTURES, REPO, run_in

FIXTURE = FIXTURES / "plan_lam_son"
PLAN_REL = "assignments/lam_son_2019.yaml"


@pytest.fixture()
def lam_son(tmp_path: Path) -> Path:
    ws = tmp_path / "lam_son"
    shutil.copytree(FIXTURE, ws)
    shutil.copyfile(REPO / "criteria" / "2019.yaml", ws / "criteria.yaml")
    return ws


def line_of(ws: Path, needle: str) -> int:
    lines = (ws / PLAN_REL).read_text(encoding="utf-8").splitlines()
    found = [n for n, text in enumerate(lines, 1) if needle in text]
    assert len(found) == 1, (needle, found)
    return found[0]


def owners(entries: dict[str, dict[str, Any]], item: str) -> list[tuple[str, str, str | None]]:
    return [(o["code"], o["role"], o["domain"]) for o in entries[item]["owners"]]


def test_lam_son_resolves(lam_son: Path) -> None:
    result = run_in(lam_son, "owners", "--format", "json")
    assert result.exit_code == 0, result.output
    entries = {e["item"]: e for e in json.loads(result.stdout)}
    assert owners(entries, "1.1.1") == [("NOIVU", "lead", None)]
    assert owners(entries, "1.6") == [("NOIVU", "lead", None)]  # not excepted here
    assert owners(entries, "1.5") == [("KHCN", "lead", None)]
    assert owners(entries, "5.1.1") == [("NOIVU", "lead", None)]
    assert owners(entries, "5.8.2") == [("THANHTRA", "lead", None), ("NOIVU", "cooperating", None)]
    assert owners(entries, "3.2.5") == [("VANPHONG", "lead", None)]
    assert owners(entries, "3.4.1") == [("THANHTRA", "lead", None)]
    assert owners(entries, "4.1.1") == [("NOIVU", "lead", None)]
    assert owners(entries, "4.3.2") == [
        ("KHDT", "lead", None),
        ("TAICHINH", "cooperating", None),
        ("TNMT", "cooperating", None),
    ]
    assert owners(entries, "6.1.1") == [("TAICHINH", "lead", None)]
    for leaf in ("6.2.1", "6.2.2"):
        assert owners(entries, leaf) == [
            ("GDDT", "part", "đơn vị sự nghiệp giáo dục"),
            ("YTE", "part", "đơn vị sự nghiệp y tế"),
            ("TAICHINH", "part", "các đơn vị sự nghiệp khác"),
        ]
        assert entries[leaf]["combine"] == "coordinator"
    for leaf in ("7.1.1", "7.1.5"):
        assert [o["code"] for o in entries[leaf]["owners"]] == ["TTTT", "VANPHONG"]
        assert entries[leaf]["combine"] == "mean"
    assert owners(entries, "7.2.1") == [("TTTT", "lead", None)]
    assert owners(entries, "7.4.3") == [("KHCN", "lead", None)]
    assert owners(entries, "8.1") == [("BNV", "ministry", None)]
    assert owners(entries, "8.2") == [("KHDT", "lead", None)]
    assert owners(entries, "8.4") == [("TAICHINH", "lead", None)]
    assert entries["8.4"]["rule"] == {"file": PLAN_REL, "line": line_of(lam_son, 'items: ["8.4"]')}
    # every self leaf has a scorer; no agency code of Thái Nguyên appears
    codes = {o["code"] for e in entries.values() for o in e["owners"]}
    assert codes.isdisjoint({"SNV", "STC", "STP", "SKHDT", "STTTT"})
    for entry in entries.values():
        if entry["method"] == "self":
            assert any(o["role"] in ("lead", "part") for o in entry["owners"]), entry["item"]


def test_lam_son_diagnostics_are_its_two_overlaps(lam_son: Path) -> None:
    result = check_workspace(open_workspace(lam_son, lam_son), stages="plan")
    mine = [d for d in result.diagnostics if d.file == PLAN_REL]
    assert [(d.code, d.severity, d.line) for d in mine] == [
        ("CCHC318", Severity.INFO, line_of(lam_son, 'split: "7.1"')),
        ("CCHC318", Severity.INFO, line_of(lam_son, 'items: ["8.4"]')),
    ]
    assert mine[0].message.args["leaves"] == ["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5"]


def test_lam_son_who(lam_son: Path) -> None:
    result = run_in(lam_son, "--lang", "en", "who", "6.2")
    assert result.exit_code == 0, result.output
    assert "decided by the plan's coordinator (NOIVU)" in result.stdout
    assert (
        f"  YTE Sở Y tế — part: đơn vị sự nghiệp y tế: 6.2.1, 6.2.2 — rule "
        f"{PLAN_REL}:{line_of(lam_son, 'agency: YTE')}"
    ) in result.stdout.splitlines()
