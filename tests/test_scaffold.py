"""`cchc scaffold`: new files list exactly the agency's items; `--update` appends, byte for byte."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.yamlio import load_yaml
from cchc_cli.scores.model import ScoreFile
from conftest import EXAMPLE, copy_example, diagnostics, located, run_in


def empty_example(tmp_path: Path) -> Path:
    """The example workspace with an empty scores folder (and no schemas)."""
    ws = copy_example(tmp_path / "ws")
    for folder in ("scores", "schemas"):
        shutil.rmtree(ws / "examples/thai_nguyen_2019" / folder)
    (ws / "examples/thai_nguyen_2019/scores").mkdir()
    return ws


def owned_in_example() -> dict[str, set[str]]:
    """What each agency scores, read from the complete example files (not from the plan)."""
    owned: dict[str, set[str]] = {}
    for path in (EXAMPLE / "scores").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        owned[data["agency"]] = {
            item for item, entry in data["items"].items() if "score" in entry or "measured" in entry
        }
    return owned


def test_scaffold_all_then_validate_reports_exactly_the_missing_items(tmp_path: Path) -> None:
    ws = empty_example(tmp_path)
    result = run_in(ws, "scaffold", "--all")
    assert result.exit_code == 0, result.output
    scores = ws / "examples/thai_nguyen_2019/scores"
    assert sorted(p.name for p in scores.iterdir()) == sorted(
        f"{c.lower()}.yaml" for c in owned_in_example()
    )
    diags = diagnostics(ws, "--today", "2020-01-18")
    mine = [d for d in diags if d["code"].startswith("CCHC4")]
    assert {d["code"] for d in mine} == {"CCHC415"}
    assert all(d["severity"] == "warning" for d in mine)
    found: dict[str, set[str]] = {}
    for d in mine:
        found.setdefault(d["agency"], set()).add(d["item"])
    assert found == owned_in_example()
    assert len(found["SNV"]) == 27 and "1.5" not in found["SNV"]  # SNV only cooperates on 1.5
    assert len(mine) == sum(len(v) for v in found.values())  # one diagnostic per missing item
    after = diagnostics(ws, "--today", "2020-01-20")
    assert {d["severity"] for d in after if d["code"] == "CCHC415"} == {"error"}


def test_scaffolded_file_content(tmp_path: Path) -> None:
    ws = empty_example(tmp_path)
    assert run_in(ws, "scaffold", "SNV").exit_code == 0
    assert run_in(ws, "scaffold", "stc").exit_code == 0  # the code is case-insensitive
    snv = (ws / "examples/thai_nguyen_2019/scores/snv.yaml").read_text(encoding="utf-8")
    lines = snv.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schemas/SNV.schema.json"
    assert (ws / "examples/thai_nguyen_2019/schemas/SNV.schema.json").is_file()
    assert "format: 1\nagency: SNV\nyear: 2019\nstatus: draft" in snv
    # title, maximum, levels and guidance as comments before the key
    block = snv[snv.index("# ──── 1.1.2") : snv.index('"1.1.2":')]
    assert "Xác định đầy đủ nhiệm vụ" in block and "Điểm tối đa: 0.5." in block
    assert "Mức điểm: 0, 0.25, 0.5." in block and "Tài liệu kiểm chứng:" in block
    rubric = snv[snv.index("# ──── 1.1.3") : snv.index('"1.1.3":')]
    assert "từ 100%: 1 điểm; từ 80%: 0.5 điểm; từ 0%: 0 điểm" in rubric
    after = snv[snv.index('"1.1.3":') :].splitlines()[1:4]
    assert after == ["    measured:", "    explanation:", "    evidence:"]
    coop = snv[snv.index("# ──── 1.5 ") :]
    assert "phối hợp" in coop[: coop.index('"1.5":')]
    assert coop[coop.index('"1.5":') :].splitlines()[1:3] == ["    comment:", "    evidence:"]
    stc = (ws / "examples/thai_nguyen_2019/scores/stc.yaml").read_text(encoding="utf-8")
    part = stc[stc.index("# ──── 4.3.1") : stc.index('"4.3.1":')]
    assert "quản lý ngân sách" in part and "thấp nhất" in part
    # every value empty, the file loads and matches the format
    doc, problems = load_yaml(ws / "examples/thai_nguyen_2019/scores/snv.yaml", "snv.yaml")
    assert doc is not None and problems == []
    model, problems = validate_doc(doc, ScoreFile)
    assert model is not None and problems == []
    assert all(
        e is not None and e.score is None and e.measured is None for e in model.items.values()
    )
    # ids are quoted: 1.10-style ids cannot turn into numbers
    assert all(re.match(r'^  "[0-9.]+":$', line) for line in lines if line.startswith('  "'))


def test_scaffold_in_english(tmp_path: Path) -> None:
    ws = empty_example(tmp_path)
    assert run_in(ws, "--lang", "en", "scaffold", "SKHCN").exit_code == 0
    text = (ws / "examples/thai_nguyen_2019/scores/skhcn.yaml").read_text(encoding="utf-8")
    assert "Role: lead, scores this item." in text and "Maximum: 1." in text


def test_filled_scaffold_validates_clean(ws: Path) -> None:
    for path in (ws / "scores").iterdir():
        path.unlink()
    assert run_in(ws, "scaffold", "--all").exit_code == 0
    for path in (ws / "scores").iterdir():
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(    score:)$", r"\1 0", text)
        text = re.sub(r"(?m)^(    measured:)$", r"\1 50", text)
        text = re.sub(r"(?m)^(    explanation:)$", r"\1 Chưa thực hiện trong năm.", text)
        path.write_text(text, encoding="utf-8")
    diags = diagnostics(ws, "--today", "2020-01-18")
    assert [d for d in diags if d["code"].startswith("CCHC4")] == []


def test_scaffold_refuses_to_overwrite(ws: Path) -> None:
    before = (ws / "scores" / "a.yaml").read_bytes()
    result = run_in(ws, "scaffold", "AAA")
    assert result.exit_code == 1
    assert "CCHC430" in result.output and "scores/a.yaml" in result.output
    assert (ws / "scores" / "a.yaml").read_bytes() == before
    assert not (ws / "scores" / "aaa.yaml").exists()


def test_scaffold_usage_errors(ws: Path) -> None:
    assert run_in(ws, "scaffold").exit_code == 2
    assert run_in(ws, "scaffold", "AAA", "--all").exit_code == 2
    result = run_in(ws, "scaffold", "ZZZ")
    assert result.exit_code == 2 and "CCHC434" in result.output


def test_scaffold_refuses_a_broken_plan(ws: Path) -> None:
    plan = ws / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("lead: BBB", "lead: XXX"), encoding="utf-8"
    )
    (ws / "scores" / "b.yaml").unlink()
    result = run_in(ws, "scaffold", "BBB")
    assert result.exit_code == 1
    assert ("plan.yaml:20:11", "CCHC300") in located(result.stderr)
    assert sorted(p.name for p in (ws / "scores").iterdir()) == ["a.yaml", "c.yaml"]
    assert not (ws / "schemas").exists()


# ------------------------------------------------------------------------------ --update

EDITED = """\
# Tệp của Sở A — chị Lan phụ trách, đừng xóa các ghi chú này.
format: 1
agency: AAA
year: 2019
status: draft
items:
  "1.1.1":   # ghi chú cuối dòng
    score: 1
    evidence:
      - number: 12/KH-UBND
        date: 2019-01-10
        issuer: UBND tỉnh
        title: Kế hoạch năm 2019
        file: a-kh.pdf
  # "1.1.2" để sau
  "1.1.2":
    measured: 85
    explanation: Đạt 85%.
    evidence:
      - {number: 30/BC-SA, date: 2019-12-20}
  "2.1.1":
    comment: Phối hợp.
