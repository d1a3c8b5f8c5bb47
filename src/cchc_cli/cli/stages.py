"""The workspace(s) a command works on, and the one way to check them up to a stage.

Every command that needs checked data calls :func:`load_stage` (or :func:`check_stage` for a
workspace it already holds): ``criteria``, ``plan`` or ``all`` (score files and the merge too).
An unusable workspace ends the command here (exit 2), with the configuration's diagnostics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from cchc_cli.cli.exits import CommandExit, notes_files
from cchc_cli.cli.settings import settings

if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.core.workspace import Workspace
    from cchc_cli.criteria.model import CriteriaTree
    from cchc_cli.pipeline import CheckResult, CriteriaCache
    from cchc_cli.plan.model import ResolvedPlan

Stage = Literal["criteria", "plan", "all"]


def open_workspaces(fmt: str = "text", *, expand: bool = False) -> list[Workspace]:
    """The workspace(s) named by -C (or found from the current folder). Exit 2 if unusable.

    With ``expand``, a -C folder that has no cchc.yaml but whose sub-folders do stands for
    all of them (a Ministry's folder of provinces), in name order.
    """
    from pathlib import Path

    from cchc_cli.core.diagnostics import EXIT_USAGE
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
            raise CommandExit(
                exc.diagnostics, code=EXIT_USAGE, fmt=fmt, root=root, texts=texts
            ) from None
    return found


def _workspace_folders(given: str | None, config_name: str) -> list[str | None]:
    """``given`` itself, or its sub-folders holding cchc.yaml when it holds none itself (and
    those holding it under another name, ``cchc.yml``…: open_workspace names the rename)."""
    from pathlib import Path

    from cchc_cli.core.workspace_layout import config_lookalikes

    try:
        if given is None or (Path(given) / config_name).is_file() or not Path(given).is_dir():
            return [given]
        if config_lookalikes(Path(given)):
            return [given]
        subs = sorted(
            p
            for p in Path(given).iterdir()
            if (p / config_name).is_file() or (p.is_dir() and config_lookalikes(p))
        )
    except (OSError, ValueError):  # unreadable or impossible name: open_workspace explains
        return [given]
    return [str(p) for p in subs] or [given]


def open_one_workspace(fmt: str = "text") -> Workspace:
    """The first workspace given (or found); exit 2 if unusable."""
    return open_workspaces(fmt)[0]


def optional_workspace() -> Workspace | None:
    """The first workspace given (or found), or None when there is no usable one (no message)."""
    from pathlib import Path

    from cchc_cli.core.workspace import WorkspaceError, open_workspace

    given = settings().workspaces
    try:
        return open_workspace(Path(given[0]) if given else None, Path.cwd())
    except WorkspaceError:
        return None


def check_stage(
    ws: Workspace,
    stage: Stage = "all",
    today: date | None = None,
    cache: CriteriaCache | None = None,
) -> CheckResult:
    """Check ``ws`` up to ``stage`` (the pipeline behind validate, status, merged and report).
    ``cache``: shared by the workspaces of one run (a common criteria file is checked once)."""
    from cchc_cli.pipeline import check_workspace

    return check_workspace(ws, today=today, stages=stage, cache=cache)


def load_stage(
    stage: Stage,
    *,
    fmt: str = "text",
    require_clean: bool = False,
    today: date | None = None,
) -> CheckResult:
    """Open the workspace and check it up to ``stage``.

    ``require_clean``: any error, or a stage that could not be built, ends the command with
    the diagnostics and exit 1 (nothing is generated from broken inputs); the warnings and
    infos on the criteria and the plan are folded into one line (``validate`` shows them).
    """
    from cchc_cli.core.diagnostics import EXIT_ERRORS, has_errors

    ws = open_one_workspace(fmt)
    result = check_stage(ws, stage, today)
    if require_clean and (_missing(result, stage) or has_errors(result.diagnostics)):
        raise CommandExit(
            result.diagnostics,
            code=EXIT_ERRORS,
            fmt=fmt,
            root=ws.root,
            texts=result.texts,
            condense=notes_files(ws),
        )
    return result


def _missing(result: CheckResult, stage: Stage) -> bool:
    if result.tree is None:
        return True
    if stage == "criteria":
        return False
    return result.plan is None or (stage == "all" and result.merged is None)


def tree_and_plan(result: CheckResult) -> tuple[CriteriaTree, ResolvedPlan]:
    """The criteria and the resolved plan; without them the command ends with exit 1 (their
    diagnostics have been shown already)."""
    from cchc_cli.core.diagnostics import EXIT_ERRORS

    if result.tree is None or result.plan is None:
        raise CommandExit(code=EXIT_ERRORS)
    return result.tree, result.plan
