"""click plumbing: translated help, the options every command shares, guarded groups.

Help texts are catalogue keys (``help.cmd.validate``) translated when help is shown, so
``cchc --lang en validate --help`` and ``CCHC_LANG=en`` both give English help. So are the
metavars (``--today NGÀY``, ``[TÙY_CHỌN]``), the ``[bắt buộc]`` marker, and every usage error
(:mod:`cchc_cli.cli.usage`): a command that does not exist, extra arguments and a group
called without a command are raised here as catalogue messages, not click's English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from cchc_cli.cli.exits import run_guarded, usage_error
from cchc_cli.cli.settings import scan_lang, settings
from cchc_cli.cli.types import ChoiceType, PathType, metavar_key
from cchc_cli.cli.usage import UsageFailure, no_such_command
from cchc_cli.core.i18n import Msg, resolve_lang, tr

F = TypeVar("F", bound=Callable[..., Any])


def _lang(ctx: click.Context | None) -> str:
    ctx = ctx or click.get_current_context(silent=True)
    return settings(ctx).lang if ctx is not None else "vi"


def metavar_text(param: click.Parameter, lang: str) -> str | None:
    """A parameter's metavar in ``lang`` (``NGÀY``, ``THƯ_MỤC``, ``[MÃ]``), or None where
    click's own is right (a choice: ``[text|json]``)."""
    key = metavar_key(param)
    if key is None:
        return None
    text = tr(key, lang)
    if isinstance(param, click.Argument) and not param.required:
        text = f"[{text}]"
    return text


def _with_metavar(param: click.Parameter, call: Callable[[], str]) -> str:
    """Run click's ``make_metavar`` with the parameter's metavar in the user's language."""
    text = metavar_text(param, _lang(None))
    if text is None:
        return call()
    original = param.metavar
    param.metavar = text
    try:
        return call()
    finally:
        param.metavar = original


def usage_pieces(command: click.Command, ctx: click.Context) -> list[str]:
    """``[TÙY_CHỌN] MÃ`` / ``[TÙY_CHỌN] LỆNH [THAM_SỐ]...``: the usage line in ``ctx``'s
    language."""
    lang = _lang(ctx)
    options = command.options_metavar
    group = command if isinstance(command, click.Group) else None
    sub = group.subcommand_metavar if group is not None else None
    if options:
        command.options_metavar = tr("help.metavar.options", lang)
    if group is not None:
        group.subcommand_metavar = tr("help.metavar.subcommand", lang)
    try:
        return command.collect_usage_pieces(ctx)
    finally:
        command.options_metavar = options
        if group is not None and sub is not None:
            group.subcommand_metavar = sub


def translate(text: str | None, ctx: click.Context) -> str:
    """A help text: catalogue keys (``help.…``) in the run's language, other text as is."""
    if not text:
        return ""
    if text.startswith("help."):
        return tr(text, _lang(ctx))
    return text


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (and with it bz2,
    lzma and zlib: a tenth of ``cchc --help``)."""
    import os
    import sys

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stdout = sys.__stdout__
    if columns <= 0 and stdout is not None:
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns
        except (AttributeError, ValueError, OSError):  # closed, detached, not a terminal
            columns = 0
    return columns or 80


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, as wide as click makes it (measured without shutil)."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        from click import formatting

        if width is None:
            width = formatting.FORCED_WIDTH
        if width is None:
            width = max(min(_terminal_columns(), 80 if max_width is None else max_width) - 2, 50)
        super().__init__(indent_increment, width, max_width)


class I18nContext(click.Context):
    formatter_class = HelpFormatter


class I18nOption(click.Option):
    """An option whose help, metavar and ``[bắt buộc]`` marker are in the user's language."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        original, required = self.help, self.required
        self.help = translate(self.help, ctx)
        self.required = False  # click would add its English "[required]"
        try:
            record = super().get_help_record(ctx)
        finally:
            self.help, self.required = original, required
        if record is not None and required:
            record = (record[0], f"{record[1]}  [{tr('help.required', _lang(ctx))}]")
        return record

    def make_metavar(self, *args: Any, **kwargs: Any) -> str:
        return _with_metavar(self, lambda: super(I18nOption, self).make_metavar(*args, **kwargs))


class I18nArgument(click.Argument):
    """An argument whose metavar (in usage lines and messages) is in the user's language."""

    def make_metavar(self, *args: Any, **kwargs: Any) -> str:
        return _with_metavar(self, lambda: super(I18nArgument, self).make_metavar(*args, **kwargs))


