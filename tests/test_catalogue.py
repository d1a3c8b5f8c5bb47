"""Both languages carry the same messages with the same placeholders; text is NFC."""

from __future__ import annotations

import importlib.util
import re
import unicodedata

from cchc_cli.core.i18n import catalogue, placeholders
from conftest import REPO

CODE = re.compile(r"^CCHC\d{3}$")


def test_same_keys_in_both_languages() -> None:
    vi, en = catalogue("vi"), catalogue("en")
    assert sorted(vi.keys() - en.keys()) == []
    assert sorted(en.keys() - vi.keys()) == []


def test_same_placeholders_in_both_languages() -> None:
    vi, en = catalogue("vi"), catalogue("en")
    for key in vi:
        assert placeholders(vi[key]) == placeholders(en[key]), key


def test_every_code_has_message_hint_and_meaning() -> None:
    vi = catalogue("vi")
    codes = [k for k in vi if CODE.match(k)]
    assert len(codes) > 20
    for code in codes:
        assert f"{code}.hint" in vi, code
        assert f"code.{code}" in vi, code


def test_text_is_nfc_and_non_empty() -> None:
    for lang in ("vi", "en"):
        for key, text in catalogue(lang).items():
            assert text.strip(), key
            assert unicodedata.is_normalized("NFC", text), key


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    src = REPO / "src" / "cchc_cli"
    used = set()
    for path in src.rglob("*.py"):
        if "locales" in path.parts:
            continue
        used |= set(re.findall(r'"(CCHC\d{3})"', path.read_text(encoding="utf-8")))
    missing = sorted(c for c in used if c not in catalogue("vi"))
    assert missing == []


def test_readme_code_table_is_the_catalogue() -> None:
    """README's table of codes says, for every code and only those, what the catalogue says
    (`python scripts/gen_codes_table.py` rewrites it)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: codes -->")[1].split("<!-- /section: codes -->")[0]
    rows = re.findall(r"^\| `(CCHC\d{3})` \| (.*) \| (.*) \|$", section, re.MULTILINE)
    vi, en = catalogue("vi"), catalogue("en")
    codes = sorted(k for k in vi if CODE.match(k))
    assert [code for code, _, _ in rows] == codes
    for code, meaning_vi, meaning_en in rows:
        assert (meaning_vi, meaning_en) == (vi[f"code.{code}"], en[f"code.{code}"]), code


def test_readme_code_table_is_exactly_what_the_generator_writes() -> None:
    """`python scripts/gen_codes_table.py --check`: equality, not just presence."""
    path = REPO / "scripts" / "gen_codes_table.py"
    spec = importlib.util.spec_from_file_location("gen_codes_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = module.README.read_text(encoding="utf-8")
    assert module.regenerated(readme) == readme, "run python scripts/gen_codes_table.py"
    assert module.main(["--check"]) == 0
    # a table that lists every code but differs in one byte fails the check
    altered = readme.replace("| `CCHC001` |", "| `CCHC001`  |")
    assert altered != readme and module.regenerated(altered) != altered
