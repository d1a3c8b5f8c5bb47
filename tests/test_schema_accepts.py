"""The JSON Schemas (``cchc schema``) accept every score file ``cchc validate`` accepts, written
any way a person writes it, as a YAML 1.2 editor (VS Code's YAML extension) reads it: an editor
must never underline a valid file.

Score files are generated for the agencies of the small base workspace (a lead with levels and a
rubric, a cooperating agency, the parts of a split item, the coordinator's decision): numbers
unquoted or quoted (``"0.5"``, ``'.5'``, ``" 5e-1 "``), dates quoted or not, free texts that an
editor reads as numbers or booleans, ids quoted or not, flow style, comments, CRLF. Whenever cchc
reads such a file without a format or value problem, :mod:`jsonschema` must accept it too; and
the schema must still reject what is wrong (so this test can fail).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.core.modelval import validate_doc
from cchc_cli.core.workspace import open_workspace
from cchc_cli.core.yamlio import parse_text
from cchc_cli.pipeline import check_workspace
from cchc_cli.scores.model import ScoreFile
from cchc_cli.scores.schema import _editor_key, build_schema
from cchc_cli.scores.semantics import contribution
from conftest import BASE

SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------ YAML as a 1.2 editor reads it
class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema: ``true``/``false``, ``null``, decimal/octal/hex integers and floats
    are typed; everything else (``yes``, ``2019-03-01``) is a string."""


Yaml12Loader.yaml_implicit_resolvers = {}
_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        list("-+0123456789"),
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]
for _tag, _pattern, _first in _RESOLVERS:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _int12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)


def _float12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


def _bool12(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _bool12)


