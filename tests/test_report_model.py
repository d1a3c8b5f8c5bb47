"""The report model, built from a small merged workspace made by hand (tests/cases/_base)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli.core.fmt import format_number, format_percent
from cchc_cli.report.build import build_report
from cchc_cli.report.document import template_context
from cchc_cli.report.notes import parse_notes, read_notes
from cchc_cli.report.templates import known_variables, md_cell
from conftest import HOSTILE, REPO, hand_result, set_explanation

D = Decimal


def test_totals_subtotals_and_percent(ws: Path) -> None:
    report = build_report(hand_result(ws))
    by_id = {r.id: r for r in report.rows}
    # 1.1.1 = 1, 1.1.2 = 1; 2.1.1 = 2, 2.1.2 = min(BBB 2, CCC 0) = 0; 1.2 is the Ministry's.
    assert by_id["1.1"].score == D(2) and by_id["1.1"].self_max == D(3)
    assert by_id["1"].score == D(2) and by_id["1"].self_max == D(3)
    assert by_id["1"].ministry_max == D(3) and by_id["1"].max == D(6)
    assert by_id["2"].score == D(2) and by_id["2"].self_max == D(4)
    assert report.total.score == D(4) and report.total.max == D(7)
    assert report.total.ministry_max == D(3) and report.total.full_max == D(10)
    assert report.total.percent is not None
    assert format_percent(report.total.percent) == "57,14%"
    assert [r.id for r in report.rows] == [
        "1",
        "1.1",
        "1.1.1",
        "1.1.2",
        "1.2",
        "2",
        "2.1",
        "2.1.1",
        "2.1.2",
    ]
    assert [r.kind for r in report.rows[:3]] == ["area", "criterion", "subcriterion"]


def test_totals_equal_the_merged_data(ws: Path) -> None:
    result = hand_result(ws)
    report = build_report(result)
    assert result.merged is not None
    assert report.total.score == result.merged.total_score
    assert report.total.max == result.merged.total_max
    assert report.total.ministry_max == result.merged.ministry_max


def test_ministry_items_are_listed_with_their_maxima(ws: Path) -> None:
    report = build_report(hand_result(ws))
    assert [(r.id, r.max, r.method) for r in report.ministry_items] == [("1.2", D(3), "survey")]
    row = next(r for r in report.rows if r.id == "1.2")
    assert row.status == "ministry" and row.score is None and row.self_max == 0
    assert row.owners_text == "Bộ Nội vụ"


def test_points_lost_largest_first_then_id(ws: Path) -> None:
    report = build_report(hand_result(ws))
    assert [(r.id, r.lost) for r in report.lost] == [("2.1.2", D(2)), ("1.1.2", D(1))]
    # the split leaf names both parts and the part that explained the loss
    assert report.lost[0].owners_text == "Sở B (ngân sách); Sở C (đất đai)"
    assert report.lost[0].explanation_text.startswith("Sở C: Chưa ban hành")


def test_equal_losses_sort_by_natural_id(ws: Path) -> None:
    (ws / "scores" / "b.yaml").write_text(
        (ws / "scores" / "b.yaml")
        .read_text(encoding="utf-8")
        .replace("    score: 2\n", "    score: 1\n", 1),
        encoding="utf-8",
    )
    report = build_report(hand_result(ws))
    assert [(r.id, r.lost) for r in report.lost] == [
        ("2.1.2", D(2)),
        ("1.1.2", D(1)),
        ("2.1.1", D(1)),
    ]


def test_per_agency_totals_and_responsibility(ws: Path) -> None:
    report = build_report(hand_result(ws))
    agencies = {a.code: a for a in report.agencies}
    assert list(agencies) == ["AAA", "BBB", "CCC"]
    a, b, c = agencies["AAA"], agencies["BBB"], agencies["CCC"]
    assert (a.items, a.score, a.max, a.cooperating, a.is_coordinator) == (2, D(2), D(3), 1, True)
    # a split part counts the leaf's whole scale for each agency: BBB gave 2/2, CCC 0/2
    assert (b.items, b.score, b.max) == (2, D(4), D(4))
    assert (c.items, c.score, c.max, c.lost) == (1, D(0), D(2), D(2))
    assert c.file == "scores/c.yaml" and c.file_status == "submitted"
    assert [r.id for r in c.rows] == ["2", "2.1", "2.1.2"]


def test_agency_view_has_its_own_items_scores_and_evidence(ws: Path) -> None:
    report = build_report(hand_result(ws), agency="BBB")
    assert report.mode == "agency" and report.agency is not None and report.agency.code == "BBB"
    leaves = [r for r in report.rows if r.is_leaf]
    assert [(r.id, r.score) for r in leaves] == [("2.1.1", D(2)), ("2.1.2", D(2))]
    # only its own evidence (AAA's cooperating document is not BBB's)
    assert [e.agency for e in leaves[0].evidence] == ["BBB"]
    assert report.total.score == D(4) and report.total.max == D(4)
    assert report.notes is None and report.ministry_items == []
    assert report.letterhead == ("UBND TỈNH MẪU", "SỞ B")


def test_agency_view_of_a_cooperating_agency(ws: Path) -> None:
    report = build_report(hand_result(ws), agency="AAA")
    assert [r.id for r in report.cooperation] == ["2.1.1"]
    assert report.cooperation[0].comment_text == "Sở A: Sở A phối hợp cung cấp số liệu."
    assert [e.number for e in report.cooperation[0].evidence] == ["5/CV-SA"]


def test_explanations_section_lists_items_without_complete_evidence(ws: Path) -> None:
    text = (ws / "scores" / "c.yaml").read_text(encoding="utf-8")
    (ws / "scores" / "a.yaml").write_text(
        (ws / "scores" / "a.yaml")
        .read_text(encoding="utf-8")
        .replace('        date: "2019-01-10"\n', ""),
        encoding="utf-8",
    )
    (ws / "scores" / "c.yaml").write_text(text, encoding="utf-8")
    report = build_report(hand_result(ws))
    assert [(r.id, r.evidence_status) for r in report.explanations] == [("1.1.1", "incomplete")]


def test_checksums_cover_every_input(ws: Path) -> None:
    import hashlib

    report = build_report(hand_result(ws))
    files = {c.file: c.sha256 for c in report.checksums}
    assert set(files) == {
        "cchc.yaml",
        "criteria.yaml",
        "plan.yaml",
        "scores/a.yaml",
        "scores/b.yaml",
        "scores/c.yaml",
    }
    assert files["plan.yaml"] == hashlib.sha256((ws / "plan.yaml").read_bytes()).hexdigest()


def test_no_date_unless_given(ws: Path) -> None:
    from datetime import date

    assert build_report(hand_result(ws)).date_text == ""
    assert build_report(hand_result(ws), when=date(2020, 1, 18)).date_text == "18/01/2020"
    assert (
        build_report(hand_result(ws), when=date(2020, 1, 18), lang="en").date_text == "2020-01-18"
    )


def test_draft_mark_and_labels_follow_the_language(ws: Path) -> None:
    vi = build_report(hand_result(ws), draft=True)
    en = build_report(hand_result(ws), draft=True, lang="en")
    assert vi.draft_mark == "DỰ THẢO" and "DỰ THẢO" in en.draft_mark
    assert vi.labels["section_summary"].startswith("I. KẾT QUẢ")
    assert en.labels["section_summary"].startswith("I. SELF-ASSESSMENT")
    assert build_report(hand_result(ws)).draft_mark == ""


def test_hostile_text_is_kept_as_data(ws: Path) -> None:
    set_explanation(ws, "a.yaml", "1.1.2", HOSTILE)
    report = build_report(hand_result(ws))
    row = next(r for r in report.rows if r.id == "1.1.2")
    assert row.explanation_text == HOSTILE


def test_template_context_is_the_documented_variable_set(ws: Path) -> None:
    context = template_context(build_report(hand_result(ws)))
    assert set(context) == known_variables()


def test_working_methodology_is_flagged(ws: Path) -> None:
    report = build_report(hand_result(ws))
    # the base criteria say status: confirmed
    assert report.methodology.working is False
    text = (
        (ws / "criteria.yaml")
        .read_text(encoding="utf-8")
        .replace("status: confirmed", "status: working")
    )
    (ws / "criteria.yaml").write_text(text, encoding="utf-8")
    working = build_report(hand_result(ws))
    assert working.methodology.working is True
    # working figures make the report a draft; the reason is for the companion
    assert report.draft is False and report.draft_reasons == ()
    assert working.draft is True and working.draft_mark == "DỰ THẢO"
    assert len(working.draft_reasons) == 1 and "working" in working.draft_reasons[0]


def test_agencies_reconcile_with_the_province_total(ws: Path) -> None:
    """The split leaf 2.1.2 (BBB and CCC each score it on its full scale) counts once."""
    report = build_report(hand_result(ws))
    rec = report.reconciliation
    assert rec is not None
    assert [r.id for r in rec.split_rows] == ["2.1.2"]
    assert rec.agencies_max + rec.split_max + rec.rest_max == report.total.max
    assert rec.agencies_score + rec.split_score + rec.rest_score == report.total.score
    assert rec.rest_max == 0 and rec.rest_score == 0
    assert rec.agencies_max == sum(a.sole_max for a in report.agencies)
    # the agencies' own tables count the split leaf once per part
    assert rec.parts_max == sum(a.max for a in report.agencies) > report.total.max
    row = rec.split_rows[0]
    assert row.parts_text.startswith("Sở B (ngân sách): ") and "Sở C (đất đai): " in row.parts_text
    assert row.combine_text == "lấy điểm thấp nhất trong các phần"
    assert build_report(hand_result(ws), agency="BBB").reconciliation is None


def test_notes_are_read_as_headings_lists_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(
        "\ufeff<!-- ghi chú -->\r\n## 1. Khó khăn\r\n\r\n- một\r\n- hai\r\n  tiếp\r\n\r\n"
        "Đoạn văn\r\nhai dòng.\r\n"
        "\r\n1. kiến nghị\r\n2. thứ hai\r\n".encode()
    )
    notes, problems = read_notes(path, "notes.md")
    assert problems == [] and notes is not None
    kinds = [(b.kind, b.text or b.items, b.ordered) for b in notes.blocks]
    assert kinds == [
        ("heading", "1. Khó khăn", False),
        ("list", ("một", "hai tiếp"), False),
        ("para", "Đoạn văn hai dòng.", False),
        ("list", ("kiến nghị", "thứ hai"), True),
    ]
    assert "ghi chú" not in notes.text


def test_notes_not_utf8_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("Khó khăn\n".encode("cp1258"))
    notes, problems = read_notes(path, "notes.md")
    assert notes is None and [p.code for p in problems] == ["CCHC523"]
    assert problems[0].file == "notes.md" and problems[0].line == 1


def test_notes_in_utf16_with_bom_are_read(tmp_path: Path) -> None:
    # the one decoder (core/textio) reads notes too: Notepad's "Unicode" is UTF-16 with BOM
    path = tmp_path / "notes.md"
    path.write_bytes("## Khó khăn\r\n- một\r\n".encode("utf-16"))
    notes, problems = read_notes(path, "notes.md")
    assert problems == [] and notes is not None
    assert [(b.kind, b.text or b.items) for b in notes.blocks] == [
        ("heading", "Khó khăn"),
        ("list", ("một",)),
    ]


def test_notes_in_utf16_without_bom_are_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes("## Kho khan\n- mot\n".encode("utf-16-le"))
    notes, problems = read_notes(path, "notes.md")
    assert notes is None and [p.code for p in problems] == ["CCHC523"]
    assert problems[0].file == "notes.md" and problems[0].line == 1


def test_parse_notes_handles_empty_text() -> None:
    assert parse_notes("") == ()


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (D("10.5"), "vi", "10,5"),
        (D("10.50"), "en", "10.5"),
        (D("0"), "vi", "0"),
        (None, "vi", "—"),
        (D("1.625"), "vi", "1,625"),
    ],
)
def test_number_format(value: Decimal | None, lang: str, expected: str) -> None:
    assert format_number(value, lang) == expected


def test_markdown_cell_escaping() -> None:
    assert md_cell("a | b\nc\r\nd") == "a \\| b<br>c<br>d"
    assert md_cell(HOSTILE) == HOSTILE


def test_data_path_prefers_the_packaged_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc_cli.core import resources
    from cchc_cli.report import templates

    assert resources.data_path("templates") == REPO / "templates"
    assert (templates.builtin_dir() / "report.html.j2").is_file()
    (tmp_path / "data" / "templates").mkdir(parents=True)
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path)
    assert templates.builtin_dir() == tmp_path / "data" / "templates"
