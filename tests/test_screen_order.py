"""The error a user must fix stays on screen (issue 11, item 9): errors come last, just above
the summary; commands other than ``validate`` fold the known notes on the criteria and the
plan into one line; "dữ liệu còn N lỗi" says the summary's N."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cchc_cli.cli.output import PlainConsole, SourceLines, render_diagnostics, text_order
from cchc_cli.core.diagnostics import Location, Severity, error, info, warning
from conftest import invoke, located

SUMMARY = re.compile(r"^(Tổng cộng|Total): (\d+) (lỗi|errors?), (\d+) (cảnh báo|warnings?)")


def _render(diagnostics: list, **kwargs: object) -> list[str]:
    import io

    out = io.StringIO()
    render_diagnostics(diagnostics, PlainConsole(out), "vi", SourceLines(None), **kwargs)  # type: ignore[arg-type]
    return out.getvalue().splitlines()


def _codes(lines: list[str]) -> list[str]:
    return [m[1] for line in lines if (m := re.search(r"\[(CCHC\d{3})\]$", line))]


def test_infos_then_warnings_then_errors_each_by_file_and_line() -> None:
    found = [
        error("CCHC416", Location("a.yaml", 9, 3), id="1", score=1, max=1),
        info("CCHC318", Location("plan.yaml", 2, 1)),
        error("CCHC122", Location("a.yaml", 2, 1), path="x", reason="r"),
        warning("CCHC209", Location("criteria.yaml", 5, 1)),
        warning("CCHC210", Location("b.yaml", 1, 1)),
        error("CCHC521", Location(), path="out", error="e"),
    ]
    ordered = text_order(found)
    assert [d.severity for d in ordered] == [
        Severity.INFO,
        Severity.WARNING,
        Severity.WARNING,
        Severity.ERROR,
        Severity.ERROR,
        Severity.ERROR,
    ]
    assert [(d.file, d.line) for d in ordered] == [
        ("plan.yaml", 2),
        ("b.yaml", 1),
        ("criteria.yaml", 5),
        (None, None),
        ("a.yaml", 2),
        ("a.yaml", 9),
    ]
    lines = _render(found)
    assert _codes(lines) == [d.code for d in ordered]
    assert SUMMARY.match(lines[-1]) and "CCHC416" in lines[-3]  # the error, its hint, summary


def test_folded_notes_are_one_line_and_errors_are_never_folded() -> None:
    found = [
        info("CCHC318", Location("plan.yaml", 2, 1)),
        info("CCHC318", Location("plan.yaml", 9, 1)),
        warning("CCHC209", Location("criteria.yaml", 5, 1)),
        error("CCHC201", Location("criteria.yaml", 7, 1), id="1", first_line=3),
        warning("CCHC405", Location("a.yaml", 3, 1)),
    ]
    lines = _render(found, condense=("criteria.yaml", "plan.yaml"))
    assert lines[0] == (
        "1 cảnh báo, 2 thông tin về bộ tiêu chí và kế hoạch phân công — xem bằng `cchc validate`."
    )
    assert _codes(lines) == ["CCHC405", "CCHC201"]  # the error on the criteria stays, last
    assert lines[-1].startswith("Tổng cộng: 1 lỗi, 2 cảnh báo, 2 thông tin.")
    strict = _render(found, condense=("criteria.yaml", "plan.yaml"), strict=True)
    assert strict[0].startswith("2 thông tin về bộ tiêu chí")  # warnings block: shown in full
    assert _codes(strict) == ["CCHC405", "CCHC209", "CCHC201"]  # by file: a.yaml, criteria.yaml


def _bad_out_report(root: Path, lang: str = "vi") -> list[str]:
    result = invoke("--lang", lang, "-C", root, "report", "--format", "md", "--out", "/proc/x/y.md")
    assert result.exit_code == 1, result.output
    return result.stderr.splitlines()


def test_report_with_a_bad_out_ends_with_the_error(example_ws: Path) -> None:
    """The bundled example has 3 warnings and 2 infos on its criteria and plan: one line."""
    lines = _bad_out_report(example_ws)
    assert lines[0] == (
        "3 cảnh báo, 2 thông tin về bộ tiêu chí và kế hoạch phân công — xem bằng `cchc validate`."
    )
    assert _codes(lines) == ["CCHC521"]  # the only diagnostic printed: the one to fix
    assert lines[-3].startswith("cchc: lỗi: Không ghi được `/proc/x/y.md`: ")
    assert lines[-2].startswith("    cách sửa: ")
    assert lines[-1] == "Tổng cộng: 1 lỗi, 3 cảnh báo, 2 thông tin."
    assert len(lines) == 4
    english = _bad_out_report(example_ws, "en")
    assert english[0].startswith("3 warnings, 2 info about the criteria and the assignment plan")
    assert english[-1] == "Total: 1 error, 3 warnings, 2 info."


def test_validate_shows_every_note_and_json_stays_complete(example_ws: Path) -> None:
    result = invoke("-C", example_ws, "validate", "--today", "2020-01-18")
    codes = _codes(result.stderr.splitlines())
    assert sorted(codes) == ["CCHC209", "CCHC209", "CCHC210", "CCHC318", "CCHC318"]
    assert codes[:2] == ["CCHC318", "CCHC318"]  # infos first, then warnings
    assert "về bộ tiêu chí và kế hoạch phân công" not in result.stderr
    payload = json.loads(invoke("-C", example_ws, "status", "--format", "json").stdout)
    assert payload["diagnostics"] == {"error": 0, "warning": 3, "info": 2}


def _break_a_score(root: Path) -> None:
    """One error in agency AAA's file (a score above the maximum)."""
    path = root / "scores" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"score: [0-9.]+", "score: 99", text, count=1), encoding="utf-8")


