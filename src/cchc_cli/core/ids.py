"""Criterion ids: dotted numbers such as ``3.2.5``, compared by their exact text."""

from __future__ import annotations

import re
from collections.abc import Iterable

ID_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)*$")


def is_good_id(item_id: str) -> bool:
    """Dotted positive numbers without leading zeros: ``3``, ``3.2``, ``3.2.5``."""
    if not ID_PATTERN.match(item_id):
        return False
    return all(part[0] != "0" for part in item_id.split("."))


def natural_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order: 1.2 before 1.10; ids that are not dotted numbers sort last, by text."""
    parts: list[tuple[int, int | str]] = []
    for part in item_id.split("."):
        parts.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(parts)


def depth(item_id: str) -> int:
    return item_id.count(".") + 1


def parent_id(item_id: str) -> str | None:
    return item_id.rsplit(".", 1)[0] if "." in item_id else None


def is_under(item_id: str, ancestor: str) -> bool:
    """True when ``item_id`` is ``ancestor`` or lies in its subtree (by id text)."""
    return item_id == ancestor or item_id.startswith(ancestor + ".")


def did_you_mean(wrong: str, known: Iterable[str]) -> str | None:
    known = list(known)
    import difflib

    matches = difflib.get_close_matches(wrong, known, n=1, cutoff=0.5)
    return matches[0] if matches else None
