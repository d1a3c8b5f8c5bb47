"""The command line. Thin: parse options, call the library, show diagnostics, set exit code.

Heavy modules (pydantic models, jinja2, docx, xlsx) are imported inside the commands that use
them so that ``cchc --help`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from cchc_cli import __version__
from cchc_cli.cli.kit import (
    EXIT_CONFIG,
    I18nGroup,
    I18nOption,
    common_options,
    format_option,
    settings,
)
from cchc_cli.core.diagnostics import exit_code

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from cchc_cli.core.diagnostics import Diagnostic
    from cchc_cli.core.workspace import Workspace


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    import platform

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
    ctx.exit(0)


@click.group(
    cls=I18nGroup, help="help.cli", context_settings={"help_option_names": ["-h", "--help"]}
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


def show_diagnostics(
    diagnostics: Sequence[Diagnostic],
    *,
    fmt: str = "text",
    strict: bool = False,
    root: Path | None = None,
    texts: dict[str, str] | None = None,
    to_stdout_json: bool = True,
) -> int:
    """Render diagnostics (text on stderr, or JSON on stdout) and return the exit code."""
    from cchc_cli.cli.output import (
        SourceLines,
        diagnostics_console,
        diagnostics_payload,
        dumps,
        render_text,
    )

    lang = settings().lang
    code = exit_code(list(diagnostics), strict)
    if fmt == "json":
        if to_stdout_json:
            click.echo(dumps(diagnostics_payload(diagnostics, lang, ok=code == 0)), nl=False)
    else:
        console = diagnostics_console(sys.stderr)
        render_text(diagnostics, console, lang, SourceLines(root, texts), strict=strict)
    return code


def open_workspaces(fmt: str = "text", *, expand: bool = False) -> list[Workspace]:
    """The workspace(s) named by -C (or found from the current folder). Exit 2 if unusable.

    With ``expand``, a -C folder that has no cchc.yaml but whose sub-folders do stands for
    all of them (a Ministry's folder of provinces), in name order.
    """
    from pathlib import Path

    from cchc_cli.core.workspace import CONFIG_NAME, WorkspaceError, open_workspace

    given: list[str | None] = list(settings().workspaces) or [None]
    if expand:
        given = [sub for g in given for sub in _workspace_folders(g, CONFIG_NAME)]
    found: list[Workspace] = []
    for explicit in given:
        try:
            found.append(open_workspace(Path(explicit) if explicit else None, Path.cwd()))
        except WorkspaceError as exc:
            root = exc.doc.path.parent if exc.doc is not None else None
            texts = {exc.doc.rel: exc.doc.text} if exc.doc is not None else None
            show_diagnostics(exc.diagnostics, fmt=fmt, root=root, texts=texts)
            raise click.exceptions.Exit(EXIT_CONFIG) from None
    return found


def _workspace_folders(given: str | None, config_name: str) -> list[str | None]:
    """``given`` itself, or its sub-folders holding cchc.yaml when it holds none itself."""
    from pathlib import Path

    try:
        if given is None or (Path(given) / config_name).is_file() or not Path(given).is_dir():
            return [given]
        subs = sorted(p for p in Path(given).iterdir() if (p / config_name).is_file())
    except (OSError, ValueError):  # unreadable or impossible name: open_workspace explains
        return [given]
    return [str(p) for p in subs] or [given]


def open_workspace_one(fmt: str = "text") -> Workspace:
    return open_workspaces(fmt)[0]


def parse_date_option(value: str | None, option: str = "--today") -> date | None:
    """A YYYY-MM-DD option value (None when not given); a bad date is a usage error (exit 2)."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(value, param_hint=option) from None


today_option = click.option(
    "--today", "today", metavar="YYYY-MM-DD", default=None, help="help.opt.today", cls=I18nOption
)
strict_option = click.option("--strict", is_flag=True, help="help.opt.strict", cls=I18nOption)


@cli.command("validate", help="help.cmd.validate")
@format_option
@strict_option
@today_option
@common_options
def validate_cmd(fmt: str, strict: bool, today: str | None) -> None:
    from cchc_cli.pipeline import check_workspace, shared_criteria

    when = parse_date_option(today)
    all_diagnostics: list[Any] = []
    texts: dict[str, str] = {}
    workspaces = open_workspaces(fmt, expand=True)
    root = workspaces[0].root if len(workspaces) == 1 else None
    with shared_criteria():
        for ws in workspaces:
            result = check_workspace(ws, today=when)
            if len(workspaces) > 1:
                result.diagnostics = [_prefix(d, ws) for d in result.diagnostics]
                texts.update({_prefixed_rel(ws, rel): t for rel, t in result.texts.items()})
            else:
                texts.update(result.texts)
            all_diagnostics.extend(result.diagnostics)
    code = show_diagnostics(all_diagnostics, fmt=fmt, strict=strict, root=root, texts=texts)
    sys.exit(code) if code else None


@cli.command("init", help="help.cmd.init")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--example", is_flag=True, help="help.opt.example", cls=I18nOption)
@common_options
def init_cmd(folder: str, example: bool) -> None:
    from pathlib import Path

    from cchc_cli.core.workspace_init import init_workspace

    problems = init_workspace(Path(folder), example=example, lang=settings().lang)
    if problems:
        sys.exit(show_diagnostics(problems))
    from cchc_cli.core.i18n import tr

    click.echo(tr("init.done", settings().lang, folder=str(folder)))


def _load_plan_stage() -> tuple[Any, int]:
    """Check criteria + plan; show errors, and the plan file's warnings, on stderr.

    The ``info`` notes about overlaps are left to ``validate`` (``who`` explains them).

    Returns the check result and the exit code those diagnostics give. Exits 1 when no plan
    could be resolved at all.
    """
    from cchc_cli.core.diagnostics import Severity
    from cchc_cli.pipeline import check_workspace

    ws = open_workspace_one("text")
    result = check_workspace(ws, stages="plan")
    plan_rel = ws.config.assignments
    shown = [
        d
        for d in result.diagnostics
        if d.severity is Severity.ERROR or (d.severity is Severity.WARNING and d.file == plan_rel)
    ]
    code = 0
    if shown:
        code = show_diagnostics(shown, fmt="text", root=ws.root, texts=result.texts)
    if result.tree is None or result.plan is None:
        sys.exit(code or 1)
    return result, code


@cli.command("who", help="help.cmd.who")
@click.argument("item_id", metavar="ID")
@common_options
def who_cmd(item_id: str) -> None:
    from cchc_cli.cli.kit import EXIT_CONFIG
    from cchc_cli.core.diagnostics import error
    from cchc_cli.core.i18n import Msg
    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.plan.view import who_lines

    result, code = _load_plan_stage()
    node = result.tree.get(item_id.strip())
    if node is None:
        guess = did_you_mean(item_id, result.tree.by_id)
        hint = Msg("CCHC320.hint_guess", {"guess": guess}) if guess else None
        show_diagnostics(
            [error("CCHC320", item=item_id, hint=hint, id=item_id, criteria_file=result.tree.rel)]
        )
        sys.exit(EXIT_CONFIG)
    for line in who_lines(result.plan, node, settings().lang):
        click.echo(line)
    sys.exit(code) if code else None


@cli.command("owners", help="help.cmd.owners")
@click.option(
    "--agency",
    "agency",
    metavar="CODE",
    default=None,
    help="help.opt.owners_agency",
    cls=I18nOption,
)
@format_option
@common_options
def owners_cmd(agency: str | None, fmt: str) -> None:
    from cchc_cli.cli.kit import EXIT_CONFIG
    from cchc_cli.cli.output import dumps
    from cchc_cli.core.diagnostics import error
    from cchc_cli.core.i18n import Msg
    from cchc_cli.core.ids import did_you_mean
    from cchc_cli.plan.model import MINISTRY_CODE
    from cchc_cli.plan.view import owners_lines, owners_payload, select

    result, code = _load_plan_stage()
    plan = result.plan
    if agency is not None:
        agency = agency.strip()
        known = [*plan.agencies, MINISTRY_CODE]
        if agency not in known:
            guess = did_you_mean(agency, known)
            hint = Msg("CCHC321.hint_guess", {"guess": guess, "known": known}) if guess else None
            show_diagnostics(
                [error("CCHC321", agency=agency, hint=hint, agency_code=agency, known=known)]
            )
            sys.exit(EXIT_CONFIG)
    leaves = select(plan, agency)
    if fmt == "json":
        click.echo(dumps(owners_payload(leaves)), nl=False)
    else:
        for line in owners_lines(leaves, settings().lang):
            click.echo(line)
    sys.exit(code) if code else None


def _prefixed_rel(ws: Workspace, rel: str) -> str:
    return f"{ws.root.name}/{rel}"


def _prefix(d: Diagnostic, ws: Workspace) -> Diagnostic:
    from dataclasses import replace

    return replace(d, file=_prefixed_rel(ws, d.file)) if d.file else d


# --------------------------------------------------------------------- criteria: tree, import


@cli.command("tree", help="help.cmd.tree")
@click.argument("item_id", required=False, metavar="[ID]")
@click.option(
    "--depth", type=click.IntRange(min=1), default=None, help="help.opt.tree_depth", cls=I18nOption
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    help="help.opt.tree_format",
    cls=I18nOption,
)
@click.option(
    "--file",
    "file_arg",
    type=click.Path(dir_okay=False),
    default=None,
    help="help.opt.tree_file",
    cls=I18nOption,
)
@common_options
def tree_cmd(item_id: str | None, depth: int | None, fmt: str, file_arg: str | None) -> None:
    from pathlib import Path

    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.core.i18n import tr
    from cchc_cli.criteria import view as tree_view

    diag_fmt = "json" if fmt == "json" else "text"
    plan, plan_errors = None, 0
    if file_arg is not None:
        from cchc_cli.criteria.table_import import load_like

        criteria_file = Path(file_arg)
        rel = criteria_file.as_posix()
        tree, problems = load_like(criteria_file, rel)
        texts = (
            {rel: criteria_file.read_text(encoding="utf-8", errors="replace")}
            if criteria_file.is_file()
            else {}
        )
        root: Path | None = None
    else:
        from cchc_cli.pipeline import check_workspace

        ws = open_workspace_one(diag_fmt)
        root = ws.root
        try:
            result = check_workspace(ws, stages="plan")
        except ImportError:  # the plan resolver is optional for displaying the tree
            result = check_workspace(ws, stages="criteria")
        tree, problems, texts, plan = result.tree, result.diagnostics, result.texts, result.plan
        plan_errors = tree_view.plan_errors(result.plan, problems)
    if tree is None:
        sys.exit(show_diagnostics(problems, fmt=diag_fmt, root=root, texts=texts) or 1)
    start, problems = tree_view.select(tree, item_id)
    if problems:
        sys.exit(show_diagnostics(problems, fmt=diag_fmt, root=root, texts=texts) or 1)
    lang = settings().lang
    if fmt == "json":
        click.echo(dumps(tree_view.tree_json(tree, start, depth, plan, plan_errors)), nl=False)
    elif fmt == "csv":
        # UTF-8 with BOM, whatever the console code page: Excel then reads Vietnamese correctly.
        sys.stdout.flush()
        sys.stdout.buffer.write(b"\xef\xbb\xbf" + tree_view.tree_csv(start, depth).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        tree_view.render_tree(tree, start, depth, plan, make_console(sys.stdout), lang)
        if plan_errors:
            click.echo(
                tr(
                    "criteria.tree.plan_errors",
                    lang,
                    count=plan_errors,
                    file=plan.rel if plan is not None else "",
                ),
                err=True,
            )


@cli.group("criteria", cls=I18nGroup, help="help.cmd.criteria")
def criteria_group() -> None:
    pass


@criteria_group.command("import", help="help.cmd.criteria_import")
@click.argument("table_arg", metavar="TABLE", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out_arg",
    type=click.Path(dir_okay=False),
    required=True,
    help="help.opt.import_out",
    cls=I18nOption,
)
@click.option("--force", is_flag=True, help="help.opt.import_force", cls=I18nOption)
@click.option(
    "--like",
    "like_arg",
    type=click.Path(dir_okay=False),
    default=None,
    help="help.opt.import_like",
    cls=I18nOption,
)
@click.option("--name", default=None, help="help.opt.import_name", cls=I18nOption)
@click.option("--level", default=None, help="help.opt.import_level", cls=I18nOption)
@click.option("--year", type=int, default=None, help="help.opt.import_year", cls=I18nOption)
@click.option("--decision", default=None, help="help.opt.import_decision", cls=I18nOption)
@click.option(
    "--decision-date",
    "decision_date",
    default=None,
    metavar="YYYY-MM-DD",
    help="help.opt.import_decision_date",
    cls=I18nOption,
)
@click.option("--total", default=None, help="help.opt.import_total", cls=I18nOption)
@click.option(
    "--counts", default=None, metavar="A/C/S", help="help.opt.import_counts", cls=I18nOption
)
@click.option(
    "--status",
    type=click.Choice(["confirmed", "working"]),
    default="confirmed",
    help="help.opt.import_status",
    cls=I18nOption,
)
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
    decision_date: str | None,
    total: str | None,
    counts: str | None,
    status: str,
) -> None:
    from datetime import date
    from pathlib import Path

    from cchc_cli.core.atomic import OutputLocked, write_text
    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.i18n import Msg, tr
    from cchc_cli.criteria import table_import as ci

    lang = settings().lang
    table, out = Path(table_arg), Path(out_arg)
    like = Path(like_arg) if like_arg is not None else None
    options = ci.Options(
        name=name, level=level, year=year, decision=decision, status=status, lang=lang
    )
    if decision_date is not None:
        try:
            options.decision_date = date.fromisoformat(decision_date)
        except ValueError:
            raise click.BadParameter(decision_date, param_hint="--decision-date") from None
    if total is not None:
        options.total = ci.parse_number(total)
        if options.total is None:
            raise click.BadParameter(total, param_hint="--total")
    if counts is not None:
        parts = counts.replace(",", "/").split("/")
        if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
            raise click.BadParameter(counts, param_hint="--counts")
        options.counts = (int(parts[0]), int(parts[1]), int(parts[2]))
    like_tree = None
    if like is not None:
        like_tree, problems = ci.load_like(like, like.as_posix())
        if like_tree is None:
            sys.exit(show_diagnostics(problems, root=Path.cwd()) or 1)
    elif year is None or decision is None:
        raise click.UsageError(tr("criteria.import.need_meta", lang))
    if out.exists() and not force:
        sys.exit(show_diagnostics([error("CCHC238", Location(out.as_posix()), out=out.as_posix())]))
    result = ci.import_table(table, table.as_posix(), out, options, like_tree)
    texts = {table.as_posix(): result.table_text} if result.table_text is not None else {}
    code = show_diagnostics(result.diagnostics, texts=texts) if result.diagnostics else 0
    if result.text is None or code:
        sys.exit(code or 1)
    try:
        write_text(out, result.text)
    except OutputLocked:
        sys.exit(
            show_diagnostics(
                [
                    error(
                        "CCHC238",
                        Location(out.as_posix()),
                        out=out.as_posix(),
                        message=Msg("criteria.import.locked", {"out": out.as_posix()}),
                    )
                ]
            )
        )
    except OSError as exc:  # read-only folder, full disk: nothing was written
        _write_failed(out, exc)
    assert result.tree is not None
    click.echo(
        tr(
            "criteria.import.done",
            lang,
            out=out.as_posix(),
            table=table.as_posix(),
            status=status,
            **ci.summary(result.tree),
        )
    )


# ------------------------------------------------ scores: scaffold, schema, status, merged


def _scores_plan(fmt: str = "text") -> Any:
    """Criteria and plan, checked. Any error: show the diagnostics and exit 1 (nothing is
    generated from a broken plan)."""
    from cchc_cli.core.diagnostics import has_errors
    from cchc_cli.pipeline import check_workspace

    ws = open_workspace_one(fmt)
    result = check_workspace(ws, stages="plan")
    if result.tree is None or result.plan is None or has_errors(result.diagnostics):
        sys.exit(show_diagnostics(result.diagnostics, root=ws.root, texts=result.texts) or 1)
    return result


def _scores_agency(plan: Any, given: str) -> str:
    """The plan's code for ``given`` (case-insensitive); unknown: CCHC434, exit 2."""
    from cchc_cli.core.diagnostics import error

    wanted = given.strip()
    for code in plan.agencies:
        if code == wanted or code.upper() == wanted.upper():
            return str(code)
    show_diagnostics(
        [error("CCHC434", agency=wanted, agency_code=wanted, known=plan.scoring_agencies())]
    )
    sys.exit(EXIT_CONFIG)


def _scores_summary(diagnostics: list[Diagnostic], strict: bool) -> int:
    """One summary line on stderr (details: `cchc validate`); returns the exit code."""
    from rich.text import Text

    from cchc_cli.cli.output import make_console
    from cchc_cli.core.diagnostics import counts as count_severities
    from cchc_cli.core.i18n import tr

    lang = settings().lang
    c = count_severities(diagnostics)
    console = make_console(sys.stderr)
    line = Text(tr("summary.counts", lang, **c))
    if c["error"] or c["warning"]:
        line.append(" " + tr("scores.status.see_validate", lang))
    console.print(line)
    return exit_code(diagnostics, strict)


def _write_failed(path: Path, exc: OSError) -> None:
    from cchc_cli.core.diagnostics import Location, error

    sys.exit(
        show_diagnostics(
            [
                error(
                    "CCHC435",
                    Location(path.as_posix()),
                    file=path.as_posix(),
                    reason=exc.strerror or type(exc).__name__,
                )
            ]
        )
    )


@cli.command("scaffold", help="help.cmd.scaffold")
@click.argument("agency", required=False, metavar="[AGENCY]")
@click.option("--all", "all_agencies", is_flag=True, help="help.opt.scaffold_all", cls=I18nOption)
@click.option("--update", is_flag=True, help="help.opt.scaffold_update", cls=I18nOption)
@common_options
def scaffold_cmd(agency: str | None, all_agencies: bool, update: bool) -> None:
    from cchc_cli.core.i18n import tr
    from cchc_cli.scores.checks import listed_items
    from cchc_cli.scores.scaffold import scaffold_agency, schema_path

    lang = settings().lang
    if (agency is None) == (not all_agencies):
        raise click.UsageError(tr("scores.scaffold.usage", lang))
    result = _scores_plan()
    ws, tree, plan = result.workspace, result.tree, result.plan
    if all_agencies:
        codes = [c for c in plan.scoring_agencies() if listed_items(plan, c)]
    else:
        codes = [_scores_agency(plan, agency or "")]
    problems: list[Diagnostic] = []
    for code in codes:
        try:
            outcome = scaffold_agency(ws, tree, plan, code, update=update, lang=lang)
        except OSError as exc:
            _write_failed(ws.scores_dir, exc)
        rel = ws.rel(outcome.path)
        if outcome.action == "created":
            click.echo(
                tr(
                    "scores.scaffold.created",
                    lang,
                    file=rel,
                    count=len(outcome.added),
                    schema=ws.rel(schema_path(ws, code)),
                )
            )
        elif outcome.action == "updated":
            click.echo(
                tr(
                    "scores.scaffold.updated",
                    lang,
                    file=rel,
                    count=len(outcome.added),
                    items=outcome.added,
                )
            )
        elif outcome.action == "unchanged":
            click.echo(tr("scores.scaffold.unchanged", lang, file=rel))
        problems.extend(outcome.problems)
    if problems:
        sys.exit(show_diagnostics(problems, root=ws.root))


@cli.command("schema", help="help.cmd.schema")
@click.argument("agency")
@click.option(
    "--out",
    "out_arg",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="help.opt.schema_out",
    cls=I18nOption,
)
@common_options
def schema_cmd(agency: str, out_arg: str | None) -> None:
    from pathlib import Path

    from cchc_cli.core.atomic import write_text
    from cchc_cli.core.diagnostics import Location, error
    from cchc_cli.core.i18n import tr
    from cchc_cli.scores.checks import listed_items
    from cchc_cli.scores.schema import schema_text

    lang = settings().lang
    result = _scores_plan()
    plan = result.plan
    code = _scores_agency(plan, agency)
    if not listed_items(plan, code):
        sys.exit(
            show_diagnostics(
                [
                    error(
                        "CCHC433",
                        Location(plan.rel),
                        agency=code,
                        agency_code=code,
                        name=plan.agency_name(code),
                    )
                ]
            )
        )
    text = schema_text(result.tree, plan, code, lang)
    if out_arg is None:
        click.echo(text, nl=False)
        return
    out = Path(out_arg)
    try:
        write_text(out, text)
    except OSError as exc:
        _write_failed(out, exc)
    click.echo(tr("scores.schema.written", lang, file=out.as_posix()))


@cli.command("status", help="help.cmd.status")
@format_option
@strict_option
@today_option
@common_options
def status_cmd(fmt: str, strict: bool, today: str | None) -> None:
    from datetime import date as _date

    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.pipeline import check_workspace
    from cchc_cli.scores.status_view import build_status, render_status, status_payload

    ws = open_workspace_one(fmt)
    when = parse_date_option(today) or _date.today()
    result = check_workspace(ws, today=when)
    if result.merged is None or result.plan is None:
        sys.exit(
            show_diagnostics(result.diagnostics, strict=strict, root=ws.root, texts=result.texts)
            or 1
        )
    report = build_status(result.plan, result.merged, result.scores, result.diagnostics, when)
    if fmt == "json":
        click.echo(dumps(status_payload(report)), nl=False)
    else:
        render_status(report, make_console(sys.stdout), settings().lang)
    code = _scores_summary(result.diagnostics, strict)
    sys.exit(code) if code else None


@cli.command("merged", help="help.cmd.merged")
@format_option
@strict_option
@today_option
@common_options
def merged_cmd(fmt: str, strict: bool, today: str | None) -> None:
    from cchc_cli.cli.output import dumps, make_console
    from cchc_cli.pipeline import check_workspace
    from cchc_cli.scores.status_view import merged_payload, render_merged

    ws = open_workspace_one(fmt)
    result = check_workspace(ws, today=parse_date_option(today))
    if result.merged is None or result.plan is None:
        sys.exit(
            show_diagnostics(result.diagnostics, strict=strict, root=ws.root, texts=result.texts)
            or 1
        )
    if fmt == "json":
        click.echo(dumps(merged_payload(result.merged, result.plan)), nl=False)
    else:
        render_merged(result.merged, result.plan, make_console(sys.stdout), settings().lang)
    code = _scores_summary(result.diagnostics, strict)
    sys.exit(code) if code else None


# --- report (helper "report") -----------------------------------------------------------------


def _shown_path(path: Path) -> str:
    """A path as the user typed it: relative to the current folder when inside it."""
    from pathlib import Path

    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@cli.command("report", help="help.cmd.report")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "xlsx", "html", "md", "all"]),
    default="all",
    help="help.opt.report_format",
    cls=I18nOption,
)
@click.option("--out", "out", type=click.Path(), default=None, help="help.opt.out", cls=I18nOption)
@click.option(
    "--agency", "agency", metavar="CODE", default=None, help="help.opt.agency", cls=I18nOption
)
@click.option("--draft", is_flag=True, help="help.opt.draft", cls=I18nOption)
@click.option(
    "--date", "date_arg", metavar="YYYY-MM-DD", default=None, help="help.opt.date", cls=I18nOption
)
@click.option(
    "--templates",
    "templates_arg",
    type=click.Path(),
    default=None,
    help="help.opt.templates",
    cls=I18nOption,
)
@strict_option
@today_option
@common_options
def report_cmd(
    fmt: str,
    out: str | None,
    agency: str | None,
    draft: bool,
    date_arg: str | None,
    templates_arg: str | None,
    strict: bool,
    today: str | None,
) -> None:
    from pathlib import Path

    from cchc_cli.core.i18n import tr
    from cchc_cli.report.run import FORMATS, make_report

    when = parse_date_option(date_arg, "--date")
    today_value = parse_date_option(today)
    ws = open_workspace_one()
    formats = FORMATS if fmt == "all" else tuple(f for f in FORMATS if f == fmt)
    lang = settings().lang
    outcome, result = make_report(
        workspace=ws,
        formats=formats,
        out=Path(out) if out else None,
        agency=agency,
        draft=draft,
        when=when,
        today=today_value,
        templates=Path(templates_arg) if templates_arg else None,
        lang=lang,
        strict=strict,
    )
    texts = getattr(result, "texts", None)
    if outcome.diagnostics:
        show_diagnostics(outcome.diagnostics, strict=strict, root=ws.root, texts=texts)
    for path in outcome.written:
        click.echo(tr("report.written", lang, path=_shown_path(path)))
    sys.exit(outcome.exit_code) if outcome.exit_code else None


