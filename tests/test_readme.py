"""What README.md shows cchc printing on the bundled example is what cchc prints.

Each output shown in README — a ``$ cchc …`` block, an excerpt introduced by "(`cchc …`):",
the three warnings of the example, the JSON of ``status``/``merged``/``owners``, the totals in
the text — is compared with the real output of cchc, run in-process on a copy of the example
workspace. In a shown output "…" stands for what was left out: any text within a line, any
number of whole lines when it is a line of its own, any string as a JSON value, and further
members or elements when it ends a JSON object or list.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, REPO, copy_example, invoke, run_in

README = (REPO / "README.md").read_text(encoding="utf-8")
ELLIPSIS = "…"
#: where a shown JSON object or list says "and more"
MORE = "… and more"
SCORES = EXAMPLE.relative_to(REPO) / "scores"


@dataclass(frozen=True)
class Block:
    info: str  # the fence's language
    body: str
    line: int  # of the opening fence in README.md
    before: str  # the prose just before the block

    def __str__(self) -> str:
        return f"README.md:{self.line}"


def _blocks() -> list[Block]:
    found = []
    for m in re.finditer(r"^```(\w*)\n(.*?)^```$", README, re.MULTILINE | re.DOTALL):
        line = README.count("\n", 0, m.start()) + 1
        before = README[: m.start()].rstrip().rsplit("\n\n", 1)[-1]
        found.append(Block(m[1], m[2], line, before))
    return found


BLOCKS = _blocks()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example workspace for the read-only commands of this module."""
    return copy_example(tmp_path_factory.mktemp("readme") / "example")


def cchc(root: Path, *args: str, code: int = 0) -> Any:
    result = run_in(root, *args)
    assert result.exit_code == code, result.output
    return result


# --------------------------------------------------------------------- text with "…" in it


def line_pattern(shown: str) -> str:
    """A shown line as a regex; the blank before "…" may be punctuation: "(working) …" is
    "(working), chưa đối chiếu …" cut short."""
    pieces = shown.replace(f" {ELLIPSIS}", ELLIPSIS).split(ELLIPSIS)
    return "[^\n]*?".join(re.escape(piece) for piece in pieces)


def text_pattern(shown: str) -> re.Pattern[str]:
    """Shown lines as a regex over real lines ("…" alone on a line: one or more lines)."""
    parts = []
    for line in shown.rstrip("\n").split("\n"):
        if line.strip() == ELLIPSIS:
            parts.append("(?:[^\n]*\n)+?")
        else:
            parts.append(line_pattern(line) + "\n")
    return re.compile("".join(parts))


def plain(output: str) -> str:
    """Output lines without trailing blanks (rich pads some)."""
    return "".join(line.rstrip() + "\n" for line in output.splitlines())


def assert_shows(shown: str, output: str, where: object, *, whole: bool) -> None:
    pattern, real = text_pattern(shown), plain(output)
    found = pattern.fullmatch(real) if whole else pattern.search(real)
    assert found, f"{where} shows\n{shown}\nbut cchc prints\n{real}"


# --------------------------------------------------------------------- JSON with "…" in it


@dataclass(frozen=True)
class Number:
    """A number as README writes it: 65 and 65.0 are different texts."""

    text: str


def parse_shown_json(text: str) -> Any:
    text = re.sub(r",\s*…\s*\]", f', "{MORE}"]', text)
    text = re.sub(r",\s*…\s*\}", f', "{MORE}": null}}', text)
    return json.loads(text, parse_int=Number, parse_float=Number)


