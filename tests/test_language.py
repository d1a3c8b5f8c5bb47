"""Every word in the user's language (issue 11, item 6): operating-system errors, list joins,
dates in messages, template errors; and no raw ``{placeholder}`` ever shown. (Usage errors and
help: tests/test_usage_errors.py.)"""

from __future__ import annotations

import errno
import re
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.core import i18n
from cchc_cli.core.i18n import AllOf, AnyOf, Msg, tr
from conftest import invoke, run

#: a placeholder left in a text (``{date}``, ``{days|day|days}``)
RAW_PLACEHOLDER = re.compile(r"(?<!\{)\{\s*[A-Za-z_]\w*\s*(?:\|[^{}]*)?\}(?!\})")


# ------------------------------------------------------------------------ system errors
@pytest.mark.parametrize(
    ("exc", "vi", "en"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "không có tệp", "no such"),
        (FileExistsError(errno.EEXIST, "File exists"), "đã có một tệp", "already exists"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "là một thư mục", "is a folder"),
        (PermissionError(errno.EACCES, "Permission denied"), "không có quyền", "permission"),
        (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy", "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "chỉ cho phép đọc", "read-only"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "quá dài", "too long"),
        (OSError(errno.ENOTDIR, "Not a directory"), "là tệp chứ không phải", "not a folder"),
        (OSError(errno.ENXIO, "No such device or address"), "(ENXIO)", "(enxio)"),
    ],
)
def test_system_errors_in_the_users_words(exc: OSError, vi: str, en: str) -> None:
    from cchc_cli.core.oserrors import os_error_msg

    msg = os_error_msg(exc)
    assert vi in tr(msg, "vi") and en in tr(msg, "en").lower()
    assert exc.strerror not in tr(msg, "vi")


def test_a_file_locked_by_another_program_on_windows() -> None:
    from cchc_cli.core.atomic import OutputLocked
    from cchc_cli.core.oserrors import os_error_msg

    sharing = PermissionError(errno.EACCES, "The process cannot access the file")
    sharing.winerror = 32  # type: ignore[attr-defined]
    for exc in (sharing, OutputLocked(errno.EACCES, "x")):
        text = tr(os_error_msg(exc), "vi")
        assert "đang được mở hoặc bị khóa bởi chương trình khác" in text


def test_every_system_error_kind_is_in_the_catalogue() -> None:
    from cchc_cli.core.oserrors import KINDS

    for lang in ("vi", "en"):
        assert {f"os.{k}" for k in KINDS} <= set(i18n.catalogue(lang)), lang


def test_no_strerror_reaches_a_message() -> None:
    """Every OSError a check reports goes through core/oserrors.os_error_msg."""
    src = Path(__file__).resolve().parents[1] / "src" / "cchc_cli"
    found = [
        f"{path.relative_to(src)}:{n}"
        for path in src.rglob("*.py")
        if path.name != "oserrors.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".strerror" in line and "super().__init__" not in line
    ]
    assert found == []


