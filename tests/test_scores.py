"""Score files: the checks of `cchc validate` that the case folders cannot express, the example
workspace, and the JSON Schema written by `cchc schema`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cchc_cli.core.i18n import catalogue, placeholders, tr
from cchc_cli.core.workspace import open_workspace
from cchc_cli.pipeline import check_workspace
from cchc_cli.scores.files import load_scores
from cchc_cli.scores.schema import build_schema, schema_text
from conftest import EXAMPLE, REPO, copy_base, copy_example, diagnostics, run_in

EXAMPLE_SCORES = EXAMPLE / "scores"
EXAMPLE_SCHEMAS = EXAMPLE / "schemas"
AGENCIES = ["SNV", "STP", "VPUBND", "STC", "STTTT", "SKHCN", "SKHDT", "STNMT"]


def score_codes(diags: list[dict[str, Any]]) -> list[str]:
    return [d["code"] for d in diags if re.match(r"CCHC4\d\d$", d["code"])]


# ------------------------------------------------------------------------------ example


def test_example_validates_clean() -> None:
    """No errors at all; the only warnings are the criteria tree's own (working figures)."""
    diags = diagnostics(REPO)
    assert [d for d in diags if d["severity"] == "error"] == []
    warnings = {d["code"] for d in diags if d["severity"] == "warning"}
    assert warnings <= {"CCHC209", "CCHC210"}, warnings
    assert score_codes(diags) == []


def test_example_has_every_scoring_agency_and_the_required_features() -> None:
    files = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLE_SCORES.glob("*.yaml")
    }
    assert sorted(d["agency"] for d in files.values()) == sorted(AGENCIES)
    for path in EXAMPLE_SCORES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../schemas/")
        assert "hư cấu" in text.lower()
    for data in files.values():
        assert data["status"] == "submitted"
        assert data["submitted"] < dt.date(2020, 1, 20)
        for entry in data["items"].values():
            for ev in entry.get("evidence") or []:
                assert ev["date"].year == 2019
                assert re.match(r"^\d+(/\d{4})?/[A-ZĐa-z]+-[A-ZĐ0-9-]+$", ev["number"]), ev[
                    "number"
                ]
    # the 4.3 split is scored by its three agencies
    split = [d["agency"] for d in files.values() if "4.3.1" in d["items"]]
    assert sorted(split) == ["SKHDT", "STC", "STNMT"]
    # a rubric item with a measured value and a matching claimed score
    assert files["snv"]["items"]["1.1.3"]["measured"] == 96.5
    assert files["snv"]["items"]["1.1.3"]["score"] == 0.5
    # SNV cooperates on 1.5: comment and evidence, no score
    coop = files["snv"]["items"]["1.5"]
    assert coop["comment"] and coop["evidence"] and "score" not in coop
    # some items below maximum, each with an explanation
    below = [e for d in files.values() for e in d["items"].values() if "explanation" in e]
    assert len(below) >= 10


def test_example_evidence_files_exist_and_are_small() -> None:
    evidence = EXAMPLE / "evidence"
    files = [p for p in evidence.rglob("*") if p.is_file()]
    assert files
    assert sum(p.stat().st_size for p in files) < 20_000
    for p in files:
        assert p.read_bytes().startswith(b"%PDF-")


# ------------------------------------------------------------------------------ checks


def test_not_owned_names_the_real_owner(tmp_path: Path) -> None:
    ws = copy_example(tmp_path / "ws")
    snv = ws / "examples/thai_nguyen_2019/scores/snv.yaml"
    text = snv.read_text(encoding="utf-8")
    snv.write_text(
        text + '  "3.2.5":\n    score: 1\n    evidence:\n'
        "      - {number: 1/BC-SNV, date: 2019-05-02}\n",
        encoding="utf-8",
    )
    diags = [d for d in diagnostics(ws) if d["code"] == "CCHC411"]
    assert len(diags) == 1
    d = diags[0]
    assert "3.2.5 thuộc Sở Thông tin và Truyền thông" in d["message"]
    assert d["item"] == "3.2.5" and d["agency"] == "SNV"
    assert d["line"] == text.count("\n") + 1


def test_cooperating_comment_and_evidence_are_accepted_without_score(tmp_path: Path) -> None:
    """The example's SNV entry on 1.5 (cooperating) gives no diagnostic; a score on it does."""
    ws = copy_example(tmp_path / "ws")
    snv = ws / "examples/thai_nguyen_2019/scores/snv.yaml"
    text = snv.read_text(encoding="utf-8")
    snv.write_text(text.replace('  "1.5":\n', '  "1.5":\n    measured: 100\n'), encoding="utf-8")
    diags = diagnostics(ws)
    assert [(d["code"], d["item"]) for d in diags if d["code"].startswith("CCHC4")] == [
        ("CCHC414", "1.5")
    ]


