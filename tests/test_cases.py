"""Bad-input cases, discovered automatically: one folder per case under ``tests/cases/``.

A case folder holds ``case.yaml`` and the files that replace or add to the small valid
workspace ``tests/cases/_base`` (same relative paths, copied byte for byte). ``case.yaml``:

    description: what the case proves
    args: [validate]          # optional, the cchc command (default: validate); "{out}" is a
                              # folder outside the workspace (for report --out), "{ws}" the
                              # workspace itself
    format: json              # optional: json (default, adds --format json) or text (parse the
                              # "file:line:col: severity: message [CODE]" lines on stderr)
    exit: 1                   # expected exit code
    delete: [scores/c.yaml]   # optional: base files to remove first
    generate:                 # optional: files made at test time (too big or binary to commit)
      - file: scores/c.yaml
        text: "format: 1\n"   # or head/repeat/tail with size (bytes): head + repeat… + tail
        encoding: utf-16-le-bom  # utf-8 (default), utf-8-sig, utf-16-le-bom, utf-16-be-bom,
                                 # utf-16-le, cp1258
        newline: crlf          # lf (default), crlf or cr
        nfd: true              # write the text decomposed (NFD), as some keyboards type it
    symlink:                  # optional (skipped where symlinks cannot be made)
      - {link: evidence/x.pdf, target: "{outside}/secret.pdf"}   # {outside}: a folder beside
                                                                 # the workspace, with files
    expect:                   # every diagnostic of the run, each once (code; file and line
      - {code: CCHC104, file: criteria.yaml, line: 12}   # where it has them)
    exact: false              # optional: by default a case is exact — a diagnostic that no
    exact_reason: "…"         # expectation accounts for fails it. A case that lets more appear
                              # says why (exact: false needs an exact_reason)
    absent:                   # optional: each must NOT appear (same keys; line optional)
      - {code: CCHC104, file: scores/a.yaml, line: 9}

Adding a case is adding a folder. Every case also runs in English and must give the same codes;
it must not print a traceback, must not change or add any file or folder in the workspace or
outside it, and (for exit codes 1 and 2) must write no output. Its text output (rich, colours
forced) must show the same diagnostics. Every ``validate`` case is also run through
``cchc report --format all``: bad input is refused with the same exit code and nothing is
written; a clean case renders all four files. ``report --draft`` never crashes either: it makes
a draft marked "DỰ THẢO" whenever the criteria and the plan can be read (CCHC511 otherwise).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE, CASES, invoke

#: the keys a case.yaml may have, and those of one expected diagnostic
SPEC_KEYS = {
    "description",
    "args",
    "format",
    "exit",
    "base",
    "delete",
    "generate",
    "symlink",
    "expect",
    "exact",
    "exact_reason",
    "absent",
}
EXPECT_KEYS = {"code", "file", "line"}

_TEXT_LINE = re.compile(
    r"^(?P<file>\S.*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: (?P<rest>.*) \[(?P<code>CCHC\d{3})\]$"
)


def discover() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_spec(case: Path) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    return spec


# ------------------------------------------------------------------------ building a workspace


def _encode(text: str, item: dict[str, Any]) -> bytes:
    newline = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[item.get("newline", "lf")]
    if newline != "\n":
        text = text.replace("\n", newline)
    if item.get("nfd"):
        text = unicodedata.normalize("NFD", text)
    encoding = item.get("encoding", "utf-8")
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


def _generate(dest: Path, item: dict[str, Any]) -> None:
    target = dest / item["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if "text" in item:
        target.write_bytes(_encode(item["text"], item))
        return
    head = _encode(item.get("head", ""), item)
    tail = _encode(item.get("tail", ""), item)
    chunk = _encode(item["repeat"], item)
    count = max(0, (int(item["size"]) - len(head) - len(tail)) // len(chunk) + 1)
    with target.open("wb") as handle:
        handle.write(head)
        block = chunk * max(1, (1 << 20) // len(chunk))
        written = 0
        while written + len(block) <= count * len(chunk):
            handle.write(block)
            written += len(block)
        handle.write(chunk * ((count * len(chunk) - written) // len(chunk)))
        handle.write(tail)


def make_outside(folder: Path) -> None:
    """Files a hostile workspace may try to reach: a 'secret' beside it, a folder, a score."""
    (folder / "docs").mkdir(parents=True)
    (folder / "secret.pdf").write_bytes(b"%PDF-1.4 secret\n")
    (folder / "docs" / "inner.pdf").write_bytes(b"%PDF-1.4 inner\n")
    (folder / "other.yaml").write_text("format: 1\nagency: CCC\n", encoding="utf-8")


def build_workspace(case: Path, dest: Path, outside: Path | None = None) -> dict[str, Any]:
    spec = load_spec(case)
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
    for item in spec.get("generate", []):
        _generate(dest, item)
    for item in spec.get("symlink", []):
        if outside is None:
            pytest.skip("symlink case needs an outside folder")
        link = dest / item["link"]
        link.parent.mkdir(parents=True, exist_ok=True)
        target = str(item["target"]).replace("{outside}", str(outside))
        try:
            os.symlink(target, link)
        except (OSError, NotImplementedError):
            pytest.skip("symbolic links are not available here")
    return spec


def snapshot(root: Path) -> dict[str, str]:
    """Every file (by content) and folder below ``root``; links are recorded, not followed."""
    found: dict[str, str] = {}
    if not root.exists():
        return found
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            found[rel] = "link->" + os.readlink(p)
        elif p.is_dir():
            found[rel] = "<dir>"
        elif p.is_file():
            found[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return found


# ----------------------------------------------------------------------------- running a case


@dataclass
class Found:
    code: str
    file: str | None
    line: int | None


def parse_text(output: str) -> list[Found]:
    found: list[Found] = []
    for line in output.splitlines():
        m = _TEXT_LINE.match(line)
        if m is None:
            continue
        file = None if m["file"] == "cchc" else m["file"]
        found.append(Found(m["code"], file, int(m["line"]) if m["line"] else None))
    return found


def _args(spec: dict[str, Any], ws: Path, out: Path) -> list[str]:
    return [
        str(a).replace("{out}", str(out)).replace("{ws}", str(ws))
        for a in spec.get("args", ["validate"])
    ]


def _matches(found: Found, exp: dict[str, Any]) -> bool:
    if found.code != exp["code"]:
        return False
    if "file" in exp and found.file != exp["file"]:
        return False
    return "line" not in exp or found.line == exp["line"]


def pair_up(
    found: list[Found], expected: list[dict[str, Any]]
) -> tuple[list[Found], list[dict[str, Any]]]:
    """Match diagnostics and expectations one to one; return what is left of each. The most
    specific expectations (code, file and line) take their diagnostic first."""
    left = list(found)
    unmet: list[dict[str, Any]] = []
    for exp in sorted(expected, key=len, reverse=True):
        match = next((i for i, f in enumerate(left) if _matches(f, exp)), None)
        if match is None:
            unmet.append(exp)
        else:
            del left[match]
    return left, unmet


def _without_colours(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.mark.parametrize("case", discover(), ids=lambda p: p.name)
def test_bad_input_case(case: Path, tmp_path: Path) -> None:
    ws, outside, out = tmp_path / "ws", tmp_path / "outside", tmp_path / "out"
    make_outside(outside)
    spec = build_workspace(case, ws, outside)
    assert spec.get("expect") or spec["exit"] == 0, f"{case.name}: case.yaml lists no expectations"
    exact = spec.get("exact", True)
    before, outside_before = snapshot(ws), snapshot(outside)
    args = _args(spec, ws, out)
    as_json = spec.get("format", "json") == "json"
    codes_by_lang = {}
    for lang in ("vi", "en"):
        extra = ["--format", "json"] if as_json else []
        result = invoke("--lang", lang, "-C", ws, *args, *extra)
        assert result.exit_code == spec["exit"], f"{case.name} ({lang}): {result.output}"
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
            assert any(_matches(f, exp) for f in found), (
                f"{case.name} ({lang}): expected {exp}, got {found}"
            )
        for exp in spec.get("absent", []):
            assert not any(_matches(f, exp) for f in found), f"{case.name}: {exp} appeared"
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
        shown = parse_text(_without_colours(result.stderr))
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
        written = sorted(p.suffix for p in out.iterdir())
        assert written == [".docx", ".html", ".md", ".xlsx"], written
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
    result = invoke("-C", BASE, "validate", "--format", "json", "--strict", "--today", "2020-01-10")
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


# ------------------------------------------------------------- hostile but valid: printed as is

HOSTILE_TEXT = CASES / "hostile-valid-markup-jinja-formula"
PIECES = [
    "[/bold] [red]đỏ[/red]",
    "{{ 7*7 }}",
    "{% for x in y %}x{% endfor %}",
    '=HYPERLINK("http://evil","bấm")',
    "<b>&amp;</b>",
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
]


def _render_all(case: Path, tmp_path: Path) -> Path:
    ws, out = tmp_path / "ws", tmp_path / "out"
    build_workspace(case, ws)
    result = invoke("-C", ws, "report", "--format", "all", "--out", out, "--date", "2020-01-19")
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".html", ".md", ".xlsx"]
    return out


def test_hostile_text_is_printed_literally(tmp_path: Path) -> None:
    """rich markup, Jinja, HTML and Excel formulas in an explanation: data, never code."""
    import html
    from html.parser import HTMLParser

    import openpyxl
    from docx import Document

    out = _render_all(HOSTILE_TEXT, tmp_path)
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    for piece in PIECES:
        assert piece.replace("|", "\\|") in md, piece
    assert "a\\|b<br>@SUM" in md  # the table cell is not broken by | or the line break

    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert "<b>&amp;</b>" not in page and "<script" not in page
    assert html.escape("<b>&amp;</b>", quote=False) in page

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.chunks: list[str] = []

        def handle_data(self, data: str) -> None:
            self.chunks.append(data)

    parser = Text()
    parser.feed(page)
    shown = "".join(parser.chunks)
    for piece in PIECES:
        assert piece in shown, piece

    book = openpyxl.load_workbook(next(out.glob("*.xlsx")))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a formula was written"
    holding = [c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert holding and all(c.data_type == "s" for c in holding)
    for piece in PIECES:
        assert any(isinstance(c.value, str) and piece in c.value for c in cells), piece

    doc = Document(str(next(out.glob("*.docx"))))
    words = "\n".join(cell.text for table in doc.tables for row in table.rows for cell in row.cells)
    for piece in PIECES:
        assert piece in words, piece


def test_negative_zero_is_zero(tmp_path: Path) -> None:
    """-0 as a score validates and counts as 0: same total as 0, printed 0, never -0."""
    ws = tmp_path / "ws"
    build_workspace(CASES / "hostile-valid-negative-zero", ws)
    zero = invoke("-C", BASE, "merged", "--format", "json")
    minus = invoke("-C", ws, "merged", "--format", "json")
    assert zero.exit_code == minus.exit_code == 0, minus.output
    base, data = json.loads(zero.stdout), json.loads(minus.stdout)
    assert data["total"] == base["total"]
    leaf = next(i for i in data["items"] if i["item"] == "2.1.2")
    part = next(p for p in leaf["parts"] if p["agency"] == "CCC")
    assert part["score"] == 0 and str(part["score"]) == "0"
    assert leaf["score"] == 0 and str(leaf["score"]) == "0"
    out = _render_all(CASES / "hostile-valid-negative-zero", tmp_path / "r")
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| 2.1.2 |"))
    assert "| 0 |" in row and "-0" not in row


ENCODINGS: dict[str, dict[str, Any]] = {
    "utf-8-bom": {"encoding": "utf-8-sig"},
    "utf-16-le-bom": {"encoding": "utf-16-le-bom"},
    "utf-16-be-bom-crlf": {"encoding": "utf-16-be-bom", "newline": "crlf"},
    "crlf": {"newline": "crlf"},
    "cr": {"newline": "cr"},
    "nfd": {"nfd": True},
    "nfd-crlf-bom": {"nfd": True, "newline": "crlf", "encoding": "utf-8-sig"},
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
def test_every_file_re_encoded_gives_the_same_result(variant: str, tmp_path: Path) -> None:
    """Every input file saved with a BOM, as UTF-16, with Windows/old-Mac line ends or typed
    decomposed (NFD): the workspace checks and merges exactly like the UTF-8/LF/NFC original."""
    ws = tmp_path / "ws"
    shutil.copytree(BASE, ws)
    for path in [*ws.glob("*.yaml"), *ws.glob("scores/*.yaml")]:
        path.write_bytes(_encode(path.read_text(encoding="utf-8"), ENCODINGS[variant]))
    results = {}
    for name, root in (("base", BASE), (variant, ws)):
        checked = invoke("-C", root, "validate", "--format", "json", "--today", "2020-01-10")
        merged = invoke("-C", root, "merged", "--format", "json")
        assert checked.exit_code == merged.exit_code == 0, checked.output
        codes = [
            (d["code"], d["file"], d["line"], d["message"])
            for d in json.loads(checked.stdout)["diagnostics"]
        ]
        results[name] = (codes, json.loads(merged.stdout))
    assert results[variant] == results["base"]


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
    args = ["-C", str(ws), *_args(spec, ws, out)]
    plain = invoke(*args)
    monkeypatch.setattr(render, "diagnostics_console", render.make_console)
    rich = invoke(*args)
    assert plain.exit_code == rich.exit_code == spec["exit"]
    assert plain.stderr == rich.stderr
    assert plain.stdout == rich.stdout


# ------------------------------------------------- many workspaces in one run (the Ministry)

FOLDER_CASES = [
    "crit-wrong-sum",
    "hostile-types-criteria",
    "core-cp1258",
    "score-above-max",
    "hostile-valid-negative-zero",
    "plan-unknown-agency-code",
]


def test_folder_of_workspaces_matches_separate_runs(tmp_path: Path) -> None:
    """`cchc validate -C DIR` (DIR holds workspaces, not a cchc.yaml) checks every sub-folder
    in one run. The diagnostics are those of separate runs, prefixed with the sub-folder —
    also when identical criteria files are parsed and checked only once."""
    folder = tmp_path / "tinh"
    names = []
    for i, name in enumerate(["_base", *FOLDER_CASES, "_base", "crit-wrong-sum"]):
        dest = folder / f"{i:02d}-{name.strip('_')}"
        if name == "_base":
            shutil.copytree(BASE, dest)
        else:
            build_workspace(CASES / name, dest)
        names.append(dest.name)
    (folder / "khong-phai-tinh").mkdir()  # no cchc.yaml: not a workspace, ignored
    expected: list[tuple[Any, ...]] = []
    worst = 0
    for name in names:
        one = invoke("-C", folder / name, "validate", "--format", "json")
        worst = max(worst, one.exit_code)
        for d in json.loads(one.stdout)["diagnostics"]:
            file = f"{name}/{d['file']}" if d["file"] else None
            expected.append((d["code"], file, d["line"], d["column"], d["message"]))
    together = invoke("-C", folder, "validate", "--format", "json")
    assert together.exit_code == worst == 1
    found = [
        (d["code"], d["file"], d["line"], d["column"], d["message"])
        for d in json.loads(together.stdout)["diagnostics"]
    ]
    assert sorted(found, key=str) == sorted(expected, key=str)
    text = invoke("-C", folder, "validate")
    assert text.exit_code == 1 and f"{names[1]}/criteria.yaml:" in text.stderr


def test_folder_without_workspaces_is_a_config_error(tmp_path: Path) -> None:
    result = invoke("-C", tmp_path, "validate", "--format", "json")
    assert result.exit_code == 2
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["CCHC001"]
