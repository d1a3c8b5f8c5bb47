"""The YAML loading layer: every trap of the engineering notes, with both parsers."""

from __future__ import annotations

import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from cchc_cli.core import yamlio
from cchc_cli.core.yamlio import load_yaml, parse_text
from conftest import REPO

PARSERS = [pytest.param(False, id="python")]
if yamlio.C_LOADER is not None:
    PARSERS.append(pytest.param(True, id="libyaml"))


def parse(
    text: str, use_c: bool = False
) -> tuple[object, list[str], list[tuple[str, int | None, int | None]]]:
    doc, diags = parse_text(text, "f.yaml", Path("f.yaml"), text.encode("utf-8"), use_c=use_c)
    data = doc.data if doc is not None else None
    return data, [d.code for d in diags], [(d.code, d.line, d.column) for d in diags]


def load_bytes(
    tmp_path: Path, raw: bytes
) -> tuple[object, list[tuple[str, int | None, int | None]]]:
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    doc, diags = load_yaml(path, "f.yaml")
    return (doc.data if doc else None), [(d.code, d.line, d.column) for d in diags]


@pytest.mark.parametrize("use_c", PARSERS)
def test_scalars_keep_their_text(use_c: bool) -> None:
    data, codes, _ = parse(
        "1.10: a\n1.1: b\n3.2.5: c\n'3.2.6': d\nflag: no\nwhen: 2020-01-20\noctal: 010\n"
        "n: 2\nx: 0.5\nyes: on\n",
        use_c,
    )
    assert codes == []
    assert data == {
        "1.10": "a",
        "1.1": "b",
        "3.2.5": "c",
        "3.2.6": "d",
        "flag": "no",
        "when": "2020-01-20",
        "octal": "010",
        "n": "2",
        "x": "0.5",
        "yes": "on",
    }


@pytest.mark.parametrize("use_c", PARSERS)
def test_null_still_resolves(use_c: bool) -> None:
    data, _, _ = parse("a: ~\nb: null\nc:\nd: 'null'\n", use_c)
    assert data == {"a": None, "b": None, "c": None, "d": "null"}


@pytest.mark.parametrize("use_c", PARSERS)
def test_quoted_and_unquoted_ids_are_the_same_key(use_c: bool) -> None:
    _, _, diags = parse('items:\n  3.2.5: 1\n  "3.2.5": 2\n', use_c)
    assert diags == [("CCHC104", 3, 3)]


@pytest.mark.parametrize("use_c", PARSERS)
def test_duplicate_key_names_both_lines(use_c: bool) -> None:
    doc, diags = parse_text("a: 1\nb: 2\na: 3\n", "f.yaml", Path("f.yaml"), b"", use_c=use_c)
    assert doc is None
    assert [(d.code, d.line) for d in diags] == [("CCHC104", 3)]
    assert diags[0].message.args["first_line"] == 1
    assert diags[0].message.args["line"] == 3


@pytest.mark.parametrize("use_c", PARSERS)
def test_merge_keys_may_override(use_c: bool) -> None:
    text = "base: &b\n  score: 1\n  note: x\nitem:\n  <<: *b\n  score: 2\n"
    data, codes, _ = parse(text, use_c)
    assert codes == []
    assert data == {"base": {"score": "1", "note": "x"}, "item": {"score": "2", "note": "x"}}


@pytest.mark.parametrize("use_c", PARSERS)
def test_duplicate_next_to_merge_key_is_still_found(use_c: bool) -> None:
    text = "base: &b\n  score: 1\nitem:\n  <<: *b\n  score: 2\n  score: 3\n"
    _, _, diags = parse(text, use_c)
    assert diags == [("CCHC104", 6, 3)]


@pytest.mark.parametrize("use_c", PARSERS)
def test_nfd_text_becomes_nfc(use_c: bool) -> None:
    nfd = unicodedata.normalize("NFD", "Sở Nội vụ")
    data, _, _ = parse(f"name: {nfd}\n{nfd}: key\n", use_c)
    assert data == {"name": "Sở Nội vụ", "Sở Nội vụ": "key"}
    assert unicodedata.is_normalized("NFC", next(iter(data)))  # type: ignore[call-overload]


