"""The value types of cchc's options and arguments.

Each refuses a value with :class:`~cchc_cli.cli.usage.BadValue`: the value and, in the user's
language, what is expected ("phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2020-01-15 …"). click's
own types (``Choice``, ``Path``, ``INT``, ``IntRange``) say it in English, so every parameter
uses one of these instead (a test checks). Each type names its metavar (``metavar_key``, a
catalogue key shown in ``--help``).

Dates on the command line are ``YYYY-MM-DD`` (``2020-01-15``) or, as Vietnamese write them,
``DD/MM/YYYY`` (``15/01/2020``; ``.`` or ``-`` also separate). A date that does not exist
(``30/02/2019``, month 13) is named as such, not as a wrong format.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import click

from cchc_cli.cli.usage import BadValue
from cchc_cli.core.i18n import AnyOf, Msg

if TYPE_CHECKING:  # click >= 8.2 types ParamType by the value it gives
    _DateBase = click.ParamType[date]
    _CountsBase = click.ParamType[tuple[int, int, int]]
    _DecimalBase = click.ParamType[Decimal]
    _IntBase = click.ParamType[int]
else:
    _DateBase = _CountsBase = _DecimalBase = _IntBase = click.ParamType

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_day(text: str) -> date | Msg:
    """``2020-01-15`` or ``15/01/2020`` → the date; otherwise why not (a catalogue fragment)."""
    text = text.strip()
    iso = _ISO_DAY.fullmatch(text)
    vn = None if iso else _VN_DAY.fullmatch(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif vn:
        day, month, year = (int(g) for g in vn.groups())
    else:
        return Msg("usage.reason.date")
    if not 1 <= month <= 12:
        return Msg("usage.reason.no_month", {"month": month})
    try:
        return date(year, month, day)
    except ValueError:
        return Msg("usage.reason.no_day", {"day": day, "month": month, "year": year})


class DateType(_DateBase):
    """A day: ``YYYY-MM-DD`` or ``DD/MM/YYYY`` → :class:`datetime.date`."""

    name = "date"
    metavar_key = "help.metavar.date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        day = parse_day(str(value))
        if isinstance(day, Msg):
            raise BadValue(value, day, param)
        return day


class CountsType(_CountsBase):
    """``A/C/S`` (or ``A,C,S``): how many areas, criteria and sub-criteria → three ints."""

    name = "counts"
    metavar_key = "help.metavar.counts"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int, int]:
        if isinstance(value, tuple):
            return cast("tuple[int, int, int]", value)
        parts = str(value).replace(",", "/").split("/")
        if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
            raise BadValue(value, Msg("usage.reason.counts"), param)
        return int(parts[0]), int(parts[1]), int(parts[2])


class DecimalType(_DecimalBase):
    """A plain number, ``0.5`` or ``0,5`` (decimal comma) → :class:`decimal.Decimal`."""

    name = "number"
    metavar_key = "help.metavar.number"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Decimal:
        if isinstance(value, Decimal):
            return value
        from cchc_cli.criteria.table_import import parse_number

        number = parse_number(str(value))
        if number is None:
            raise BadValue(value, Msg("usage.reason.number"), param)
        return number


class IntegerType(_IntBase):
    """A whole number, at least ``minimum`` when given (``--depth 2``, ``--year 2019``)."""

    name = "integer"
    metavar_key = "help.metavar.integer"

    def __init__(self, minimum: int | None = None) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not re.fullmatch(r"[+-]?\d{1,9}", text):
                raise BadValue(value, self._expected(), param)
            number = int(text)
        if self.minimum is not None and number < self.minimum:
            raise BadValue(value, self._expected(), param)
        return number

    def _expected(self) -> Msg:
        if self.minimum is None:
            return Msg("usage.reason.integer")
        return Msg("usage.reason.integer_min", {"min": self.minimum})


class ChoiceType(click.Choice):  # type: ignore[type-arg]
    """One of fixed words (``--format text|json``); a near miss names the word meant."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            pass
        from cchc_cli.core.ids import did_you_mean

        choices = [str(c) for c in self.choices]
        reason = Msg("usage.reason.choice", {"choices": AnyOf(choices)})
        raise BadValue(value, reason, param, guess=did_you_mean(str(value), choices))


class PathType(click.Path):
    """A file or folder name; a file where a folder is expected (or the reverse) says so."""

    @property
    def metavar_key(self) -> str:
        if self.file_okay and not self.dir_okay:
            return "help.metavar.file"
        if self.dir_okay and not self.file_okay:
            return "help.metavar.dir"
        return "help.metavar.path"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            pass
        import os

        text = os.fsdecode(value) if isinstance(value, (str, bytes, os.PathLike)) else str(value)
        if os.path.isdir(text) and not self.dir_okay:
            reason = "usage.reason.is_dir"
        elif os.path.exists(text) and not self.file_okay:
            reason = "usage.reason.is_file"
        elif not os.path.exists(text):
            reason = "usage.reason.not_found"
        else:
            reason = "usage.reason.path"
        raise BadValue(text, Msg(reason), param)


DATE = DateType()
COUNTS = CountsType()
DECIMAL = DecimalType()
INTEGER = IntegerType()
POSITIVE = IntegerType(minimum=1)


def metavar_key(param: click.Parameter) -> str | None:
    """The catalogue key of a parameter's metavar (``help.metavar.date`` → ``NGÀY``), or None
    where click's own is right (a choice shows its words: ``[text|json]``; a flag none)."""
    if param.metavar:
        return param.metavar if param.metavar.startswith("help.") else None
    key = getattr(param.type, "metavar_key", None)
    if isinstance(key, str):
        return key
    if isinstance(param.type, click.types.StringParamType):
        return "help.metavar.text"
    return None
