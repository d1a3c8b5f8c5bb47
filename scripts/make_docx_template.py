"""Generate templates/report.docx: the Word template of the report, with docxtpl (Jinja) tags.

Run from the repository root after changing it, then commit the .docx it writes:

    python scripts/make_docx_template.py            # writes templates/report.docx
    python scripts/make_docx_template.py OUT.docx

A province may instead edit templates/report.docx in Word and put its copy in its template
folder. Tags used (docxtpl syntax):

* ``{{ expr }}`` — text (escaped automatically: ``&``, ``<`` in explanations survive);
* ``{{r expr|strong(cond) }}`` — bold text when ``cond`` (a docxtpl RichText run);
* ``{%tr for … %}`` / ``{%tr endfor %}`` — a table row repeated;
* ``{%p if … %}`` / ``{%p endif %}`` — paragraphs (and tables) shown conditionally;
* ``{% cellbg row|shade %}`` — a table cell's background (area/criterion rows shaded).

Variables and filters are the same as in the HTML/Markdown templates (README, "Báo cáo"). The
output is deterministic: fixed core properties and zip timestamps, so the committed file only
changes when this script does.
"""

# ruff: noqa: E501  (Jinja tag strings are kept whole so they read like the document)
from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Times New Roman"
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)


def par(
    container,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str | None = None,
    color: RGBColor | None = None,
    space_after: float = 4,
):
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.space_after = Pt(space_after)
    return p


def tag(container, text: str):
    """A paragraph holding only a docxtpl paragraph/row tag (removed when rendered)."""
    p = container.add_paragraph()
    p.add_run(text)
    p.paragraph_format.space_after = Pt(0)
    return p


