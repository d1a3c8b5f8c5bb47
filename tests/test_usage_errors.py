"""A command called the wrong way, in the user's language (issue 11, item 6): click's usage
errors and help worded by the catalogue, with the expected form and the closest name; dates on
the command line as Vietnamese write them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.core.i18n import Msg
from conftest import invoke, run

#: English that must never appear in Vietnamese output (click's words and markers)
ENGLISH = re.compile(
    r"\b(Usage|Error|Invalid|Missing|No such|Did you mean|Got unexpected|is not one of|"
    r"does not exist|requires an argument|does not take a value|Try '|for help|argument|"
    r"option|command|required|is a file|is a directory|not a valid|is not in the range)\b"
    r"|\[required\]|\bor\b|\band\b",
    re.IGNORECASE,
)
#: a placeholder left in a text (``{date}``, ``{days|day|days}``)
RAW_PLACEHOLDER = re.compile(r"(?<!\{)\{\s*[A-Za-z_]\w*\s*(?:\|[^{}]*)?\}(?!\})")


def _battery(tmp: Path) -> list[tuple[list[str], str, str | None]]:
    """Bad invocations: (arguments, what the Vietnamese message must say, the guess)."""
    a_file = tmp / "a-file.txt"
    a_file.write_text("x", encoding="utf-8")
    folder = tmp / "folder"
    folder.mkdir(exist_ok=True)
    return [
        (["valdate"], "Không có lệnh `cchc valdate`.", "validate"),
        (["criteria", "imprt"], "Không có lệnh `cchc criteria imprt`.", "import"),
        (["templates", "chek"], "Không có lệnh `cchc templates chek`.", "check"),
        (["--bogus", "validate"], "Không có tùy chọn `--bogus`.", None),
        (["validate", "--bogus"], "Không có tùy chọn `--bogus`.", None),
        (["validate", "--fomat", "json"], "Không có tùy chọn `--fomat`.", "--format"),
        (["who"], "Thiếu tham số `MÃ_TIÊU_CHÍ`.", None),
        (["init"], "Thiếu tham số `THƯ_MỤC`.", None),
        (["schema"], "Thiếu tham số `MÃ_CƠ_QUAN`.", None),
        (["criteria", "import", "t.csv"], "Thiếu tùy chọn bắt buộc `--out TỆP`.", None),
        (["validate", "extra"], "Có tham số thừa: extra.", None),
        (["who", "1.1", "2.2"], "Có tham số thừa: 2.2.", None),
        (["validate", "--format", "xml"], "phải là text hoặc json.", None),
        (["report", "--format", "pdf"], "phải là docx, xlsx, html, md hoặc all.", None),
        (
            ["--lang", "fr", "validate"],
            "Giá trị `fr` của `--lang` không hợp lệ: phải là vi hoặc en",
            None,
        ),
        (["validate", "--format", "jsn"], "phải là text hoặc json.", "json"),
        (["validate", "--today", "15/13/2020"], "không có tháng 13", None),
        (["validate", "--today", "2019-02-30"], "không có ngày 30 trong tháng 2 năm 2019", None),
        (["validate", "--today", "hôm nay"], "NĂM-THÁNG-NGÀY, ví dụ 2020-01-15", None),
        (["report", "--date", "1/2/20"], "NGÀY/THÁNG/NĂM, ví dụ 15/01/2020", None),
        (["tree", "--depth", "0"], "phải là một số nguyên từ 1 trở lên", None),
        (["tree", "--depth", "hai"], "phải là một số nguyên từ 1 trở lên", None),
        (["criteria", "import", "t.csv", "--out", "o.yaml", "--year", "x"], "ví dụ 2019", None),
        (["report", "--out"], "Tùy chọn `--out` cần một giá trị: `--out ĐƯỜNG_DẪN`.", None),
        (["--lang"], "Tùy chọn `--lang` cần một giá trị: `--lang vi|en`.", None),
        (["validate", "--strict=yes"], "Tùy chọn `--strict` không nhận giá trị", None),
        (["-C", str(a_file), "validate"], "đây là một tệp, cần một thư mục", None),
        (["init", str(a_file)], "đây là một tệp, cần một thư mục", None),
        (
            ["criteria", "import", "t.csv", "--out", str(folder)],
            "đây là một thư mục, cần một tệp",
            None,
        ),
        (["scaffold"], "không dùng cả hai", None),
        (["--debug"], "Thiếu tên lệnh sau `cchc`.", None),
        (["criteria", "import", "t.csv", "--out", "o.yaml"], "--year", None),
    ]


def test_every_usage_error_is_vietnamese_with_the_expected_form(tmp_path: Path) -> None:
    for args, expected, guess in _battery(tmp_path):
        code, out, err = run(*args)
        where = f"cchc {' '.join(args)}: {err}"
        assert code == 2 and out == "", where
        assert err.startswith("cchc: lỗi: Lệnh gọi không hợp lệ: "), where
        assert err.rstrip().endswith("`.") and "[CCHC901]" in err, where
        assert expected in err, where
        if guess is not None:
            assert f"Có phải ý bạn là `{guess}`?" in err, where
        else:
            assert "Cách dùng: `cchc" in err, where  # how the command is called
        shown = err
        for arg in args:  # what the user typed is quoted as typed
            shown = shown.replace(arg, "")
        found = ENGLISH.findall(shown)
        assert not found, f"English in Vietnamese output ({found}): {where}"
        assert not RAW_PLACEHOLDER.search(err), where


def test_usage_errors_in_english(tmp_path: Path) -> None:
    vietnamese = re.compile(r"[À-ỹĐđ]")
    for args, _expected, guess in _battery(tmp_path):
        code, out, err = run("--lang", "en", *args)
        where = f"cchc --lang en {' '.join(args)}: {err}"
        if args[0] == "--lang":  # `--lang fr` / `--lang` with no value: no language chosen yet
            continue
        assert code == 2 and out == "" and "[CCHC901]" in err, where
        assert err.startswith("cchc: error: Invalid command line: "), where
        shown = err
        for arg in args:  # what the user typed is quoted as typed
            shown = shown.replace(arg, "")
        assert not vietnamese.search(shown), where
        if guess is not None:
            assert f"Did you mean `{guess}`?" in err, where
    _, _, err = run("--lang", "en", "validate", "--today", "2019-02-30")
    assert "there is no day 30 in month 2 of 2019" in err
    _, _, err = run("--lang", "en", "who")
    assert "The argument `ID` is missing." in err and "Usage: `cchc who [OPTIONS] ID`" in err
    _, _, err = run("--lang", "en", "validate", "--format", "xml")
    assert "must be text or json." in err


def test_help_has_no_english_marker_or_metavar() -> None:
    from cchc_cli.cli.app import COMMANDS

    english = re.compile(
        r"\b(Usage|OPTIONS|COMMAND|ARGS|INTEGER|RANGE|DIRECTORY|PATH|FILE|TEXT|TABLE|AGENCY|CODE|"
        r"ID|DIR|FOLDER|YYYY-MM-DD)\b|\[required\]|\[x>=|default:"
    )
    pages = [[], *[[name] for name in COMMANDS], ["criteria", "import"], ["templates", "check"]]
    for page in pages:
        code, out, _ = run(*page, "--help")
        assert code == 0, page
        assert not english.findall(out), (page, english.findall(out), out)
    _, out, _ = run("criteria", "import", "--help")
    assert "[bắt buộc]" in out and "--out TỆP" in out and "BẢNG" in out
    _, out, _ = run("validate", "--help")
    assert "Cách dùng: cchc validate [TÙY_CHỌN]" in out and "--today NGÀY" in out
    _, out, _ = run("--lang", "en", "criteria", "import", "--help")
    assert "[required]" in out and "--out FILE" in out and "Usage: cchc criteria import" in out


def test_a_group_without_its_command_shows_its_help_or_says_what_is_missing() -> None:
    code, _, err = run("criteria")
    assert code == 2 and "Cách dùng: cchc criteria [TÙY_CHỌN] LỆNH" in err
    assert "[CCHC901]" not in err  # the help itself, not an error wrapping it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-01-15", date(2020, 1, 15)),
        ("15/01/2020", date(2020, 1, 15)),
        ("5/1/2020", date(2020, 1, 5)),
        ("15-01-2020", date(2020, 1, 15)),
        ("15.01.2020", date(2020, 1, 15)),
        (" 2020-1-5 ", date(2020, 1, 5)),
        ("29/02/2020", date(2020, 2, 29)),
    ],
)
def test_dates_on_the_command_line(text: str, expected: date) -> None:
    from cchc_cli.cli.types import parse_day

    assert parse_day(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("29/02/2019", "usage.reason.no_day"),
        ("2020-04-31", "usage.reason.no_day"),
        ("01/13/2020", "usage.reason.no_month"),  # month first: no 13th month
        ("2020/01/15", "usage.reason.date"),
        ("15/01/20", "usage.reason.date"),
        ("20200115", "usage.reason.date"),
        ("", "usage.reason.date"),
    ],
)
def test_what_is_not_a_date(text: str, key: str) -> None:
    from cchc_cli.cli.types import parse_day

    found = parse_day(text)
    assert isinstance(found, Msg) and found.key == key


def test_today_given_day_first_gives_the_same_result_as_iso(ws: Path) -> None:
    first = invoke("-C", ws, "validate", "--format", "json", "--today", "2020-01-25")
    second = invoke("-C", ws, "validate", "--format", "json", "--today", "25/01/2020")
    assert first.exit_code == second.exit_code and first.stdout == second.stdout


def test_every_parameter_uses_a_type_that_words_its_errors() -> None:
    """click's own types (Choice, Path, INT, IntRange…) refuse values in English."""
    import click

    from cchc_cli.cli import types
    from cchc_cli.cli.app import COMMANDS, cli
    from cchc_cli.cli.kit import I18nArgument, I18nOption

    ours = (
        types.DateType,
        types.CountsType,
        types.DecimalType,
        types.IntegerType,
        types.ChoiceType,
        types.PathType,
        click.types.StringParamType,
        click.types.BoolParamType,
    )
    commands: list[click.Command] = [cli]
    for name in COMMANDS:
        cmd = cli.commands[name]
        commands.append(cmd)
        if isinstance(cmd, click.Group):
            commands.extend(cmd.commands.values())
    checked = 0
    for cmd in commands:
        for param in cmd.params:
            if param.name == "help":
                continue
            assert isinstance(param, (I18nOption, I18nArgument)), (cmd.name, param.name)
            assert isinstance(param.type, ours), (cmd.name, param.name, param.type)
            checked += 1
    assert checked > 30


def test_the_usage_error_shown_in_readme() -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks, body, inside = [], [], False
    for line in readme.splitlines():
        if line.strip().startswith("```"):
            if inside:
                blocks.append("\n".join(body))
            body, inside = [], not inside
        elif inside:
            body.append(line)
    (block,) = [b for b in blocks if "[CCHC901]" in b]
    shown = [line.strip() for line in block.strip("\n").splitlines()]
    _, _, err = run("validate", "--today", "15/13/2020")
    assert shown == [line.strip() for line in err.splitlines()]


def test_ctrl_c_is_one_line_in_the_users_language(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cchc_cli.pipeline.check_workspace", interrupted)
    result = invoke("-C", ws, "validate")
    assert result.exit_code == 1
    assert result.stderr.startswith("Đã dừng (Ctrl+C).") and "Aborted" not in result.output