# hết
"""


def _plan_gives_aaa_a_part(ws: Path) -> None:
    plan = ws / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "      - {agency: CCC, domain: đất đai}\n",
        "      - {agency: CCC, domain: đất đai}\n      - {agency: AAA, domain: đầu tư}\n",
    )
    plan.write_text(text, encoding="utf-8")


def test_update_appends_new_items_and_keeps_every_byte(ws: Path) -> None:
    a = ws / "scores" / "a.yaml"
    a.write_bytes(EDITED.encode("utf-8"))
    _plan_gives_aaa_a_part(ws)
    old = a.read_bytes()
    result = run_in(ws, "scaffold", "AAA", "--update")
    assert result.exit_code == 0, result.output
    assert "2.1.2" in result.stdout
    new = a.read_bytes()
    assert new.startswith(old)  # every existing byte, comments included, unchanged
    added = new[len(old) :].decode("utf-8")
    assert '  "2.1.2":\n    score:\n    explanation:\n    evidence:\n' in added
    assert "đầu tư" in added
    assert added.count('  "') == 1  # only the new item
    # the agency's file is still valid; the new item is reported as missing (a draft, in time)
    diags = diagnostics(ws, "--today", "2020-01-18")
    assert [
        (d["code"], d["item"], d["agency"]) for d in diags if d["code"].startswith("CCHC4")
    ] == [("CCHC415", "2.1.2", "AAA")]
    # a second update changes nothing
    result = run_in(ws, "scaffold", "AAA", "--update")
    assert result.exit_code == 0 and a.read_bytes() == new


def test_update_inserts_before_a_later_key_and_keeps_crlf_and_bom(ws: Path) -> None:
    a = ws / "scores" / "a.yaml"
    body = EDITED.replace("status: draft\n", "").replace("# hết\n", "# hết\nstatus: draft\n")
    old = b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8")
    a.write_bytes(old)
    _plan_gives_aaa_a_part(ws)
    result = run_in(ws, "scaffold", "AAA", "--update")
    assert result.exit_code == 0, result.output
    new = a.read_bytes()
    cut = old.index(b"status: draft")
    assert new.startswith(old[:cut]) and new.endswith(old[cut:])
    added = new[cut : len(new) - (len(old) - cut)]
    assert added.startswith(b"  # ") and b'\r\n  "2.1.2":\r\n    score:\r\n' in added
    assert b"\n" not in added.replace(b"\r\n", b"")  # no bare LF line ending
    assert [
        d["code"] for d in diagnostics(ws, "--today", "2020-01-18") if d["code"].startswith("CCHC4")
    ] == ["CCHC415"]


def test_update_finds_its_place_after_invisible_characters(ws: Path) -> None:
    """Zero-width characters are dropped before parsing: the insertion point is mapped back to
    the file's own text, so nothing lands in the middle of a line."""
    a = ws / "scores" / "a.yaml"
    body = EDITED.replace("status: draft\n", "").replace("# hết\n", "# hết\nstatus: draft\n")
    body = body.replace("Phối hợp.", "Phối\u200b hợp\u200b\u200b.").replace("# hết", "# h\u200bết")
    old = body.encode("utf-8")
    a.write_bytes(old)
    _plan_gives_aaa_a_part(ws)
    assert run_in(ws, "scaffold", "AAA", "--update").exit_code == 0
    new = a.read_bytes()
    cut = old.index(b"status: draft")
    assert new.startswith(old[:cut]) and new.endswith(old[cut:])
    assert new[cut : len(new) - (len(old) - cut)].startswith(b"  # ")


