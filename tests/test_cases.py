"""Bad-input cases, discovered automatically: one folder per case under ``tests/cases/``.

A case folder holds ``case.yaml`` and the files that replace or add to the small valid
workspace ``tests/cases/_base`` (same relative paths, copied byte for byte). ``case.yaml``:

    description: what the case proves
    args: [validate]          # optional, the cchc command (default: validate)
    exit: 1                   # expected exit code
    delete: [scores/c.yaml]   # optional: base files to remove first
    expect:                   # each must appear (code, file, line); more may appear
      - {code: CCHC104, file: criteria.yaml, line: 12}

Adding a case is adding a folder. Every case also runs in English and must give the same codes,
must not print a traceback and must not change or add any file in the workspace.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from cchc_cli.cli import cli

CASES = Path(__file__).parent / "cases"
BASE = CASES / "_base"


def discover() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def build_workspace(case: Path, dest: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    if spec.get("base", "_base") != "none":
        shutil.copytree(BASE, dest)
    else:
        dest.mkdir()
    for rel in spec.get("delete", []):
        target = dest / rel
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    for src in sorted(case.rglob("*")):
        if src.is_file() and src.name != "case.yaml":
            target = dest / src.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read_bytes())
    return spec


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", discover(), ids=lambda p: p.name)
def test_bad_input_case(case: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    spec = build_workspace(case, ws)
    assert spec.get("expect"), f"{case.name}: case.yaml lists no expected diagnostics"
    before = snapshot(ws)
    args = list(spec.get("args", ["validate"]))
    codes_by_lang = {}
    for lang in ("vi", "en"):
        result = CliRunner().invoke(cli, ["--lang", lang, "-C", str(ws), *args, "--format", "json"])
        assert "Traceback" not in result.output, result.output
        assert result.exit_code == spec["exit"], f"{case.name} ({lang}): {result.output}"
        payload = json.loads(result.stdout)
        found = {(d["code"], d["file"], d["line"]) for d in payload["diagnostics"]}
        for exp in spec["expect"]:
            key = (exp["code"], exp["file"], exp.get("line"))
            assert key in found, f"{case.name} ({lang}): expected {key}, got {sorted(found, key=str)}"
        for d in payload["diagnostics"]:
            assert d["message"] and d["hint"], d
            assert "input_value" not in d["message"] and "pydantic" not in d["message"].lower()
        codes_by_lang[lang] = sorted((d["code"], d["line"] or 0) for d in payload["diagnostics"])
    assert codes_by_lang["vi"] == codes_by_lang["en"]
    assert snapshot(ws) == before, "a command changed or added files in the workspace"


def test_base_workspace_is_clean() -> None:
    """The base every case starts from validates with no errors and no warnings."""
    result = CliRunner().invoke(cli, ["-C", str(BASE), "validate", "--format", "json", "--strict",
                                      "--today", "2020-01-10"])
    payload = json.loads(result.stdout)
    assert result.exit_code == 0, payload
    assert payload["counts"]["error"] == 0 and payload["counts"]["warning"] == 0