def test_no_report_says_the_summarys_count(ws: Path) -> None:
    _break_a_score(ws)
    result = invoke("-C", ws, "report", "--format", "md", "--today", "2020-01-10")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary is not None, lines
    errors = int(summary[2])
    assert errors >= 1
    refusal = next(line for line in lines if line.endswith("[CCHC510]"))
    assert f"dữ liệu còn {errors} lỗi (liệt kê ở trên)" in refusal
    assert _codes(lines)[-1] == "CCHC510"  # the verdict closes the list, just above the summary
    assert lines.index(refusal) == len(lines) - 3
    # the data's errors are all above it, in full: as many as the summary counts
    shown = [line for line in lines if ": lỗi: " in line and not line.endswith("[CCHC510]")]
    assert len(shown) == errors and all(line.startswith("scores/a.yaml:") for line in shown)


def test_strict_refusal_counts_errors_and_warnings_like_the_summary(ws: Path) -> None:
    path = ws / "scores" / "a.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^submitted: .*$", "submitted: 2020-01-25", text), "utf-8")
    result = invoke("-C", ws, "report", "--format", "md", "--strict", "--today", "2020-01-26")
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary is not None and summary[2] == "0", lines[-1]
    warnings = summary[4]
    assert f"dữ liệu còn 0 lỗi và {warnings} cảnh báo" in result.stderr
    assert "Chế độ --strict" in lines[-1]
    # under --strict the warnings block the report: none is folded away
    assert _codes(lines).count("CCHC405") == 1


def test_draft_notice_counts_like_the_summary(ws: Path, tmp_path: Path) -> None:
    _break_a_score(ws)
    out = tmp_path / "d.md"
    result = invoke("-C", ws, "report", "--draft", "--format", "md", "--out", out)
    assert result.exit_code == 0, result.output
    summary = SUMMARY.match(result.stderr.splitlines()[-1])
    assert summary is not None
    assert f"dù dữ liệu còn {summary[2]} lỗi" in result.stderr


def test_commands_that_stop_on_errors_fold_the_criteria_and_plan_notes(example_ws: Path) -> None:
    """status, merged, scaffold, schema and tree stop on an error: it is shown in full, the
    known notes are one line."""
    plan = example_ws / "assignments" / "thai_nguyen_2019.yaml"
    text = plan.read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^due_before: .*$", 'due_before: "2020-13-40"', text)
    assert broken != text
    plan.write_text(broken, encoding="utf-8")
    for args in (["status"], ["merged"], ["schema", "SNV"], ["scaffold", "SNV"], ["who", "1"]):
        result = invoke("-C", example_ws, *args)
        assert result.exit_code == 1, (args, result.output)
        lines = result.stderr.splitlines()
        where = (args, result.stderr)
        codes = _codes(lines)
        assert codes and all(c not in ("CCHC209", "CCHC210", "CCHC318") for c in codes), where
        if args[0] != "who":  # who and owners leave the criteria's notes out altogether
            assert lines[0].endswith("— xem bằng `cchc validate`."), where
        assert lines[-1].startswith("Tổng cộng: "), where
        errors = [w for w, c in located(result.stderr) if c not in ("CCHC209", "CCHC210")]
        assert errors, where


def _readme_block(marker: str) -> list[str]:
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
    (block,) = [b for b in blocks if marker in b]
    return [line.strip() for line in block.strip("\n").splitlines()]


def test_the_screen_shown_in_readme(example_ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's illustration of a report whose --out is on a read-only USB stick."""
    import errno

    from cchc_cli.core import atomic

    def read_only(files: dict[Path, bytes]) -> None:
        target = next(iter(files))
        raise atomic.WriteFailed(target, OSError(errno.EROFS, "Read-only file system"))

    from cchc_cli.core import outputs

    monkeypatch.setattr(outputs, "write_many", read_only)
    result = invoke("-C", example_ws, "report", "--format", "md", "--out", "/mnt/usb/bao-cao.md")
    shown, real = _readme_block("[CCHC521]"), [ln.strip() for ln in result.stderr.splitlines()]
    assert len(shown) == len(real) == 4
    assert shown[0] == real[0] and shown[1] == real[1] and shown[3] == real[3]
    assert real[2].startswith(shown[2].rstrip("…").rstrip())