def _js_key(key: Any) -> str:
    """A mapping key as a JavaScript object property (how the editor names it)."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return repr(key) if isinstance(key, float) else str(key)


def editor_view(text: str) -> Any:
    def fix(value: Any) -> Any:
        if isinstance(value, dict):
            return {_js_key(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    return fix(yaml.load(text.lstrip("\ufeff"), Loader=Yaml12Loader))


# ------------------------------------------------------------------ what cchc makes of it
@pytest.fixture(scope="module")
def base() -> Any:
    ws = open_workspace(BASE, BASE)
    result = check_workspace(ws, today=dt.date(2020, 1, 18))
    assert result.tree is not None and result.plan is not None
    return result


def cchc_accepts(base: Any, text: str) -> bool:
    """The file reads without a YAML, format or value problem (every value counts)."""
    doc, problems = parse_text(text, "s.yaml", Path("s.yaml"), text.encode())
    if doc is None or problems:
        return False
    model, problems = validate_doc(doc, ScoreFile)
    if model is None:
        return False
    for item_id, entry in model.items.items():
        node = base.tree.get(item_id)
        # the value itself (whether evidence backs it is not the schema's business: a file
        # being filled in has its scores before its documents; decision=True skips that rule)
        found = contribution(node, entry, decision=True) if node is not None else None
        if found is None or not found.accepted or found.problems:
            return False
    return True


# -------------------------------------------------------------------- writing a file
def number_forms(value: str) -> st.SearchStrategy[str]:
    """``value`` (a plain decimal) written as a person may write it."""
    whole, _, frac = value.partition(".")
    forms = [value, f"{value}0" if frac else f"{value}.0", f"+{value}", f"{value}e0"]
    if whole == "0" and frac:
        forms.append(f".{frac}")
    if frac == "":
        forms.append(f"{value}.")
    quoted = [f'"{f}"' for f in forms] + [f"'{f}'" for f in forms] + [f'" {value} "']
    return st.sampled_from(forms + quoted)


def text_forms() -> st.SearchStrategy[str]:
    """Free text that an editor may read as a number, a boolean or null."""
    return st.sampled_from(
        ["Giải trình", "12", "0.5", "true", "no", "yes", "null", '"Sở A: 100%"', "2019-03-01"]
    )


def date_forms() -> st.SearchStrategy[str]:
    return st.sampled_from(["2019-03-01", '"2019-03-01"', "'2019-03-01'", '" 2019-03-01 "'])


def id_forms(item_id: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f'"{item_id}"', f"'{item_id}'", item_id])


@st.composite
def entry_lines(draw: st.DrawFn, item_id: str, fields: dict[str, list[str]]) -> list[str]:
    """One item: its key and (block or flow style) its fields."""
    key = draw(id_forms(item_id))
    parts: list[tuple[str, str]] = []
    for name, values in fields.items():
        if draw(st.booleans()):
            parts.append((name, draw(number_forms(draw(st.sampled_from(values))))))
    if draw(st.booleans()):
        parts.append(("explanation", draw(text_forms())))
    if draw(st.booleans()):
        number = draw(st.sampled_from(["5", "05/KH-UBND", '"12"']))
        parts.append(("evidence", f"[{{number: {number}, date: {draw(date_forms())}}}]"))
    if not parts:
        return [f"  {key}:" if draw(st.booleans()) else f"  {key}: {{}}"]
    if draw(st.booleans()):
        return [f"  {key}: {{" + ", ".join(f"{k}: {v}" for k, v in parts) + "}"]
    return [f"  {key}:"] + [f"    {k}: {v}  # {k}" for k, v in parts]


#: per agency: item -> {field: allowed values}
OWN: dict[str, dict[str, dict[str, list[str]]]] = {
    "AAA": {
        "1.1.1": {"score": ["0", "0.5", "1"]},
        "1.1.2": {"measured": ["0", "85", "100"]},
        "2.1.1": {},
    },
    "BBB": {"2.1.1": {"score": ["0", "1", "2"]}, "2.1.2": {"score": ["0", "2"]}},
    "CCC": {"2.1.2": {"score": ["0", "2"]}},
}


@st.composite
def score_file(draw: st.DrawFn, agency: str) -> str:
    one = draw(st.sampled_from(["1", '"1"', "'1'"]))
    code = draw(st.sampled_from([agency, f'"{agency}"']))
    year = draw(st.sampled_from(["2019", '"2019"', " '2019'"]))
    lines = [
        "# yaml-language-server: $schema=../schemas/X.schema.json",
        f"format: {one}",
        f"agency: {code}",
        f"year: {year}",
    ]
    if draw(st.booleans()):
        lines += ["status: submitted", f"submitted: {draw(date_forms())}"]
    else:
        lines += ["status: draft", draw(st.sampled_from(["submitted:", "submitted: ~", ""]))]
    items = OWN[agency]
    chosen = draw(st.lists(st.sampled_from(sorted(items)), unique=True))
    lines.append("items:" if chosen else draw(st.sampled_from(["items:", "items: {}"])))
    for item_id in chosen:
        lines += draw(entry_lines(item_id, items[item_id]))
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.booleans()) else "") + text


@pytest.mark.parametrize("agency", sorted(OWN))
def test_schema_accepts_every_file_cchc_accepts(base: Any, agency: str) -> None:
    validator = jsonschema.Draft7Validator(build_schema(base.tree, base.plan, agency, "vi"))
    seen = {"accepted": 0}

    @SETTINGS
    @given(score_file(agency))
    def check(text: str) -> None:
        if not cchc_accepts(base, text):
            return
        seen["accepted"] += 1
        errors = [e.message for e in validator.iter_errors(editor_view(text))]
        assert errors == [], (text, errors)

    check()
    assert seen["accepted"] > 20  # the generator does write valid files


def test_schema_still_underlines_what_cchc_rejects(base: Any) -> None:
    validator = jsonschema.Draft7Validator(build_schema(base.tree, base.plan, "AAA", "vi"))
    head = 'format: 1\nagency: AAA\nyear: 2019\nstatus: draft\nitems:\n  "1.1.1":\n'
    for bad in ("score: 7", "score: 0.25", "score: '1_0'", "score: 'một'", "scroe: 1"):
        text = head + f"    {bad}\n"
        assert not cchc_accepts(base, text), bad
        assert list(validator.iter_errors(editor_view(text))), bad
    assert list(validator.iter_errors(editor_view(head.replace("2019", '"2018"'))))
    assert cchc_accepts(base, head + "    score: '0.5'\n")


def test_an_id_an_editor_reads_as_a_number_is_accepted() -> None:
    """Unquoted ``1.10`` is the number 1.1 to a YAML 1.2 editor: the schema knows both names."""
    assert _editor_key("1.10") == "1.1"
    assert _editor_key("2.0") == "2"
    assert _editor_key("1.1") is None and _editor_key("1.1.1") is None
    assert editor_view("1.10: 1\n") == {"1.1": 1}
    assert json.loads(json.dumps(editor_view("x: 0.50\n"))) == {"x": 0.5}