def test_an_unwritable_scores_folder_is_named_in_vietnamese(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError no check catches is CCHC902 (exit 1), not an internal error."""
    from cchc_cli.scores import scaffold

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(ws / "scores" / "x.yaml"))

    monkeypatch.setattr(scaffold, "scaffold_agency", full)
    code, _, err = run("-C", ws, "scaffold", "AAA")
    assert code == 1 and "CCHC435" in err and "ổ đĩa đã đầy" in err
    monkeypatch.setattr("cchc_cli.cli.commands.scores.settings", _raise_full)
    code, _, err = run("-C", ws, "scaffold", "AAA")
    assert code == 1 and "[CCHC902]" in err and "ổ đĩa đã đầy" in err and "x.yaml" in err
    assert "No space" not in err


def _raise_full() -> None:
    raise OSError(errno.ENOSPC, "No space left on device", "x.yaml")


# -------------------------------------------------------------------- joins and dates
def test_lists_join_with_the_languages_word() -> None:
    assert i18n.format_value(AnyOf(["draft", "submitted"]), "vi") == "draft hoặc submitted"
    assert i18n.format_value(AnyOf(["a", "b", "c"]), "en") == "a, b or c"
    assert i18n.format_value(AllOf(["SNV", "STC", "SKHDT"]), "vi") == "SNV, STC và SKHDT"
    assert i18n.format_value(AllOf(["x"]), "en") == "x"
    assert i18n.format_value(["1.1", "1.2"], "vi") == "1.1, 1.2"  # a plain enumeration
    assert i18n.format_value(date(2020, 1, 5), "vi") == "05/01/2020"
    assert i18n.format_value(date(2020, 1, 5), "en") == "2020-01-05"


def test_a_value_that_is_not_allowed_says_or_in_vietnamese(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^status: \w+", "status: sent", text), encoding="utf-8")
    result = invoke("-C", ws, "validate")
    assert "phải là draft hoặc submitted." in result.stderr, result.stderr
    english = invoke("-C", ws, "--lang", "en", "validate")
    assert "must be draft or submitted." in english.stderr


def test_dates_in_messages_are_day_first_in_vietnamese(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    assert "submitted:" in text
    path.write_text(re.sub(r"(?m)^submitted: .*$", "submitted: 2020-01-25", text), "utf-8")
    result = invoke("-C", ws, "validate", "--today", "2020-01-26")
    assert "Báo cáo gửi ngày 25/01/2020" in result.stderr, result.stderr
    assert "trước ngày 20/01/2020" in result.stderr
    assert "2020-01-" not in result.stderr.replace("submitted: 2020-01-25", "")
    english = invoke("-C", ws, "--lang", "en", "validate", "--today", "2020-01-26")
    assert "2020-01-25" in english.stderr


# ------------------------------------------------------------------- no raw placeholder
def _sample(name: str) -> object:
    numbers = {"count", "days", "line", "first_line", "errors", "warnings", "infos", "error"}
    if name in numbers or name.endswith(("_count", "count")):
        return 2
    return f"<{name}>"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_entry_renders_with_its_declared_placeholders(lang: str) -> None:
    """Each text filled with a value for every placeholder the notes declare leaves no
    ``{…}`` (a broken selector such as ``{days|day}``, a ``{ name }`` with spaces)."""
    from cchc_cli.core.i18n import domain_files
    from cchc_cli.core.msgfile import parse

    declared: set[str] = set()
    for path in domain_files("vi").values():
        declared |= set(parse(Path(path).read_text(encoding="utf-8"), path)["notes"] or {})
    args = {name: _sample(name) for name in declared}
    before = set(i18n.UNFILLED)
    for key in i18n.catalogue(lang):
        for count in (1, 2):
            filled = {**args, **{k: count for k in ("count", "days", "errors", "warnings")}}
            text = tr(Msg(key, filled), lang)
            assert not RAW_PLACEHOLDER.search(text), (lang, key, text)
    assert before == i18n.UNFILLED


def test_what_the_code_passes_fills_every_placeholder() -> None:
    """Each call that names a catalogue key literally (``Msg("KEY", {...})``, ``tr("KEY",
    lang, a=…)``, ``error("CODE", at, a=…)``) passes every placeholder that the text and its
    hint use in either language. (Calls that pass ``**args`` are checked by running them.)"""
    import ast

    vi, en = i18n.catalogue("vi"), i18n.catalogue("en")

    def needs(key: str) -> set[str]:
        return i18n.placeholders(vi.get(key, "")) | i18n.placeholders(en.get(key, ""))

    src = Path(__file__).resolve().parents[1] / "src" / "cchc_cli"
    problems: list[str] = []
    checked = 0
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            key = first.value
            kw = {k.arg for k in call.keywords}
            if None in kw:  # **args: checked at run time (UNFILLED)
                continue
            wanted: set[str] = set()
            if name == "Msg" and len(call.args) > 1:
                given = call.args[1]
                if not isinstance(given, ast.Dict) or any(k is None for k in given.keys):
                    continue
                kw = {k.value for k in given.keys if isinstance(k, ast.Constant)}
                wanted = needs(key)
            elif name == "Msg" or (name == "tr" and key in vi):
                wanted = needs(key)
            elif (
                name in ("error", "warning", "info", "diag")
                and isinstance(call.func, ast.Name)  # not a wrapper method that adds arguments
                and re.fullmatch(r"CCHC\d{3}", key)
            ):
                if "message" not in kw:
                    wanted |= needs(key)
                if "hint" not in kw:
                    wanted |= needs(f"{key}.hint")
            else:
                continue
            checked += 1
            missing = wanted - kw
            if missing:
                problems.append(f"{path.relative_to(src)}:{call.lineno}: {key} lacks {missing}")
    assert checked > 200
    assert problems == [], "\n".join(problems)


def test_status_of_a_submitted_file_without_a_date(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^status: \w+", "status: submitted", text)
    path.write_text(re.sub(r"(?m)^submitted: .*\n", "", text), encoding="utf-8")
    result = invoke("-C", ws, "status", "--today", "2020-01-10")
    assert "đã gửi (chưa ghi ngày)" in result.stdout, result.stdout
    assert not RAW_PLACEHOLDER.search(result.output)
    english = invoke("-C", ws, "--lang", "en", "status", "--today", "2020-01-10")
    assert "submitted (no date given)" in english.stdout


EXAMPLE_RUNS = [
    ["validate", "--today", "2020-01-10"],
    ["validate", "--today", "2020-02-10", "--strict"],
    ["status", "--today", "2020-01-25"],
    ["merged"],
    ["tree"],
    ["who", "4.3"],
    ["owners"],
    ["schema", "SNV"],
    ["report", "--format", "md", "--out", "{tmp}/r.md", "--today", "2020-01-10"],
    [
        "report",
        "--format",
        "md",
        "--out",
        "{tmp}/d.md",
        "--draft",
        "--strict",
        "--today",
        "2020-01-25",
    ],
    ["report", "--format", "md", "--out", "/proc/no/such/r.md"],
    ["templates", "check"],
]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_raw_placeholder_in_any_output_of_the_example(
    lang: str, example_ws: Path, tmp_path: Path
) -> None:
    before = set(i18n.UNFILLED)
    for args in EXAMPLE_RUNS:
        shown = [a.replace("{tmp}", str(tmp_path)) for a in args]
        result = invoke("--lang", lang, "-C", example_ws, *shown)
        assert result.exit_code in (0, 1), (shown, result.output)
        output = result.output
        for written in tmp_path.glob("*.md"):
            output += written.read_text(encoding="utf-8")
        assert not RAW_PLACEHOLDER.search(output), (shown, RAW_PLACEHOLDER.findall(output))
    assert before == i18n.UNFILLED


def test_template_errors_are_worded_and_end_with_one_full_stop(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report.md.j2").write_text("{{ report.__class__ }}\n", encoding="utf-8")
    _, _, err = run("-C", ws, "report", "--format", "md", "--templates", folder)
    line = next(ln for ln in err.splitlines() if ln.endswith("[CCHC504]"))
    assert "đọc thuộc tính nội bộ `__class__` của một giá trị kiểu `Report`. [CCHC504]" in line
    assert ".." not in line
    (folder / "report.md.j2").write_text("{{ titel }} {{ total.scroe }}\n", encoding="utf-8")
    _, _, err = run("-C", ws, "report", "--format", "md", "--templates", folder)
    assert "`titel` không có. [CCHC502]" in err
    (folder / "report.md.j2").write_text("{{ total.scroe }}\n", encoding="utf-8")
    _, _, err = run("-C", ws, "--lang", "en", "report", "--format", "md", "--templates", folder)
    assert "has no attribute `scroe`. [CCHC502]" in err and "object" not in err
