"""Names inside the pack: NFC, safe on Windows, short enough, never two alike.

The pack is unzipped by officers on Windows (Explorer's "Extract All"), whose file system
refuses ``<>:"/\\|?*`` and control characters (and the index links to every file: ``#`` and
``%`` would break a link, so they go too), drops a trailing dot or space, reserves device
names (``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``…``COM9``, ``LPT1``…``LPT9``, with any
extension) and, in many setups, paths longer than 260 characters — the folder the officer
unzips into takes part of that, so a name inside the pack stays within :data:`MAX_PATH`.
Names differing only in case are the same file there, so collisions are found case-folded and
settled by numbering (``x.pdf``, ``x (2).pdf``) in the order the files are added.
"""

from __future__ import annotations

import unicodedata

#: longest path inside the pack, in characters (UTF-16 units on Windows: Vietnamese NFC
#: letters are one each)
MAX_PATH = 200
#: longest extension kept as such (a longer "extension" is part of the name)
_MAX_SUFFIX = 10
#: refused by Windows; and "#", "%", which break a link to the file (an anchor, an escape)
_FORBIDDEN = set('<>:"/\\|?*#%')
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "\u00b9", "\u00b2", "\u00b3")
}


def safe_component(name: str) -> str:
    """One folder or file name made safe: NFC, forbidden and control characters as ``_``, no
    trailing dot or space, no leading space, no device name, never empty."""
    text = unicodedata.normalize("NFC", name)
    text = "".join(
        "_" if ch in _FORBIDDEN or ord(ch) < 32 or unicodedata.category(ch) == "Cc" else ch
        for ch in text
    )
    text = text.lstrip(" ").rstrip(". ")
    if not text or text in (".", ".."):
        return "_"
    stem = text.split(".", 1)[0].rstrip(" ")
    if stem.upper() in _DEVICES:
        text = f"_{text}"
    return text


def split_suffix(name: str) -> tuple[str, str]:
    """``("bao-cao", ".pdf")``: the stem and a short extension (possibly empty)."""
    dot = name.rfind(".")
    if dot <= 0 or len(name) - dot > _MAX_SUFFIX:
        return name, ""
    return name[:dot], name[dot:]


def shorten(name: str, room: int, folder: bool = False) -> str:
    """``name`` cut to at most ``room`` characters, keeping its extension (a file's)."""
    if len(name) <= room:
        return name
    stem, suffix = (name, "") if folder else split_suffix(name)
    if len(suffix) >= room:
        return name[:room].rstrip(". ") or "_"
    return safe_component(stem[: room - len(suffix)].rstrip(". ") + suffix)


class PackNames:
    """Hands out the pack's paths: each unique (case-folded), safe and within the limit."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, folder: str, name: str, *, is_folder: bool = False) -> str:
        """A free path for ``name`` in ``folder`` (a path this object gave, "" for the root):
        ``folder/name``, or ``folder/name (2).ext`` when taken. A folder (``is_folder``: an
        item's, ``3.2.5``) has no extension: ``3.2.5 (2)``."""
        prefix = f"{folder}/" if folder else ""
        room = max(8, (MAX_PATH // 2 if is_folder else MAX_PATH) - len(prefix))
        base = shorten(safe_component(name), room, is_folder)
        candidate, n = base, 2
        while (prefix + candidate).casefold() in self._taken:
            stem, suffix = (base, "") if is_folder else split_suffix(base)
            tail = f" ({n}){suffix}"
            candidate = safe_component(stem[: max(1, room - len(tail))].rstrip(". ") + tail)
            n += 1
        path = prefix + candidate
        self._taken.add(path.casefold())
        return path
