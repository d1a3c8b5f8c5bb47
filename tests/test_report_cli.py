"""`cchc report` end to end, through the real pipeline: the example, safety, agencies, notes."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import pytest

from cchc_cli.core import atomic
from cchc_cli.core.outputs import MANIFEST_NAME
from conftest import HOSTILE, REPO, run, set_explanation

NAMES = [f"bao-cao-cchc-2019.{ext}" for ext in ("docx", "xlsx", "html", "md")]
#: the internal companion of each document format (not signed; Excel has its own checks sheet)
COMPANIONS = [f"bao-cao-cchc-2019-phu-luc-ky-thuat.{ext}" for ext in ("docx", "html", "md")]


def break_scores(ws: Path) -> None:
    """An invalid score (0.7 is not an allowed level of 1.1.1): an error, not a warning."""
    path = ws / "scores" / "a.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    score: 1\n", "    score: 0.7\n", 1),
        encoding="utf-8",
    )


def xlsx_total(path: Path, sheet: str, label: str) -> tuple[float, float]:
    import openpyxl

    from xlsx_table import total

    return total(openpyxl.load_workbook(path)[sheet], label)


def docx_total(path: Path) -> tuple[str, str]:
    import docx

    doc = docx.Document(str(path))
    table = next(t for t in doc.tables if len(t.columns) == 8)
    cells = next(
        [c.text for c in r.cells] for r in table.rows if r.cells[1].text.startswith("Tổng")
    )
    return cells[4], cells[3]


def vi_number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- the example workspace ---


def test_example_report_in_all_formats_matches_cchc_merged(tmp_path: Path) -> None:
    code, out, err = run("-C", str(REPO), "merged", "--format", "json")
    assert code == 0, err
    merged = json.loads(out)
    score, maximum = merged["total"]["score"], merged["total"]["max"]
    code, out, err = run("-C", str(REPO), "report", "--out", str(tmp_path), "--date", "2020-01-18")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*NAMES, *COMPANIONS, MANIFEST_NAME]
    )
    assert out.count("Đã ghi") == 7
    md = (tmp_path / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")
    assert (
        f"**Tổng điểm tự đánh giá: {vi_number(score)}** trên tổng số {vi_number(maximum)} điểm"
        in md
    )
    page = (tmp_path / "bao-cao-cchc-2019.html").read_text(encoding="utf-8")
    assert (
        f"<b>Tổng điểm tự đánh giá: {vi_number(score)}</b> trên tổng số {vi_number(maximum)}"
        in page
    )
    assert docx_total(tmp_path / "bao-cao-cchc-2019.docx") == (vi_number(score), vi_number(maximum))
    assert xlsx_total(tmp_path / "bao-cao-cchc-2019.xlsx", "Tổng hợp", "Tổng điểm tự đánh giá") == (
        pytest.approx(score),
        pytest.approx(maximum),
    )
    # section III comes from the workspace's notes file
    assert "### 2. Kiến nghị, đề xuất" in md and "Kiến nghị, đề xuất</h3>" in page
    # the example's input files are all checksummed, in the internal companion only
    companion = (tmp_path / COMPANIONS[2]).read_text(encoding="utf-8")
    for rel in (
        "cchc.yaml",
        "criteria/2019.yaml",
        "assignments/thai_nguyen_2019.yaml",
        "examples/thai_nguyen_2019/kho-khan-kien-nghi.md",
    ):
        assert f"`{rel}`" in companion and rel not in md
    # the criteria tree still has working figures: a draft, the reason in the companion
    assert md.startswith("> **DỰ THẢO**") and "CCHC536" in err
    assert "working" in companion and "working" not in md


def test_every_department_report_works(tmp_path: Path) -> None:
    import openpyxl

    code, _, err = run("-C", str(REPO), "report", "--format", "xlsx", "--out", str(tmp_path / "p"))
    assert code == 0, err
    province = openpyxl.load_workbook(tmp_path / "p" / "bao-cao-cchc-2019.xlsx")
    codes = [name for name in province.sheetnames if name.isupper()]
    assert len(codes) == 8
    for agency in codes:
        out = tmp_path / agency
        code, _stdout, err = run("-C", str(REPO), "report", "--agency", agency, "--out", str(out))
        assert code == 0, (agency, err)
        assert sorted(p.name for p in out.iterdir()) == sorted(
            [
                MANIFEST_NAME,
                *(f"bao-cao-{agency}-2019.{ext}" for ext in ("docx", "xlsx", "html", "md")),
                *(
                    f"bao-cao-{agency}-2019-phu-luc-ky-thuat.{ext}"
                    for ext in ("docx", "html", "md")
                ),
            ]
        )
        label = "Tổng điểm tự chấm của cơ quan"
        own = xlsx_total(out / f"bao-cao-{agency}-2019.xlsx", "Tổng hợp", label)
        assert own == xlsx_total(tmp_path / "p" / "bao-cao-cchc-2019.xlsx", agency, label)
        md = (out / f"bao-cao-{agency}-2019.md").read_text(encoding="utf-8")
        assert f"**{label}: {vi_number(own[0])}**" in md


# --- safety ---


def test_refuses_when_the_data_has_errors(ws: Path) -> None:
    break_scores(ws)
    code, out, err = run("-C", str(ws), "report")
    assert code == 1
    assert "CCHC510" in err and "CCHC417" in err and "--draft" in err
    assert not (ws / "out").exists() and out == ""


def test_draft_renders_with_a_visible_mark_everywhere(ws: Path) -> None:
    import docx
    import openpyxl

    break_scores(ws)
    code, _out, err = run("-C", str(ws), "report", "--draft")
    assert code == 0, err
    assert "CCHC512" in err
    folder = ws / "out"
    assert (folder / "bao-cao-cchc-2019.md").read_text(encoding="utf-8").startswith("> **DỰ THẢO**")
    assert "watermark" in (folder / "bao-cao-cchc-2019.html").read_text(encoding="utf-8")
    doc = docx.Document(str(folder / "bao-cao-cchc-2019.docx"))
    assert all("DỰ THẢO" in s.header.paragraphs[0].text for s in doc.sections)
    book = openpyxl.load_workbook(folder / "bao-cao-cchc-2019.xlsx")
    assert all("DỰ THẢO" in (s.oddHeader.center.text or "") for s in book.worksheets)
    # the companion lists the errors the draft was made with; the report itself does not
    companion = (folder / "bao-cao-cchc-2019-phu-luc-ky-thuat.md").read_text(encoding="utf-8")
    assert "CCHC417" in companion and "Dữ liệu còn 1 lỗi" in companion
    assert "CCHC417" not in (folder / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")


def test_hostile_explanation_round_trips_end_to_end(ws: Path) -> None:
    import docx
    import openpyxl

    set_explanation(ws, "a.yaml", "1.1.2", HOSTILE)
    code, _, err = run("-C", str(ws), "report")
    assert code == 0, err
    folder = ws / "out"
    assert HOSTILE in (folder / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")
    doc = docx.Document(str(folder / "bao-cao-cchc-2019.docx"))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert HOSTILE in cells
    book = openpyxl.load_workbook(folder / "bao-cao-cchc-2019.xlsx")
    values = [c.value for r in book["Tổng hợp"].iter_rows() for c in r]
    assert HOSTILE in values


def test_markdown_and_html_byte_identical_across_runs(ws: Path, tmp_path: Path) -> None:
    for n in (1, 2):
        code, _, err = run(
            "-C", str(ws), "report", "--format", "all", "--out", str(tmp_path / f"r{n}")
        )
        assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "r1").iterdir())
    assert names == sorted([*NAMES, *COMPANIONS, MANIFEST_NAME])
    for name in names:
        assert (tmp_path / "r1" / name).read_bytes() == (tmp_path / "r2" / name).read_bytes(), name


def _old_report(ws: Path, fmt: str) -> tuple[Path, bytes]:
    """A report cchc wrote earlier (listed in the folder's manifest), and its bytes."""
    code, _, err = run("-C", str(ws), "report", "--format", fmt)
    assert code == 0, err
    target = ws / "out" / f"bao-cao-cchc-2019.{fmt}"
    return target, target.read_bytes()


def _change_input(ws: Path) -> None:
    """An input edit, so that the next report has other bytes (and must really be written)."""
    set_explanation(ws, "a.yaml", "1.1.2", "Đạt 85% kế hoạch; hai nhiệm vụ chuyển sang năm 2020.")


def test_locked_output_says_close_the_file(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target, old = _old_report(ws, "md")
    _change_input(ws)

    def locked(src: object, dst: object) -> None:
        raise atomic.OutputLocked(errno.EACCES, str(dst))

    monkeypatch.setattr(os, "replace", locked)
    code, _out, err = run("-C", str(ws), "report", "--format", "md")
    assert code == 1
    assert "CCHC520" in err and "Đóng tệp rồi chạy lại" in err
    assert target.read_bytes() == old
    companion = target.with_name(target.stem + "-phu-luc-ky-thuat" + target.suffix)
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        [MANIFEST_NAME, target.name, companion.name]
    )


@pytest.mark.parametrize("where", ["replace", "mkstemp", "fsync"])
def test_unwritable_output_keeps_the_old_report(
    ws: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A read-only folder (tests run as root, where chmod does not stop writes: simulated) or a
    full disk: a diagnostic, no partial file, the previous report untouched."""
    import tempfile

    target, old = _old_report(ws, "html")
    _change_input(ws)

    def denied(*_args: object, **_kwargs: object) -> None:
        if where == "fsync":
            raise OSError(errno.ENOSPC, "No space left on device")
        raise PermissionError(errno.EACCES, "Permission denied")

    if where == "replace":
        monkeypatch.setattr(os, "replace", denied)
    elif where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", denied)
    else:
        monkeypatch.setattr(os, "fsync", denied)
    code, _out, err = run("-C", str(ws), "report", "--format", "html")
    assert code == 1
    assert "CCHC521" in err
    # the system's reason in the user's words (issue 11: no strerror in Vietnamese output)
    assert ("ổ đĩa đã đầy" if where == "fsync" else "không có quyền truy cập") in err
    assert "No space left" not in err and "Permission denied" not in err
    assert target.read_bytes() == old
    companion = target.with_name(target.stem + "-phu-luc-ky-thuat" + target.suffix)
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(
        [MANIFEST_NAME, target.name, companion.name]
    )


def test_unknown_agency_suggests_the_right_code(ws: Path) -> None:
    code, _, err = run("-C", str(ws), "report", "--agency", "BBX")
    assert code == 2
    assert "CCHC522" in err and "`BBB`" in err


def test_out_single_file_folder_and_conflicts(ws: Path, tmp_path: Path) -> None:
    code, _, err = run("-C", str(ws), "report", "--format", "md", "--out", str(tmp_path / "x.md"))
    assert code == 0, err
    assert (tmp_path / "x.md").is_file()
    (tmp_path / "dir").mkdir()
    code, _, err = run("-C", str(ws), "report", "--format", "html", "--out", str(tmp_path / "dir"))
    assert code == 0 and (tmp_path / "dir" / "bao-cao-cchc-2019.html").is_file()
    code, _, err = run("-C", str(ws), "report", "--out", str(tmp_path / "x.md"))
    assert code == 2 and "CCHC525" in err
    code, _, err = run("-C", str(ws), "report", "--agency", "AAA", "--format", "md")
    assert code == 0 and (ws / "out" / "bao-cao-AAA-2019.md").is_file()


def test_bad_date_is_a_usage_error(ws: Path) -> None:
    # 20-01-2020 (day first, as Vietnamese write it) is accepted since issue 11; a year of two
    # digits is not
    code, _, err = run("-C", str(ws), "report", "--date", "20.01.20")
    assert code == 2 and "`20.01.20` của `--date`" in err and "15/01/2020" in err


def test_notes_file_that_is_not_utf8_blocks_the_report(ws: Path) -> None:
    (ws / "notes.md").write_bytes("Khó khăn".encode("cp1258"))
    with (ws / "cchc.yaml").open("a", encoding="utf-8") as handle:
        handle.write("notes: notes.md\n")
    code, _, err = run("-C", str(ws), "report", "--format", "md")
    assert code == 1 and "CCHC523" in err and "notes.md" in err


def test_english_report(ws: Path) -> None:
    code, _, err = run("--lang", "en", "-C", str(ws), "report", "--format", "md")
    assert code == 0, err
    md = (ws / "out" / "bao-cao-cchc-2019.md").read_text(encoding="utf-8")
    assert "## I. SELF-ASSESSMENT AND SCORING RESULTS" in md and "Self-assessed total" in md


def test_help_is_translated() -> None:
    code, out, _ = run("report", "--help")
    assert code == 0 and "DỰ THẢO" in out and "--templates" in out
    code, out, _ = run("templates", "check", "--lang", "en", "--help")
    assert code == 0 and "Check a report template folder" in out


def test_xlsx_reader_sees_text_not_formulas(ws: Path) -> None:
    import openpyxl

    set_explanation(ws, "a.yaml", "1.1.2", "=SUM(A1:A9)")
    code, _, err = run("-C", str(ws), "report", "--format", "xlsx")
    assert code == 0, err
    data = (ws / "out" / "bao-cao-cchc-2019.xlsx").read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(data))
    cell = next(c for r in book["Tổng hợp"].iter_rows() for c in r if c.value == "=SUM(A1:A9)")
    assert cell.data_type == "s"


def test_department_report_not_blocked_by_another_departments_file(ws: Path) -> None:
    break_scores(ws)  # the error is in AAA's file
    code, _, err = run("-C", str(ws), "report", "--agency", "BBB", "--format", "md")
    assert code == 0, err
    assert "CCHC417" not in err
    md = (ws / "out" / "bao-cao-BBB-2019.md").read_text(encoding="utf-8")
    assert "DỰ THẢO" not in md and "CCHC417" not in md
    code, _, err = run("-C", str(ws), "report", "--agency", "AAA", "--format", "md")
    assert code == 1 and "CCHC510" in err and "CCHC417" in err


def test_notes_file_that_never_ends_is_a_diagnostic(ws: Path, tmp_path: Path) -> None:
    """A `notes:` path pointing at a device (or a huge file) is refused, not read forever."""
    (ws / "notes.md").symlink_to("/dev/zero")
    cfg = ws / "cchc.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "notes: notes.md\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        "-C", str(ws), "report", "--format", "md", "--out", str(out), "--date", "2020-01-10"
    )
    assert code == 1, err
    assert "CCHC523" in err
    assert not out.exists()
