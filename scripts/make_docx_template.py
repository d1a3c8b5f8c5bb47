"""Generate the Word templates: templates/report.docx (the report a leader signs) and
templates/companion.docx (its internal technical appendix, not signed).

Run from the repository root after changing this script, then commit the .docx files:

    python scripts/make_docx_template.py            # writes both into templates/
    python scripts/make_docx_template.py OUT_DIR

The report follows the administrative form of Nghị định 30/2020/NĐ-CP, Phụ lục I; each block
below names the rule it follows ("NĐ 30, PL I, mục …", see scripts/docx_kit.py for the
numbering). A province may instead edit templates/report.docx in Word and put its copy in its
template folder. Tags used (docxtpl syntax):

* ``{{ expr }}`` — text (escaped automatically: ``&``, ``<`` in explanations survive);
* ``{{r expr|strong(cond, size) }}`` — bold text when ``cond`` (a docxtpl RichText run);
* ``{%tr for … %}`` / ``{%tr if … %}`` … ``{%tr endif %}`` — table rows repeated or chosen;
* ``{%p if … %}`` / ``{%p for … %}`` — paragraphs (and tables) shown conditionally, repeated;
* ``{% cellbg row|shade %}`` — a table cell's background (area/criterion rows shaded).

Variables and filters are the same as in the HTML/Markdown templates (README, "Báo cáo"). The
output is deterministic: fixed core properties and zip timestamps, so the committed files only
change when this script does.
"""

# ruff: noqa: E501  (Jinja tag strings are kept whole so they read like the document)
from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx_kit import (
    ALIGN,
    BODY_PT,
    LANDSCAPE_TEXT_CM,
    PORTRAIT_TEXT_CM,
    SHADE_HEAD,
    add_rule_styles,
    cant_split,
    cell_margins,
    cell_text,
    data_table,
    fix_widths,
    merge_row,
    no_borders,
    page,
    page_break_before,
    page_number_field,
    par,
    rule,
    setup_styles,
    tag,
    tag_row,
    value_row,
)

EPOCH = datetime(2000, 1, 1)
PROVINCE = 'mode == "province"'
AGENCY = 'mode == "agency"'


def new_document() -> Any:
    doc = Document()
    setup_styles(doc)
    add_rule_styles(doc)
    page(doc.sections[0])
    return doc


def headers(section: Any, *, width_cm: float, first_page: bool) -> None:
    """Page numbers centred in the top margin, 13 pt, never on page 1 (NĐ 30, PL I, mục I.7, số
    trang: "không hiển thị số trang thứ nhất": a different first-page header); a draft says
    "DỰ THẢO" at the top right of every page, page 1 included (empty in a final report). One
    line: a centre tab for the number, a right tab for the mark, set for this section's width
    (a landscape section has its own header)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    section.different_first_page_header_footer = first_page
    section.header.is_linked_to_previous = False
    targets = [(section.header, True)]
    if first_page:
        section.first_page_header.is_linked_to_previous = False
        targets.append((section.first_page_header, False))
    for header, numbered in targets:
        p = header.paragraphs[0]
        fmt = p.paragraph_format
        fmt.space_after = Pt(0)
        fmt.first_line_indent = Cm(0)
        fmt.tab_stops.add_tab_stop(Cm(width_cm / 2), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run("\t")
        if numbered:
            page_number_field(p)
        p.add_run("\t")
        mark = p.add_run("{{ draft_mark }}")
        mark.bold = True
        mark.font.size = Pt(13)


def new_section(doc: Any, *, landscape: bool) -> Any:
    """A section break: the paragraph that carries it is 1 pt high, so a full page never
    pushes it alone onto a blank page."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    carrier = doc.paragraphs[-1]  # python-docx adds the break as a new last paragraph
    fmt = carrier.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.first_line_indent = Cm(0)
    mark = carrier._p.get_or_add_pPr()
    r_pr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    r_pr.append(size)
    mark.sectPr.addprevious(r_pr)  # the paragraph mark's size, before the sectPr (schema order)
    page(section, landscape=landscape)
    # sections after the first: the number on every page, no first-page exception
    width = LANDSCAPE_TEXT_CM if landscape else PORTRAIT_TEXT_CM
    headers(section, width_cm=width, first_page=False)
    return section


