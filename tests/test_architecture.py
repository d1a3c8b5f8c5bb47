"""The shape of the code: rooms, the direction of imports, and the size of modules and functions.

README ("Kiến trúc") draws the rooms; this test reads every ``import`` in ``src/cchc_cli`` (type
checking imports and imports inside functions included) and fails on one that goes against the
data's path criteria → plan → scores → pipeline → report → cli, or that reaches into a checks or
view module from anywhere but the pipeline and the CLI.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "cchc_cli"

#: room -> the rooms it may import (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "locales": set(),
    "criteria": {"core"},
    "plan": {"core", "criteria"},
    "scores": {"core", "criteria", "plan"},
    "appraisal": {"core", "criteria", "plan", "scores"},
    "pipeline": {"core", "criteria", "plan", "scores", "appraisal"},
    "report": {"core", "criteria", "plan", "scores", "appraisal", "pipeline"},
    "pack": {"core", "criteria", "plan", "scores", "pipeline", "report"},
    "remedy": {"core", "criteria", "plan", "scores", "appraisal", "pipeline", "report"},
    "cli": {
        "core",
        "criteria",
        "plan",
        "scores",
        "appraisal",
        "pipeline",
        "report",
        "pack",
        "remedy",
        "package",
    },
    "package": {"cli"},  # cchc_cli/__init__.py, __main__.py
}

#: modules that run checks or present to a terminal: only the pipeline and the CLI use them
#: (and the other modules of the same family, which split one stage into several files)
CHECKS = {
    "cchc_cli.criteria.checks",
    "cchc_cli.criteria.scoring_checks",
    "cchc_cli.plan.resolve",
    "cchc_cli.plan.resolve_state",
    "cchc_cli.plan.resolve_claims",
    "cchc_cli.scores.checks",
    "cchc_cli.scores.item_checks",
    "cchc_cli.scores.evidence_checks",
    "cchc_cli.appraisal.checks",
    "cchc_cli.core.docinfo_checks",
}
VIEWS = {
    "cchc_cli.criteria.view",
    "cchc_cli.plan.view",
    "cchc_cli.scores.status_view",
    "cchc_cli.scores.merged_view",
    "cchc_cli.appraisal.view",
    "cchc_cli.appraisal.view_multi",
    "cchc_cli.cli.output",
}

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    name = ".".join(("cchc_cli", *parts))
    return name.removesuffix(".__init__")


def _room(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return "package"
    return parts[1]


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "locales" not in p.relative_to(SRC).parts)


def _imports() -> list[Import]:
    found: list[Import] = []
    for path in _sources():
        module = _module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.level:
                    continue  # no relative imports in this code base (checked below)
                if node.module == "cchc_cli":  # a room (`from cchc_cli import cli`) or the package
                    targets = [
                        f"cchc_cli.{a.name}" if (SRC / a.name).exists() else "cchc_cli"
                        for a in node.names
                    ]
                elif node.module.startswith("cchc_cli."):
                    # `from cchc_cli.criteria import view` names a module too
                    targets = [node.module] + [
                        f"{node.module}.{a.name}"
                        for a in node.names
                        if (SRC.joinpath(*node.module.split(".")[1:], f"{a.name}.py")).is_file()
                    ]
                else:
                    continue
                found.extend(Import(module, t, node.lineno) for t in targets)
            elif isinstance(node, ast.Import):
                found.extend(
                    Import(module, a.name, node.lineno)
                    for a in node.names
                    if a.name.startswith("cchc_cli.")
                )
    return found


IMPORTS = _imports()


def test_the_reader_finds_the_imports() -> None:
    # the rules below mean nothing if the scan finds nothing: a few known edges must be there
    edges = {(i.module, i.target) for i in IMPORTS}
    assert ("cchc_cli.pipeline", "cchc_cli.criteria.checks") in edges
    assert ("cchc_cli.plan.model", "cchc_cli.criteria.model") in edges
    assert len(IMPORTS) > 200


def test_imports_follow_the_data_path() -> None:
    wrong = [
        f"{i.module}:{i.line} imports {i.target}"
        for i in IMPORTS
        if _room(i.target) != _room(i.module)
        and _room(i.target) not in ALLOWED.get(_room(i.module), set())
    ]
    assert wrong == []


@pytest.mark.parametrize(("family", "kind"), [(CHECKS, "checks"), (VIEWS, "view")])
def test_checks_and_views_only_from_pipeline_and_cli(family: set[str], kind: str) -> None:
    wrong = [
        f"{i.module}:{i.line} imports the {kind} module {i.target}"
        for i in IMPORTS
        if i.target in family
        and i.module != "cchc_cli.pipeline"
        and _room(i.module) != "cli"
        and not (i.module in family and _room(i.module) == _room(i.target))
    ]
    assert wrong == []


def test_every_checks_and_view_module_exists() -> None:
    # a renamed module must be renamed here too, or the rule above silently checks nothing
    for name in CHECKS | VIEWS:
        assert SRC.joinpath(*name.split(".")[1:]).with_suffix(".py").is_file(), name


def test_no_relative_imports() -> None:
    relative = [
        f"{p.relative_to(SRC)}:{n.lineno}"
        for p in _sources()
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(n, ast.ImportFrom) and n.level
    ]
    assert relative == []


def test_every_room_says_what_it_is_for_and_may_import() -> None:
    for init in SRC.glob("*/__init__.py"):
        if init.parent.name == "locales":
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc.lower(), f"{init.parent.name}/__init__.py: say what it may import"


def test_modules_and_functions_stay_small() -> None:
    big_modules = [
        f"{p.relative_to(SRC)} ({n} lines)"
        for p in _sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    long_functions = [
        f"{p.relative_to(SRC)}:{f.lineno} {f.name} ({f.end_lineno - f.lineno + 1} lines)"
        for p in _sources()
        for f in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
        and f.end_lineno is not None
        and f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert big_modules == []
    assert long_functions == []


def test_a_check_leaves_no_reference_cycles(example_ws: Path) -> None:
    """The CLI runs with the cyclic garbage collector off (cli/app.py ``main``): a check must
    free everything by reference counting, or 63 provinces in one run would pile up."""
    import gc

    from cchc_cli.core.workspace import open_workspace
    from cchc_cli.pipeline import CriteriaCache, check_workspace

    ws = open_workspace(example_ws, example_ws)
    cache = CriteriaCache()
    check_workspace(ws, cache=cache)  # the shared criteria tree is built once, here
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = check_workspace(ws, cache=cache)
        assert result.merged is not None and result.index is not None  # every stage ran
        del result
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
