"""Generate the Word templates of ``cchc remedy``: templates/remedy/request.docx (the letter asking
the departments to explain, while the appraisal is provisional) and templates/remedy/plan.docx
(the remedy plan, once it is final).

Run from the repository root after changing this script (or scripts/make_docx_template.py,
whose blocks it reuses), then commit the .docx files:

    python scripts/make_remedy_templates.py            # writes both into templates/remedy/
    python scripts/make_remedy_templates.py OUT_DIR

Both follow the administrative form of Nghị định 30/2020/NĐ-CP, Phụ lục I, exactly as the
report does: the same letterhead, page numbers (never on page 1), draft mark, signature block
and appendix heading (the functions of make_docx_template.py, see its docstring for the tags).
The letter (công văn) differs from the report and the plan where the decree says so: no type
name, the summary "V/v …" under the number (NĐ 30, PL I, mục II.5.b, trích yếu nội dung công
văn: 12–13 pt, upright, centred under the number), then "Kính gửi:" and the addressees.

The appendices are landscape tables whose rows never split across pages, whose header row
repeats on every page, and whose blank columns (the department's explanation and evidence;
cause, remedy, deadline, cooperating agencies) leave room to write by hand (a minimum row
height). The output is deterministic (fixed properties and zip timestamps).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx_kit import (
    ALIGN,
    PORTRAIT_TEXT_CM,
    SHADE_HEAD,
    data_table,
    fix_widths,
    merge_row,
    par,
    shade,
    tag,
    tag_row,
    value_row,
)
from make_docx_template import (
    appendix_head,
    body_par,
    finish,
    headers,
    heading,
    letterhead,
    new_document,
    new_section,
    signature,
    title_block,
)

PROVINCE = 'mode == "province"'
#: the dense appendix tables: 10 pt (NĐ 30 sets no size for tables)
TABLE_PT = 10
#: room to write by hand in a blank column
WRITE_CM = 1.6


def item_cells(lost: str, *, blanks: int) -> list[tuple[str, str | None]]:
    """An appendix row of one item: STT, id, title (and note), maximum, self-score, appraised,
    the points column ``lost`` (cut or lost), the reason, then ``blanks`` empty cells for the
    department to fill in by hand."""
    return [
        ("{{ loop.index }}", "center"),
        ("{{ row.id }}", None),
        ("{{ row.title }}{% if row.note %}\n{{ row.note }}{% endif %}", None),
        ("{{ row.max|num }}", "right"),
        ("{{ row.self_text }}", "right"),
        ("{{ row.appraised|num }}", "right"),
        (lost, "right"),
        ("{{ row.reason }}", None),
        *[("", None)] * blanks,
    ]


def min_height(row: Any, cm: float) -> None:
    """At least ``cm`` tall (``w:trHeight``, rule atLeast): room to write in the blank cells.
    (The children of ``w:trPr`` are a choice in the schema: any order is valid.)"""
    tr_pr = row._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(round(cm * 567)))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.insert(0, height)


def small(table: Any, size: float = TABLE_PT) -> None:
    """Every run of the table at ``size`` points."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(size)


def group_row(table: Any, text: str, columns: int) -> Any:
    """A department's heading row across the table: bold, shaded, kept with its first item."""
    row = value_row(table, [(text, None)] + [("", None)] * (columns - 1), bold=True, keep_next=True)
    for cell in row.cells:
        shade(cell, SHADE_HEAD)
    return row


def page_break(doc: Any) -> None:
    """A paragraph that only breaks the page (the next department's table on its own page)."""
    from docx.enum.text import WD_BREAK

    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)


# --- the letter (công văn) -------------------------------------------------------------------


def letter_head(doc: Any) -> None:
    """The report's letterhead, and under the number the letter's summary "V/v …". The letter's
    issuer is the coordinator (a department, whatever ``mode``): the body above it upright, the
    department bold (NĐ 30, PL I, mục II.2, tên cơ quan ban hành)."""
    letterhead(doc)
    for p in doc.tables[-1].rows[0].cells[0].paragraphs:
        for run in p.runs:
            run.text = run.text.replace(f"strong({PROVINCE} or loop.last", "strong(loop.last")
    cell = doc.tables[-1].rows[1].cells[0]
    p = cell.add_paragraph()
    p.alignment = ALIGN["center"]
    run = p.add_run("{{ title }}")
    run.font.size = Pt(12)
    fmt = p.paragraph_format
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Cm(0)
    fmt.line_spacing = 1.0


def addressees(doc: Any) -> None:
    """ "Kính gửi:" and the addressees: on one line for one, else one per line (";" and "." at the
    end), indented as letters write them."""
    tag(doc, "{%p if addressees|length == 1 %}")
    p = par(
        doc,
        "{{ labels.to }}: {{ addressees[0] }}.",
        align="center",
        space_before=12,
        space_after=12,
    )
    p.paragraph_format.first_line_indent = Cm(0)
    tag(doc, "{%p else %}")
    p = par(doc, "{{ labels.to }}:", space_before=12, space_after=0, keep_next=True)
    p.paragraph_format.left_indent = Cm(3.0)
    tag(doc, "{%p for a in addressees %}")
    p = par(doc, "- {{ a }}{% if loop.last %}.{% else %};{% endif %}", space_after=0)
    p.paragraph_format.left_indent = Cm(5.0)
    tag(doc, "{%p endfor %}")
    par(doc, "", space_after=6)
    tag(doc, "{%p endif %}")