# --- page 1: the letterhead, number, date, type name and summary -------------------------------


def letterhead(doc: Any) -> None:
    """NĐ 30, PL I, mục IV (vị trí trình bày): a two-column block at the top of page 1.

    Left (ô 2, mục II.2, tên cơ quan ban hành): the body above (upright) and the issuing body
    (bold), capitals, 12 pt, a short rule beneath; under it (ô 3, mục II.3, số và ký hiệu)
    "Số: …/BC-UBND", 13 pt upright. Right (ô 1, mục II.1, Quốc hiệu và Tiêu ngữ): the Quốc hiệu
    on one line, capitals, bold, 12 pt; the Tiêu ngữ bold 13 pt, initial capitals, hyphens
    between the phrases, a rule as long as the text; under it (ô 4, mục II.4, địa danh và thời
    gian) the place and date in italics, 13 pt, on the number's line.
    """
    widths = [6.4, PORTRAIT_TEXT_CM - 6.4]
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    cell_margins(table, 0.05)
    body, nation = table.rows[0].cells
    body.paragraphs[0].add_run("{%p for line in letterhead %}")
    line = body.add_paragraph()
    line.alignment = ALIGN["center"]
    line.add_run(f"{{{{r line|strong({PROVINCE} or loop.last, 12) }}}}")
    body.add_paragraph().add_run("{%p endfor %}")
    for p in body.paragraphs:
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.first_line_indent = Cm(0)
    rule(body, "Short", widths[0], 2.0)
    cell_text(nation, "{{ labels.nation }}", bold=True, align="center", size=12)
    motto = nation.add_paragraph()
    motto.alignment = ALIGN["center"]
    run = motto.add_run("{{ labels.motto }}")
    run.bold = True
    run.font.size = Pt(13)
    motto.paragraph_format.space_after = Pt(0)
    rule(nation, "Full", widths[1], 5.6)
    number, date = table.rows[1].cells
    cell_text(number, "{{ form.number_line }}", align="center", size=13)
    cell_text(date, "{{ form.date_line }}", italic=True, align="center", size=13)
    for cell in (number, date):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)
    fix_widths(table, widths)
    for row in table.rows:
        cant_split(row)


def title_block(doc: Any) -> None:
    """NĐ 30, PL I, mục II.5 (tên loại và trích yếu): "BÁO CÁO" bold capitals 14 pt, centred;
    the summary bold 14 pt right under it; a rule 1/3–1/2 of the line beneath."""
    par(
        doc,
        "{{ labels.report_word }}",
        bold=True,
        size=BODY_PT,
        align="center",
        space_before=18,
        space_after=0,
        keep_next=True,
    )
    par(doc, "{{ title }}", bold=True, size=BODY_PT, align="center", space_after=0, keep_next=True)
    rule(doc, "Short", PORTRAIT_TEXT_CM, 5.0)
    par(doc, "", space_after=6)


def body_par(doc: Any, text: str, **kwargs: Any) -> Any:
    """NĐ 30, PL I, mục II.6 (nội dung): 14 pt, justified, first line indented 1.27 cm."""
    return par(doc, text, align="justify", indent=True, **kwargs)


def heading(doc: Any, text: str) -> Any:
    """A part's heading (I., II., III.): bold, body size, kept with what follows."""
    p = par(doc, text, bold=True, align="justify", keep_next=True, space_before=6)
    p.paragraph_format.first_line_indent = Cm(1.27)
    return p


# --- part I ------------------------------------------------------------------------------------