def cell_text(
    cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str | None = None,
    size: float = 10,
) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    run.font.size = Pt(size)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def loop_table(
    doc,
    headers: list[str],
    cells: list[tuple[str, str | None]],
    loop: str,
    widths: list[float],
    total: list[tuple[str, str | None]] | None = None,
):
    """A table: header row, ``{%tr for %}`` row, the repeated row, ``{%tr endfor %}``, total."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell_text(table.rows[0].cells[i], text, bold=True, align="center")
        shade(table.rows[0].cells[i], "EEF1F6")
    repeat_header(table.rows[0])
    row = table.add_row()
    cell_text(row.cells[0], "{%tr " + loop + " %}")
    row = table.add_row()
    for i, (text, align) in enumerate(cells):
        cell_text(row.cells[i], text, align=align)
    row = table.add_row()
    cell_text(row.cells[0], "{%tr endfor %}")
    if total:
        row = table.add_row()
        for i, (text, align) in enumerate(total):
            cell_text(row.cells[i], text, bold=True, align=align)
            shade(row.cells[i], "EEF1F6")
    # Word reads the cells' widths, LibreOffice the table grid: set both, and a fixed layout so
    # neither re-balances the columns evenly.
    table.autofit = False
    for i, w in enumerate(widths):
        table.columns[i].width = Cm(w)
    for r in table.rows:
        for i, w in enumerate(widths):
            r.cells[i].width = Cm(w)
    return table


def page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = section.bottom_margin = Cm(1.8)


def build() -> bytes:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)

    # Header: the draft mark on every page (empty in a final report). Footer: page number.
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run("{{ draft_mark }}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0xB3, 0x26, 0x1E)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_number_field(footer)

    # Letterhead: issuing body (left) and national motto (right).
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    cell_text(
        left,
        "{% for line in letterhead %}{{ line }}{% if not loop.last %}\n{% endif %}{% endfor %}",
        bold=True,
        align="center",
        size=12,
    )
    cell_text(right, "{{ labels.nation }}", bold=True, align="center", size=12)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ labels.motto }}")
    r.bold = True
    r.underline = True
    r.font.size = Pt(12)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{% if date %}{{ labels.generated }}: {{ date_text }}{% endif %}")
    r.italic = True
    r.font.size = Pt(12)

    tag(doc, "{%p if draft %}")
    par(
        doc,
        "{{ draft_mark }} — {{ labels.draft_notice }}",
        bold=True,
        align="center",
        color=RGBColor(0xB3, 0x26, 0x1E),
    )
    tag(doc, "{%p endif %}")
    par(doc, "{{ labels.report_word }}", bold=True, size=14, align="center", space_after=0)
    par(doc, "{{ title }}", bold=True, align="center", space_after=12)

    par(
        doc,
        "{{ labels.methodology }}: {{ methodology.name }} — {{ methodology.decision }}"
        "{% if methodology.decision_date %} ({{ methodology.decision_date_text }}){% endif %}",
    )
    par(
        doc,
        "{{ labels.plan }}: {{ plan.title }}{% if plan.number %} — {{ plan.number }}{% endif %}"
        "{% if plan.date %} ({{ plan.date_text }}){% endif %}",
    )
    par(doc, "{{ labels.coordinator }}: {{ coordinator.name }}")
    tag(doc, '{%p if mode == "agency" and agency.file %}')
    par(doc, "{{ labels.agency_file }}: {{ agency.file }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if plan.based_on %}")
    par(doc, "{{ labels.based_on }}:", bold=True)
    tag(doc, "{%p for item in plan.based_on %}")
    par(doc, "– {{ item }}", align="justify")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if methodology.working %}")
    par(
        doc,
        "{{ labels.working_notice }}",
        italic=True,
        size=11,
        align="justify",
        color=RGBColor(0xB3, 0x26, 0x1E),
    )
    tag(doc, "{%p endif %}")

    # Section I and the tables: landscape pages.
    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(wide)
    par(
        doc,
        '{% if mode == "agency" %}{{ labels.section_agency_summary }}{% else %}'
        "{{ labels.section_summary }}{% endif %}",
        bold=True,
    )
    par(doc, "{{ labels.section_summary_intro }}", italic=True, size=11)
    loop_table(
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
        [
            ("{% cellbg row|shade %}{{r row.id|strong(not row.is_leaf) }}", None),
            ("{% cellbg row|shade %}{{r row.title|strong(not row.is_leaf) }}", None),
            ("{% cellbg row|shade %}{{ row.max|num }}", "right"),
            (
                "{% cellbg row|shade %}{% if row.self_max %}{{ row.self_max|num }}{% else %}—{% endif %}",
                "right",
            ),
            (
                "{% cellbg row|shade %}{{r row|score_text(labels)|strong(not row.is_leaf) }}",
                "right",
            ),
            ("{% cellbg row|shade %}{{ row.owners_text }}", None),
            (
                "{% cellbg row|shade %}{% if row.evidence %}{{ row.evidence_text }}{% elif row.is_leaf and not row.ministry %}"
                "{{ labels.evidence_none }}{% endif %}",
                None,
            ),
            (
                "{% cellbg row|shade %}{{ row.explanation_text }}{% if row.comment_text %}"
                "{% if row.explanation_text %}\n{% endif %}{{ row.comment_text }}{% endif %}",
                None,
            ),
        ],
        "for row in rows",
        [1.4, 6.0, 1.6, 1.8, 1.8, 3.2, 5.2, 5.0],
        total=[
            ("", None),
            (
                '{% if mode == "agency" %}{{ labels.total_agency }}{% else %}{{ labels.total }}{% endif %}',
                None,
            ),
            ("", None),
            ("{{ total.max|num }}", "right"),
            ("{{ total.score|num }}", "right"),
            ("{{ total.percent|pct }}", None),
            ("", None),
            ("", None),
        ],
    )
    par(
        doc,
        '{% if mode == "agency" %}{{ labels.total_agency }}{% else %}{{ labels.total_line }}{% endif %}: '
        "{{ total.score|num }} {{ labels.out_of }} {{ total.max|num }} {{ labels.points }} "
        "({{ total.percent|pct }}).",
        bold=True,
    )

    tag(doc, '{%p if mode == "province" %}')
    par(doc, "{{ labels.ministry_items }}", bold=True)
    loop_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_method }}",
            "{{ labels.col_max }}",
        ],
        [
            ("{{ row.id }}", None),
            ("{{ row.title }}", None),
            (
                '{% if row.method == "sipas" %}{{ labels.method_sipas }}{% else %}{{ labels.method_survey }}{% endif %}',
                None,
            ),
            ("{{ row.max|num }}", "right"),
        ],
        "for row in ministry_items",
        [1.6, 14.0, 6.0, 2.4],
        total=[
            ("", None),
            ("{{ labels.ministry_total }}", None),
            ("", None),
            ("{{ total.ministry_max|num }}", "right"),
        ],
    )
    par(doc, "{{ labels.full_max }}: {{ total.full_max|num }} {{ labels.points }}.")
    tag(doc, "{%p endif %}")

    # II. Explanations.
    par(doc, "{{ labels.section_explanations }}", bold=True)
    tag(doc, "{%p if explanations %}")
    loop_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_score }}",
            "{{ labels.col_evidence }}",
            "{{ labels.col_explanation }}",
        ],
        [
            ("{{ row.id }}", None),
            ("{{ row.title }}\n{{ row.owners_text }}", None),
            ("{{ row|score_text(labels) }} / {{ row.max|num }}", "right"),
            (
                '{% if row.evidence_status == "none" %}{{ labels.evidence_none }}{% else %}'
                "{{ labels.evidence_incomplete }}\n{{ row.evidence_text }}{% endif %}",
                None,
            ),
            (
                "{% if row.explanation_text %}{{ row.explanation_text }}{% else %}{{ labels.no_explanation }}{% endif %}",
                None,
            ),
        ],
        "for row in explanations",
        [1.6, 7.0, 2.4, 6.5, 8.5],
    )
    tag(doc, "{%p else %}")
    par(doc, "{{ labels.none_explanations }}")
    tag(doc, "{%p endif %}")

    # III. Difficulties and recommendations (province) / cooperation (agency).
    tag(doc, '{%p if mode == "province" %}')
    par(doc, "{{ labels.section_notes }}", bold=True)
    tag(doc, "{%p if notes %}")
    tag(doc, "{%p for b in notes.blocks %}")
    tag(doc, '{%p if b.kind == "list" %}')
    tag(doc, "{%p for item in b.items %}")
    par(
        doc, "{% if b.ordered %}{{ loop.index }}.{% else %}–{% endif %} {{ item }}", align="justify"
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    par(doc, '{{r b.text|strong(b.kind == "heading") }}', align="justify")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    par(doc, "{{ labels.no_notes }}", italic=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p else %}")
    par(doc, "{{ labels.section_cooperation }}", bold=True)
    tag(doc, "{%p if cooperation %}")
    loop_table(
        doc,
        [
            "{{ labels.col_id }}",
            "{{ labels.col_item }}",
            "{{ labels.col_owner }}",
            "{{ labels.col_evidence }}",
            "{{ labels.col_comment }}",
        ],
        [
            ("{{ row.id }}", None),
            ("{{ row.title }}", None),
            ("{{ row.owners_text }}", None),
            ("{{ row.evidence_text }}", None),
            ("{{ row.comment_text }}", None),
        ],
        "for row in cooperation",
        [1.6, 7.0, 4.4, 6.5, 6.5],
    )
    tag(doc, "{%p else %}")
    par(doc, "{{ labels.none_cooperation }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    # Signature.
    par(
        doc,
        '{% if mode == "agency" %}{{ labels.signature_agency }}{% else %}{{ labels.signature }}{% endif %}',
        bold=True,
        align="right",
        space_after=48,
    )

    # Appendices.
    par(doc, "{{ labels.appendices }}", bold=True, align="center")
    par(doc, "{{ labels.appendix_lost }}", bold=True)
    tag(doc, "{%p if lost %}")
    loop_table(
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
        [
            ("{{ loop.index }}", "right"),
            ("{{ row.id }}", None),
            ("{{ row.title }}", None),
            ("{{ row.max|num }}", "right"),
            ("{{ row|score_text(labels) }}", "right"),
            ("{{ row.lost|num }}", "right"),
            ("{{ row.owners_text }}", None),
            ("{{ row.explanation_text }}", None),
        ],
        "for row in lost",
        [1.0, 1.5, 6.5, 1.6, 1.8, 1.6, 4.0, 8.0],
    )
    tag(doc, "{%p else %}")
    par(doc, "{{ labels.none_lost }}")
    tag(doc, "{%p endif %}")

    tag(doc, '{%p if mode == "province" %}')
    par(doc, "{{ labels.appendix_agencies }}", bold=True)
    loop_table(
        doc,
        [
            "{{ labels.col_agency }}",
            "{{ labels.col_items }}",
            "{{ labels.col_scored }}",
            "{{ labels.col_missing }}",
            "{{ labels.col_self_max }}",
            "{{ labels.col_score }}",
            "{{ labels.col_percent }}",
            "{{ labels.col_lost }}",
            "{{ labels.col_cooperating }}",
            "{{ labels.col_file }}",
        ],
        [
            (
                "{{ a.name }} ({{ a.code }}){% if a.is_coordinator %} — {{ labels.coordinator_mark }}{% endif %}",
                None,
            ),
            ("{{ a.items }}", "right"),
            ("{{ a.scored }}", "right"),
            ("{{ a.missing }}", "right"),
            ("{{ a.max|num }}", "right"),
            ("{{ a.score|num }}", "right"),
            ("{{ a.percent|pct }}", "right"),
            ("{{ a.lost|num }}", "right"),
            ("{{ a.cooperating }}", "right"),
            ("{% if a.file %}{{ a.file }}{% else %}{{ labels.file_none }}{% endif %}", None),
        ],
        "for a in agencies",
        [6.0, 1.8, 1.6, 1.6, 2.0, 2.0, 2.0, 1.8, 1.8, 5.0],
    )
    tag(doc, "{%p endif %}")

    par(doc, "{{ labels.appendix_validation }}", bold=True)
    par(
        doc,
        "{% if validation.ok %}{{ labels.validation_ok }}{% else %}{{ labels.validation_errors }}{% endif %}"
        " ({{ validation.summary }})",
    )
    tag(doc, "{%p if validation.items %}")
    loop_table(
        doc,
        [
            "{{ labels.col_severity }}",
            "{{ labels.col_code }}",
            "{{ labels.col_where }}",
            "{{ labels.col_message }}",
        ],
        [
            ("{{ d.severity_text }}", None),
            ("{{ d.code }}", None),
            ("{{ d.where }}", None),
            ("{{ d.message }}", None),
        ],
        "for d in validation.items",
        [2.2, 2.2, 6.0, 15.0],
    )
    tag(doc, "{%p endif %}")

    par(doc, "{{ labels.appendix_checksums }}", bold=True)
    loop_table(
        doc,
        ["{{ labels.col_file }}", "{{ labels.col_sha256 }}"],
        [("{{ c.file }}", None), ("{{ c.sha256 }}", None)],
        "for c in checksums",
        [9.0, 16.4],
    )

    props = doc.core_properties
    props.title = "cchc — report template"
    props.author = "cchc"
    props.last_modified_by = "cchc"
    props.comments = "Generated by scripts/make_docx_template.py"
    props.revision = 1
    props.created = props.modified = EPOCH.replace(tzinfo=None)
    props.last_printed = EPOCH.replace(tzinfo=None)

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
    target = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[1] / "templates" / "report.docx"
    )
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
