"""The catalogue as data files: format, notes, stale English, plural forms, no text in the code."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from cchc_cli.core import i18n
from cchc_cli.core.i18n import Msg, catalogue, domain_files, placeholders, tr
from cchc_cli.core.msgfile import CatalogueFileError, fingerprint, parse

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "cchc_cli"
ENTRY_KEYS = {"source", "text", "count", "one", "other"}
VIETNAMESE = re.compile(r"[À-ỹĐđ]")

# String literals with Vietnamese letters that are not text cchc shows but words it *reads*
# (spreadsheet column names, the prefix of a province's name): (file, enclosing definition).
INPUT_VOCABULARY = {
    ("criteria/table_header.py", "ALIASES"),
    ("criteria/table_header.py", "WEAK_ALIASES"),
    ("criteria/table_layout.py", "_TOTALS"),
    ("criteria/table_layout.py", "_GROUP_LABEL"),
    ("report/labels.py", "province_full"),
}


def load(lang: str, domain: str) -> dict[str, Any]:
    path = domain_files(lang)[domain]
    return parse(Path(path).read_text(encoding="utf-8"), path)


def texts_of(entry: Any) -> list[str]:
    """Every text of one entry (a Vietnamese string, or an English text / one / other)."""
    if isinstance(entry, str):
        return [entry]
    return [entry[k] for k in ("text", "one", "other") if k in entry]


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------------------ the files
def test_both_languages_have_the_same_files() -> None:
    assert sorted(domain_files("vi")) == sorted(domain_files("en"))
    assert "help" in domain_files("vi")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_fast_reader_reads_what_yaml_reads(lang: str) -> None:
    for path in domain_files(lang).values():
        text = Path(path).read_text(encoding="utf-8")
        assert parse(text, path) == yaml.safe_load(text), path


def test_vietnamese_files_hold_notes_and_plain_texts() -> None:
    for domain in domain_files("vi"):
        data = load("vi", domain)
        assert set(data) == {"notes", "messages"}, domain
        assert all(isinstance(v, str) for v in data["notes"].values()), domain
        bad = [k for k, v in data["messages"].items() if not isinstance(v, str)]
        assert bad == [], f"{domain}: Vietnamese has one form; plain texts only: {bad}"


def test_english_entries_have_a_source_and_a_text_or_counted_forms() -> None:
    for domain in domain_files("en"):
        data = load("en", domain)
        assert set(data) == {"messages"}, domain
        for key, entry in data["messages"].items():
            assert isinstance(entry, dict), f"{domain}: {key} needs `source:` and `text:`"
            assert set(entry) <= ENTRY_KEYS, (key, set(entry) - ENTRY_KEYS)
            assert "source" in entry, key
            if "count" in entry:
                assert set(entry) == {"source", "count", "one", "other"}, key
                assert entry["count"] in placeholders(entry["other"]), key
            else:
                assert set(entry) == {"source", "text"}, key


def test_help_texts_sit_alone_in_the_help_file() -> None:
    for lang in ("vi", "en"):
        for domain in domain_files(lang):
            keys = load(lang, domain)["messages"]
            if domain == "help":
                assert all(k.startswith("help.") for k in keys), lang
            else:
                assert not [k for k in keys if k.startswith("help.")], (lang, domain)


def test_help_reads_only_the_help_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_loaded", {})
    assert tr("help.opt.lang", "en").startswith("Message language")
    assert i18n._loaded["en"].domains == {"help"}
    # a message reads the file it is likely in (scores, for CCHC405), not every file
    assert tr("CCHC405", "en", days=1).count("1 day late") == 1
    assert i18n._loaded["en"].domains == {"help", "scores"}
    assert not i18n._loaded["en"].complete


def test_a_key_outside_its_likely_files_is_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file hint is only an order: a key in an unexpected file loads everything."""
    monkeypatch.setattr(i18n, "_loaded", {})
    assert "scores" in i18n._likely_domains("scores.owner_list")
    # report.label.col_level lives in pack.yaml, after report.yaml and document.yaml
    assert tr("report.label.col_level", "vi") == "Cấp"
    monkeypatch.setattr(i18n, "_loaded", {})
    monkeypatch.setattr(i18n, "_PREFIX_DOMAINS", {})
    assert tr("report.label.col_level", "vi") == "Cấp"
    assert i18n._loaded["vi"].complete


