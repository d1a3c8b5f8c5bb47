"""Finishing touches on a rendered Word report that only the rendered text can decide.

* **Rules sized to their text.** Nghị định 30/2020, Phụ lục I wants a rule as long as the
  Tiêu ngữ under it, and rules 1/3–1/2 as long as the line under the issuing body and under the
  summary. The issuing body is a department's name, known only once the report is rendered, so
  the template marks rule paragraphs with a style (``CchcRuleFull``, ``CchcRuleShort``; see
  scripts/docx_kit.py) and :func:`fit_rules` sets each one's indents from the width of the text
  just above it, measured with the metrics of Times New Roman (the same advance widths as
  Liberation Serif, the font LibreOffice uses in its place).
* **No empty last section.** A department without points lost has no appendix: the template's
  landscape appendix section is then empty and would print as a blank page;
  :func:`drop_empty_last_section` removes it.
* **The document's language** (``w:lang``) follows the report's, so Word spell-checks the right
  language.

A province's own Word template without those styles is left as it is.
"""

from __future__ import annotations

import unicodedata
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RULE_STYLES = {"CchcRuleFull": 1.0, "CchcRuleShort": 0.4}
LANGS = {"vi": "vi-VN", "en": "en-US"}
TWIPS_PER_CM = 567

_CHARS = " ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.,:;()/"
# advance widths (1/1000 em) of Times New Roman regular and bold, for the characters above
_REGULAR = (
    250, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
    667, 556, 611, 722, 722, 944, 722, 722, 611, 444, 500, 444, 500, 444, 333, 500, 500, 278,
    278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 250, 250, 278, 278, 333, 333, 278,
)  # fmt: skip
_BOLD = (
    250, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
    722, 556, 667, 722, 722, 1000, 722, 722, 667, 500, 556, 444, 556, 444, 333, 500, 556, 278,
    333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 500,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 250, 250, 333, 333, 333, 333, 278,
)  # fmt: skip
_WIDTHS = {
    False: dict(zip(_CHARS, _REGULAR, strict=True)),
    True: dict(zip(_CHARS, _BOLD, strict=True)),
}
_CM_PER_PT = 2.54 / 72


def text_width_cm(text: str, size_pt: float, bold: bool) -> float:
    """The printed width of ``text``: a Vietnamese letter is as wide as its base letter."""
    table = _WIDTHS[bold]
    total = 0
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[:1]
        if base and ord(base) in (0x110, 0x111):  # D and d with stroke: as wide as D, d
            base = "D" if ord(base) == 0x110 else "d"
        total += table.get(base, 500)
    return total / 1000 * size_pt * _CM_PER_PT


def _style(p: Any) -> str | None:
    p_pr = p.find(f"{W}pPr")
    style = p_pr.find(f"{W}pStyle") if p_pr is not None else None
    return style.get(f"{W}val") if style is not None else None


def _run_width(run: Any, default_pt: float) -> float:
    text = "".join(t.text or "" for t in run.iter(f"{W}t"))
    r_pr = run.find(f"{W}rPr")
    size, bold = default_pt, False
    if r_pr is not None:
        sz = r_pr.find(f"{W}sz")
        if sz is not None and (sz.get(f"{W}val") or "").isdigit():
            size = int(sz.get(f"{W}val")) / 2
        b = r_pr.find(f"{W}b")
        bold = b is not None and b.get(f"{W}val") not in ("0", "false")
    return text_width_cm(text, size, bold)


def _container_cm(p: Any, page_text_cm: float) -> float:
    """The width the rule is centred in: its table cell (less the cell margins) or the page."""
    parent = p.getparent()
    if parent is None or parent.tag != f"{W}tc":
        return page_text_cm
    width = parent.find(f"{W}tcPr/{W}tcW")
    if width is None or not (width.get(f"{W}w") or "").isdigit():
        return page_text_cm
    return int(width.get(f"{W}w")) / TWIPS_PER_CM - 0.1


def _set_indents(p: Any, side_cm: float) -> None:
    p_pr = p.find(f"{W}pPr")
    ind = p_pr.find(f"{W}ind")
    if ind is None:
        ind = p_pr.makeelement(f"{W}ind", {})
        p_pr.append(ind)
    twips = str(max(round(side_cm * TWIPS_PER_CM), 0))
    for attr in ("left", "right", "start", "end"):
        ind.attrib.pop(f"{W}{attr}", None)
    ind.set(f"{W}left", twips)
    ind.set(f"{W}right", twips)


def fit_rules(document: Any, page_text_cm: float) -> None:
    """Size every rule paragraph (see the module docstring) to the text just above it."""
    for p in list(document.element.body.iter(f"{W}p")):
        fraction = RULE_STYLES.get(_style(p) or "")
        above = p.getprevious()
        if fraction is None or above is None or above.tag != f"{W}p":
            continue
        text_cm = sum(_run_width(r, 14) for r in above.iter(f"{W}r"))
        if text_cm <= 0:
            continue
        container = _container_cm(p, page_text_cm)
        length = min(text_cm, container) * fraction
        _set_indents(p, (container - length) / 2)


def _has_content(element: Any) -> bool:
    if element.tag == f"{W}tbl":
        return True
    return bool("".join(t.text or "" for t in element.iter(f"{W}t")).strip())


def drop_empty_last_section(document: Any) -> None:
    """Remove a last section with nothing in it (its break would print a blank page)."""
    body = document.element.body
    children = [c for c in body if c.tag in (f"{W}p", f"{W}tbl")]
    for i in range(len(children) - 1, -1, -1):
        el = children[i]
        sect = el.find(f"{W}pPr/{W}sectPr") if el.tag == f"{W}p" else None
        if sect is not None:
            if any(_has_content(c) for c in children[i + 1 :]):
                return
            last = body.find(f"{W}sectPr")
            for c in children[i + 1 :]:
                body.remove(c)
            if last is not None:
                body.replace(last, sect)  # moves it out of the paragraph
            else:  # pragma: no cover - a body always ends with its sectPr
                body.append(sect)
            if not _has_content(el):
                body.remove(el)
            return
        if _has_content(el):
            return


def set_language(document: Any, lang: str) -> None:
    """Every ``w:lang`` of the styles says the report's language."""
    code = LANGS.get(lang, lang)
    for el in document.styles.element.iter(f"{W}lang"):
        el.set(f"{W}val", code)
        if el.get(f"{W}eastAsia") is not None:
            el.set(f"{W}eastAsia", code)
    document.core_properties.language = code


def finished_docx(
    document: Any, *, lang: str, when: Any, title: str, subject: str, author: str, comments: str
) -> bytes:
    """The rendered document as the bytes cchc writes, the same for the same inputs: rules sized
    to their text, no blank last page, the document's language, fixed properties and zip
    timestamps (``when``: the document's date, else a fixed epoch)."""
    import io

    from cchc_cli.report.ziputil import stable_zip, stamp_for

    section = document.sections[0]
    fit_rules(document, (section.page_width - section.left_margin - section.right_margin) / 360000)
    drop_empty_last_section(document)
    set_language(document, lang)
    stamp = stamp_for(when)
    props = document.core_properties
    props.title = title[:250]
    props.subject = subject
    props.author = author
    props.last_modified_by = "cchc"
    props.comments = comments
    props.keywords = "PAR INDEX; CCHC"
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.language = LANGS.get(lang, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)
