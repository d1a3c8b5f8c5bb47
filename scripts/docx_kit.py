"""Building blocks of the Word templates (used by scripts/make_docx_template.py only).

Every size, margin and rule here follows Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I ("NĐ 30,
PL I" below): mục I is the general rules (paper, orientation, margins, font, sizes, page
numbers), mục II the elements of the form (II.1 Quốc hiệu và Tiêu ngữ, II.2 tên cơ quan ban
hành, II.3 số và ký hiệu, II.4 địa danh và thời gian, II.5 tên loại và trích yếu, II.6 nội dung,
II.7 chức vụ, họ tên và chữ ký, II.8 dấu, II.9 nơi nhận), mục III the appendices, mục V the
table of type sizes. Each comment names the element as well as the number. Of the two
consistent sets of sizes the decree allows (Quốc hiệu 12 with Tiêu ngữ and date 13, or 13
with 14), the templates use the first: Quốc hiệu 12, issuing body 12, Tiêu ngữ 13, number 13,
date 13; type name, summary, body and signature 14.

python-docx writes the layout, the text holds docxtpl (Jinja) tags that cchc fills when it
renders a report.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

#: NĐ 30, PL I, mục I.4 (phông chữ): Times New Roman, Unicode (TCVN 6909:2001), black
FONT = "Times New Roman"
#: the document's language: Word spell-checks the text as Vietnamese, not English
LANG = "vi-VN"
#: NĐ 30, PL I, mục II.6 (nội dung) and mục V: body text 13–14 pt
BODY_PT = 14
#: table text: NĐ 30 sets no size for tables; 11 pt keeps the wide tables readable in print
TABLE_PT = 11
#: NĐ 30, PL I, mục II.6 (nội dung): first-line indent 1 or 1.27 cm, paragraphs at least
#: 6 pt apart, line spacing from single to 1.5 lines
INDENT_CM = 1.27
SPACE_PT = 6
#: NĐ 30, PL I, mục I.1 (khổ giấy) A4; mục I.3 (định lề trang): top and bottom 20–25 mm,
#: left 30–35 mm, right 15–20 mm
PAGE_W_CM, PAGE_H_CM = 21.0, 29.7
MARGIN_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 2.0}
#: NĐ 30, PL I, mục I.7 (số trang): centred in the top margin, 13–14 pt, not on page 1
HEADER_CM = 1.0
#: text width of a portrait page and of a landscape page (tables)
PORTRAIT_TEXT_CM = PAGE_W_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
LANDSCAPE_TEXT_CM = PAGE_H_CM - MARGIN_CM["left"] - MARGIN_CM["right"]
#: shading of area and criterion rows in the tables
SHADE_HEAD = "EEF1F6"

#: what follows w:pBdr in w:pPr, w:shd in w:tcPr, w:tblBorders and w:tblCellMar in w:tblPr
#: (the schema's order: Word refuses some files whose elements are out of order)
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                      "w:tblDescription", "w:tblPrChange")  # fmt: skip
_AFTER_TBL_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")

ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


# --- document-wide -------------------------------------------------------------------------


def _set_fonts(r_pr: Any, size_pt: float | None = None) -> None:
    """Times New Roman for every script (no theme font may override it), Vietnamese."""
    for old in r_pr.findall(qn("w:rFonts")):
        r_pr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    r_pr.insert(0, fonts)
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            for old in r_pr.findall(qn(tag)):
                r_pr.remove(old)
            el = OxmlElement(tag)
            el.set(qn("w:val"), str(int(size_pt * 2)))
            r_pr.append(el)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)
    lang.set(qn("w:bidi"), "ar-SA")
    # schema order: w:lang after w:sz/w:szCs, before w:eastAsianLayout and later elements
    r_pr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def setup_styles(doc: Any) -> None:
    """Document defaults and every style: Times New Roman (NĐ 30, PL I, mục I.4), vi-VN, the
    body size (mục II.6), line spacing 1.1 and 6 pt between paragraphs."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr, BODY_PT)
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            _set_fonts(rpr)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr(), BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(SPACE_PT)
    fmt.line_spacing = 1.1
    for name in ("Header", "Footer", "Table Grid"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        # the built-in header/footer tab stops (8.25 cm, 16.5 cm) fit no page of ours: each
        # header sets its own for its section's width
        p_pr = style.element.pPr
        tabs = p_pr.find(qn("w:tabs")) if p_pr is not None else None
        if tabs is not None:
            p_pr.remove(tabs)


def add_rule_styles(doc: Any) -> None:
    """Two paragraph styles cchc recognises when it renders (report/docx_rules.py):

    * ``CchcRuleFull`` — a rule exactly as long as the line above it: under the Tiêu ngữ
      (NĐ 30, PL I, mục II.1, Quốc hiệu và Tiêu ngữ: a solid line as long as the text);
    * ``CchcRuleShort`` — a rule 1/3 to 1/2 as long as the line above it, centred: under the
      issuing body (mục II.2, tên cơ quan ban hành) and under the summary (mục II.5, trích
      yếu).

    The rule is the paragraph's top border; cchc sets the paragraph's indents from the text
    above (which it only knows once the report is rendered: a department's name).
    """
    from docx.enum.style import WD_STYLE_TYPE

    for name in ("CchcRuleFull", "CchcRuleShort"):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(2)
        fmt = style.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(2)
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p_pr = style.element.get_or_add_pPr()
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        top.set(qn("w:val"), "single")
        top.set(qn("w:sz"), "6")
        top.set(qn("w:space"), "1")
        top.set(qn("w:color"), "000000")
        borders.append(top)
        p_pr.insert_element_before(borders, *_AFTER_PBDR)


def rule(container: Any, kind: str, width_cm: float, default_cm: float) -> Any:
    """A rule paragraph (see :func:`add_rule_styles`), centred in ``width_cm`` with a default
    length ``default_cm`` until cchc measures the text above it."""
    p = container.add_paragraph(style=f"CchcRule{kind}")
    side = max((width_cm - default_cm) / 2, 0)
    p.paragraph_format.left_indent = Cm(side)
    p.paragraph_format.right_indent = Cm(side)
    return p


# --- pages ---------------------------------------------------------------------------------


def page(section: Any, *, landscape: bool = False) -> None:
    """A4 portrait (prose), or landscape for the wide tables (NĐ 30, PL I, mục I.2: a table
    may be laid out across the page), with the margins of mục I.3."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        section.page_width, section.page_height = Cm(PAGE_H_CM), Cm(PAGE_W_CM)
    else:
        section.page_width, section.page_height = Cm(PAGE_W_CM), Cm(PAGE_H_CM)
    section.top_margin = Cm(MARGIN_CM["top"])
    section.bottom_margin = Cm(MARGIN_CM["bottom"])
    section.left_margin = Cm(MARGIN_CM["left"])
    section.right_margin = Cm(MARGIN_CM["right"])
    section.header_distance = Cm(HEADER_CM)
    section.footer_distance = Cm(HEADER_CM)


def page_number_field(paragraph: Any) -> None:
    """A PAGE field: Arabic numerals, 13 pt, upright (NĐ 30, PL I, mục I.7, số trang)."""
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            run._r.append(el)
            continue
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "2"
            run._r.append(t)


# --- paragraphs ----------------------------------------------------------------------------


def par(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: str | None = None,
    indent: bool = False,
    space_after: float | None = None,
    space_before: float | None = None,
    keep_next: bool = False,
    caps: bool = False,
) -> Any:
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        run.font.all_caps = caps or None
        if size:
            run.font.size = Pt(size)
    if align:
        p.alignment = ALIGN[align]
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Cm(INDENT_CM)
    if space_after is not None:
        fmt.space_after = Pt(space_after)
    if space_before is not None:
        fmt.space_before = Pt(space_before)
    if keep_next:
        fmt.keep_with_next = True
    return p


def tag(container: Any, text: str) -> Any:
    """A paragraph holding only a docxtpl paragraph tag ``{%p … %}`` (removed when rendered)."""
    p = container.add_paragraph()
    p.add_run(text)
    p.paragraph_format.space_after = Pt(0)
    return p


def page_break_before(paragraph: Any) -> None:
    paragraph.paragraph_format.page_break_before = True


# --- tables --------------------------------------------------------------------------------


def _tr_flag(row: Any, name: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(name)
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def cant_split(row: Any) -> None:
    """No row ever splits across two pages."""
    _tr_flag(row, "w:cantSplit")


def repeat_header(row: Any) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    _tr_flag(row, "w:tblHeader")


def shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.insert_element_before(shd, *_AFTER_SHD)


def cell_text(
    cell: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str | None = None,
    size: float = TABLE_PT,
    keep_next: bool = False,
) -> Any:
    p = cell.paragraphs[0]
    for old in list(p.runs):
        old._r.getparent().remove(old._r)
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        run.font.size = Pt(size)
    if align:
        p.alignment = ALIGN[align]
    fmt = p.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Cm(0)
    if keep_next:
        fmt.keep_with_next = True
    return p


def fix_widths(table: Any, widths: list[float]) -> None:
    """Word reads the cells' widths, LibreOffice the grid: set both, and a fixed layout."""
    table.autofit = False
    for i, w in enumerate(widths):
        table.columns[i].width = Cm(w)
    for r in table.rows:
        for i, w in enumerate(widths):
            if i < len(r.cells):
                r.cells[i].width = Cm(w)


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, *_AFTER_TBL_BORDERS)


