"""The options every command shares (``--lang``, ``-C``, ``--debug``), kept on the root context.

They may be given before or after the command name; wherever click meets them, their callbacks
write here, and commands read them back with :func:`settings`.
"""

from __future__ import annotations

import click

from cchc_cli.core.i18n import Lang, resolve_lang


class Settings:
    """Options that every command shares (given before or after the command name)."""

    def __init__(self, lang: Lang = "vi") -> None:
        self.lang: Lang = lang
        self.workspaces: list[str] = []
        self.debug = False


def settings(ctx: click.Context | None = None) -> Settings:
    """The shared options of this run (the current click context when ``ctx`` is None)."""
    ctx = ctx or click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings(lang=resolve_lang(None))
    return root.obj


def scan_lang(args: list[str]) -> str | None:
    """An explicit ``--lang`` among not-yet-parsed arguments (help must honour it early)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
