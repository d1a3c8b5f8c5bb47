"""The root of the command line: the ``cchc`` group, its commands by name, and ``main``.

Commands live in :mod:`cchc_cli.cli.commands` and are imported only when run (or when their own
help is shown): ``cchc --help`` reads each command's summary from :data:`COMMANDS`, so it
imports none of them, nor pydantic, yaml, rich or jinja2.
"""

from __future__ import annotations

import click

from cchc_cli import __version__
from cchc_cli.cli.kit import I18nOption, common_options
from cchc_cli.cli.lazy import LazyCommand, LazyGroup
from cchc_cli.cli.settings import settings

_COMMANDS = "cchc_cli.cli.commands"

#: every command: where it lives and its help key (the command's own ``help``; a test checks)
COMMANDS: dict[str, LazyCommand] = {
    "validate": LazyCommand(f"{_COMMANDS}.check:validate_cmd", "help.cmd.validate"),
    "status": LazyCommand(f"{_COMMANDS}.check:status_cmd", "help.cmd.status"),
    "merged": LazyCommand(f"{_COMMANDS}.check:merged_cmd", "help.cmd.merged"),
    "who": LazyCommand(f"{_COMMANDS}.plan:who_cmd", "help.cmd.who"),
    "owners": LazyCommand(f"{_COMMANDS}.plan:owners_cmd", "help.cmd.owners"),
    "tree": LazyCommand(f"{_COMMANDS}.criteria:tree_cmd", "help.cmd.tree"),
    "criteria": LazyCommand(f"{_COMMANDS}.criteria:criteria_group", "help.cmd.criteria"),
    "scaffold": LazyCommand(f"{_COMMANDS}.scores:scaffold_cmd", "help.cmd.scaffold"),
    "schema": LazyCommand(f"{_COMMANDS}.scores:schema_cmd", "help.cmd.schema"),
    "report": LazyCommand(f"{_COMMANDS}.report:report_cmd", "help.cmd.report"),
    "templates": LazyCommand(f"{_COMMANDS}.report:templates_group", "help.cmd.templates"),
    "index": LazyCommand(f"{_COMMANDS}.index:index_cmd", "help.cmd.index"),
    "remedy": LazyCommand(f"{_COMMANDS}.remedy:remedy_cmd", "help.cmd.remedy"),
    "pack": LazyCommand(f"{_COMMANDS}.pack:pack_cmd", "help.cmd.pack"),
    "init": LazyCommand(f"{_COMMANDS}.init:init_cmd", "help.cmd.init"),
}


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import platform

    from cchc_cli.core.diagnostics import EXIT_OK
    from cchc_cli.core.i18n import tr
    from cchc_cli.core.yamlio import libyaml_in_use

    lang = settings(ctx).lang
    loader = tr("loader.c" if libyaml_in_use() else "loader.py", lang)
    click.echo(
        tr(
            "help.cmd.version_line",
            lang,
            version=__version__,
            python=platform.python_version(),
            loader=loader,
        )
    )
    ctx.exit(EXIT_OK)


@click.group(
    "cchc",
    cls=LazyGroup,
    lazy=COMMANDS,
    help="help.cli",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="help.opt.version",
    cls=I18nOption,
)
@common_options
def cli() -> None:
    pass


def main() -> None:
    """The console script and ``python -m cchc_cli``: the command, then a quick exit.

    Two costs every run would pay for nothing are skipped here (the library and the tests,
    which call :data:`cli`, are unaffected):

    * the cyclic garbage collector is off: a run builds a few hundred thousand small objects
      (parsed YAML, pydantic models) that all live until it ends, and the collector would scan
      them again and again; the checks leave no reference cycles behind (a test checks it), so
      63 provinces in one run still free each province's data as soon as it is done;
    * the interpreter's teardown (freeing every object and module one by one) is skipped with
      ``os._exit`` once standard output and error are flushed: every file cchc writes has been
      written, flushed and renamed into place (core/atomic.py) before the command returns.
    """
    import gc

    gc.disable()
    try:
        cli(prog_name="cchc")
        code = 0
    except SystemExit as stop:
        code = _exit_status(stop.code)
    _exit_now(code)


def _exit_status(code: object) -> int:
    """``sys.exit``'s argument as a process status (a message is printed, as Python does)."""
    import sys

    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _exit_now(code: int) -> None:
    import contextlib
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (`cchc owners | head`): nothing left to keep
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
