"""A group whose commands are imported only when one is run (or its own help is shown).

The root group knows each command by name, where it lives (``"module:attribute"``) and its help
key, so ``cchc --help`` lists every command with its summary without importing any of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, NamedTuple

import click

from cchc_cli.cli.kit import I18nGroup


class LazyCommand(NamedTuple):
    """Where a command lives (``"package.module:attribute"``) and its help (a catalogue key)."""

    target: str
    help_key: str


class LazyCommands(MutableMapping[str, click.Command]):
    """Command name → command, importing each one the first time it is looked up.

    Iterating, ``in`` and ``len`` never import: they read the table (click lists the names for
    help and for "did you mean" suggestions).
    """

    def __init__(self, table: Mapping[str, LazyCommand]) -> None:
        self._table = dict(table)
        self._loaded: dict[str, click.Command] = {}

    def help_key(self, name: str) -> str | None:
        """The help key of a command not imported yet, without importing it."""
        entry = self._table.get(name)
        return entry.help_key if entry is not None and name not in self._loaded else None

    def __getitem__(self, name: str) -> click.Command:
        cmd = self._loaded.get(name)
        if cmd is None:
            module_name, _, attribute = self._table[name].target.partition(":")
            cmd = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(cmd, click.Command):
                raise TypeError(f"{self._table[name].target} is not a click command")
            self._loaded[name] = cmd
        return cmd

    def __setitem__(self, name: str, cmd: click.Command) -> None:
        self._loaded[name] = cmd

    def __delitem__(self, name: str) -> None:
        found = self._table.pop(name, None) is not None
        found = self._loaded.pop(name, None) is not None or found
        if not found:
            raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return name in self._table or name in self._loaded

    def __iter__(self) -> Iterator[str]:
        yield from self._table
        yield from (name for name in self._loaded if name not in self._table)

    def __len__(self) -> int:
        return len(self._table.keys() | self._loaded.keys())


class LazyGroup(I18nGroup):
    """An :class:`I18nGroup` whose commands are given as a table of :class:`LazyCommand`."""

    def __init__(
        self, name: str | None = None, *, lazy: Mapping[str, LazyCommand], **kwargs: Any
    ) -> None:
        super().__init__(name, commands=LazyCommands(lazy), **kwargs)

    def help_key(self, ctx: click.Context, name: str) -> str | None:
        commands = self.commands
        if isinstance(commands, LazyCommands):
            key = commands.help_key(name)
            if key is not None:
                return key
        return super().help_key(ctx, name)
