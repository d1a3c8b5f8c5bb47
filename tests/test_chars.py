"""Invisible and look-alike characters, and backslashes in double quotes (CCHC112–CCHC115):
named at the line and column a text editor shows, read as the user meant them, the same with
both parsers, and never a message that suggests the text it rejected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core import yamlio
from cchc_cli.core.i18n import tr
from cchc_cli.core.textio import LineIndex, editor_lines
from cchc_cli.core.yamlio import parse_text
from conftest import run_in

PARSERS = [False] + ([True] if yamlio.C_LOADER is not None else [])

#: (text, data read, [(code, line, column)])
CORPUS: list[tuple[str, Any, list[tuple[str, int, int]]]] = [
    # a no-break space after a key, before and after the colon (Word, Option+Space on a Mac)
    ("score\u00a0: 1\n", {"score": "1"}, [("CCHC112", 1, 6)]),
    ("score:\u00a01\n", {"score": "1"}, [("CCHC112", 1, 7)]),
    # a zero-width space in an id, a quoted id with a no-break space
    ('"1.1.1\u200b": 1\n', {"1.1.1": "1"}, [("CCHC112", 1, 7)]),
    ('"1.1.1\u00a0": 1\n', {"1.1.1": "1"}, [("CCHC112", 1, 7)]),
    # full-width digits, a minus sign and a Cyrillic letter where a number / code is expected
    ("a: 1\nscore: \uff10.\uff15\n", {"a": "1", "score": "0.5"}, [("CCHC112", 2, 8)]),
    ("score: \u22120.5\n", {"score": "-0.5"}, [("CCHC112", 1, 8)]),
    ("agency: \u0421CC\n", {"agency": "CCC"}, [("CCHC112", 1, 9)]),
    # free text keeps its characters (odd spaces and separators read as a space)
    ("t: S\u1edf\u00a0A \u2013 B\n", {"t": "S\u1edf A \u2013 B"}, []),
    ("t: 1\uff12 \u0441\u00e1\n", {"t": "1\uff12 \u0441\u00e1"}, []),
    # a line separator in an explanation: no error, and the lines below keep their numbers
    (
        "e: a\u2028b\u2029c\x85d\nscore: \uff11\n",
        {"e": "a b c d", "score": "1"},
        [("CCHC112", 2, 8)],
    ),
    # zero-width characters dropped before parsing: columns after them are still the editor's
    (
        "e: \u200bS\u1edf A\u200b\nx:\u00a0\uff11\n",
        {"e": "S\u1edf A", "x": "1"},
        [("CCHC112", 2, 3), ("CCHC112", 2, 4)],
    ),
    # a BOM in the middle (two files joined): named, then the keys it repeats
    ("a: 1\n\ufeffb: 2\n", {"a": "1", "b": "2"}, [("CCHC113", 2, 1)]),
    ("a: 1\n# x\ufeff\n", {"a": "1"}, [("CCHC113", 2, 4)]),
    ("a: 1\n\ufeffa: 2\n", None, [("CCHC113", 2, 1), ("CCHC104", 2, 2)]),
    # comments may hold anything
    ("a: 1  # \u00a0\u200b \uff11\n", {"a": "1"}, []),
    # CRLF and CR line ends are counted as the editor counts them
    ("a: 1\r\nb:\u00a02\r\n", {"a": "1", "b": "2"}, [("CCHC112", 2, 3)]),
    ("a: 1\rb:\u00a02\r", {"a": "1", "b": "2"}, [("CCHC112", 2, 3)]),
    # backslashes in double quotes: an unknown escape, an escape that silently made a TAB
    ('a: 1\nfile: "snv\\qd 12.pdf"\n', None, [("CCHC114", 2, 11)]),
    ('file: "snv\\tb-12.pdf"\n', {"file": "snv\tb-12.pdf"}, [("CCHC115", 1, 11)]),
    ('file: "snv\\new 12.pdf"\n', {"file": "snv\new 12.pdf"}, [("CCHC115", 1, 11)]),
    (
        'f: "C:\\Phu luc\\Nghi quyet.pdf"\n',
        {"f": "C:\u2029hu luc\x85ghi quyet.pdf"},
        [("CCHC115", 1, 7), ("CCHC115", 1, 15)],
    ),
    # escapes meant in a sentence are fine
    (
        'e: "d\\u00f2ng m\\u1ed9t\\nd\\u00f2ng hai"\n',
        {"e": "d\u00f2ng m\u1ed9t\nd\u00f2ng hai"},
        [],
    ),
    ('e: "a \\"b\\" \\\\ c"\n', {"e": 'a "b" \\ c'}, []),
]


def _parse(text: str, use_c: bool) -> tuple[Any, list[tuple[str, int, int]], list[str]]:
    doc, found = parse_text(text, "f.yaml", Path("f.yaml"), text.encode("utf-8"), use_c=use_c)
    where = sorted((d.code, d.line or 0, d.column or 0) for d in found)
    messages = sorted(tr(d.message, "vi") + " | " + tr(d.hint, "vi") for d in found if d.hint)
    return (doc.data if doc is not None else None), where, messages


@pytest.mark.parametrize(("text", "data", "expected"), CORPUS)
def test_characters_are_named_where_they_are(
    text: str, data: Any, expected: list[tuple[str, int, int]]
) -> None:
    results = [_parse(text, use_c) for use_c in PARSERS]
    assert all(r == results[0] for r in results), "the C and the Python parser disagree"
    got_data, where, _ = results[0]
    assert got_data == data
    assert [w for w in where if w[0] != "CCHC104" or ("CCHC104", 2, 2) in expected] == sorted(
        expected
    )


def test_messages_name_the_character_and_show_the_difference() -> None:
    _, _, messages = _parse('items:\n  "1.1.1\u200b":\n    score\u00a0: 1\n', use_c=False)
    assert len(messages) == 2
    key, field = sorted(messages, key=lambda m: "score" in m)
    assert "U+200B (d\u1ea5u c\u00e1ch \u0111\u1ed9 r\u1ed9ng 0" in key
    assert '`"1.1.1<U+200B>"`' in key and "`1.1.1`" in key
    assert "U+00A0 (d\u1ea5u c\u00e1ch kh\u00f4ng ng\u1eaft)" in field
    _, _, messages = _parse("agency: \u0421CC\n", use_c=False)
    assert "U+0421" in messages[0] and "`<U+0421>CC`" in messages[0]


def test_escape_messages_say_what_the_value_became() -> None:
    _, _, messages = _parse('file: "snv\\tb-12.pdf"\n', use_c=False)
    assert "`\\t`" in messages[0] and "U+0009" in messages[0]
    assert "`snv<U+0009>b-12.pdf`" in messages[0] and "'snv\\tb-12.pdf'" in messages[0]
    _, _, messages = _parse('file: "snv\\qd 12.pdf"\n', use_c=False)
    assert "`\\q`" in messages[0] and "snv/qd 12.pdf" in messages[0]


def test_editor_lines_only_break_at_newlines() -> None:
    text = "a\u2028b\x85c\x0cd\r\ne\rf\n"
    assert editor_lines(text) == ["a\u2028b\x85c\x0cd", "e", "f"]
    assert editor_lines("") == [] and editor_lines("x") == ["x"]
    index = LineIndex(text)
    assert index.position(text.index("e")) == (2, 1)
    assert index.position(text.index("f")) == (3, 1)
    assert index.position(text.index("d")) == (1, 7)


# ------------------------------------------------------------------ through the whole tool
def _validate(ws: Path) -> list[dict[str, Any]]:
    result = run_in(ws, "validate", "--format", "json", "--today", "2020-01-18")
    return list(json.loads(result.stdout)["diagnostics"])


def _write(ws: Path, rel: str, old: str, new: str) -> None:
    path = ws / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_no_break_space_after_a_field_is_one_named_error(ws: Path) -> None:
    _write(ws, "scores/a.yaml", "    score: 1\n", "    score\u00a0: 1\n")
    found = [d for d in _validate(ws) if d["severity"] != "info"]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("CCHC112", 8, 10)]
    assert "U+00A0" in found[0]["message"] and "score<U+00A0>" not in found[0]["hint"]
    assert "`score`" in found[0]["hint"]


def test_zero_width_space_in_an_id_is_not_an_unknown_item(ws: Path) -> None:
    _write(ws, "scores/a.yaml", '  "1.1.1":', '  "1.1.1\u200b":')
    found = [d for d in _validate(ws) if d["severity"] != "info"]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("CCHC112", 7, 9)]


def test_line_separator_keeps_the_next_error_on_its_line(ws: Path) -> None:
    _write(
        ws, "scores/b.yaml", "    score: 2\n", "    explanation: a\u2028b\u2028c\n    score: 7\n"
    )
    found = [d for d in _validate(ws) if d["severity"] == "error"]
    assert [(d["code"], d["line"]) for d in found] == [("CCHC416", 9)]
    text = run_in(ws, "validate", "--today", "2020-01-18").stderr
    assert "   9 |     score: 7" in text


def test_a_date_that_does_not_exist_says_so(ws: Path) -> None:
    _write(ws, "scores/c.yaml", '"2020-01-17"', '"2019-02-29"')
    found = [d for d in _validate(ws) if d["severity"] == "error"]
    assert [d["code"] for d in found] == ["CCHC122"]
    assert "không có ngày 29 trong tháng 02/2019 (tháng đó có 28 ngày)" in found[0]["message"]
