"""``init``: a new workspace (cchc.yaml, criteria, plan; with --example the sample scores)."""

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

    from cchc_cli.core.i18n import tr
    from cchc_cli.core.workspace_init import init_workspace

    problems = init_workspace(Path(folder), example=example, lang=settings().lang)
    if problems:
        raise CommandExit(problems)
    click.echo(tr("init.done", settings().lang, folder=str(folder)))
