"""File names compared as a person sees them.

A name typed in a YAML file and the name stored on disk can differ in ways nobody sees on
screen: macOS (and a zip made on a Mac) stores Vietnamese names decomposed (NFD) while cchc reads
YAML as composed text (NFC); Explorer shows ``QD-12.pdf`` and ``qd-12.pdf`` alike on a
case-insensitive disk; Windows drops a trailing dot or space from a name. Lookups here are made
in two tiers:

* **the same name**: equal after NFC normalisation. The file is found; from then on its name
  as stored on disk is used.
* **a near name**: equal after also folding case and dropping trailing dots and spaces. The
  file is *not* taken (the name written is wrong on some disk), but it is named, so the message
  can say "on disk: …".

Each folder is listed once per :class:`Listings` (``os.scandir``: names and types come with the
listing, no ``stat`` per candidate), so checking the evidence of 756 score files costs one
listing per evidence folder.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: desktop shortcuts: a link to a document, not the document (Windows, freedesktop, macOS)
SHORTCUT_SUFFIXES = frozenset({".lnk", ".url", ".desktop", ".webloc"})
#: a macOS alias file starts with these bytes (whatever its name)
_ALIAS_MAGIC = b"book\x00\x00\x00\x00mark\x00\x00\x00\x00"
#: only files this small can be an alias; larger ones are not opened to look
_ALIAS_MAX_BYTES = 64 * 1024


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def loose(name: str) -> str:
    """The key of a near name: NFC, trailing dots/spaces dropped, case folded."""
    return nfc(name).rstrip(" .").casefold()


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same text once composed (NFC)."""
    return a == b or nfc(a) == nfc(b)


@dataclass(frozen=True)
class Entry:
    """One name in a folder listing, with its type (links followed)."""

    name: str
    is_dir: bool
    is_file: bool
    is_link: bool
    #: the DirEntry, whose ``stat()`` is cached after its first call
    handle: os.DirEntry[str] | None = field(default=None, compare=False, repr=False)

    def size(self, folder: Path) -> int | None:
        try:
            if self.handle is not None:
                return self.handle.stat().st_size
            return (folder / self.name).stat().st_size
        except OSError:
            return None


@dataclass
class Folder:
    """A listed folder: entries by exact name, by NFC name and by near name."""

    names: dict[str, Entry] = field(default_factory=dict)
    composed: dict[str, list[Entry]] = field(default_factory=dict)
    near: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.names[entry.name] = entry
        self.composed.setdefault(nfc(entry.name), []).append(entry)
        self.near.setdefault(loose(entry.name), []).append(entry)

    def same(self, name: str) -> Entry | None:
        """The entry with this name (exactly, else once composed)."""
        hit = self.names.get(name)
        if hit is not None:
            return hit
        found = self.composed.get(nfc(name))
        return min(found, key=lambda e: e.name) if found else None

    def similar(self, name: str) -> Entry | None:
        """An entry whose name differs only in case or trailing dots/spaces."""
        found = self.near.get(loose(name))
        return min(found, key=lambda e: e.name) if found else None


@dataclass(frozen=True)
class Lookup:
    """Where a relative path leads on disk.

    ``path``: the file or folder (its on-disk spelling) when every part was found by the same
    name; ``near``: the on-disk path when some part was found only by a near name; both None
    when nothing like it exists. ``entry`` describes the last part; ``via_link`` whether some
    part is a symbolic link (the caller then resolves it to see where it leads).
    """

    path: Path | None = None
    near: Path | None = None
    entry: Entry | None = None
    via_link: bool = False

    @property
    def found(self) -> Path | None:
        return self.path if self.path is not None else self.near


class Listings:
    """Folder listings, each made once. Belongs to one run over one workspace (a folder that
    changes during the run is not listed again)."""

    def __init__(self) -> None:
        self._folders: dict[str, Folder | None] = {}
        #: other facts worth learning once per run (e.g. whether a base folder is inside)
        self.facts: dict[str, bool] = {}

    def folder(self, path: Path) -> Folder | None:
        """The listing of ``path`` (None: not a folder, or unreadable)."""
        key = os.fspath(path)
        if key in self._folders:
            return self._folders[key]
        listed: Folder | None = Folder()
        try:
            with os.scandir(path) as entries:
                for e in entries:
                    assert listed is not None
                    listed.add(_entry(e))
        except (OSError, ValueError):
            listed = None
        self._folders[key] = listed
        return listed

    def find(self, base: Path, parts: Sequence[str]) -> Lookup:
        """Follow ``parts`` (a relative path split on ``/``) from ``base``."""
        current = base
        near = False
        via_link = False
        entry: Entry | None = None
        for part in parts:
            if part in ("", "."):
                continue
            if part == "..":
                current, entry, via_link = current.parent, None, True
                continue
            listed = self.folder(current)
            hit = listed.same(part) if listed is not None else None
            if hit is None and listed is not None:
                hit = listed.similar(part)
                near = near or hit is not None
            if hit is None:
                return Lookup()
            current, entry = current / hit.name, hit
            via_link = via_link or hit.is_link
        if near:
            return Lookup(near=current, entry=entry, via_link=via_link)
        return Lookup(path=current, entry=entry, via_link=via_link)


def _entry(e: os.DirEntry[str]) -> Entry:
    try:
        is_link = e.is_symlink()
        is_dir = e.is_dir()
        is_file = e.is_file()
    except OSError:  # a link to nowhere, a name the OS will not describe
        is_link, is_dir, is_file = True, False, False
    return Entry(e.name, is_dir, is_file, is_link, e)


def split_rel(rel: str) -> list[str]:
    """A relative path as written by a user (``/`` or ``\\``) split into its parts."""
    return [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]


def is_shortcut(path: Path, size: int | None) -> bool:
    """A desktop shortcut (``.lnk``, ``.url``, ``.desktop``, ``.webloc``) or a macOS alias:
    a pointer to a document, useless once the folder is copied to another computer."""
    if path.suffix.lower() in SHORTCUT_SUFFIXES:
        return True
    if size is None or size > _ALIAS_MAX_BYTES or size < len(_ALIAS_MAGIC):
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(len(_ALIAS_MAGIC)) == _ALIAS_MAGIC
    except OSError:
        return False


def intended_name(name: str, suffixes: Sequence[str]) -> str | None:
    """The name a file was meant to have when it ends in one of ``suffixes`` but not quite:
    ``snv.yaml.txt`` (Notepad adds ``.txt``), ``snv.yaml `` or ``snv.yaml.`` (a trailing space
    or dot). None when the name is fine or unrelated."""
    wanted = tuple(s.lower() for s in suffixes)
    stripped = name.rstrip(" .")
    if stripped.lower().endswith(".txt"):
        inner = stripped[: -len(".txt")].rstrip(" .")
        if inner.lower().endswith(wanted):
            return inner
    if stripped != name and stripped.lower().endswith(wanted):
        return stripped
    return None
