"""The command line as users meet it: exit codes, languages, JSON shape, errors."""

from __future__ import annotations

import json
import platform
import re
from pathlib import Path

import pytest

from cchc_cli import __version__
from cchc_cli.cli.app import cli
from conftest import invoke, run

#: SGR parameters that set a colour (foreground, background, 256/true colour)
_COLOUR = re.compile(r"^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$")


def colour_codes(text: str) -> list[str]:
    """Every colour parameter of the terminal escape sequences (SGR) in ``text``."""
    return [
        p
        for params in re.findall(r"\x1b\[([0-9;]*)m", text)
        for p in params.split(";")
        if _COLOUR.match(p)
    ]


@pytest.mark.parametrize(
    ("c_loader", "lang", "loader"),
    [
        (True, "vi", "bộ đọc YAML: libyaml (C)"),
        (False, "vi", "bộ đọc YAML: Python thuần (không có libyaml)"),
        (False, "en", "YAML loader: pure Python (no libyaml)"),
    ],
)
def test_version_names_python_and_loader(
    c_loader: bool, lang: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_cli.core import yamlio

    if c_loader and yamlio.C_LOADER is None:
        pytest.skip("libyaml is not installed here")
    if not c_loader:
        monkeypatch.setattr(yamlio, "C_LOADER", None)
    code, out, _ = run("--lang", lang, "--version")
    assert code == 0
    assert out == f"cchc {__version__} (Python {platform.python_version()}; {loader})\n"


@pytest.mark.parametrize(
    ("args", "env", "expected", "lang"),
    [
        (("--help",), None, "Cách dùng:", "vi"),
        (("--lang", "en", "--help"), None, "Usage:", "en"),
        (("--help",), {"CCHC_LANG": "en"}, "Usage:", "en"),
        (("validate", "--help"), None, "Coi cảnh báo là lỗi", "vi"),
        (("validate", "--help", "--lang", "en"), None, "Treat warnings as errors", "en"),
        (("validate", "--help"), None, "Hiện hướng dẫn này rồi thoát.", "vi"),
        (("--lang", "en", "templates", "check", "--help"), None, "Usage:", "en"),
        (("--lang", "en", "criteria", "import", "--help"), None, "Usage:", "en"),
    ],
)
def test_help_is_translated(
    args: tuple[str, ...], env: dict[str, str] | None, expected: str, lang: str
) -> None:
    code, out, _ = run(*args, env=env)
    assert code == 0
    assert expected in out
    # the exit codes are explained in the help's own language, and only in it
    exit_codes = {"vi": "Mã thoát", "en": "Exit codes"}
    other = "en" if lang == "vi" else "vi"
    assert exit_codes[lang] in out and exit_codes[other] not in out


def test_validate_clean_workspace_exits_0(ws: Path) -> None:
    code, _, err = run("-C", str(ws), "validate", "--today", "2020-01-18")
    assert code == 0, err
    assert err.endswith("Tổng cộng: 0 lỗi, 0 cảnh báo, 1 thông tin.\n")


def test_workspace_option_after_command(ws: Path) -> None:
    code, _, err = run("validate", "-C", str(ws), "--today", "2020-01-18")
    assert code == 0, err


def test_workspace_found_from_subfolder(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ws / "scores")
    code, _, err = run("validate", "--today", "2020-01-18")
    assert code == 0, err


def test_missing_workspace_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("validate")
    assert code == 2
    assert "CCHC001" in err and "cchc init" in err
    code, out, _ = run("validate", "--format", "json")
    assert code == 2
    assert json.loads(out)["diagnostics"][0]["code"] == "CCHC001"


def test_broken_config_exits_2_with_location(ws: Path) -> None:
    (ws / "cchc.yaml").write_text(
        "format: 1\ncriteria: criteria.yaml\nscore: scores\n", encoding="utf-8"
    )
    code, out, _ = run("-C", str(ws), "validate", "--format", "json")
    assert code == 2
    found = {(d["code"], d["line"]) for d in json.loads(out)["diagnostics"]}
    assert ("CCHC121", 3) in found  # `score` is not a field: did you mean `scores`?
    assert ("CCHC120", 1) in found  # `assignments` missing


def test_config_pointing_to_missing_file_exits_2(ws: Path) -> None:
    text = (ws / "cchc.yaml").read_text(encoding="utf-8").replace("plan.yaml", "plan2.yaml")
    (ws / "cchc.yaml").write_text(text, encoding="utf-8")
    code, _, err = run("-C", str(ws), "validate")
    assert code == 2
    assert "cchc.yaml:3:14" in err and "CCHC002" in err


def test_json_shape(ws: Path) -> None:
    (ws / "criteria.yaml").write_text(
        (ws / "criteria.yaml").read_text(encoding="utf-8").replace("max: 6", "max: sáu"),
        encoding="utf-8",
    )
    code, out, _ = run("-C", str(ws), "validate", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert set(payload) == {"ok", "counts", "diagnostics"}
    assert payload["ok"] is False
    assert set(payload["counts"]) == {"error", "warning", "info"}
    first = payload["diagnostics"][0]
    assert set(first) == {
        "code",
        "severity",
        "file",
        "line",
        "column",
        "item",
        "agency",
        "message",
        "hint",
    }
    assert first["code"] == "CCHC122" and first["file"] == "criteria.yaml"
    assert "items[0].max" in first["message"]
    assert "input_value" not in first["message"]


def test_text_report_has_location_caret_and_hint(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "agency: AAA\n", encoding="utf-8")
    code, _, err = run("-C", str(ws), "validate")
    assert code == 1
    assert "scores/a.yaml:31:1: lỗi: " in err and "[CCHC104]" in err
    assert "^" in err and "cách sửa:" in err


def test_english_messages(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "agency: AAA\n", encoding="utf-8")
    code, _, err = run("--lang", "en", "-C", str(ws), "validate")
    assert code == 1
    assert "scores/a.yaml:31:1: error: Key `agency` appears twice" in err
    code, _, err = run("-C", str(ws), "validate", env={"CCHC_LANG": "en"})
    assert code == 1
    assert "scores/a.yaml:31:1: error: Key `agency` appears twice" in err


def test_strict_turns_warnings_into_exit_1(ws: Path) -> None:
    crit = ws / "criteria.yaml"
    crit.write_text(
        crit.read_text(encoding="utf-8").replace("subcriteria: 4", "subcriteria: 5"),
        encoding="utf-8",
    )
    code, _, err = run("-C", str(ws), "validate", "--today", "2020-01-18")
    assert code == 0, err
    code, _, _ = run("-C", str(ws), "validate", "--strict", "--today", "2020-01-18")
    assert code == 1


def test_internal_error_exits_3_without_traceback(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cchc_cli.pipeline as engine

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(engine, "check_workspace", boom)
    code, _, err = run("-C", str(ws), "validate")
    assert code == 3
    assert "Traceback" not in err and "kaboom" in err and "--debug" in err
    debug = invoke("-C", ws, "validate", "--debug", traceback=True)
    assert debug.exit_code == 3 and "Traceback" in debug.stderr


@pytest.mark.parametrize("terminal", [{"TTY_COMPATIBLE": "1"}, {"FORCE_COLOR": "1"}])
def test_no_color_and_no_markup_injection(ws: Path, terminal: dict[str, str]) -> None:
    """On a terminal (forced: the test runner is not one) diagnostics are coloured; NO_COLOR
    takes the colours away. Markup typed by the user is printed, never interpreted."""
    path = ws / "scores" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "[/bold]: x\n[/bold]: y\n", encoding="utf-8")
    code, _, coloured = run("-C", str(ws), "validate", env={**terminal, "NO_COLOR": None})
    assert code == 1
    assert colour_codes(coloured), "a terminal should get colours"
    code, _, plain = run("-C", str(ws), "validate", env={**terminal, "NO_COLOR": "1"})
    assert code == 1
    assert colour_codes(plain) == []
    for err in (coloured, plain):
        assert "[/bold]" in re.sub(r"\x1b\[[0-9;]*m", "", err)


def test_bad_invocation_exits_2() -> None:
    code, _, _ = run("validate", "--format", "xml")
    assert code == 2
    code, _, _ = run("no-such-command")
    assert code == 2


def test_init_creates_a_workspace_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "new"
    code, _, err = run("init", str(target))
    assert code == 0, err
    assert (target / "cchc.yaml").is_file() and (target / "criteria" / "2019.yaml").is_file()
    code, _, _ = run("init", str(target))
    assert code == 1  # never overwrites


def test_python_m_entry_point() -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and proc.stdout.startswith(f"cchc {__version__} (Python ")


def test_help_lists_every_command_with_translated_summary() -> None:
    _, vi, _ = run("--help")
    _, en, _ = run("--lang", "en", "--help")
    for name in cli.commands:
        assert f"  {name} " in vi and f"  {name} " in en
    assert "help.cmd" not in vi and "help.cmd" not in en


def test_broken_pipe_is_quiet(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_cli.pipeline as engine

    def pipe_closed(*_a: object, **_k: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr(engine, "check_workspace", pipe_closed)
    code, _, err = run("-C", str(ws), "validate")
    assert code == 1 and "Traceback" not in err and "internal" not in err.lower()


def test_escape_sequences_in_user_text_never_reach_the_terminal(ws: Path) -> None:
    path = ws / "scores" / "c.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("agency: CCC", 'agency: "\\e[2JCCC"'),
        encoding="utf-8",
    )
    for env in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}):
        code, _, err = run("-C", str(ws), "validate", env=env)
        assert code == 1
        assert "\\x1b[2JCCC" in err
        assert "\x1b[2J" not in err


# ------------------------------------------------------- the lazy command table, option types


def test_command_table_matches_the_commands() -> None:
    """The root lists each command from its table entry: the help key must be the command's."""
    from cchc_cli.cli.app import COMMANDS

    assert sorted(COMMANDS) == sorted(cli.commands)
    for name, entry in COMMANDS.items():
        command = cli.commands[name]
        assert command.name == name
        assert command.help == entry.help_key, name


def test_help_imports_no_command_and_nothing_heavy() -> None:
    import subprocess
    import sys

    probe = (
        "import os, sys\n"
        "from cchc_cli.cli import main\n"
        "sys.argv = ['cchc', '--help']\n"
        "def _exit(code):\n"  # main() ends with os._exit: see what it had imported by then
        "    raise SystemExit(code)\n"
        "os._exit = _exit\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('cchc_cli.cli.commands', 'pydantic', 'yaml', 'rich', 'jinja2')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "Cách dùng:" in proc.stdout or "Usage:" in proc.stdout
    assert proc.stderr.strip() == "[]"


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--today", "2020-13-01", "không có tháng 13"),
        ("--decision-date", "31/04/2019", "không có ngày 31 trong tháng 4 năm 2019"),
        ("--decision-date", "2019/12/30", "ví dụ 15/01/2020"),
        ("--total", "mười", "phải là một số"),
        ("--counts", "8/43", "ví dụ 8/43/95"),
        ("--counts", "8/43/x", "ví dụ 8/43/95"),
    ],
)
def test_bad_option_value_is_a_usage_error(
    option: str, value: str, expected: str, tmp_path: Path
) -> None:
    """The option, the value as typed and the expected form, in Vietnamese (issue 11)."""
    args = ["criteria", "import", "t.csv", "--out", str(tmp_path / "c.yaml"), option, value]
    if option == "--today":
        args = ["validate", option, value]
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert f"Giá trị `{value}` của `{option}` không hợp lệ: " in err and "[CCHC901]" in err
    assert expected in err


def test_option_types_convert() -> None:
    from datetime import date
    from decimal import Decimal

    from cchc_cli.cli.params import COUNTS, DATE, DECIMAL

    assert DATE.convert("2020-01-18", None, None) == date(2020, 1, 18)
    assert COUNTS.convert("8/43/95", None, None) == (8, 43, 95)
    assert COUNTS.convert("8, 43, 95", None, None) == (8, 43, 95)
    assert DECIMAL.convert("0,5", None, None) == Decimal("0.5")
    assert DECIMAL.convert("95", None, None) == Decimal(95)