def mismatches(shown: Any, real: Any, path: str = "$") -> list[str]:
    """How ``real`` (parsed JSON) differs from the ``shown`` JSON (``parse_shown_json``)."""
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{path}: {real!r} is not an object"]
        keys = [k for k in shown if k != MORE]
        problems = [f"{path}: no key {k!r}" for k in keys if k not in real]
        if MORE not in shown and set(real) != set(keys):
            problems.append(f"{path}: keys {list(real)}, README shows {keys}")
        if [k for k in real if k in shown] != [k for k in keys if k in real]:
            problems.append(f"{path}: keys in the order {list(real)}, README shows {keys}")
        for k in keys:
            if k in real:
                problems += mismatches(shown[k], real[k], f"{path}.{k}")
        return problems
    if isinstance(shown, list):
        if not isinstance(real, list):
            return [f"{path}: {real!r} is not a list"]
        more = bool(shown) and shown[-1] == MORE
        items = shown[:-1] if more else shown
        if not more:
            if len(real) != len(items):
                return [f"{path}: {len(real)} elements, README shows {len(items)}"]
            return [
                p
                for i, (s, r) in enumerate(zip(items, real, strict=True))
                for p in mismatches(s, r, f"{path}[{i}]")
            ]
        at = 0  # the shown elements appear in this order, others may come between
        for s in items:
            while at < len(real) and mismatches(s, real[at]):
                at += 1
            if at == len(real):
                return [f"{path}: no element like the one shown", *_closest(s, real, path)]
            at += 1
        return []
    if isinstance(shown, Number):
        if isinstance(real, bool) or not isinstance(real, (int, float)):
            return [f"{path}: {real!r} is not a number"]
        if json.dumps(real) != shown.text:
            return [f"{path}: cchc prints {json.dumps(real)}, README shows {shown.text}"]
        return []
    if isinstance(shown, str):
        if isinstance(real, str) and re.fullmatch(line_pattern(shown), real, re.DOTALL):
            return []
        return [f"{path}: cchc prints {real!r}, README shows {shown!r}"]
    return [] if real is shown else [f"{path}: cchc prints {real!r}, README shows {shown!r}"]


def _closest(shown: Any, real: list[Any], path: str) -> list[str]:
    """How the element with the same first value (e.g. the same "item") differs."""
    if not isinstance(shown, dict) or not shown:
        return []
    key = next(iter(shown))
    for i, element in enumerate(real):
        if isinstance(element, dict) and element.get(key) == shown[key]:
            return mismatches(shown, element, f"{path}[{i}]")
    return []


def test_shown_json_is_read_with_its_gaps() -> None:
    shown = parse_shown_json('{"a": [{"b": 1.0}, …], "c": "x…z", …}')
    assert mismatches(shown, {"a": [{"b": 2}, {"b": 1.0}], "c": "xyz", "d": 0}) == []
    assert mismatches(shown, {"a": [{"b": 1}], "c": "xyz"})  # 1 is not 1.0
    assert mismatches(shown, {"c": "xyz", "a": [{"b": 1.0}]})  # order of the keys
    assert mismatches(parse_shown_json('{"a": []}'), {"a": [], "b": 1})  # no "…": no more keys


# ------------------------------------------------------------------------ the shown outputs


def _dollar_blocks() -> list[Block]:
    return [b for b in BLOCKS if b.body.startswith("$ cchc ")]


@pytest.mark.parametrize("block", _dollar_blocks(), ids=str)
def test_command_blocks_show_the_real_output(block: Block, example: Path) -> None:
    """A block that starts with ``$ cchc …`` shows the command's whole output."""
    command, _, shown = block.body.partition("\n")
    result = cchc(example, *shlex.split(command)[2:])
    assert_shows(shown, result.stdout, block, whole=True)


def _excerpt_blocks() -> list[tuple[Block, str]]:
    found = []
    for block in BLOCKS:
        m = re.search(r"\(`cchc ([^`]+)`\):$", block.before)
        if m is not None:
            found.append((block, m[1]))
    return found


@pytest.mark.parametrize(("block", "command"), _excerpt_blocks(), ids=str)
def test_excerpts_are_lines_of_the_real_output(block: Block, command: str, example: Path) -> None:
    """A block introduced by "(`cchc …`):" shows consecutive lines of that command's output."""
    result = cchc(example, *shlex.split(command))
    assert_shows(block.body, result.stdout, block, whole=False)


def test_the_example_s_warnings(example: Path) -> None:
    """README lists the warnings `cchc validate` always gives on the example: all of them."""
    (block,) = [b for b in BLOCKS if "[CCHC210]" in b.body]
    shown = block.body.rstrip("\n").split("\n")
    assert len(shown) == 3 and "ba cảnh báo" in block.before  # "three warnings"
    result = cchc(example, "validate")
    warnings = [ln for ln in result.stderr.splitlines() if re.match(r"\S+: cảnh báo: ", ln)]
    assert len(warnings) == len(shown), warnings
    for text, real in zip(shown, warnings, strict=True):
        assert re.fullmatch(line_pattern(text), real), f"{block} shows\n{text}\ncchc: {real}"


