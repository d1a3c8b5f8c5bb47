"""``tree`` (show the criteria) and ``criteria import`` (build them from a table)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from cchc_cli.cli.exits import CommandExit, notes_files, show_diagnostics, write_failed
from cchc_cli.cli.kit import I18nArgument, I18nOption, command, common_options, group
from cchc_cli.cli.params import COUNTS, DATE, DECIMAL, INTEGER, POSITIVE, ChoiceType, PathType
from cchc_cli.cli.settings import settings
from cchc_cli.cli.stages import check_stage, open_one_workspace

if TYPE_CHECKING:
    from datetime import date
    from decimal import Decimal

    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.outputs import OutputGuard
    from cchc_cli.criteria.model import CriteriaTree
    from cchc_cli.criteria.table_import import ImportResult, Options
    from cchc_cli.plan.model import ResolvedPlan


class _Shown(NamedTuple):
    """The criteria to show, what was found wrong, and the plan (for the owners column)."""

    tree: CriteriaTree | None
    problems: list[Diagnostic]
    texts: dict[str, str]
    root: Path | None
    plan: ResolvedPlan | None = None
    plan_errors: int = 0
    #: the workspace's criteria and plan, whose warnings and infos fold into one line
    condense: tuple[str, ...] = ()

    def failed(self, problems: list[Diagnostic], fmt: str) -> CommandExit:
        """Nothing to show: the problems (with this source's context), exit 1."""
        from cchc_cli.core.diagnostics import EXIT_ERRORS

        return CommandExit(
            problems,
            code=EXIT_ERRORS,
            fmt=fmt,
            root=self.root,
            texts=self.texts,
            condense=self.condense,
        )


def _from_file(file_arg: str) -> _Shown:
    """``tree --file``: any criteria file, outside a workspace (no plan)."""
    from cchc_cli.criteria.table_import import load_like

    criteria_file = Path(file_arg)
    rel = criteria_file.as_posix()
    tree, problems = load_like(criteria_file, rel)
    texts = (
        {rel: criteria_file.read_text(encoding="utf-8", errors="replace")}
        if criteria_file.is_file()
        else {}
    )
    return _Shown(tree, problems, texts, None)


def _from_workspace(diag_fmt: str) -> _Shown:
    """The workspace's criteria, with its plan when that resolves."""
    from cchc_cli.criteria.view import plan_errors

    ws = open_one_workspace(diag_fmt)
    try:
        result = check_stage(ws, "plan")
    except ImportError:  # the plan resolver is optional for displaying the tree
        result = check_stage(ws, "criteria")
    problems = result.diagnostics
    errors = plan_errors(result.plan, problems)
    folded = notes_files(ws)
    return _Shown(result.tree, problems, result.texts, ws.root, result.plan, errors, folded)


@command("tree", "help.cmd.tree")
@click.argument("item_id", required=False, metavar="help.metavar.id", cls=I18nArgument)
@click.option("--depth", type=POSITIVE, default=None, help="help.opt.tree_depth", cls=I18nOption)
@click.option(
    "--format",
    "fmt",
    type=ChoiceType(["text", "json", "csv"]),
    default="text",
    help="help.opt.tree_format",
    cls=I18nOption,
)
@click.option(
    "--file",
    "file_arg",
    type=PathType(dir_okay=False),
    default=None,
    help="help.opt.tree_file",
    cls=I18nOption,
)
@common_options
def tree_cmd(item_id: str | None, depth: int | None, fmt: str, file_arg: str | None) -> None:
    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.criteria import view as tree_view

    diag_fmt = "json" if fmt == "json" else "text"
    shown = _from_file(file_arg) if file_arg is not None else _from_workspace(diag_fmt)
    tree, plan = shown.tree, shown.plan
    if tree is None:
        raise shown.failed(shown.problems, diag_fmt)
    start, problems = tree_view.select_subtree(tree, item_id)
    if problems:
        raise shown.failed(problems, diag_fmt)
    if fmt == "json":
        payload = tree_view.tree_json(tree, start, depth, plan, shown.plan_errors)
        click.echo(dumps(payload), nl=False)
    elif fmt == "csv":
        # UTF-8 with BOM, whatever the console code page: Excel then reads Vietnamese correctly.
        sys.stdout.flush()
        sys.stdout.buffer.write(b"\xef\xbb\xbf" + tree_view.tree_csv(start, depth).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        tree_view.render_tree(tree, start, depth, plan, make_console(sys.stdout), settings().lang)
        if shown.plan_errors:
            _plan_errors_note(shown.plan_errors, plan)


def _plan_errors_note(count: int, plan: ResolvedPlan | None) -> None:
    from cchc_cli.core.i18n import tr

    file = plan.rel if plan is not None else ""
    click.echo(tr("criteria.tree.plan_errors", settings().lang, count=count, file=file), err=True)


@group("criteria", "help.cmd.criteria")
def criteria_group() -> None:
    pass


@criteria_group.command("import", help="help.cmd.criteria_import")
@click.argument(
    "table_arg", metavar="help.metavar.table", type=PathType(dir_okay=False), cls=I18nArgument
)
@click.option(
    "--out",
    "out_arg",
    type=PathType(dir_okay=False),
    required=True,
    help="help.opt.import_out",
    cls=I18nOption,
)
@click.option("--force", is_flag=True, help="help.opt.import_force", cls=I18nOption)
@click.option(
    "--like",
    "like_arg",
    type=PathType(dir_okay=False),
    default=None,
    help="help.opt.import_like",
    cls=I18nOption,
)
@click.option("--name", default=None, help="help.opt.import_name", cls=I18nOption)
@click.option("--level", default=None, help="help.opt.import_level", cls=I18nOption)
@click.option("--year", type=INTEGER, default=None, help="help.opt.import_year", cls=I18nOption)
@click.option("--decision", default=None, help="help.opt.import_decision", cls=I18nOption)
@click.option(
    "--decision-date",
    "decision_date",
    type=DATE,
    default=None,
    help="help.opt.import_decision_date",
    cls=I18nOption,
)
@click.option(
    "--total",
    type=DECIMAL,
    default=None,
    help="help.opt.import_total",
    cls=I18nOption,
)
@click.option(
    "--counts",
    type=COUNTS,
    default=None,
    help="help.opt.import_counts",
    cls=I18nOption,
)
@click.option(
    "--status",
    type=ChoiceType(["confirmed", "working"]),
    default="confirmed",
    help="help.opt.import_status",
    cls=I18nOption,
)
@click.option("--sheet", default=None, help="help.opt.import_sheet", cls=I18nOption)
@common_options
def criteria_import_cmd(
    table_arg: str,
    out_arg: str,
    force: bool,
    like_arg: str | None,
    name: str | None,
    level: str | None,
    year: int | None,
    decision: str | None,
    decision_date: date | None,
    total: Decimal | None,
    counts: tuple[int, int, int] | None,
    status: str,
    sheet: str | None,
) -> None:
    from cchc_cli.criteria import table_import as ci

    lang = settings().lang
    table, out = Path(table_arg), Path(out_arg)
    options = ci.Options(
        name=name,
        level=level,
        year=year,
        decision=decision,
        decision_date=decision_date,
        total=total,
        counts=counts,
        status=status,
        lang=lang,
    )
    like_tree = _like_tree(Path(like_arg) if like_arg is not None else None, options)
    guard = _guard(force, lang, table, like_arg)
    refused = guard.check({out: None})
    if refused:
        raise CommandExit(refused)
    from cchc_cli.criteria.checks import check_tree

    result = ci.import_table(
        table, table.as_posix(), out, options, like_tree, check=check_tree, sheet=sheet
    )
    _write_imported(result, table, out, options, guard)


def _guard(force: bool, lang: str, table: Path, like_arg: str | None) -> OutputGuard:
    """The overwrite rule (core/outputs.py): never the workspace's inputs, the table or the
    --like file; an existing --out only if cchc wrote it (or with --force)."""
    from cchc_cli.cli.stages import optional_workspace
    from cchc_cli.core.outputs import OutputGuard, workspace_inputs

    extra = [(table, "file")] + ([(Path(like_arg), "file")] if like_arg else [])
    return OutputGuard(workspace_inputs(optional_workspace(), extra), force=force, lang=lang)


def _like_tree(like: Path | None, options: Options) -> CriteriaTree | None:
    """``--like``: the criteria file to copy the header from; without it, --year and
    --decision are needed."""
    from cchc_cli.cli.usage import UsageFailure
    from cchc_cli.core.diagnostics import EXIT_ERRORS
    from cchc_cli.core.i18n import Msg
    from cchc_cli.criteria.table_import import load_like

    if like is None:
        if options.year is None or options.decision is None:
            raise UsageFailure(Msg("criteria.import.need_meta"))
        return None
    like_tree, problems = load_like(like, like.as_posix())
    if like_tree is None:
        raise CommandExit(problems, code=EXIT_ERRORS, root=Path.cwd())
    return like_tree


def _out_exists(out: Path, *, locked: bool = False) -> CommandExit:
    """CCHC238: the output is open in another program."""
    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.i18n import Msg

    rel = out.as_posix()
    message = Msg("criteria.import.locked", {"out": rel}) if locked else None
    return CommandExit([error("CCHC238", Location(rel), out=rel, message=message)])


def _write_imported(
    result: ImportResult, table: Path, out: Path, options: Options, guard: OutputGuard
) -> None:
    """Write the imported criteria (only when the table gave no blocking problem)."""
    from cchc_cli.core.atomic import OutputLocked, WriteFailed
    from cchc_cli.core.diagnostics import EXIT_ERRORS
    from cchc_cli.core.i18n import tr
    from cchc_cli.criteria.table_import import summary

    texts = {table.as_posix(): result.table_text} if result.table_text is not None else {}
    code = show_diagnostics(result.diagnostics, texts=texts) if result.diagnostics else 0
    if result.text is None or code:
        raise CommandExit(code=code or EXIT_ERRORS)
    try:
        guard.write({out: result.text.encode("utf-8")})
    except WriteFailed as exc:
        if isinstance(exc.cause, OutputLocked):
            raise _out_exists(out, locked=True) from None
        raise write_failed(out, exc.cause) from None  # read-only folder, full disk
    assert result.tree is not None
    done = {"out": out.as_posix(), "table": table.as_posix(), "status": options.status}
    click.echo(tr("criteria.import.done", options.lang, **done, **summary(result.tree)))
