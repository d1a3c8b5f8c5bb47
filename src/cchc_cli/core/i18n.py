"""Message catalogue access.

Every user-facing string lives in ``cchc_cli.locales.<lang>``. Code never formats a user
message itself: it builds a :class:`Msg` (a key and its arguments) which a renderer translates
into the language the user asked for.
"""

from __future__ import annotations

import importlib
import os
import string
from collections.abc import Mapping
from typing import Any, Literal

from cchc_cli.core.fmt import format_decimal

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT_LANG: Lang = "vi"

_catalogues: dict[str, dict[str, str]] = {}


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


def catalogue(lang: str) -> dict[str, str]:
    """The merged catalogue of one language (loaded once, lazily)."""
    if lang not in LANGS:
        lang = DEFAULT_LANG
    cat = _catalogues.get(lang)
    if cat is None:
        module = importlib.import_module(f"cchc_cli.locales.{lang}")
        cat = module.MESSAGES
        _catalogues[lang] = cat
    return cat


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


def format_value(value: Any, lang: str) -> str:
    if isinstance(value, Msg):
        return tr(value, lang)
    if type(value).__name__ == "Decimal":
        return format_decimal(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, lang) for v in value)
    return str(value)


def tr(msg: Msg | str, lang: str, /, **args: Any) -> str:
    """Translate a message (or a bare key with keyword arguments)."""
    if isinstance(msg, str):
        msg = Msg(msg, args)
    cat = catalogue(lang)
    template = cat.get(msg.key)
    if template is None:
        # A missing key is a programming error caught by the catalogue tests; never crash a user.
        template = catalogue(DEFAULT_LANG).get(msg.key, msg.key)
    values = {k: format_value(v, lang) for k, v in msg.args.items()}
    try:
        return template.format_map(_Default(values))
    except (ValueError, IndexError):
        return template


class _Default(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
