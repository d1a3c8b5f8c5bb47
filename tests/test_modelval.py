"""Pydantic errors become located, human diagnostics."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from cchc_cli.core.i18n import tr
from cchc_cli.core.modelval import format_path, validate_doc
from cchc_cli.core.yamlio import parse_text


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    score: Decimal | None = None
    explanation: str | None = None


class File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agency: str
    year: int
    items: dict[str, Entry] = {}


def check(text: str) -> list[tuple[str, int | None, int | None, str]]:
    doc, problems = parse_text(text, "s.yaml", Path("s.yaml"), b"")
    assert doc is not None and not problems
    model, diags = validate_doc(doc, File)
    assert model is None
    return [(d.code, d.line, d.column, tr(d.message, "en")) for d in diags]


def test_path_uses_brackets_for_item_ids() -> None:
    assert format_path(("items", "1.10", "score"), File) == 'items["1.10"].score'


def test_wrong_value_points_at_the_value() -> None:
    found = check('agency: A\nyear: 2019\nitems:\n  "1.10":\n    score: abc\n')
    assert found == [
        (
            "CCHC122",
            5,
            12,
            'The value of items["1.10"].score is invalid: '
            "must be a number (with a decimal point, e.g. 0.5).",
        )
    ]


def test_unknown_key_points_at_the_key_and_guesses() -> None:
    doc, _ = parse_text(
        "agency: A\nyear: 2019\nitems:\n  '1.1':\n    scroe: 1\n", "s.yaml", Path("s.yaml"), b""
    )
    assert doc is not None
    _, diags = validate_doc(doc, File)
    assert [(d.code, d.line, d.column) for d in diags] == [("CCHC121", 5, 5)]
    assert diags[0].hint is not None and "`score`" in tr(diags[0].hint, "en")


def test_missing_field_points_at_the_parent_mapping() -> None:
    found = check("agency: A\nitems: {}\n")
    assert [(c, line) for c, line, _, _ in found] == [("CCHC120", 1)]
    assert "`year`" in found[0][3]


def test_never_shows_pydantic_text() -> None:
    found = check("agency: [1]\nyear: soon\nitems: 3\n")
    assert [(c, line, col) for c, line, col, _ in found] == [
        ("CCHC122", 1, 9),
        ("CCHC122", 2, 7),
        ("CCHC122", 3, 8),
    ]
    for _, _, _, message in found:
        assert "input_value" not in message and "pydantic" not in message.lower()
        assert "Input should" not in message


def test_user_key_with_brackets_is_located_not_dropped() -> None:
    doc, _ = parse_text("agency: A\nyear: 2019\nfoo[/bold]: 1\n", "s.yaml", Path("s.yaml"), b"")
    assert doc is not None
    _, diags = validate_doc(doc, File)
    assert [(d.code, d.line, d.column) for d in diags] == [("CCHC121", 3, 1)]
    assert "foo[/bold]" in tr(diags[0].message, "en")
