"""Message catalogue access.

Every user-facing string lives in the catalogue, ``cchc_cli/locales/<lang>/<domain>.yaml``
(format: ``locales/README.md``). Code never formats a user message itself: it builds a
:class:`Msg` (a key and its arguments) which a renderer translates into the language the user
asked for.

A text's placeholders are ``{name}``; ``{name|one form|other form}`` picks a word by the
count in ``name``, and an entry with ``count: name`` has whole ``one:``/``other:`` texts.
Every other brace is literal text. Files are read lazily, once: the ``help.*`` keys from their
own small file (``cchc --help`` reads nothing else), everything else on first use.

Values are shown the way each language writes them (:func:`format_value`): a :class:`Msg` is
translated, a date is ``dd/mm/yyyy`` in Vietnamese (ISO in English), a list is joined with
commas, and :class:`AnyOf` / :class:`AllOf` end with "hoặc"/"và" ("or"/"and"). A placeholder
the code forgot to fill never reaches the user as ``{name}``: it shows "…" and is recorded in
:data:`UNFILLED` (the tests assert it stays empty).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Literal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"

LOCALES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locales")
#: a placeholder ``{name}`` or a count selector ``{name|one form|other form}``
FIELD = re.compile(r"\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}")
#: what a placeholder the code did not fill shows instead of ``{name}``
UNFILLED_MARK = "…"
#: ``(key, placeholder)`` of every placeholder a message was rendered without (a bug)
UNFILLED: set[tuple[str, str]] = set()


class Msg:
    """A translatable message: a catalogue key and the values for its placeholders.

    Immutable and hashable (diagnostics are de-duplicated by value). A plain class rather than
    a dataclass keeps ``dataclasses``/``inspect`` out of the CLI start-up path.
    """

    __slots__ = ("args", "key")

    def __init__(self, key: str, args: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", dict(args or {}))

    key: str
    args: Mapping[str, Any]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Msg is immutable")

    def _ident(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        return self.key, tuple(sorted((k, repr(v)) for k, v in self.args.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and self._ident() == other._ident()

    def __hash__(self) -> int:
        return hash(self._ident())

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {dict(self.args)!r})"


class AnyOf(tuple[Any, ...]):
    """Values of which one is meant, shown ``a, b hoặc c`` (``a, b or c``)."""

    __slots__ = ()


class AllOf(tuple[Any, ...]):
    """Values that are all meant, shown ``a, b và c`` (``a, b and c``)."""

    __slots__ = ()


# ------------------------------------------------------------------------------ loading
class _Texts:
    """One language's texts: ``texts[key]`` (the ``other`` form of a counted entry) and, for
    counted entries, ``counted[key] = (count placeholder, {"one": …, "other": …})``."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.counted: dict[str, tuple[str, dict[str, str]]] = {}
        self.domains: set[str] = set()
        self.complete = False


_loaded: dict[str, _Texts] = {}


def domain_files(lang: str) -> dict[str, str]:
    """``{domain: path}`` of one language's catalogue files."""
    folder = os.path.join(LOCALES, lang)
    return {
        name[: -len(".yaml")]: os.path.join(folder, name)
        for name in sorted(os.listdir(folder))
        if name.endswith(".yaml")
    }


def _load(lang: str, only: str | None = None) -> _Texts:
    """The texts of ``lang``: every domain, or at least domain ``only``."""
    if lang not in LANGS:
        lang = DEFAULT_LANG
    got = _loaded.get(lang)
    if got is None:
        got = _loaded[lang] = _Texts()
    if got.complete or only in got.domains:
        return got
    from cchc_cli.core.msgfile import CatalogueFileError, parse

    files = domain_files(lang)
    for domain in [only] if only else list(files):
        if domain in got.domains:
            continue
        path = files[domain]
        with open(path, encoding="utf-8") as handle:
            tree = parse(handle.read(), path)
        messages = tree.get("messages")
        if not isinstance(messages, dict):
            raise CatalogueFileError(f"{path}: no `messages:` mapping")
        for key, entry in messages.items():
            if key in got.texts:
                raise CatalogueFileError(f"{path}: `{key}` is also in another file")
            _add(got, key, entry, path)
        got.domains.add(domain)
    got.complete = len(got.domains) == len(files)
    return got


def _add(got: _Texts, key: str, entry: Any, path: str) -> None:
    if isinstance(entry, str):
        got.texts[key] = entry
        return
    text = entry.get("text", entry.get("other"))
    if not isinstance(text, str):
        from cchc_cli.core.msgfile import CatalogueFileError

        raise CatalogueFileError(f"{path}: `{key}` has neither `text:` nor `other:`")
    got.texts[key] = text
    count = entry.get("count")
    if isinstance(count, str):
        got.counted[key] = (count, {k: v for k, v in entry.items() if k in ("one", "other")})


def catalogue(lang: str) -> dict[str, str]:
    """Every text of one language (a counted entry gives its ``other`` form)."""
    return _load(lang).texts


def counted(lang: str) -> dict[str, tuple[str, dict[str, str]]]:
    """The entries of one language with ``one``/``other`` texts chosen by a count."""
    return _load(lang).counted


