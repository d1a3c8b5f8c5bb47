"""The pack's index as a web page (``muc-luc.html``): every item with its score, explanation
and documents, each document linked to its file in the pack by a relative link, so that the
page works from the unzipped folder, offline, in any browser.

The page is built in; a province restyles its report, not the pack's index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from cchc_cli.core.fmt import format_number
from cchc_cli.core.i18n import catalogue, tr
from cchc_cli.pack.index_xlsx import document_note

if TYPE_CHECKING:
    from cchc_cli.pack.content import PackContent
    from cchc_cli.pack.documents import PackDocument

_TEMPLATE = "index.html.j2"
_PREFIX = "pack.label."


def href(path: str) -> str:
    """A relative link to a path inside the pack: each segment percent-encoded (spaces,
    ``#``, ``%`` and Vietnamese letters in a file name still link)."""
    return "/".join(quote(part, safe="") for part in path.split("/"))


def pack_labels(lang: str) -> dict[str, str]:
    """Every ``pack.label.*`` text of the catalogue."""
    keys = sorted(k for k in catalogue(lang) if k.startswith(_PREFIX))
    return {k[len(_PREFIX) :]: tr(k, lang) for k in keys}


def render_index_html(content: PackContent, documents: list[PackDocument]) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    report = content.report
    lang = report.lang
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent)),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        {
            "num": lambda v: format_number(v, lang),
            "href": href,
            "note": lambda doc: document_note(lang, doc),
        }
    )
    return env.get_template(_TEMPLATE).render(
        report=report,
        content=content,
        documents=documents,
        L=report.labels,
        P=pack_labels(lang),
    )
