"""Bad-input cases, discovered automatically: one folder per case under ``tests/cases/``
(the format of ``case.yaml`` is described in ``corpus.py``).

Adding a case is adding a folder. Every case also runs in English and must give the same codes;
it must not print a traceback nor a raw ``{placeholder}``, must not change or add any file or
folder in the workspace or outside it, and (for exit codes 1 and 2) must write no output. Its
text output (rich, colours forced) must show the same diagnostics. Every ``validate`` case is
also run through ``cchc report --format all``: bad input is refused with the same exit code and
nothing is written; a clean case renders all four files. ``report --draft`` never crashes
either: it makes a draft marked "DỰ THẢO" whenever the criteria and the plan can be read
(CCHC511 otherwise).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core import i18n
from cchc_cli.core.outputs import MANIFEST_NAME
from conftest import BASE, invoke
from corpus import (
    EXPECT_KEYS,
    SPEC_KEYS,
    Found,
    build_workspace,
    case_args,
    discover,
    load_spec,
    make_outside,
    matches,
    pair_up,
    parse_text,
    snapshot,
    without_colours,
)

#: a placeholder left in a message: ``{date}``, ``{days|day|days}`` (not Jinja's ``{{ x }}``)
RAW_PLACEHOLDER = re.compile(r"(?<!\{)\{\s*[A-Za-z_]\w*\s*(?:\|[^{}]*)?\}(?!\})")


@pytest.mark.parametrize("case", discover(), ids=lambda p: p.name)
def test_bad_input_case(case: Path, tmp_path: Path) -> None:
    ws, outside, out = tmp_path / "ws", tmp_path / "outside", tmp_path / "out"
    make_outside(outside)
    spec = build_workspace(case, ws, outside)
    assert spec.get("expect") or spec["exit"] == 0, f"{case.name}: case.yaml lists no expectations"
    exact = spec.get("exact", True)
    before, outside_before = snapshot(ws), snapshot(outside)
    args = case_args(spec, ws, out)
    as_json = spec.get("format", "json") == "json"
    codes_by_lang = {}
    for lang in ("vi", "en"):
        extra = ["--format", "json"] if as_json else []
        unfilled = set(i18n.UNFILLED)
        result = invoke("--lang", lang, "-C", ws, *args, *extra)
        assert result.exit_code == spec["exit"], f"{case.name} ({lang}): {result.output}"
        # no message shows a raw placeholder (`đã gửi {date}`), whatever the input (issue 11)
        assert not RAW_PLACEHOLDER.findall(result.output), f"{case.name} ({lang})"
        assert unfilled == i18n.UNFILLED, f"{case.name} ({lang}): {i18n.UNFILLED - unfilled}"
        if as_json:
            payload = json.loads(result.stdout)
            found = [Found(d["code"], d["file"], d["line"]) for d in payload["diagnostics"]]
            for d in payload["diagnostics"]:
                assert d["message"] and d["hint"], d
                assert "input_value" not in d["message"]
                assert "pydantic" not in d["message"].lower()
        else:
            found = parse_text(result.stderr)
        for exp in spec.get("expect", []):
            assert any(matches(f, exp) for f in found), (
                f"{case.name} ({lang}): expected {exp}, got {found}"
            )
        for exp in spec.get("absent", []):
            assert not any(matches(f, exp) for f in found), f"{case.name}: {exp} appeared"
        if exact:
            extra_found, unmet = pair_up(found, spec.get("expect", []))
            assert not extra_found and not unmet, (
                f"{case.name} ({lang}) is exact: not expected {extra_found}, "
                f"expected but not found (or found fewer times) {unmet}. List every diagnostic "
                "under expect:, or set exact: false with an exact_reason."
            )
        codes_by_lang[lang] = sorted((f.code, f.file or "", f.line or 0) for f in found)
    assert codes_by_lang["vi"] == codes_by_lang["en"]
    if as_json:
        # The same run as text through rich (colours forced): markup in user text, long
        # values and odd characters must print, with the same exit code and diagnostics.
        result = invoke("-C", ws, *args, env={"FORCE_COLOR": "1", "NO_COLOR": None})
        assert result.exit_code == spec["exit"], result.output
        shown = parse_text(without_colours(result.stderr))
        assert sorted((f.code, f.file or "", f.line or 0) for f in shown) == codes_by_lang["vi"]
    assert snapshot(ws) == before, "a command changed or added files in the workspace"
    assert snapshot(outside) == outside_before, "a command touched files outside the workspace"
    if spec["exit"] != 0:
        assert not out.exists(), "a failing command wrote output"


def _report_args(spec: dict[str, Any]) -> list[str] | None:
    """``report`` with the case's --strict/--today, for cases that run ``validate``."""
    args = [str(a) for a in spec.get("args", ["validate"])]
    if not args or args[0] != "validate":
        return None
    kept: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        if rest[i] == "--strict":
            kept.append("--strict")
        elif rest[i] == "--today" and i + 1 < len(rest):
            kept += ["--today", rest[i + 1]]
            i += 1
        i += 1
    return ["report", "--format", "all", *kept]


REPORTABLE = [c for c in discover() if _report_args(load_spec(c)) is not None]