def resolve_lang(explicit: str | None) -> Lang:
    """``--lang`` wins, then ``CCHC_LANG``, then Vietnamese."""
    for candidate in (explicit, os.environ.get("CCHC_LANG")):
        if candidate:
            low = candidate.strip().lower()[:2]
            if low == "en":
                return "en"
            if low == "vi":
                return "vi"
    return DEFAULT_LANG


# ---------------------------------------------------------------------------- rendering
def format_value(value: Any, lang: str) -> str:
    """A placeholder's value as the language writes it."""
    if isinstance(value, Msg):
        return tr(value, lang)
    if type(value).__name__ == "Decimal":
        from cchc_cli.core.fmt import format_decimal  # decimal is not needed for --help

        return format_decimal(value)
    if isinstance(value, date):
        return format_day(value, lang)
    if isinstance(value, AnyOf):
        return join_list(value, lang, "or")
    if isinstance(value, AllOf):
        return join_list(value, lang, "and")
    if isinstance(value, (list, tuple)):
        return join_list(value, lang)
    return str(value)


def format_day(value: date, lang: str) -> str:
    """A day in a message: ``15/01/2020`` in Vietnamese, ``2020-01-15`` in English."""
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def join_list(values: Iterable[Any], lang: str, conj: Literal["or", "and"] | None = None) -> str:
    """``a, b, c``; with ``conj`` the last two are joined by the catalogue's word:
    ``draft hoặc submitted``, ``SNV, STC và SKHDT`` (``list.or`` / ``list.and``)."""
    shown = [format_value(v, lang) for v in values]
    if conj is None or len(shown) < 2:
        return ", ".join(shown)
    return tr(f"list.{conj}", lang, head=", ".join(shown[:-1]), last=shown[-1])


def plural_form(lang: str, count: Any) -> str:
    """CLDR plural category of ``count`` as shown: ``one`` or ``other``.

    Vietnamese has one form (``other``). English: ``one`` for exactly 1 as written (``1``, not
    ``1.5`` or ``1.0``). A list counts its elements.
    """
    if lang != "en":
        return "other"
    if isinstance(count, (list, tuple, set, frozenset, dict)):
        count = len(count)
    if isinstance(count, Msg):
        return "other"
    return "one" if format_value(count, lang).strip() == "1" else "other"


#: where a key is most likely written, by its first part (a diagnostic code by its hundreds):
#: the files are read in this order until the key is found, and all of them only when it is
#: in none (a hint, never a rule: a key anywhere is still found)
_CODE_DOMAINS = {
    "0": ("core", "files"),
    "1": ("core", "values", "files"),
    "2": ("criteria", "table"),
    "3": ("plan",),
    "4": ("scores", "values", "files"),
    "5": ("report", "document", "pack"),
    "6": ("appraisal", "remedy"),
    "9": ("core", "usage", "system"),
}
_PREFIX_DOMAINS = {
    "help": ("help",),
    "summary": ("core",),
    "severity": ("core",),
    "reason": ("core", "values"),
    "yaml": ("core",),
    "list": ("core",),
    "criteria": ("criteria",),
    "table": ("table",),
    "plan": ("plan",),
    "scores": ("scores", "document", "files", "values"),
    "report": ("report", "document", "pack", "files", "values"),
    "appraisal": ("appraisal",),
    "remedy": ("remedy",),
    "pack": ("pack",),
    "os": ("system",),
    "usage": ("usage",),
    "chars": ("values",),
    "values": ("values",),
    "outputs": ("files",),
}


def _likely_domains(key: str) -> tuple[str, ...]:
    bare = key[5:] if key.startswith("code.") else key
    if bare.startswith("CCHC") and len(bare) > 4:
        return _CODE_DOMAINS.get(bare[4], ())
    return _PREFIX_DOMAINS.get(key.split(".", 1)[0], ())


def _find(lang: str, key: str) -> tuple[_Texts, str | None]:
    """The texts that hold ``key`` in ``lang``, reading only the files it is likely in first
    (a full catalogue is ~15 files; a command shows a handful of messages)."""
    got = None
    for domain in _likely_domains(key):
        got = _load(lang, domain)
        if key in got.texts:
            return got, got.texts[key]
    got = _load(lang)
    return got, got.texts.get(key)


def tr(msg: Msg | str, lang: str, /, **args: Any) -> str:
    """Translate a message (or a bare key with keyword arguments)."""
    if isinstance(msg, str):
        msg = Msg(msg, args)
    key = msg.key
    got, template = _find(lang, key)
    if template is None:
        # A missing key is a programming error caught by the catalogue tests; never crash a user.
        got = _load(DEFAULT_LANG)
        template = got.texts.get(key, key)
    raw = msg.args
    choice = got.counted.get(key)
    if choice is not None and choice[0] in raw:
        forms = choice[1]
        template = forms.get(plural_form(lang, raw[choice[0]]), forms.get("other", template))
    values = {k: format_value(v, lang) for k, v in raw.items()}

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            UNFILLED.add((key, name))
            return UNFILLED_MARK
        if match.group(2) is None:
            return values[name]
        one = plural_form(lang, raw[name]) == "one"
        return match.group(2) if one else match.group(3)

    return FIELD.sub(fill, template)


def placeholders(template: str) -> set[str]:
    """The names a text uses, as ``{name}`` or as a count selector."""
    return {match.group(1) for match in FIELD.finditer(template)}