def part_one(doc: Any) -> None:
    heading(
        doc,
        f"{{% if {AGENCY} %}}{{{{ labels.section_agency_summary }}}}{{% else %}}{{{{ labels.section_summary }}}}{{% endif %}}",
    )
    body_par(
        doc,
        f"{{% if {AGENCY} %}}{{{{ labels.total_agency }}}}{{% else %}}{{{{ labels.total_line }}}}{{% endif %}}: "
        "{{ total.score|num }} {{ labels.out_of }} {{ total.max|num }} {{ labels.points }} ({{ total.percent|pct }}).",
    )
    tag(doc, f"{{%p if {PROVINCE} %}}")
    body_par(
        doc,
        "{{ labels.ministry_items }}: {{ total.ministry_max|num }} {{ labels.points }}. "
        "{{ labels.full_max }}: {{ total.full_max|num }} {{ labels.points }}.",
    )
    heading(doc, "{{ labels.part_areas }}")
    area_table(doc)
    tag(doc, "{%p endif %}")


def area_table(doc: Any) -> None:
    """The areas at a glance (portrait): every figure under its own column, the total too."""
    widths = [1.0, 7.0, 1.5, 1.7, 1.6, 1.5, 1.7]
    table = data_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_area }}",
            "{{ labels.col_max }}",
            "{{ labels.col_ministry_max }}",
            "{{ labels.col_self_max }}",
            "{{ labels.col_score }}",
            "{{ labels.col_percent }}",
        ],
    )
    tag_row(table, "{%tr for row in areas %}")
    value_row(  # eight rows and a total: kept together on one page
        table,
        [
            ("{{ row.id }}", "center"),
            ("{{ row.title }}", None),
            ("{{ row.max|num }}", "right"),
            ("{% if row.ministry_max %}{{ row.ministry_max|num }}{% else %}—{% endif %}", "right"),
            ("{{ row.self_max|num }}", "right"),
            ("{{ row|score_text(labels) }}", "right"),
            ("{{ row.percent|pct }}", "right"),
        ],
        keep_next=True,
    )
    tag_row(table, "{%tr endfor %}")
    value_row(
        table,
        [
            ("", None),
            ("{{ labels.total_all }}", None),
            ("{{ total.full_max|num }}", "right"),
            ("{{ total.ministry_max|num }}", "right"),
            ("{{ total.max|num }}", "right"),
            ("{{ total.score|num }}", "right"),
            ("{{ total.percent|pct }}", "right"),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)


def detail_table(doc: Any) -> None:
    """Every area, criterion and sub-criterion (landscape, NĐ 30, PL I, mục I.2). A row never
    splits across pages; an area's and a criterion's row stay with the row below them (keep
    with next); the header row repeats on every page. A group the Ministry scores shows "Bộ
    Nội vụ đánh giá", never a 0; the total puts each figure under its own column and the
    percentage on its own row."""
    widths = [1.3, 5.3, 1.5, 1.6, 1.6, 2.8, 6.0, 4.6]
    table = data_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_title }}",
            "{{ labels.col_max }}",
            "{{ labels.col_self_max }}",
            "{{ labels.col_score }}",
            "{{ labels.col_owner }}",
            "{{ labels.col_evidence }}",
            "{{ labels.col_explanation }}",
        ],
    )
    tag_row(table, "{%tr for row in rows %}")
    tag_row(table, "{%tr if not row.is_leaf %}")
    value_row(
        table,
        [
            ("{% cellbg row|shade %}{{ row.id }}", None),
            ("{% cellbg row|shade %}{{ row.title }}", None),
            ("{% cellbg row|shade %}{{ row.max|num }}", "right"),
            (
                "{% cellbg row|shade %}{% if row.self_max %}{{ row.self_max|num }}{% else %}—{% endif %}",
                "right",
            ),
            (
                '{% cellbg row|shade %}{{r row|score_text(labels)|strong(row.status == "group", 11) }}',
                "right",
            ),
            ("{% cellbg row|shade %}", None),
            ("{% cellbg row|shade %}", None),
            ("{% cellbg row|shade %}", None),
        ],
        bold=True,
        keep_next=True,
    )
    leaf = [
        ("{{ row.id }}", None),
        ("{{ row.title }}", None),
        ("{{ row.max|num }}", "right"),
        ("{% if row.self_max %}{{ row.self_max|num }}{% else %}—{% endif %}", "right"),
        ("{{ row|score_text(labels) }}", "right"),
        ("{{ row.owners_text }}", None),
        (
            "{% if row.evidence %}{{ row.evidence_text }}{% elif not row.ministry %}{{ labels.evidence_none }}{% endif %}",
            None,
        ),
        (
            "{{ row.explanation_text }}{% if row.comment_text %}{% if row.explanation_text %}\n{% endif %}{{ row.comment_text }}{% endif %}",
            None,
        ),
    ]
    tag_row(table, "{%tr elif loop.last %}")
    value_row(table, leaf, keep_next=True)  # the last row stays with the total
    tag_row(table, "{%tr else %}")
    value_row(table, leaf)
    tag_row(table, "{%tr endif %}")
    tag_row(table, "{%tr endfor %}")
    value_row(
        table,
        [
            ("", None),
            (
                f"{{% if {AGENCY} %}}{{{{ labels.total_agency }}}}{{% else %}}{{{{ labels.total }}}}{{% endif %}}",
                None,
            ),
            ("{{ total.full_max|num }}", "right"),
            ("{{ total.max|num }}", "right"),
            ("{{ total.score|num }}", "right"),
            ("", None),
            ("", None),
            ("", None),
        ],
        bold=True,
        fill=SHADE_HEAD,
        keep_next=True,
    )
    row = value_row(
        table,
        [
            ("{{ labels.percent_row }}", None),
            ("", None),
            ("", None),
            ("", None),
            ("{{ total.percent|pct }}", "right"),
            ("", None),
            ("", None),
            ("", None),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)
    merge_row(row, 5, 7)
    merge_row(row, 0, 3)


def cooperation_table(doc: Any) -> None:
    widths = [1.4, 7.3, 4.0, 6.0, 6.0]
    table = data_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_owner }}",
            "{{ labels.col_evidence }}",
            "{{ labels.col_comment }}",
        ],
    )
    tag_row(table, "{%tr for row in cooperation %}")
    value_row(
        table,
        [
            ("{{ row.id }}", None),
            ("{{ row.title }}", None),
            ("{{ row.owners_text }}", None),
            ("{{ row.evidence_text }}", None),
            ("{{ row.comment_text }}", None),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)


def part_one_tables(doc: Any) -> None:
    """The landscape pages of part I: the detailed table; a department's cooperation."""
    heading(
        doc,
        f"{{% if {AGENCY} %}}{{{{ labels.part_agency_items }}}}{{% else %}}{{{{ labels.part_detail }}}}{{% endif %}}",
    )
    detail_table(doc)
    tag(doc, f"{{%p if {AGENCY} %}}")
    heading(doc, "{{ labels.part_cooperation }}")
    tag(doc, "{%p if cooperation %}")
    cooperation_table(doc)
    tag(doc, "{%p else %}")
    body_par(doc, "{{ labels.none_cooperation }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


# --- parts II and III, the closing, the signature -----------------------------------------------


def part_two(doc: Any) -> None:
    """Items without evidence or with incomplete evidence, each explained (prose)."""
    heading(doc, "{{ labels.section_explanations }}")
    tag(doc, "{%p for row in explanations %}")
    body_par(
        doc,
        "{{ loop.index }}. {{ row.id }} {{ row.title }} ({{ row.owners_text }}).",
        keep_next=True,
    )
    body_par(
        doc,
        "- {{ labels.col_score }}: {{ row|score_text(labels) }}/{{ row.max|num }} {{ labels.points }}.",
        keep_next=True,
        space_after=0,
    )
    body_par(
        doc,
        '- {{ labels.col_evidence }}: {% if row.evidence_status == "none" %}{{ labels.ev_none_short }}.'
        "{% else %}{{ labels.ev_incomplete_short }}: {{ row.evidence_text }}.{% endif %}",
        keep_next=True,
        space_after=0,
    )
    body_par(
        doc,
        "- {{ labels.col_explanation }}: {% if row.explanation_text %}{{ row.explanation_text }}{% else %}{{ labels.no_explanation }}{% endif %}",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not explanations %}")
    body_par(doc, "{{ labels.none_explanations }}")
    tag(doc, "{%p endif %}")


def part_three(doc: Any) -> None:
    """Difficulties and recommendations: the coordinator's notes file (province) or the
    department's ``report.notes``; sub-headings bold at body size; without notes, dotted lines
    to write on (nothing is made up)."""
    heading(doc, "{{ labels.section_notes }}")
    tag(doc, "{%p if notes %}")
    tag(doc, "{%p for b in notes.blocks %}")
    tag(doc, '{%p if b.kind == "list" %}')
    tag(doc, "{%p for item in b.items %}")
    body_par(doc, "{% if b.ordered %}{{ loop.index }}.{% else %}-{% endif %} {{ item }}")
    tag(doc, "{%p endfor %}")
    tag(doc, '{%p elif b.kind == "heading" %}')
    p = body_par(doc, "{{ b.text }}", bold=True, keep_next=True)
    p.runs[0].font.size = Pt(BODY_PT)
    tag(doc, "{%p else %}")
    body_par(doc, "{{ b.text }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    body_par(doc, "{{ labels.fill_blank }}")
    body_par(doc, "{{ labels.fill_blank }}")
    tag(doc, "{%p endif %}")
    body_par(
        doc,
        f"{{% if {AGENCY} %}}{{{{ labels.closing_agency }}}}{{% else %}}{{{{ labels.closing_province }}}}{{% endif %}}",
        keep_next=True,
    )


def signature(doc: Any) -> None:
    """Below the body, never beside a data table: a borderless two-column table that never
    splits across pages. Left (NĐ 30, PL I, mục II.9, nơi nhận): "Nơi nhận:" bold italic
    12 pt, the list 11 pt, ending "- Lưu: VT, …". Right (mục II.7, chức vụ, họ tên và chữ ký):
    the authority (TM.), the deputy line (KT.), the title, bold capitals 14 pt; room for the
    signature and the seal (mục II.8); the name bold 14 pt, no academic title."""
    widths = [7.0, PORTRAIT_TEXT_CM - 7.0]
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    cell_margins(table, 0.05)
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    cell_text(left, "{{ labels.recipients }}:", bold=True, italic=True, size=12)
    left.add_paragraph().add_run("{%p for r in form.recipients %}")
    p = left.add_paragraph()
    p.add_run("- {{ r }}").font.size = Pt(11)
    left.add_paragraph().add_run("{%p endfor %}")
    p = left.add_paragraph()
    p.add_run("- {{ form.archive }}").font.size = Pt(11)
    for q in left.paragraphs:
        q.paragraph_format.space_after = Pt(0)
        q.paragraph_format.first_line_indent = Cm(0)
        q.paragraph_format.line_spacing = 1.0
    cell_text(right, "{%p if form.signer.authority %}", align="center")
    signer_line(right, "{{ form.signer.authority }}")
    right.add_paragraph().add_run("{%p endif %}")
    right.add_paragraph().add_run("{%p if form.signer.deputy %}")
    signer_line(right, "{{ form.signer.deputy }}")
    right.add_paragraph().add_run("{%p endif %}")
    signer_line(right, "{{ form.signer.title }}")
    for _ in range(5):  # room for the signature and the seal
        signer_line(right, "")
    signer_line(right, "{{ form.signer.name }}")
    for q in right.paragraphs:
        q.alignment = ALIGN["center"]
        q.paragraph_format.space_after = Pt(0)
        q.paragraph_format.first_line_indent = Cm(0)
        q.paragraph_format.keep_with_next = True
    fix_widths(table, widths)


def signer_line(cell: Any, text: str) -> None:
    p = cell.add_paragraph()
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(BODY_PT)


# --- appendices --------------------------------------------------------------------------------


def appendix_head(doc: Any, number: str, title: str, *, new_page: bool = False) -> None:
    """NĐ 30, PL I, mục III (phụ lục): "Phụ lục" and its title bold, centred; under them, in
    italics, the document it belongs to: "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)"."""
    p = par(doc, number, bold=True, size=BODY_PT, align="center", space_after=0, keep_next=True)
    if new_page:
        page_break_before(p)
    par(doc, title, bold=True, size=BODY_PT, align="center", space_after=0, keep_next=True)
    par(
        doc,
        "({{ form.attached }})",
        italic=True,
        size=13,
        align="center",
        space_after=6,
        keep_next=True,
    )


def appendix_lost(doc: Any) -> None:
    tag(doc, "{%p if lost %}")
    appendix_head(
        doc,
        f"{{% if {AGENCY} %}}{{{{ labels.appendix_single }}}}{{% else %}}{{{{ labels.appendix_lost_no }}}}{{% endif %}}",
        "{{ labels.appendix_lost_title }}",
    )
    widths = [1.2, 1.3, 7.4, 1.6, 1.8, 1.6, 3.8, 6.0]
    table = data_table(
        doc,
        [
            "{{ labels.col_no }}",
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_max }}",
            "{{ labels.col_score }}",
            "{{ labels.col_lost }}",
            "{{ labels.col_owner }}",
            "{{ labels.col_explanation }}",
        ],
    )
    tag_row(table, "{%tr for row in lost %}")
    value_row(
        table,
        [
            ("{{ loop.index }}", "center"),
            ("{{ row.id }}", None),
            ("{{ row.title }}", None),
            ("{{ row.max|num }}", "right"),
            ("{{ row|score_text(labels) }}", "right"),
            ("{{ row.lost|num }}", "right"),
            ("{{ row.owners_text }}", None),
            ("{{ row.explanation_text }}", None),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    tag(doc, "{%p endif %}")


def appendix_agencies(doc: Any) -> None:
    """Per agency, the leaves it scores alone; the split leaves once each, combined by the
    plan's rule; a total equal to the province's, and the arithmetic shown."""
    tag(doc, f"{{%p if {PROVINCE} %}}")
    appendix_head(
        doc,
        "{{ labels.appendix_agencies_no }}",
        "{{ labels.appendix_agencies_title }}",
        new_page=True,
    )
    widths = [7.0, 1.9, 1.7, 1.7, 2.0, 2.0, 2.0, 1.9, 2.0, 2.5]
    table = data_table(
        doc,
        [
            "{{ labels.col_agency }}",
            "{{ labels.col_items_alone }}",
            "{{ labels.col_scored }}",
            "{{ labels.col_missing }}",
            "{{ labels.col_self_max }}",
            "{{ labels.col_score }}",
            "{{ labels.col_percent }}",
            "{{ labels.col_lost }}",
            "{{ labels.col_split }}",
            "{{ labels.col_cooperating }}",
        ],
    )
    tag_row(table, "{%tr for a in agencies %}")
    value_row(
        table,
        [
            (
                "{{ a.name }}{% if a.is_coordinator %} ({{ labels.coordinator_mark }}){% endif %}",
                None,
            ),
            ("{{ a.sole_items }}", "right"),
            ("{{ a.sole_scored }}", "right"),
            ("{{ a.sole_items - a.sole_scored }}", "right"),
            ("{{ a.sole_max|num }}", "right"),
            ("{{ a.sole_score|num }}", "right"),
            ("{{ a.sole_percent|pct }}", "right"),
            ("{{ a.sole_lost|num }}", "right"),
            ("{{ a.split_items }}", "right"),
            ("{{ a.cooperating }}", "right"),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    row = value_row(
        table,
        [("{{ labels.rec_agencies }}", None)]
        + [("", None)] * 3
        + [
            ("{{ reconciliation.agencies_max|num }}", "right"),
            ("{{ reconciliation.agencies_score|num }}", "right"),
        ]
        + [("", None)] * 4,
        bold=True,
    )
    tag_row(table, "{%tr if reconciliation.split_rows %}")
    heading_row = value_row(
        table, [("{{ labels.split_heading }}", None)] + [("", None)] * 9, bold=True, keep_next=True
    )
    tag_row(table, "{%tr endif %}")
    tag_row(table, "{%tr for r in reconciliation.split_rows %}")
    split_row = value_row(
        table,
        [
            (
                "{{ r.id }} {{ r.title }}. {{ r.parts_text }}; {{ labels.combine_label }}: {{ r.combine_text }}.",
                None,
            ),
            ("1", "right"),
            ('{% if r.status == "scored" %}1{% else %}0{% endif %}', "right"),
            ('{% if r.status == "scored" %}0{% else %}1{% endif %}', "right"),
            ("{{ r.self_max|num }}", "right"),
            ("{{ r|score_text(labels) }}", "right"),
            ("{{ r.percent|pct }}", "right"),
            ("{{ r.lost|num }}", "right"),
            ("", None),
            ("", None),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    tag_row(table, "{%tr if reconciliation.rest_max %}")
    value_row(
        table,
        [("{{ labels.rec_rest }}", None)]
        + [("", None)] * 3
        + [
            ("{{ reconciliation.rest_max|num }}", "right"),
            ("{{ reconciliation.rest_score|num }}", "right"),
        ]
        + [("", None)] * 4,
    )
    tag_row(table, "{%tr endif %}")
    value_row(
        table,
        [
            ("{{ labels.total_all }}", None),
            ("{{ total.items }}", "right"),
            ("{{ total.scored }}", "right"),
            ("{{ total.missing }}", "right"),
            ("{{ total.max|num }}", "right"),
            ("{{ total.score|num }}", "right"),
            ("{{ total.percent|pct }}", "right"),
            ("{{ total.lost|num }}", "right"),
            ("", None),
            ("", None),
        ],
        bold=True,
        fill=SHADE_HEAD,
    )
    fix_widths(table, widths)
    merge_row(row, 0, 3)
    merge_row(heading_row, 0, 9)
    del split_row
    body_par(
        doc,
        "{{ labels.rec_check }}: {{ reconciliation.agencies_score|num }} + {{ reconciliation.split_score|num }}"
        "{% if reconciliation.rest_max %} + {{ reconciliation.rest_score|num }}{% endif %} = {{ reconciliation.total_score|num }} {{ labels.points }}; "
        "{{ labels.rec_check_max }}: {{ reconciliation.agencies_max|num }} + {{ reconciliation.split_max|num }}"
        "{% if reconciliation.rest_max %} + {{ reconciliation.rest_max|num }}{% endif %} = {{ reconciliation.total_max|num }} {{ labels.points }}.",
        space_before=6,
    )
    tag(doc, "{%p if reconciliation.split_rows %}")
    body_par(
        doc,
        "{{ labels.rec_parts }}: {{ reconciliation.parts_score|num }}/{{ reconciliation.parts_max|num }} {{ labels.points }}. {{ labels.rec_parts_why }}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")


# --- the two documents -------------------------------------------------------------------------


def build_report() -> bytes:
    doc = new_document()
    headers(doc.sections[0], width_cm=PORTRAIT_TEXT_CM, first_page=True)
    letterhead(doc)
    title_block(doc)
    body_par(doc, "{{ form.opening }}")
    part_one(doc)
    new_section(doc, landscape=True)
    part_one_tables(doc)
    new_section(doc, landscape=False)
    part_two(doc)
    part_three(doc)
    signature(doc)
    new_section(doc, landscape=True)
    appendix_lost(doc)
    appendix_agencies(doc)
    return finish(doc, "cchc — report template")


def build_companion() -> bytes:
    """The internal technical appendix (not signed): why the report is a draft, where its
    figures come from, the checks, the input files and their SHA-256."""
    doc = new_document()
    headers(doc.sections[0], width_cm=PORTRAIT_TEXT_CM, first_page=True)
    par(
        doc,
        "{{ labels.companion_heading }}",
        bold=True,
        size=BODY_PT,
        align="center",
        space_after=0,
    )
    par(doc, "{{ labels.companion_note }}", italic=True, size=13, align="center", space_after=6)
    par(doc, "{{ labels.report_word }} {{ title }}", bold=True, align="center", space_after=0)
    par(
        doc,
        "{{ form.number_line }} — {{ form.date_line }}",
        italic=True,
        size=13,
        align="center",
        space_after=12,
    )
    heading(doc, "{{ labels.companion_status }}")
    body_par(
        doc,
        "{% if draft %}{{ labels.companion_is_draft }}{% else %}{{ labels.companion_is_final }}{% endif %}",
    )
    tag(doc, "{%p for reason in draft_reasons %}")
    body_par(doc, "- {{ reason }}")
    tag(doc, "{%p endfor %}")
    heading(doc, "{{ labels.companion_sources }}")
    body_par(
        doc,
        "- {{ labels.methodology }}: {{ methodology.name }} — {{ methodology.decision }}{% if methodology.decision_date %} ({{ methodology.decision_date_text }}){% endif %}; {% if methodology.working %}{{ labels.companion_working }}{% else %}{{ labels.companion_confirmed }}{% endif %}.",
        space_after=0,
    )
    body_par(
        doc,
        "- {{ labels.plan }}: {{ plan.title }}{% if plan.number %} — {{ plan.number }}{% endif %}{% if plan.date %} ({{ plan.date_text }}){% endif %}.",
        space_after=0,
    )
    body_par(doc, "- {{ labels.coordinator }}: {{ coordinator.name }}.")
    heading(doc, "{{ labels.companion_files }}")
    widths = [7.0, 5.0, 4.0]
    table = data_table(
        doc, ["{{ labels.col_agency }}", "{{ labels.col_file }}", "{{ labels.col_file_status }}"]
    )
    tag_row(table, f"{{%tr for a in (agencies if {PROVINCE} else [agency]) %}}")
    value_row(
        table,
        [
            ("{{ a.name }} ({{ a.code }})", None),
            ("{% if a.file %}{{ a.file }}{% else %}{{ labels.file_none }}{% endif %}", None),
            (
                '{% if a.file_status == "submitted" %}{{ labels.file_submitted }}{% elif a.file %}{{ labels.file_draft }}{% endif %}',
                None,
            ),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    heading(doc, "{{ labels.companion_validation }}")
    body_par(
        doc,
        "{% if validation.ok %}{{ labels.validation_ok }}{% else %}{{ labels.validation_errors }}{% endif %} ({{ validation.summary }})",
    )
    tag(doc, "{%p if validation.items %}")
    widths = [1.8, 1.9, 5.0, 7.3]
    table = data_table(
        doc,
        [
            "{{ labels.col_severity }}",
            "{{ labels.col_code }}",
            "{{ labels.col_where }}",
            "{{ labels.col_message }}",
        ],
    )
    tag_row(table, "{%tr for d in validation.items %}")
    value_row(
        table,
        [
            ("{{ d.severity_text }}", None),
            ("{{ d.code }}", None),
            ("{{ d.where }}", None),
            ("{{ d.message }}", None),
        ],
    )
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    tag(doc, "{%p endif %}")
    heading(doc, "{{ labels.companion_checksums }}")
    widths = [6.0, 10.0]
    table = data_table(doc, ["{{ labels.col_file }}", "{{ labels.col_sha256 }}"])
    tag_row(table, "{%tr for c in checksums %}")
    row = value_row(table, [("{{ c.file }}", None), ("{{ c.sha256 }}", None)])
    for run in row.cells[1].paragraphs[0].runs:
        run.font.size = Pt(8)
        run.font.name = "Courier New"
    tag_row(table, "{%tr endfor %}")
    fix_widths(table, widths)
    # after the submission: the Ministry's appraisal, never in the signed self-assessment
    tag(doc, "{%p if appraisal %}")
    heading(doc, "{{ labels.companion_appraisal }}")
    body_par(doc, "{{ appraisal.text }}")
    tag(doc, "{%p endif %}")
    return finish(doc, "cchc — companion template")


def finish(doc: Any, title: str) -> bytes:
    props = doc.core_properties
    props.title = title
    props.author = "cchc"
    props.last_modified_by = "cchc"
    props.comments = "Generated by scripts/make_docx_template.py"
    props.language = "vi-VN"
    props.revision = 1
    props.created = props.modified = EPOCH
    props.last_printed = EPOCH
    buffer = io.BytesIO()
    doc.save(buffer)
    return fix_zip(buffer.getvalue())


def fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, so the same content gives the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "templates"
    for name, data in (("report.docx", build_report()), ("companion.docx", build_companion())):
        target = folder / name
        target.write_bytes(data)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