def test_every_placeholder_has_a_note_and_every_note_a_placeholder() -> None:
    for domain in domain_files("vi"):
        notes = load("vi", domain)["notes"]
        used: set[str] = set()
        for lang in ("vi", "en"):
            for entry in load(lang, domain)["messages"].values():
                for text in texts_of(entry):
                    used |= placeholders(text)
        assert sorted(used - notes.keys()) == [], f"{domain}: placeholders without a note"
        assert sorted(notes.keys() - used) == [], f"{domain}: notes no entry uses"


def test_counted_forms_use_the_placeholders_of_the_vietnamese() -> None:
    vi = catalogue("vi")
    for domain in domain_files("en"):
        for key, entry in load("en", domain)["messages"].items():
            forms = texts_of(entry)
            assert set().union(*(placeholders(t) for t in forms)) == placeholders(vi[key]), key
            for text in forms:
                assert placeholders(text) <= placeholders(vi[key]), key


def test_braces_around_a_placeholder_are_plain_text() -> None:
    assert "`{from: X, fraction: F}`" in tr("CCHC216.hint", "en")
    assert "every `{{` needs `}}`, every `{% block %}`" in tr("CCHC501.hint", "en")
    assert tr("CCHC223", "vi", id="1.1", field="max") == (
        "Mục `1.1` ghi `confirmed: {max: …}` nhưng mục không có `max`."
    )


# ------------------------------------------------------------------------- stale English
def test_english_translates_the_current_vietnamese() -> None:
    stale = script("catalogue_sources").stale()
    listed = [f"{Path(p).name}: {key} (source {old}, now {new})" for p, key, old, new, _ in stale]
    assert listed == [], (
        "The Vietnamese of these entries changed: revise the English, then run "
        "`python scripts/catalogue_sources.py --fix`"
    )


def test_fix_records_the_new_fingerprint(tmp_path: Path) -> None:
    sources = script("catalogue_sources")
    en = tmp_path / "scores.yaml"
    shutil.copy(domain_files("en")["scores"], en)
    before = en.read_text(encoding="utf-8")
    sources.fix(str(en), "CCHC405", "abcdabcd")
    after = en.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.split("\n"), after.split("\n"), strict=True) if a != b]
    assert changed == [
        (f"    source: {fingerprint(catalogue('vi')['CCHC405'])}", "    source: abcdabcd")
    ]
    # a bare English text becomes an entry with `source:` and `text:`
    en.write_text("messages:\n  X.y: >-\n    one\n    two\n  Z: >-\n    z\n", encoding="utf-8")
    sources.fix(str(en), "X.y", "bcdebcde")
    assert parse(en.read_text(encoding="utf-8")) == {
        "messages": {"X.y": {"source": "bcdebcde", "text": "one two"}, "Z": "z"}
    }


def test_fingerprints_are_letters_that_yaml_reads_as_text() -> None:
    for text in ("", "Bộ Nội vụ", "1", "x" * 1000):
        mark = fingerprint(text)
        assert re.fullmatch(r"[a-p]{8}", mark)
        assert yaml.safe_load(f"source: {mark}") == {"source": mark}


# -------------------------------------------------------------------------- plural forms
def test_english_counts_pick_one_or_other() -> None:
    args = {"submitted": "2020-01-21", "due": "2020-01-20", "last_day": "2020-01-19"}
    assert ", 1 day late (" in tr("CCHC405", "en", days=1, **args)
    assert ", 3 days late (" in tr("CCHC405", "en", days=3, **args)
    assert "muộn 1 ngày" in tr("CCHC405", "vi", days=1, **args)
    assert tr("summary.counts", "en", error=1, warning=0, info=2) == (
        "Total: 1 error, 0 warnings, 2 info."
    )
    assert tr("summary.counts", "vi", error=1, warning=0, info=2) == (
        "Tổng cộng: 1 lỗi, 0 cảnh báo, 2 thông tin."
    )
    assert tr("scores.status.state.late", "en", date="x", days=1) == "submitted x (1 day late)"
    assert tr("scores.status.state.late", "en", date="x", days=2) == "submitted x (2 days late)"
    assert tr("plan.owners_count", "en", count=1) == "1 item."
    # a decimal counts as written; a list counts its elements
    assert tr("criteria.tree.points", "en", max=Decimal("1.0")) == "1 pt"
    assert tr("criteria.tree.points", "en", max=Decimal("1.5")) == "1.5 pts"
    assert tr("CCHC318", "en", leaves=["8.4"], overridden="a", winner="b").startswith("Item 8.4:")
    assert tr("CCHC318", "en", leaves=["8.4", "8.5"], overridden="a", winner="b").startswith(
        "Items 8.4, 8.5:"
    )
    # a missing count falls back to the `other` form; the placeholder the code forgot shows "…"
    # (never the raw `{count}`) and is recorded for the tests
    i18n.UNFILLED.discard(("plan.owners_count", "count"))
    assert tr("plan.owners_count", "en") == "… items."
    assert ("plan.owners_count", "count") in i18n.UNFILLED
    i18n.UNFILLED.discard(("plan.owners_count", "count"))


