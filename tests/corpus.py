"""The bad-input case corpus (``tests/cases/``): reading a case, building its workspace,
reading diagnostics back. One folder per case; the tests are in ``test_cases.py``.

A case folder holds ``case.yaml`` and the files that replace or add to the small valid
workspace ``tests/cases/_base`` (same relative paths, copied byte for byte). ``case.yaml``:

    description: what the case proves
    args: [validate]          # optional, the cchc command (default: validate); "{out}" is a
                              # folder outside the workspace (for report --out), "{ws}" the
                              # workspace itself
    format: json              # optional: json (default, adds --format json) or text (parse the
                              # "file:line:col: severity: message [CODE]" lines on stderr)
    exit: 1                   # expected exit code
    base: none                # optional: start from an empty folder instead of _base
    delete: [scores/c.yaml]   # optional: base files to remove first
    generate:                 # optional: files made at test time (too big or binary to commit)
      - file: scores/c.yaml
        text: "format: 1\n"   # or head/repeat/tail with size (bytes): head + repeat… + tail
        encoding: utf-16-le-bom  # utf-8 (default), utf-8-sig, utf-16-le-bom, utf-16-be-bom,
                                 # utf-16-le, cp1258
        newline: crlf          # lf (default), crlf or cr
        nfd: true              # write the text decomposed (NFD), as some keyboards type it
        nfd_name: true         # the file's path decomposed (NFD), as macOS and its zips store
                               # Vietnamese names (``text: ""`` makes an empty, 0-byte file)
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
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE, CASES

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


def encode(text: str, item: dict[str, Any]) -> bytes:
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
    name = str(item["file"])
    target = dest / (unicodedata.normalize("NFD", name) if item.get("nfd_name") else name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if "text" in item:
        target.write_bytes(encode(item["text"], item))
        return
    head = encode(item.get("head", ""), item)
    tail = encode(item.get("tail", ""), item)
    chunk = encode(item["repeat"], item)
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


def case_args(spec: dict[str, Any], ws: Path, out: Path) -> list[str]:
    return [
        str(a).replace("{out}", str(out)).replace("{ws}", str(ws))
        for a in spec.get("args", ["validate"])
    ]


def matches(found: Found, exp: dict[str, Any]) -> bool:
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
        match = next((i for i, f in enumerate(left) if matches(f, exp)), None)
        if match is None:
            unmet.append(exp)
        else:
            del left[match]
    return left, unmet


def without_colours(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)