def test_update_keeps_the_file_own_indentation(ws: Path) -> None:
    a = ws / "scores" / "a.yaml"
    four = (
        "format: 1\nagency: AAA\nyear: 2019\nstatus: draft\nitems:\n"
        '    "1.1.1":\n        score: 1\n        evidence:\n'
        "            - number: 12/KH-UBND\n              date: 2019-01-10\n"
        '    "1.1.2":\n        measured: 85\n        explanation: Đạt 85%.\n'
        "        evidence:\n            - {number: 30/BC-SA, date: 2019-12-20}\n"
    )
    a.write_text(four, encoding="utf-8")
    _plan_gives_aaa_a_part(ws)
    assert run_in(ws, "scaffold", "AAA", "--update").exit_code == 0
    text = a.read_text(encoding="utf-8")
    assert text.startswith(four)
    assert '\n    "2.1.2":\n        score:\n' in text
    assert [
        d["code"] for d in diagnostics(ws, "--today", "2020-01-18") if d["code"].startswith("CCHC4")
    ] == ["CCHC415"]


def test_update_refuses_a_file_that_does_not_parse(ws: Path) -> None:
    a = ws / "scores" / "a.yaml"
    a.write_text(EDITED.replace("    score: 1\n", "    score: 1\n\tbad: tab\n"), encoding="utf-8")
    before = a.read_bytes()
    result = run_in(ws, "scaffold", "AAA", "--update")
    assert result.exit_code == 1 and "CCHC103" in result.output
    assert a.read_bytes() == before
    assert sorted(p.name for p in (ws / "scores").iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]


def test_update_creates_a_missing_file_and_refuses_flow_style(ws: Path) -> None:
    (ws / "scores" / "c.yaml").unlink()
    assert run_in(ws, "scaffold", "CCC", "--update").exit_code == 0
    assert (ws / "scores" / "ccc.yaml").is_file()
    b = ws / "scores" / "b.yaml"
    b.write_text(
        'format: 1\nagency: BBB\nyear: 2019\nstatus: draft\nitems: {"2.1.1": {score: 2}}\n',
        encoding="utf-8",
    )
    before = b.read_bytes()
    result = run_in(ws, "scaffold", "BBB", "--update")
    assert result.exit_code == 1 and "CCHC431" in result.output
    assert b.read_bytes() == before


def test_coordinator_decision_item_is_scaffolded(ws: Path) -> None:
    plan = ws / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("combine: min", "combine: coordinator"),
        encoding="utf-8",
    )
    (ws / "scores" / "a.yaml").unlink()
    assert run_in(ws, "scaffold", "AAA").exit_code == 0
    text = (ws / "scores" / "aaa.yaml").read_text(encoding="utf-8")
    block = text[text.index("# ──── 2.1.2") :]
    assert "quyết định điểm" in block
    assert block[block.index('"2.1.2":') :].splitlines()[1:3] == ["    score:", "    explanation:"]
    schema = json.loads((ws / "schemas" / "AAA.schema.json").read_text(encoding="utf-8"))
    assert "score" in schema["properties"]["items"]["properties"]["2.1.2"]["properties"]