def request_summary(doc: Any) -> None:
    """The province's letter: how many items, how many points, per department (portrait), the
    same table as the plan's by department."""
    tag(doc, f"{{%p if {PROVINCE} %}}")
    body_par(doc, "{{ labels.request_summary }}", keep_next=True)
    agencies_table(doc, "{{ labels.col_cut }}")
    tag(doc, "{%p endif %}")


def request_table(doc: Any) -> None:
    """One department's items: the figures, the appraiser's comment, and two blank columns
    (its explanation, its additional evidence)."""
    widths = [1.2, 1.2, 4.4, 1.3, 1.4, 1.5, 1.3, 4.2, 4.8, 3.4]
    table = data_table(
        doc,
        [
            "{{ labels.col_no }}",
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_max }}",
            "{{ labels.col_self }}",
            "{{ labels.col_appraised }}",
            "{{ labels.col_cut }}",
            "{{ labels.col_comment }}",
            "{{ labels.col_answer }}",
            "{{ labels.col_evidence }}",
        ],
    )
    tag_row(table, "{%tr for row in a.rows %}")
    row = value_row(
        table,
        item_cells("{{ row.cut|num }}", blanks=2),
    )
    min_height(row, WRITE_CM * 1.5)
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    small(table)


def build_request() -> bytes:
    doc = new_document()
    headers(doc.sections[0], width_cm=PORTRAIT_TEXT_CM, first_page=True)
    letter_head(doc)
    addressees(doc)
    tag(doc, "{%p for text in intro %}")
    body_par(doc, "{{ text }}")
    tag(doc, "{%p endfor %}")
    request_summary(doc)
    body_par(doc, "{{ closing }}", keep_next=True)
    signature(doc)
    new_section(doc, landscape=True)
    appendix_head(doc, "{{ labels.appendix_word }}", "{{ labels.appendix_request }}")
    tag(doc, "{%p for a in agencies %}")
    tag(doc, "{%p if not loop.first %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    p = par(doc, "{{ a.heading }}", bold=True, keep_next=True, space_before=6)
    p.paragraph_format.first_line_indent = Cm(0)
    request_table(doc)
    tag(doc, "{%p endfor %}")
    return finish(doc, "cchc — remedy request template")


# --- the plan (kế hoạch) ----------------------------------------------------------------------


def parts_table(doc: Any) -> None:
    widths = [9.0, 2.4, 2.4, 2.2]
    table = data_table(
        doc,
        [
            "{{ labels.col_part }}",
            "{{ labels.col_max }}",
            "{{ labels.col_points }}",
            "{{ labels.col_lost }}",
        ],
    )
    tag_row(table, "{%tr for p in parts %}")
    value_row(
        table,
        [
            ("{{ p.label }}", None),
            ("{{ p.max|num }}", "right"),
            ("{% if p.points is none %}—{% else %}{{ p.points|num }}{% endif %}", "right"),
            ("{% if p.lost is none %}—{% else %}{{ p.lost|num }}{% endif %}", "right"),
        ],
        keep_next=True,
    )
    tag_row(table, "{%tr endfor %}")
    value_row(
        table,
        [
            ("{{ labels.index_line }} ({{ percent_text }})", None),
            ("{{ max_text }}", "right"),
            ("{{ total_text }}", "right"),
            ("", None),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)


def areas_table(doc: Any) -> None:
    widths = [1.1, 6.1, 1.9, 1.7, 1.8, 1.6, 1.8]
    table = data_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_area }}",
            "{{ labels.col_self_max }}",
            "{{ labels.col_self }}",
            "{{ labels.col_appraised }}",
            "{{ labels.col_lost }}",
            "{{ labels.col_items }}",
        ],
    )
    tag_row(table, "{%tr for r in areas %}")
    value_row(
        table,
        [
            ("{{ r.id }}", "center"),
            ("{{ r.title }}", None),
            ("{{ r.self_max|num }}", "right"),
            ("{{ r.self|num }}", "right"),
            ("{{ r.appraised|num }}", "right"),
            ("{{ r.lost|num }}", "right"),
            ("{{ r.items }}", "right"),
        ],
        keep_next=True,
    )
    tag_row(table, "{%tr endfor %}")
    value_row(
        table,
        [
            ("", None),
            ("{{ labels.total }}", None),
            ("{{ areas|sum(attribute='self_max')|num }}", "right"),
            ("{{ areas|sum(attribute='self')|num }}", "right"),
            ("{{ areas|sum(attribute='appraised')|num }}", "right"),
            ("{{ totals.points|num }}", "right"),
            ("{{ totals.items }}", "right"),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)
    small(table, 11)


def agencies_table(doc: Any, points: str = "{{ labels.col_lost }}") -> None:
    """Per department: its items and points (lost, or cut in the letter; split items in full),
    the part of them on split items, the rest; then the split items once, the total each item
    once, and the sum that shows it."""
    widths = [7.6, 1.9, 2.2, 2.3, 2.0]
    table = data_table(
        doc,
        [
            "{{ labels.col_agency }}",
            "{{ labels.col_items }}",
            points,
            "{{ labels.col_shared }}",
            "{{ labels.col_sole }}",
        ],
    )
    tag_row(table, "{%tr for a in agencies %}")
    value_row(
        table,
        [
            ("{{ a.name }}", None),
            ("{{ a.items }}", "right"),
            ("{{ a.points|num }}", "right"),
            ("{% if a.shared %}{{ a.shared|num }}{% else %}—{% endif %}", "right"),
            ("{{ a.sole|num }}", "right"),
        ],
        keep_next=True,
    )
    tag_row(table, "{%tr endfor %}")
    tag_row(table, "{%tr if totals.split_items %}")
    value_row(
        table,
        [
            ("{{ labels.split_once }}", None),
            ("{{ totals.split_items }}", "right"),
            ("", None),
            ("{{ totals.split|num }}", "right"),
            ("", None),
        ],
        keep_next=True,
    )
    tag_row(table, "{%tr endif %}")
    value_row(
        table,
        [
            ("{{ labels.total }}", None),
            ("{{ totals.items }}", "right"),
            ("{{ totals.points|num }}", "right"),
            ("{{ totals.split|num }}", "right"),
            ("{{ totals.sole|num }}", "right"),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)
    body_par(doc, "{{ totals.check }}", space_before=6)


def plan_results(doc: Any) -> None:
    heading(doc, "{{ labels.part_results }}")
    tag(doc, "{%p for text in results %}")
    body_par(doc, "{{ text }}")
    tag(doc, "{%p endfor %}")
    tag(doc, f"{{%p if {PROVINCE} %}}")
    heading(doc, "{{ labels.sub_parts }}")
    parts_table(doc)
    heading(doc, "{{ labels.sub_areas }}")
    areas_table(doc)
    heading(doc, "{{ labels.sub_agencies }}")
    agencies_table(doc)
    tag(doc, "{%p endif %}")


def plan_table(doc: Any) -> None:
    """Every department's items: figures, the reason, and four blank columns (cause, remedy,
    deadline, cooperating agencies). A department's heading row stays with its first item."""
    widths = [1.2, 1.2, 4.0, 1.3, 1.4, 1.5, 1.3, 3.6, 2.6, 3.1, 1.5, 2.0]
    columns = len(widths)
    table = data_table(
        doc,
        [
            "{{ labels.col_no }}",
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_max }}",
            "{{ labels.col_self }}",
            "{{ labels.col_appraised }}",
            "{{ labels.col_lost }}",
            "{{ labels.col_reason }}",
            "{{ labels.col_cause }}",
            "{{ labels.col_remedy }}",
            "{{ labels.col_deadline }}",
            "{{ labels.col_partners }}",
        ],
    )
    tag_row(table, "{%tr for a in agencies %}")
    head = group_row(table, "{{ a.heading }}", columns)
    tag_row(table, "{%tr for row in a.rows %}")
    row = value_row(
        table,
        item_cells("{{ row.lost|num }}", blanks=4),
    )
    min_height(row, WRITE_CM)
    tag_row(table, "{%tr endfor %}")
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    merge_row(head, 0, columns - 1)
    small(table)