def without_line_numbers(text: str) -> str:
    """Source lines shown around a diagnostic, their numbers (and the gutter's width) taken
    away: "  41 |   x" → "|   x"."""
    return re.sub(r"(?m)^ +\d* \|", "|", text)


def test_the_diagnostic_format_shown(example_ws: Path) -> None:
    """The illustration of a diagnostic (not a file of the example: the item is moved to the
    end of snv.yaml, as in README) prints as shown; its summary counts are illustrative."""
    (block,) = [b for b in BLOCKS if "[CCHC122]" in b.body]
    snv = example_ws / SCORES / "snv.yaml"
    text = snv.read_text(encoding="utf-8")
    start = text.index('  "1.1.3":\n')
    end = text.index('  "', start + 1)
    text = text[:start] + text[end:] + '  "1.1.3":\n    score: một\n'
    snv.write_text(text, encoding="utf-8")
    last = text.count("\n")
    shown = block.body.replace("scores/snv.yaml:42:", f"{SCORES.as_posix()}/snv.yaml:{last}:")
    *diagnostic, summary = shown.rstrip("\n").split("\n")
    result = cchc(example_ws, "validate", code=1)
    # the source lines shown around the error, numbered 41 and 42 in README
    shown_lines = without_line_numbers("\n".join(diagnostic))
    assert_shows(shown_lines, without_line_numbers(result.stderr), block, whole=False)
    counts = re.escape(summary).replace(r"1\ lỗi", r"\d+\ lỗi").replace(r"0\ ", r"\d+\ ")
    assert re.fullmatch(counts, result.stderr.splitlines()[-1]), (summary, result.stderr)


def test_the_import_error_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Step 5 of "Chép phụ lục chính thức": the example's tree exported, 3.2's children made
    to add up to 2.5, imported from .xlsx. The row is the user's own (illustrative)."""
    from openpyxl import Workbook

    m = re.search(r"(`+)(phuluc\.xlsx:\d+:(\d+): .*?\[CCHC204\])\1", README, re.DOTALL)
    assert m is not None, "README no longer shows the import error"
    shown = re.sub(r"\s*\n\s*", " ", m[2])
    table = cchc(REPO, "tree", "--format", "csv").stdout_bytes.decode("utf-8-sig")
    book = Workbook()
    for row in csv.reader(io.StringIO(table)):
        if row[0] == "3.2.5":  # 1 → 0.5: the children of 3.2 add up to 2.5, not 3
            row[2], row[4] = "0.5", "0; 0.5"
        book.active.append(row)
    book.save(tmp_path / "phuluc.xlsx")
    monkeypatch.chdir(tmp_path)
    like = REPO / "criteria" / "2019.yaml"
    result = invoke("criteria", "import", "phuluc.xlsx", "--out", "x.yaml", "--like", like)
    assert result.exit_code == 1, result.output
    (real,) = [ln for ln in result.stderr.splitlines() if ln.endswith("[CCHC204]")]
    where, _, message = shown.partition(": ")
    assert real.split(": ", 1)[0].rsplit(":", 1)[1] == m[3]  # the column of `max`
    assert real.split(": ", 1)[1] == message, f"README: {shown}\ncchc:   {real}"
    assert where.startswith("phuluc.xlsx:")


# ------------------------------------------------------------------------------------ JSON

#: the command behind each JSON block of README, told apart by a key only it shows
JSON_COMMANDS = {
    '"deadline"': ("status", "--format", "json", "--today", "2020-01-17"),
    '"areas"': ("merged", "--format", "json"),
    '"rule"': ("owners", "--format", "json"),
    '"appraised_total"': ("index", "--format", "json"),
}


def _json_blocks() -> list[tuple[Block, tuple[str, ...]]]:
    found = []
    for block in [b for b in BLOCKS if b.info == "json"]:
        commands = [cmd for key, cmd in JSON_COMMANDS.items() if key in block.body]
        assert len(commands) == 1, f"{block}: which command does this JSON come from?"
        found.append((block, commands[0]))
    return found


