"""The commented block of one item in a scaffolded score file.

Each item the agency writes is preceded by comments (title, maximum, levels or rubric, guidance,
role) and has its fields with empty values; ``cchc scaffold`` writes these blocks for a new
file and ``--update`` appends them for newly assigned items.
"""

from __future__ import annotations

import re
import textwrap
from decimal import Decimal

from cchc_cli.core.fmt import format_decimal
from cchc_cli.core.i18n import tr
from cchc_cli.criteria.model import Node, quantize
from cchc_cli.plan.model import LeafOwnership, ScoreRole
from cchc_cli.plan.names import owners_label

WIDTH = 100


def comment_lines(text: str, prefix: str) -> list[str]:
    """Wrap ``text`` into comment lines starting with ``prefix`` (e.g. ``"  # "``)."""
    clean = " ".join(text.split())
    if not clean:
        return [prefix.rstrip()]
    # never break inside `code`: protect its spaces while wrapping
    guarded = re.sub(r"`[^`]*`", lambda m: m.group().replace(" ", "\x00"), clean)
    width = max(40, WIDTH - len(prefix))
    lines = textwrap.wrap(guarded, width=width, break_long_words=False, break_on_hyphens=False)
    return [prefix + line.replace("\x00", " ") for line in lines]


def _points(value: object) -> str:
    return format_decimal(value) if isinstance(value, Decimal) else str(value)


def rubric_text(node: Node, lang: str) -> str | None:
    rubric = node.rubric
    if rubric is None:
        return None
    unit = rubric.unit or ""
    bands = sorted(rubric.bands, key=lambda b: b.from_, reverse=True)
    parts = [
        tr(
            "scores.scaffold.band",
            lang,
            value=format_decimal(b.from_),
            unit=unit,
            points=_points(quantize(node.max * b.fraction)),
        )
        for b in bands
    ]
    return tr("scores.scaffold.rubric", lang, title=rubric.title, bands="; ".join(parts))


def role_comment(leaf: LeafOwnership, code: str, role: ScoreRole, lang: str) -> str:
    """What ``code`` does on ``leaf``: lead, one part (and how parts combine), decide, cooperate."""
    if role == "lead":
        return tr("scores.scaffold.role.lead", lang)
    owners = owners_label(leaf.scorers, lang)
    if role == "part":
        owner = leaf.role_of(code)
        domain = owner.domain if owner is not None else ""
        combine = tr(f"scores.scaffold.combine.{leaf.combine or 'min'}", lang)
        return tr(
            "scores.scaffold.role.part", lang, domain=domain or "", owners=owners, combine=combine
        )
    if role == "decision":
        return tr("scores.scaffold.role.decision", lang, owners=owners)
    return tr("scores.scaffold.role.cooperating", lang, owners=owners)


def item_block(
    leaf: LeafOwnership,
    code: str,
    role: ScoreRole,
    lang: str,
    *,
    indent: str = "  ",
    inner: str = "  ",
) -> list[str]:
    """The lines of one item: comments, then the key and its empty fields."""
    node = leaf.node
    c = indent + "# "
    lines = comment_lines(f"──── {node.id} {node.title}", c)
    facts = tr("scores.scaffold.max", lang, max=format_decimal(node.max))
    if node.levels is not None:
        facts += " " + tr(
            "scores.scaffold.levels",
            lang,
            levels=", ".join(format_decimal(v) for v in sorted(set(node.levels))),
        )
    lines += comment_lines(facts, c)
    rubric = rubric_text(node, lang)
    if rubric is not None:
        lines += comment_lines(rubric, c)
    if node.guidance:
        lines += comment_lines(tr("scores.scaffold.guidance", lang, guidance=node.guidance), c)
    lines += comment_lines(role_comment(leaf, code, role, lang), c)
    lines.append(f'{indent}"{node.id}":')
    field_indent = indent + inner
    if role == "cooperating":
        fields = ["comment", "evidence"]
    elif node.rubric is not None and role != "decision":
        fields = ["measured", "explanation", "evidence"]
    elif role == "decision":
        fields = ["score", "explanation"]
    else:
        fields = ["score", "explanation", "evidence"]
    lines += [f"{field_indent}{name}:" for name in fields]
    return lines
