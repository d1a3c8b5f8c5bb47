"""Validate loaded YAML data against a pydantic model, with errors at file:line:column.

Pydantic's own text never reaches a user: each error type is reworded from the catalogue, the
path is printed the way the user wrote it (``items["1.10"].score``) and the caret goes on the
key or value that is wrong.
"""

from __future__ import annotations

import calendar
import re
import types
import typing
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from cchc_cli.core.diagnostics import Diagnostic, error
from cchc_cli.core.i18n import AnyOf, Msg
from cchc_cli.core.yamlio import YamlDoc, require_mapping

M = TypeVar("M", bound=BaseModel)

# pydantic error type -> catalogue key of the human reason
_REASONS: dict[str, str] = {
    "decimal_parsing": "reason.number",
    "decimal_type": "reason.number",
    "decimal_max_digits": "reason.number_digits",
    "decimal_max_places": "reason.number_places",
    "decimal_whole_digits": "reason.number_digits",
    "finite_number": "reason.finite",
    "int_parsing": "reason.integer",
    "int_type": "reason.integer",
    "int_from_float": "reason.integer",
    "float_parsing": "reason.number",
    "bool_parsing": "reason.bool",
    "bool_type": "reason.bool",
    "date_parsing": "reason.date",
    "date_from_datetime_parsing": "reason.date",
    "date_from_datetime_inexact": "reason.date",
    "date_type": "reason.date",
    "string_type": "reason.string",
    "string_too_short": "reason.string_empty",
    "string_pattern_mismatch": "reason.pattern",
    "list_type": "reason.list",
    "dict_type": "reason.mapping",
    "model_type": "reason.mapping",
    "model_attributes_type": "reason.mapping",
    "literal_error": "reason.literal",
    "enum": "reason.literal",
    "greater_than_equal": "reason.ge",
    "greater_than": "reason.gt",
    "less_than_equal": "reason.le",
    "less_than": "reason.lt",
    "too_short": "reason.too_short",
    "too_long": "reason.too_long",
    "none_required": "reason.none",
}


def format_path(loc: tuple[Any, ...], model: type[BaseModel]) -> str | Msg:
    """``("items", "1.10", "score")`` -> ``items["1.10"].score``; the root -> Msg ``path.root``."""
    out = ""
    current: Any = model
    for part in loc:
        kind, current = _step(current, part)
        if kind == "index":
            out += f"[{part}]"
        elif kind == "key":
            out += f'["{part}"]'
        else:
            out += ("." if out else "") + str(part)
    return out or Msg("path.root")


def _unwrap(tp: Any) -> Any:
    """Strip Optional/Annotated wrappers."""
    while True:
        origin = get_origin(tp)
        if origin is typing.Annotated:
            tp = get_args(tp)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
                continue
        return tp


