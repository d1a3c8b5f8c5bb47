"""A bad invocation, in the user's language.

click words its usage errors in English ("No such command 'valdate'", "Missing argument 'ID'",
"Invalid value for '--today'"). None of that text reaches the user: the errors cchc raises
itself carry a catalogue message (:class:`UsageFailure`, :class:`BadValue` from the option
types of :mod:`cchc_cli.cli.types`), and click's own exceptions are read by their type and
attributes (the option, the parameter), never by their English text. :func:`usage_diagnostic`
makes the one CCHC901 diagnostic: what is wrong, the expected form, and the closest command or
option when one is near ("Có phải ý bạn là `validate`?").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from cchc_cli.core.i18n import Msg, tr

if TYPE_CHECKING:
    from cchc_cli.core.diagnostics import Diagnostic


def _lang() -> str:
    from cchc_cli.cli.settings import settings

    ctx = click.get_current_context(silent=True)
    return settings(ctx).lang if ctx is not None else "vi"


class UsageFailure(click.UsageError):
    """A usage error worded by the catalogue; ``guess``: the command or option meant."""

    def __init__(
        self, message: Msg, ctx: click.Context | None = None, *, guess: str | None = None
    ) -> None:
        super().__init__(message.key, ctx)
        self.msg = message
        self.guess = guess

    def format_message(self) -> str:
        return tr(self.msg, _lang())


class BadValue(click.BadParameter):
    """A value an option (or argument) does not accept, and why (``reason``, a catalogue
    fragment such as "phải là ngày dạng NĂM-THÁNG-NGÀY")."""

    def __init__(
        self,
        value: Any,
        reason: Msg,
        param: click.Parameter | None = None,
        *,
        guess: str | None = None,
    ) -> None:
        super().__init__(str(value), param=param)
        self.value = str(value)
        self.reason = reason
        self.guess = guess

    def format_message(self) -> str:
        return tr(describe(self)[0], _lang())


def param_name(param: click.Parameter | None) -> str:
    """How the user names a parameter: ``--today``, ``-C/--workspace``, or an argument's
    metavar in the user's language (``MÃ``)."""
    if param is None:
        return "?"
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    from cchc_cli.cli.kit import metavar_text

    return metavar_text(param, _lang()) or (param.name or "?").upper()


def _option_metavar(param: click.Parameter | None) -> str:
    from cchc_cli.cli.kit import metavar_text

    if param is None:
        return ""
    if isinstance(param.type, click.Choice):
        return "|".join(str(c) for c in param.type.choices)
    return metavar_text(param, _lang()) or ""


def _find_option(ctx: click.Context | None, name: str) -> click.Parameter | None:
    if ctx is None:
        return None
    for param in ctx.command.params:
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def describe(exc: click.UsageError) -> tuple[Msg, str | None]:
    """The message of a usage error (a catalogue entry) and the name the user probably meant."""
    if isinstance(exc, UsageFailure):
        return exc.msg, exc.guess
    if isinstance(exc, BadValue):
        args = {"option": param_name(exc.param), "value": exc.value, "reason": exc.reason}
        return Msg("usage.bad_value", args), exc.guess
    if isinstance(exc, click.MissingParameter):
        return _missing(exc), None
    if isinstance(exc, click.BadParameter):  # a click type cchc does not use: no English
        return Msg("usage.bad_value_unknown", {"option": param_name(exc.param)}), None
    if isinstance(exc, click.NoSuchOption):
        guess = exc.possibilities[0] if exc.possibilities else None
        return Msg("usage.no_option", {"option": exc.option_name}), guess
    if isinstance(exc, click.BadOptionUsage):
        param = _find_option(exc.ctx, exc.option_name)
        if isinstance(param, click.Option) and (param.is_flag or param.count):
            return Msg("usage.takes_no_value", {"option": exc.option_name}), None
        metavar = _option_metavar(param) or tr("help.metavar.value", _lang())
        return Msg("usage.needs_value", {"option": exc.option_name, "metavar": metavar}), None
    # Anything else click may raise in a later version: its own words, as a last resort.
    return Msg("usage.other", {"detail": exc.format_message()}), None


def _missing(exc: click.MissingParameter) -> Msg:
    param = exc.param
    if isinstance(param, click.Option):
        option = param_name(param)
        return Msg("usage.missing_option", {"option": option, "metavar": _option_metavar(param)})
    return Msg("usage.missing_argument", {"name": param_name(param)})


def usage_line(ctx: click.Context) -> str:
    """``cchc who [TÙY_CHỌN] MÃ``: how the command is called, in the user's language."""
    from cchc_cli.cli.kit import usage_pieces

    return " ".join([ctx.command_path, *usage_pieces(ctx.command, ctx)])


def usage_diagnostic(exc: click.UsageError, ctx: click.Context) -> Diagnostic:
    """CCHC901 for a bad invocation: the problem, and how to call the command (or the
    closest name)."""
    from cchc_cli.core.diagnostics import error

    where = exc.ctx or ctx
    message, guess = describe(exc)
    command = where.command_path
    if guess:
        hint = Msg("CCHC901.hint_guess", {"guess": guess, "command": command})
    else:
        hint = Msg("CCHC901.hint", {"usage": usage_line(where), "command": command})
    return error("CCHC901", message=Msg("CCHC901", {"error": message}), hint=hint)


def no_such_command(ctx: click.Context, name: str, known: list[str]) -> UsageFailure:
    """``cchc valdate``: no such command, with the closest one."""
    from cchc_cli.core.ids import did_you_mean

    guess = did_you_mean(name, known)
    msg = Msg("usage.no_command", {"name": name, "command": ctx.command_path})
    return UsageFailure(msg, ctx, guess=guess)