@pytest.mark.parametrize("case", REPORTABLE, ids=lambda p: p.name)
def test_report_refuses_bad_input(case: Path, tmp_path: Path) -> None:
    """What validate rejects, report refuses (same exit code) without writing anything."""
    ws, outside, out = tmp_path / "ws", tmp_path / "outside", tmp_path / "out"
    make_outside(outside)
    spec = build_workspace(case, ws, outside)
    args = _report_args(spec)
    assert args is not None
    before = snapshot(ws)
    result = invoke("-C", ws, *args, "--out", out)
    assert result.exit_code == spec["exit"], f"{case.name}: {result.output}"
    assert snapshot(ws) == before
    if spec["exit"] != 0:
        assert not out.exists(), f"{case.name}: report wrote {snapshot(out)}"
    else:
        written = sorted(p.suffix for p in out.iterdir() if p.name != MANIFEST_NAME)
        # each format, and the internal companion of docx, html and md
        assert written == [".docx", ".docx", ".html", ".html", ".md", ".md", ".xlsx"], written
        assert (out / MANIFEST_NAME).is_file(), "a report's folder records what cchc wrote"
    # A draft is made whenever the criteria and the plan can be read, marked on every page.
    draft = tmp_path / "draft.md"
    result = invoke("-C", ws, "report", "--draft", "--format", "md", "--out", draft, *args[3:])
    assert snapshot(ws) == before
    # a clean workspace drafts; an unusable cchc.yaml (2) stops everything; bad data (1) still
    # drafts when the criteria and the plan can be read, and says why not otherwise
    allowed = {0: (0,), 1: (0, 1), 2: (2,)}[spec["exit"]]
    assert result.exit_code in allowed, f"{case.name}: {result.output}"
    if result.exit_code == 0:
        assert "DỰ THẢO" in draft.read_text(encoding="utf-8")
        assert ("CCHC512" in result.output) == (spec["exit"] == 1), result.output
    else:
        assert not draft.exists()
    if result.exit_code == 1:
        assert "CCHC511" in result.output, result.output


def test_base_workspace_is_clean() -> None:
    """The base every case starts from validates with no errors and no warnings."""
    result = invoke("-C", BASE, "validate", "--format", "json", "--strict", "--today", "2020-01-18")
    payload = json.loads(result.stdout)
    assert result.exit_code == 0, payload
    assert payload["counts"] == {"error": 0, "warning": 0, "info": 1}
    # the one info every case inherits: the split of 2.1.2 overrides the rule giving area 2
    (info,) = payload["diagnostics"]
    assert (info["code"], info["file"], info["line"]) == ("CCHC318", "plan.yaml", 24)


def test_case_files_are_well_formed() -> None:
    """A misspelt key would silently be ignored (``exat: false``): every key is known, every
    expectation names a code, and a case that is not exact says why."""
    for case in discover():
        spec = load_spec(case)
        assert set(spec) <= SPEC_KEYS, f"{case.name}: unknown keys {set(spec) - SPEC_KEYS}"
        assert spec.get("description") and spec["exit"] in (0, 1, 2), case.name
        for exp in [*spec.get("expect", []), *spec.get("absent", [])]:
            assert set(exp) <= EXPECT_KEYS and re.fullmatch(r"CCHC\d{3}", exp["code"]), (
                case.name,
                exp,
            )
        assert spec.get("exact", True) in (True, False), case.name
        if spec.get("exact", True) is False:
            assert str(spec.get("exact_reason") or "").strip(), f"{case.name}: why not exact?"
        else:
            assert "exact_reason" not in spec, f"{case.name}: exact_reason on an exact case"


def test_corpus_size() -> None:
    """The issue asks for at least 60 bad-input cases across the four kinds of file."""
    cases = discover()
    assert len(cases) >= 60
    touched: set[str] = set()
    for case in cases:
        names = {p.name for p in case.rglob("*") if p.is_file()}
        names |= {Path(g["file"]).name for g in load_spec(case).get("generate", [])}
        touched |= {"cchc.yaml" if n == "cchc.yaml" else n for n in names}
    for kind in ("cchc.yaml", "criteria.yaml", "plan.yaml"):
        assert kind in touched
    assert touched & {"a.yaml", "b.yaml", "c.yaml"}


# ----------------------------------------------------- text output: plain writer == rich's


@pytest.mark.parametrize("case", discover(), ids=lambda p: p.name)
def test_plain_text_output_matches_rich(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a terminal, diagnostics are written without rich (faster start-up); the text
    must be exactly what rich writes to a file or a pipe."""
    from cchc_cli.cli import output as render

    ws, outside, out = tmp_path / "ws", tmp_path / "outside", tmp_path / "out"
    make_outside(outside)
    spec = build_workspace(case, ws, outside)
    args = ["-C", str(ws), *case_args(spec, ws, out)]
    plain = invoke(*args)
    monkeypatch.setattr(render, "diagnostics_console", render.make_console)
    rich = invoke(*args)
    assert plain.exit_code == rich.exit_code == spec["exit"]
    assert plain.stderr == rich.stderr
    assert plain.stdout == rich.stdout