def test_the_plural_rule() -> None:
    assert [i18n.plural_form("en", n) for n in (0, 1, 2, "1", Decimal("1.5"), [1], [])] == [
        "other", "one", "other", "one", "other", "one", "other",
    ]  # fmt: skip
    assert i18n.plural_form("vi", 1) == "other"
    assert i18n.plural_form("en", Msg("x")) == "other"


# ---------------------------------------------------------------- no user text in the code
def _vietnamese_literals(path: Path) -> list[tuple[int, str, str]]:
    """``(line, enclosing definition, text)`` of non-docstring string literals in Vietnamese."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    owner: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        named = node.name if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else None
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            named = target.id if isinstance(target, ast.Name) else None
        for child in ast.walk(node) if named else ():
            owner.setdefault(id(child), named)
    return [
        (node.lineno, owner.get(id(node), ""), node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and VIETNAMESE.search(node.value)
    ]


def test_no_vietnamese_text_outside_the_catalogue() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for line, where, text in _vietnamese_literals(path):
            if (rel, where) not in INPUT_VOCABULARY:
                found.append(f"{rel}:{line}: {text!r}")
    assert found == [], "user-visible text belongs in src/cchc_cli/locales/"


def test_the_scan_finds_vietnamese_in_code(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text(
        '"""Mô-đun."""\n# chú thích\nX = "Bộ Nội vụ"\n'
        'def f():\n    """Hàm."""\n    return f"{X} (gốc)"\n',
        encoding="utf-8",
    )
    assert [(line, text) for line, _, text in _vietnamese_literals(sample)] == [
        (3, "Bộ Nội vụ"),
        (6, " (gốc)"),
    ]


# ------------------------------------------------------------------------- reader errors
@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("messages:\n  A: >-\n    x\n\tB: y\n", 4, "tab"),
        ("messages:\n  A: >-\n  x\n", 3, "indented more than its key"),
        ("messages:\n  A: {x} y\n", 2, "as a block"),
        ("messages:\n  A: `x`\n", 2, "as a block"),
        ("messages:\n  A: x: y\n", 2, "as a block"),
        ("messages:\n  A: 12\n", 2, "as a block"),
        ("messages:\n  A: yes\n", 2, "as a block"),
        ("messages:\n  A: x\n    y\n", 3, "cannot go on"),
        ("messages:\n  A: >-\n    x\n  A: >-\n    y\n", 4, "twice"),
        ("messages:\n  A: 'x\n", 2, "close on its line"),
        ("messages:\n  A: >-\n    x\n   B: y\n", 4, "indented less"),
        ("messages:\n  A:\n", 2, "no value"),
        ("messages:\n  no: >-\n    x\n", 2, "true/false/null"),
        ("messages:\n  A >-\n", 2, "key: text"),
    ],
)
def test_reader_names_the_file_and_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(CatalogueFileError, match=rf"^f\.yaml:{line}: .*{re.escape(problem)}"):
        parse(text, "f.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "a: >-\n  one\n  two\n\n  three\n",
        "a: >\n  one\n    indented\n  two\n",
        "a: |\n  one\n\n  two\n\n\nb: x\n",
        "a: |+\n  one\n\n",
        "a: >-\n  one\n  two",
        "a: |-\n  one\n   two\n  # not a comment\n# a comment\nb:\n  c: 'it''s'  # note\n",
        "\ufeffa: >-\n  x\r\n  y\r\n",
    ],
)
def test_reader_folds_and_chomps_like_yaml(text: str) -> None:
    assert parse(text) == yaml.safe_load(text)