def test_symlink_leaving_the_workspace_is_refused(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 outside")
    try:
        os.symlink(outside, ws / "evidence" / "link.pdf")
    except (OSError, NotImplementedError):  # pragma: no cover - Windows without privilege
        pytest.skip("symlinks not available")
    a = ws / "scores" / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8").replace("file: a-kh.pdf", "file: link.pdf"), encoding="utf-8"
    )
    found = [d for d in diagnostics(ws) if d["code"] == "CCHC425"]
    assert [(d["file"], d["line"]) for d in found] == [("scores/a.yaml", 14)]
    assert "ngoài thư mục làm việc" in found[0]["message"]


def test_windows_backslashes_in_evidence_path_are_accepted(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    (ws / "evidence" / "sa").mkdir()
    (ws / "evidence" / "sa" / "kh.pdf").write_bytes(b"%PDF-1.4")
    a = ws / "scores" / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8").replace("file: a-kh.pdf", "file: sa\\kh.pdf"),
        encoding="utf-8",
    )
    assert score_codes(diagnostics(ws)) == []


def test_checks_do_not_depend_on_file_order(tmp_path: Path) -> None:
    ws_path = copy_example(tmp_path / "ws")
    stp = ws_path / "examples/thai_nguyen_2019/scores/stp.yaml"
    stp.write_text(
        stp.read_text(encoding="utf-8").replace("score: 0.5", "score: 0.25"), encoding="utf-8"
    )
    ws = open_workspace(ws_path, ws_path)
    first = check_workspace(ws, today=dt.date(2020, 1, 18))
    from cchc_cli.scores.checks import check_scores

    assert first.tree is not None and first.plan is not None
    loaded, _ = load_scores(ws)
    forward = check_scores(ws, first.tree, first.plan, loaded, today=dt.date(2020, 1, 18))
    backward = check_scores(ws, first.tree, first.plan, loaded[::-1], today=dt.date(2020, 1, 18))
    assert sorted(forward, key=lambda d: d.sort_key()) == sorted(
        backward, key=lambda d: d.sort_key()
    )
    assert {d.code for d in forward} == {"CCHC417"}