def cell_margins(table: Any, side_cm: float) -> None:
    """Narrow left/right cell margins (the letterhead's Quốc hiệu needs the width)."""
    tbl_pr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(side_cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tbl_pr.insert_element_before(mar, *_AFTER_TBL_CELL_MAR)


def data_table(doc: Any, headers: list[str]) -> Any:
    """A bordered data table with its header row (bold, shaded, repeated, never split)."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell_text(table.rows[0].cells[i], text, bold=True, align="center")
        shade(table.rows[0].cells[i], SHADE_HEAD)
    repeat_header(table.rows[0])
    cant_split(table.rows[0])
    return table


def tag_row(table: Any, text: str) -> Any:
    """A row holding only a docxtpl row tag ``{%tr … %}`` (removed when rendered)."""
    row = table.add_row()
    cell_text(row.cells[0], text)
    return row


def value_row(
    table: Any,
    cells: list[tuple[str, str | None]],
    *,
    bold: bool = False,
    keep_next: bool = False,
    fill: str | None = None,
) -> Any:
    """A table row of (text, alignment) cells, never split across pages."""
    row = table.add_row()
    for i, (text, align) in enumerate(cells):
        cell_text(row.cells[i], text, bold=bold, align=align, keep_next=keep_next)
        if fill:
            shade(row.cells[i], fill)
    cant_split(row)
    return row


def merge_row(row: Any, start: int, end: int) -> Any:
    """Merge the cells ``start``..``end`` of a row; returns the merged cell, with the empty
    paragraphs the merged cells brought along removed (they would make the row tall)."""
    cell = row.cells[start].merge(row.cells[end])
    for p in cell.paragraphs[1:]:
        if not p.text:
            p._p.getparent().remove(p._p)
    return cell
