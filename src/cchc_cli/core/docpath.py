"""A place in a parsed document, looked up only when a message needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc_cli.core.diagnostics import Location
    from cchc_cli.core.yamlio import YamlDoc


class DocPath:
    """A place in a parsed document, located only when asked: the merge records where every
    piece of evidence is written, and only the few a message names are ever looked up."""

    __slots__ = ("doc", "path")

    def __init__(self, doc: YamlDoc, path: tuple[Any, ...]) -> None:
        self.doc = doc
        self.path = path

    def location(self) -> Location:
        return self.doc.locate(self.path)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocPath) and (self.doc.rel, self.path) == (
            other.doc.rel,
            other.path,
        )

    def __hash__(self) -> int:
        return hash((self.doc.rel, self.path))

    def __repr__(self) -> str:
        return f"DocPath({self.doc.rel!r}, {self.path!r})"