def test_format_errors_are_attributed_to_the_agency(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    b = ws / "scores" / "b.yaml"
    b.write_text(
        b.read_text(encoding="utf-8").replace("score: 2\n", "score: hai\n", 1), encoding="utf-8"
    )
    diags = diagnostics(ws)
    bad = [d for d in diags if d["code"] == "CCHC122"]
    assert bad and bad[0]["agency"] == "BBB"
    # BBB's file exists (it is only invalid): no "no score file" error on top
    assert "CCHC400" not in {d["code"] for d in diags}


def test_missing_item_is_a_warning_in_a_draft_before_the_deadline(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    b = ws / "scores" / "b.yaml"
    text = b.read_text(encoding="utf-8").replace("status: submitted", "status: draft")
    text = text.replace('submitted: "2020-01-16"\n', "")
    text = text[: text.index('  "2.1.2":')]
    b.write_text(text, encoding="utf-8")
    before = [d for d in diagnostics(ws, "--today", "2020-01-19") if d["code"] == "CCHC415"]
    on_due = [d for d in diagnostics(ws, "--today", "2020-01-20") if d["code"] == "CCHC415"]
    assert [(d["severity"], d["item"], d["agency"]) for d in before] == [
        ("warning", "2.1.2", "BBB")
    ]
    assert [(d["severity"], d["item"]) for d in on_due] == [("error", "2.1.2")]
    assert "ngân sách" in before[0]["message"]  # names the agency's part of the split item


def test_late_submission_counts_days(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    a = ws / "scores" / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8").replace("2020-01-15", "2020-01-20"), encoding="utf-8"
    )
    late = [d for d in diagnostics(ws) if d["code"] == "CCHC405"]
    assert len(late) == 1 and "muộn 1 ngày" in late[0]["message"]


def test_rubric_measured_alone_gives_the_score(tmp_path: Path) -> None:
    ws = copy_base(tmp_path / "ws")
    a = ws / "scores" / "a.yaml"
    a.write_text(
        a.read_text(encoding="utf-8").replace(
            "    measured: 85\n    score: 1\n", "    measured: 100\n"
        ),
        encoding="utf-8",
    )
    result = run_in(ws, "merged", "--format", "json")
    items = {i["item"]: i for i in json.loads(result.stdout)["items"]}
    assert items["1.1.2"]["score"] == 2 and items["1.1.2"]["parts"][0]["measured"] == 100


def test_every_score_code_has_both_languages_and_matching_placeholders() -> None:
    src = REPO / "src" / "cchc_cli"
    used: set[str] = set()
    for path in [*(src / "scores").rglob("*.py"), *(src / "cli").rglob("*.py")]:
        used |= set(re.findall(r'"(CCHC4\d\d)"', path.read_text(encoding="utf-8")))
    assert len(used) >= 25
    vi, en = catalogue("vi"), catalogue("en")
    for code in sorted(used):
        for key in (code, f"{code}.hint", f"code.{code}"):
            assert key in vi and key in en, key
            assert placeholders(vi[key]) == placeholders(en[key]), key


# ------------------------------------------------------------------------------ schema


def _as_editor_sees_it(path: Path) -> Any:
    """YAML as VS Code's YAML 1.2 parser gives it: numbers are numbers, dates are strings."""

    def fix(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return value

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    # every item id is quoted, so YAML 1.1 and 1.2 parsers read the same keys
    assert all(isinstance(k, str) for k in raw["items"])
    return fix(raw)


@pytest.fixture(scope="module")
def example_check() -> Any:
    ws = open_workspace(REPO, REPO)
    result = check_workspace(ws)
    assert result.tree is not None and result.plan is not None
    return result


@pytest.mark.parametrize("code", AGENCIES)
def test_schema_accepts_the_example_file(code: str, example_check: Any) -> None:
    schema = build_schema(example_check.tree, example_check.plan, code, "vi")
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    data = _as_editor_sees_it(EXAMPLE_SCORES / f"{code.lower()}.yaml")
    jsonschema.Draft7Validator(schema).validate(data)
    own = [leaf.item for leaf, _ in example_check.plan.listed_items(code)]
    assert list(schema["properties"]["items"]["properties"]) == own


@pytest.mark.parametrize("code", AGENCIES)
def test_committed_example_schemas_are_up_to_date(code: str, example_check: Any) -> None:
    committed = (EXAMPLE_SCHEMAS / f"{code}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(example_check.tree, example_check.plan, code, "vi")


def test_schema_rejects_what_an_editor_should_underline(example_check: Any) -> None:
    schema = build_schema(example_check.tree, example_check.plan, "STNMT", "vi")
    validator = jsonschema.Draft7Validator(schema)
    good = _as_editor_sees_it(EXAMPLE_SCORES / "stnmt.yaml")
    assert not list(validator.iter_errors(good))

    def errors(change: Any) -> list[str]:
        data = json.loads(json.dumps(good))
        change(data)
        return [e.message for e in validator.iter_errors(data)]

    assert errors(lambda d: d["items"].update({"3.2.5": {"score": 1}}))  # not its item
    assert errors(lambda d: d["items"]["4.3.1"].update({"score": 1.5}))  # above max
    assert errors(lambda d: d["items"]["4.3.1"].update({"score": 0.25}))  # not a level
    assert errors(lambda d: d["items"]["4.3.3"].update({"measured": 120}))  # off the scale
    assert errors(lambda d: d["items"]["4.3.1"].update({"scroe": 1}))  # typo
    assert errors(lambda d: d.update({"agency": "STC"}))
    assert errors(lambda d: d["items"]["4.3.1"]["evidence"][0].update({"date": "4/10/2019"}))
    item = schema["properties"]["items"]["properties"]["4.3.1"]
    assert "Thực hiện các quy định về phân cấp quản lý" in item["description"]
    number, text, null = item["properties"]["score"]["anyOf"]
    assert (number["maximum"], number["enum"]) == (1, [0, 0.5, 1])
    assert text["type"] == "string" and null == {"type": "null"}


def test_schema_of_a_cooperating_item_has_no_score(example_check: Any) -> None:
    schema = build_schema(example_check.tree, example_check.plan, "SNV", "vi")
    coop = schema["properties"]["items"]["properties"]["1.5"]
    # cchc reads a cooperating agency's explanation as a comment: the editor accepts it too
    assert set(coop["properties"]) == {"comment", "evidence", "explanation"}


def test_schema_command(tmp_path: Path) -> None:
    result = run_in(REPO, "schema", "skhcn")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["properties"]["agency"]["const"] == "SKHCN"
    out = tmp_path / "x" / "SKHCN.json"
    result = run_in(REPO, "schema", "SKHCN", "--out", str(out))
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["title"]
    result = run_in(REPO, "--lang", "en", "schema", "XYZ")
    assert result.exit_code == 2
    assert "CCHC434" in result.output and "SNV" in result.output
    result = run_in(REPO, "schema", "SGDDT")  # a supporting agency: nothing to score
    assert result.exit_code == 1 and "CCHC433" in result.output


def test_messages_render_in_english() -> None:
    text = tr("CCHC411", "en", id="3.2.5", owners="Sở Thông tin và Truyền thông", name="Sở Nội vụ")
    assert text == "Item 3.2.5 belongs to Sở Thông tin và Truyền thông, not to Sở Nội vụ."