def test_utf8_bom_and_crlf_load(tmp_path: Path) -> None:
    data, diags = load_bytes(tmp_path, b"\xef\xbb\xbfname: S\xe1\xbb\x9f\r\nx: 1\r\n")
    assert diags == [] and data == {"name": "Sở", "x": "1"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_loads(tmp_path: Path, encoding: str) -> None:
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    data, diags = load_bytes(tmp_path, bom + "tên: Sở Nội vụ\r\n".encode(encoding))
    assert diags == [] and data == {"tên": "Sở Nội vụ"}


def test_cp1258_is_not_utf8_with_position(tmp_path: Path) -> None:
    # What a Windows editor saves as "ANSI" on a Vietnamese system: cp1258, tones decomposed.
    raw = unicodedata.normalize("NFD", "a: 1\nname: Sở Tài chính\n").encode("cp1258", "ignore")
    data, diags = load_bytes(tmp_path, raw)
    assert data is None
    assert diags == [("CCHC101", 2, 9)]


def test_tab_indentation_has_its_own_code(tmp_path: Path) -> None:
    _, diags = load_bytes(tmp_path, b"items:\n\tscore: 1\n")
    assert [d[0] for d in diags] == ["CCHC103"]
    assert diags[0][1] == 2


def test_nul_byte_is_located(tmp_path: Path) -> None:
    _, diags = load_bytes(tmp_path, b"a: 1\nb: x\x00y\n")
    assert diags == [("CCHC110", 2, 5)]


def test_empty_file(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, b"")[1] == [("CCHC107", 1, 1)]
    assert load_bytes(tmp_path, b"# only a comment\n\n")[1] == [("CCHC107", 1, 1)]


def test_oversize_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 10)
    doc, diags = load_yaml(path, "big.yaml", max_bytes=20)
    assert doc is None and [d.code for d in diags] == ["CCHC106"]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert [d.code for d in load_yaml(tmp_path / "nope.yaml", "nope.yaml")[1]] == ["CCHC109"]
    assert [d.code for d in load_yaml(tmp_path, "dir")[1]] == ["CCHC109"]


@pytest.mark.parametrize("use_c", PARSERS)
def test_billion_laughs_fails_fast_and_small(use_c: bool) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    text = "\n".join(lines) + "\n"
    tracemalloc.start()
    started = time.perf_counter()
    _, codes, _ = parse(text, use_c)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert codes == ["CCHC105"]
    assert elapsed < 0.5
    assert peak < 20 * 1024 * 1024


@pytest.mark.parametrize("use_c", PARSERS)
def test_recursive_alias_is_refused(use_c: bool) -> None:
    _, codes, _ = parse("a: &x\n  b: *x\n", use_c)
    assert codes == ["CCHC105"]


@pytest.mark.parametrize("use_c", PARSERS)
def test_deep_nesting_is_refused(use_c: bool) -> None:
    _, codes, _ = parse("a: " + "[" * 200 + "]" * 200 + "\n", use_c)
    assert codes == ["CCHC111"]


def test_very_deep_nesting_does_not_crash() -> None:
    # Deep enough to overflow a recursive composer: must still be a clean diagnostic.
    _, codes, _ = parse("a: " + "[" * 5000 + "]" * 5000 + "\n", False)
    assert codes == ["CCHC111"]


@pytest.mark.parametrize("use_c", PARSERS)
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3),
        ("a: 'unclosed\nb: 2\n", 3),
        ("a:\n  b: 1\n c: 2\n", 3),
        ("a: *nowhere\n", 1),
        ("--- \na: 1\n---\nb: 2\n", 3),
    ],
)
def test_syntax_errors_are_located(use_c: bool, text: str, line: int) -> None:
    _, _, diags = parse(text, use_c)
    assert [d[0] for d in diags] == ["CCHC102"]
    assert diags[0][1] == line


def test_both_parsers_give_identical_results() -> None:
    if yamlio.C_LOADER is None:
        pytest.skip("libyaml not available")
    files = [*REPO.glob("criteria/*.yaml"), *REPO.glob("assignments/*.yaml"), REPO / "cchc.yaml"]
    files += sorted((REPO / "examples").rglob("*.yaml"))
    assert files
    for path in files:
        raw = path.read_bytes()
        text, _ = yamlio.decode(raw, path.name)
        assert text is not None
        a, da = parse_text(text, path.name, path, raw, use_c=False)
        b, db = parse_text(text, path.name, path, raw, use_c=True)
        assert (a.data if a else None) == (b.data if b else None), path
        assert [(d.code, d.line, d.column) for d in da] == [(d.code, d.line, d.column) for d in db]


@pytest.mark.parametrize("use_c", PARSERS)
def test_locate_points_at_value_and_key(use_c: bool) -> None:
    text = 'items:\n  "1.10":\n    score: abc\n'
    doc, _ = parse_text(text, "f.yaml", Path("f.yaml"), b"", use_c=use_c)
    assert doc is not None
    loc = doc.locate(("items", "1.10", "score"))
    assert (loc.line, loc.column) == (3, 12)
    key = doc.locate(("items", "1.10", "score"), key=True)
    assert (key.line, key.column) == (3, 5)