def _step(tp: Any, part: Any) -> tuple[str, Any]:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        for name, info in tp.model_fields.items():
            if part in (name, info.alias):
                return "field", info.annotation
        return "field", None
    if origin in (list, tuple, set, frozenset) and isinstance(part, int):
        args = get_args(tp)
        return "index", args[0] if args else None
    if origin is dict:
        args = get_args(tp)
        return "key", args[1] if len(args) == 2 else None
    if isinstance(part, int):
        return "index", None
    return "field", None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        _, current = _step(current, part)
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _field_names(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


_TAG_PREFIXES = (
    "function-",
    "tagged-union[",
    "lax-or-strict[",
    "json-or-python[",
    "is-instance[",
    "union[",
    "chain[",
    "nullable[",
)


def _is_tag(part: Any) -> bool:
    # Union branches and wrapped validators add tags such as 'function-after[...]' to the
    # location; they are not part of the user's document. A user's own key may contain
    # brackets (`format[/bold]`), so only pydantic's own tag shapes are dropped.
    return isinstance(part, str) and part.startswith(_TAG_PREFIXES)


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(p for p in loc if not _is_tag(p))


def validate_doc(
    doc: YamlDoc, model: type[M], *, context: dict[str, Any] | None = None
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``doc.data``; on failure return one diagnostic per pydantic error.

    Every cchc file is a mapping at the top level: anything else is CCHC108 before pydantic.
    """
    not_mapping = require_mapping(doc)
    if not_mapping:
        return None, not_mapping
    try:
        return model.model_validate(doc.data, context=context), []
    except ValidationError as exc:
        return None, errors_to_diagnostics(exc, doc, model)


def errors_to_diagnostics(
    exc: ValidationError, doc: YamlDoc, model: type[BaseModel]
) -> list[Diagnostic]:
    """One diagnostic per pydantic error, in pydantic's order."""
    found: list[Diagnostic] = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = _clean_loc(tuple(err["loc"]))
        etype = err["type"]
        if etype == "missing":
            found.append(_missing_field(loc, doc, model))
        elif etype == "extra_forbidden":
            found.append(_unknown_field(loc, doc, model))
        else:
            found.append(_bad_value(etype, err.get("ctx") or {}, loc, doc, model))
    return found


def _missing_field(loc: tuple[Any, ...], doc: YamlDoc, model: type[BaseModel]) -> Diagnostic:
    """CCHC120, at the mapping that lacks the field."""
    parent = loc[:-1]
    return error(
        "CCHC120",
        doc.locate(parent),
        field=str(loc[-1]) if loc else "",
        path=format_path(parent, model),
    )


def _unknown_field(loc: tuple[Any, ...], doc: YamlDoc, model: type[BaseModel]) -> Diagnostic:
    """CCHC121, on the key, with the allowed fields (and a did-you-mean when one is close)."""
    parent_model = _model_at(model, loc[:-1])
    allowed = _field_names(parent_model)
    import difflib

    guess = difflib.get_close_matches(str(loc[-1]) if loc else "", allowed, n=1, cutoff=0.6)
    hint = (
        Msg("CCHC121.hint_guess", {"guess": guess[0], "allowed": allowed})
        if guess
        else Msg("CCHC121.hint", {"allowed": allowed})
    )
    return error(
        "CCHC121",
        doc.locate(loc, key=True),
        hint=hint,
        field=str(loc[-1]) if loc else "",
        path=format_path(loc[:-1], model),
    )


def _bad_value(
    etype: str, ctx: Any, loc: tuple[Any, ...], doc: YamlDoc, model: type[BaseModel]
) -> Diagnostic:
    """CCHC122, on the value, with the reason reworded from the catalogue."""
    impossible = _impossible_date(doc, loc) if etype.startswith("date") else None
    if impossible is not None:
        reason = impossible
    elif etype.startswith("cchc."):
        # Raised by our own validators (PydanticCustomError): key and args are ours.
        reason = Msg(etype[len("cchc.") :], dict(ctx))
    else:
        reason_key = _REASONS.get(etype, "reason.invalid")
        args: dict[str, Any] = {k: _ctx_text(v) for k, v in ctx.items()}
        if reason_key == "reason.literal" and "expected" in ctx:
            args["expected"] = _alternatives(str(ctx["expected"]))
        reason = Msg(reason_key, args)
    return error("CCHC122", doc.locate(loc), reason=reason, path=format_path(loc, model))


def _alternatives(expected: str) -> AnyOf:
    """pydantic's ``'draft' or 'submitted'`` as the values themselves, which the message joins
    in the user's language (``draft hoặc submitted``)."""
    quoted = re.findall(r"'([^']*)'", expected)
    if quoted:
        return AnyOf(quoted)
    return AnyOf(p.strip() for p in re.split(r",\s*|\s+or\s+", expected) if p.strip())


_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})\s*")


def _impossible_date(doc: YamlDoc, loc: tuple[Any, ...]) -> Msg | None:
    """ "no such day" for a date written in the right form that is not in the calendar
    (``2019-02-30``, ``2019-13-01``); None for anything else."""
    node, found = doc.node_at(loc)
    match = _DATE.fullmatch(node.value) if found and isinstance(node.value, str) else None
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return Msg("reason.no_such_month", {"month": match.group(2)})
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if 1 <= day <= days:
        return None
    args = {"day": match.group(3), "month": match.group(2), "year": match.group(1), "days": days}
    return Msg("reason.no_such_day", args)


def _ctx_text(value: Any) -> str:
    text = str(value)
    return text.replace("'", "")