@pytest.mark.parametrize(
    ("block", "command"), _json_blocks(), ids=lambda v: str(v) if isinstance(v, Block) else v[0]
)
def test_json_blocks_show_the_real_json(
    block: Block, command: tuple[str, ...], example: Path
) -> None:
    real = json.loads(cchc(example, *command).stdout)
    shown = parse_shown_json(block.body)
    if isinstance(real, list) and isinstance(shown, dict):  # README shows one element
        real = next((e for e in real if e.get("item") == shown.get("item")), None)
    problems = mismatches(shown, real)
    assert not problems, f"{block} ({' '.join(command)}):\n" + "\n".join(problems)


def test_validate_json_shape(example: Path) -> None:
    """The keys of `validate --format json` as the validate section lists them."""
    m = re.search(
        r'`\{"ok": bool, "counts": \{(.*?)\}, "diagnostics": \[\{(.*?)\}\]\}`', README, re.S
    )
    assert m is not None, "README no longer shows the shape of validate's JSON"
    payload = json.loads(cchc(example, "validate", "--format", "json").stdout)
    assert list(payload) == ["ok", "counts", "diagnostics"]
    assert list(payload["counts"]) == re.findall(r'"(\w+)": n', m[1])
    keys = re.findall(r'"(\w+)"', m[2])
    assert payload["diagnostics"] and all(list(d) == keys for d in payload["diagnostics"])


# ------------------------------------------------------------------------ figures in the text


def test_totals_in_the_text(example: Path) -> None:
    m = re.search(r"Tổng phần tự chấm của ví dụ: ([\d.]+) / ([\d.]+)\.", README)
    assert m is not None
    out = cchc(example, "merged").stdout
    assert f"Tổng điểm tự chấm: {m[1]} / {m[2]};" in out


def test_tree_counts_in_the_text(example: Path) -> None:
    m = re.search(
        r"Cây làm việc có \*\*(\d+) lĩnh vực, (\d+) tiêu chí, (\d+) tiêu chí thành phần "
        r"\((\d+) mục chấm điểm\)\*\* — không\s+khớp (\d+)/(\d+) đã công bố",
        README,
    )
    assert m is not None
    payload = json.loads(cchc(example, "tree", "--format", "json").stdout)
    counts, declared = payload["counts"], payload["declared"]
    shown = [int(n) for n in m.groups()]
    real = [counts["areas"], counts["criteria"], counts["subcriteria"], counts["leaves"]]
    assert shown == [*real, declared["criteria"], declared["subcriteria"]]


def test_every_shown_output_is_checked() -> None:
    """A block that looks like cchc's output (a diagnostic, a tree, JSON, a `$ cchc` line) is
    checked by one of the tests above: a new one needs its command here."""
    excerpts = {b.line for b, _ in _excerpt_blocks()}
    checked = {b.line for b in _dollar_blocks()} | excerpts | {b.line for b, _ in _json_blocks()}
    checked |= {b.line for b in BLOCKS if "[CCHC210]" in b.body or "[CCHC122]" in b.body}
    # the screen order and a usage error: tests/test_screen_order.py, tests/test_language.py
    checked |= {b.line for b in BLOCKS if "[CCHC521]" in b.body or "[CCHC901]" in b.body}
    looks_like_output = [
        b
        for b in BLOCKS
        if b.info == "json" or re.search(r"\[CCHC\d{3}\]$|^[└├]── |^\$ cchc ", b.body, re.MULTILINE)
    ]
    assert looks_like_output and [str(b) for b in looks_like_output if b.line not in checked] == []


def test_the_case_counts_readme_gives_are_the_corpus() -> None:
    """README counts the bad-input cases by kind: the counts follow the folders."""
    from conftest import CASES

    text = README
    folders = [p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_")]
    pattern = r"^(\d+) ca, mỗi ca một thư mục \((\d+) ca `hostile-\*`, (\d+) ca"
    stated = re.search(pattern, text, re.M)
    assert stated is not None
    total, hostile, files = (int(g) for g in stated.groups())
    assert total == len(folders)
    assert hostile == sum(n.startswith("hostile-") for n in folders)
    assert files == sum(n.startswith("files-") for n in folders)
