"""Option value types and the options several commands share.

A bad value is a usage error: click's ``BadParameter`` naming the option (``Invalid value for
--today: 2020-13-01``), shown as CCHC901 with exit 2 by the group.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from cchc_cli.cli.kit import I18nOption

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:  # click >= 8.2 types ParamType by the value it gives
    _DateBase = click.ParamType[date]
    _CountsBase = click.ParamType[tuple[int, int, int]]
    _DecimalBase = click.ParamType[Decimal]
else:
    _DateBase = _CountsBase = _DecimalBase = click.ParamType


def _bad(value: str, param: click.Parameter | None) -> click.BadParameter:
    hint = " / ".join(param.opts) if param is not None else None
    return click.BadParameter(value, param_hint=hint)


class DateType(_DateBase):
    """``YYYY-MM-DD`` (what ``date.fromisoformat`` reads) → :class:`datetime.date`."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _bad(value, param) from None


class CountsType(_CountsBase):
    """``A/C/S`` (or ``A,C,S``): how many areas, criteria and sub-criteria → three ints."""

    name = "counts"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int, int]:
        if isinstance(value, tuple):
            return cast("tuple[int, int, int]", value)
        parts = value.replace(",", "/").split("/")
        if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
            raise _bad(value, param)
        return int(parts[0]), int(parts[1]), int(parts[2])


class DecimalType(_DecimalBase):
    """A plain number, ``0.5`` or ``0,5`` (decimal comma) → :class:`decimal.Decimal`."""

    name = "number"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> Decimal:
        if isinstance(value, Decimal):
            return value
        from cchc_cli.criteria.table_import import parse_number

        number = parse_number(value)
        if number is None:
            raise _bad(value, param)
        return number


DATE = DateType()
COUNTS = CountsType()
DECIMAL = DecimalType()


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=False,
        help="help.opt.format",
        cls=I18nOption,
    )(f)


def strict_option(f: F) -> F:
    return click.option("--strict", is_flag=True, help="help.opt.strict", cls=I18nOption)(f)


def today_option(f: F) -> F:
    return click.option(
        "--today",
        "today",
        type=DATE,
        metavar="YYYY-MM-DD",
        default=None,
        help="help.opt.today",
        cls=I18nOption,
    )(f)
