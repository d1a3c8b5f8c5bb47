"""``init``: a new workspace (cchc.yaml, criteria, plan; with --example the sample scores).

Only what is missing is written; what is there is kept and named (core/workspace_init.py).
"""

from __future__ import annotations

import click

from cchc_cli.cli.exits import CommandExit
from cchc_cli.cli.kit import I18nArgument, I18nOption, command, common_options
from cchc_cli.cli.settings import settings
from cchc_cli.cli.types import PathType


@command("init", "help.cmd.init")
@click.argument("folder", type=PathType(file_okay=False), cls=I18nArgument)
@click.option("--example", is_flag=True, help="help.opt.example", cls=I18nOption)
@common_options
def init_cmd(folder: str, example: bool) -> None:
    from pathlib import Path

    from cchc_cli.cli.exits import write_failed
    from cchc_cli.core.i18n import tr
    from cchc_cli.core.workspace_init import init_workspace

    lang = settings().lang
    try:
        outcome = init_workspace(Path(folder), example=example, lang=lang)
    except OSError as exc:
        raise write_failed(Path(folder), exc) from None
    if outcome.problems:
        raise CommandExit(outcome.problems)
    if outcome.kept or outcome.identical:
        count = len(outcome.kept) + outcome.identical
        click.echo(tr("init.kept", lang, count=count, differ=len(outcome.kept)))
        for rel in outcome.kept:
            click.echo("  " + tr("init.kept_file", lang, file=rel))
    shown = Path(folder).as_posix()
    click.echo(tr("init.done", lang, folder=shown, count=len(outcome.created)))
