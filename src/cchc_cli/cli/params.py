"""The options several commands share, and the value types of every option (re-exported from
:mod:`cchc_cli.cli.types`).

A bad value is a usage error naming the option, the value and the expected form in the
user's language (``Giá trị `15/13/2020` của `--today` không hợp lệ: không có tháng 13``),
shown as CCHC901 with exit 2 by the group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from cchc_cli.cli.kit import I18nOption
from cchc_cli.cli.types import (
    COUNTS,
    DATE,
    DECIMAL,
    INTEGER,
    POSITIVE,
    ChoiceType,
    CountsType,
    DateType,
    DecimalType,
    IntegerType,
    PathType,
)

__all__ = [
    "COUNTS",
    "DATE",
    "DECIMAL",
    "INTEGER",
    "POSITIVE",
    "ChoiceType",
    "CountsType",
    "DateType",
    "DecimalType",
    "IntegerType",
    "PathType",
    "date_option",
    "format_option",
    "strict_option",
    "templates_option",
    "today_option",
]

F = TypeVar("F", bound=Callable[..., Any])


def format_option(f: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=ChoiceType(["text", "json"]),
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
        default=None,
        help="help.opt.today",
        cls=I18nOption,
    )(f)


def date_option(f: F) -> F:
    """``--date``: the date a document carries (and its files' timestamps)."""
    return click.option(
        "--date", "date_arg", type=DATE, default=None, help="help.opt.date", cls=I18nOption
    )(f)


def templates_option(f: F) -> F:
    """``--templates DIR``: a folder of templates that shadow the built-in ones."""
    return click.option(
        "--templates",
        "templates_arg",
        type=PathType(),
        metavar="help.metavar.dir",
        default=None,
        help="help.opt.templates",
        cls=I18nOption,
    )(f)