@cli.group("templates", cls=I18nGroup, help="help.cmd.templates")
def templates_group() -> None:
    pass


@templates_group.command("check", help="help.cmd.templates_check")
@click.argument("folder", required=False, type=click.Path(), metavar="[DIR]")
@common_options
def templates_check_cmd(folder: str | None) -> None:
    """Check DIR (default: the workspace's `templates`, else the built-in templates)."""
    from pathlib import Path

    from cchc_cli.core.i18n import tr
    from cchc_cli.core.workspace import WorkspaceError, open_workspace
    from cchc_cli.report.model import ReportError, build_report
    from cchc_cli.report.run import check_templates
    from cchc_cli.report.templates import builtin_dir

    lang = settings().lang
    ws = None
    try:
        given = settings().workspaces
        ws = open_workspace(Path(given[0]) if given else None, Path.cwd())
    except WorkspaceError:
        ws = None  # no workspace: syntax and variable names only, no rendering
    report = None
    if ws is not None:
        from cchc_cli.pipeline import check_workspace

        try:
            report = build_report(check_workspace(ws), lang=lang, draft=True)
        except ReportError:
            report = None
    root = ws.root if ws is not None else None
    own = ws.templates_dir if ws is not None else None
    target = (Path(folder) if folder else None) or own or builtin_dir()
    diagnostics, count = check_templates(target, report, root)
    code = show_diagnostics(diagnostics, root=root)
    if not diagnostics or not code:
        click.echo(tr("report.templates_ok", lang, folder=_shown_path(target), count=count))
    sys.exit(code) if code else None


def main() -> None:
    cli(prog_name="cchc")


if __name__ == "__main__":  # pragma: no cover
    main()