class _I18nMixin:
    """Shared by commands and groups: translated help text, usage and section titles."""

    help: str | None
    epilog: str | None

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = translate(self.help, ctx)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = usage_pieces(self, ctx)  # type: ignore[arg-type]
        formatter.write_usage(
            ctx.command_path, " ".join(pieces), prefix=tr("help.usage", _lang(ctx)) + " "
        )

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = []
        help_option = self.get_help_option(ctx)  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if not isinstance(param, click.Option):
                continue
            record = param.get_help_record(ctx)
            if record is not None and param is help_option:
                record = (record[0], tr("help.opt.help", _lang(ctx)))
            if record is not None:
                records.append(record)
        if records:
            with formatter.section(tr("help.options", _lang(ctx))):
                formatter.write_dl(records)
        if isinstance(self, I18nGroup):
            commands = self.command_summaries(ctx)
            if commands:
                with formatter.section(tr("help.commands", _lang(ctx))):
                    formatter.write_dl(commands)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(tr("help.exit_codes", _lang(ctx)))

    def get_short_help_str(self, limit: int = 45) -> str:
        ctx = click.get_current_context(silent=True)
        text = tr(self.help, settings(ctx).lang) if (self.help and ctx) else (self.help or "")
        return text.split("\n")[0]


class I18nCommand(_I18nMixin, click.Command):
    context_class = I18nContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # click's "Got unexpected extra argument (x)" is English: let it pass, say it here.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # click's parser leaves it out: the message needs it
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise UsageFailure(Msg("usage.extra_args", {"args": list(rest)}), ctx)
        return rest


def _has_command(ctx: click.Context) -> bool:
    """Whether a command name followed the group (click 8.1 and later keep it differently)."""
    protected = getattr(ctx, "_protected_args", None)
    if protected is None:
        protected = getattr(ctx, "protected_args", None)
    return bool(protected or ctx.args)


class I18nGroup(_I18nMixin, click.Group):
    """A group with translated help whose commands end through the one exit path."""

    command_class = I18nCommand
    context_class = I18nContext

    def help_key(self, ctx: click.Context, name: str) -> str | None:
        """The help text (a catalogue key) of command ``name``; None for a hidden command."""
        cmd = self.get_command(ctx, name)
        return None if cmd is None or cmd.hidden else (cmd.help or "")

    def command_summaries(self, ctx: click.Context) -> list[tuple[str, str]]:
        """(name, first line of the translated help) of every listed command."""
        found = []
        for name in self.list_commands(ctx):
            key = self.help_key(ctx, name)
            if key is not None:
                found.append((name, translate(key, ctx).split("\n")[0]))
        return found

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # --lang may follow the command name; help for a nested group must honour it too.
        # Only an explicit --lang overrides what the root already resolved (CCHC_LANG, default).
        lang = scan_lang(args)
        if lang:
            settings(ctx).lang = resolve_lang(lang)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # the root's own options: before any guard runs
            exc.ctx = exc.ctx or ctx
            usage_error(ctx, exc)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and not ctx.resilient_parsing
            and ctx.token_normalize_func is None
            and self.get_command(ctx, name) is None
        ):
            raise no_such_command(ctx, name, list(self.list_commands(ctx)))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        def run() -> Any:
            if not self.invoke_without_command and not _has_command(ctx):
                missing = Msg("usage.missing_command", {"command": ctx.command_path})
                raise UsageFailure(missing, ctx)
            return super(I18nGroup, self).invoke(ctx)

        return run_guarded(ctx, run)


def _set_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        settings(ctx).lang = resolve_lang(value)


def _add_workspace(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> None:
    if value:
        settings(ctx).workspaces.extend(value)


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        settings(ctx).debug = True


def common_options(f: F) -> F:
    """``--lang``, ``-C/--workspace`` and ``--debug``, accepted before or after the command."""
    f = click.option(
        "--lang",
        type=ChoiceType(["vi", "en"]),
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help="help.opt.lang",
        cls=I18nOption,
    )(f)
    f = click.option(
        "-C",
        "--workspace",
        type=PathType(file_okay=False),
        multiple=True,
        expose_value=False,
        callback=_add_workspace,
        help="help.opt.workspace",
        cls=I18nOption,
    )(f)
    f = click.option(
        "--debug",
        is_flag=True,
        expose_value=False,
        callback=_set_debug,
        help="help.opt.debug",
        cls=I18nOption,
    )(f)
    return f


def command(name: str, help_key: str) -> Callable[[Callable[..., Any]], I18nCommand]:
    """``@command("validate", "help.cmd.validate")``: a command with translated help."""

    def decorate(f: Callable[..., Any]) -> I18nCommand:
        return click.command(name, cls=I18nCommand, help=help_key)(f)

    return decorate


def group(name: str, help_key: str) -> Callable[[Callable[..., Any]], I18nGroup]:
    """``@group("criteria", "help.cmd.criteria")``: a nested group with translated help."""

    def decorate(f: Callable[..., Any]) -> I18nGroup:
        return click.group(name, cls=I18nGroup, help=help_key)(f)

    return decorate