def build_plan() -> bytes:
    doc = new_document()
    headers(doc.sections[0], width_cm=PORTRAIT_TEXT_CM, first_page=True)
    letterhead(doc)
    title_block(doc)
    tag(doc, "{%p for text in intro %}")
    body_par(doc, "{{ text }}")
    tag(doc, "{%p endfor %}")
    plan_results(doc)
    heading(doc, "{{ labels.part_tasks }}")
    tag(doc, "{%p for text in body %}")
    body_par(doc, "{{ text }}")
    tag(doc, "{%p endfor %}")
    heading(doc, "{{ labels.part_org }}")
    tag(doc, "{%p for text in org %}")
    body_par(doc, "{% if org|length > 1 %}{{ loop.index }}. {% endif %}{{ text }}")
    tag(doc, "{%p endfor %}")
    body_par(doc, "{{ closing }}", keep_next=True)
    signature(doc)
    new_section(doc, landscape=True)
    appendix_head(doc, "{{ labels.appendix_word }}", "{{ labels.appendix_plan }}")
    plan_table(doc)
    tag(doc, f"{{%p if {PROVINCE} %}}")
    body_par(doc, "{{ totals.check }}", space_before=6)
    tag(doc, "{%p endif %}")
    return finish(doc, "cchc — remedy plan template")


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1] / "templates" / "remedy"
    folder = Path(argv[1]) if len(argv) > 1 else root
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (("request.docx", build_request()), ("plan.docx", build_plan())):
        target = folder / name
        target.write_bytes(data)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
