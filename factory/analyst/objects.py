"""Scenario objects (§11): `{key: value, …}` of numbers, strings, lists, enums and variables."""

from __future__ import annotations

import re

from factory.analyst.context import Context
from factory.analyst.messages import unquote
from factory.diagnostics import suggest
from factory.ir.model import Entity, FieldDef, Loc, ObjectEntry, ObjectValue
from factory.reader.model import Text

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d]\w*")


def split_object(text: str) -> list[tuple[str, int]]:
    """Split the inside of `{…}` at commas outside quotes and brackets, with offsets."""
    out: list[tuple[str, int]] = []
    depth, quote, start = 0, False, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quote = False
        elif ch == '"':
            quote = True
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append((text[start:i], start))
            start = i + 1
        i += 1
    out.append((text[start:], start))
    return [(p.strip(), off + len(p) - len(p.lstrip())) for p, off in out if p.strip()]


def parse_object(
    text: str,
    entity: Entity | None,
    fields: list[FieldDef],
    variables: set[str],
    ctx: Context,
    first: Text,
    col: int,
) -> list[ObjectEntry] | None:
    """`text` is the whole `{…}`; `fields` are the keys it may set (entity fields or inputs)."""
    inner = text.strip()[1:-1]
    entries: list[ObjectEntry] = []
    for piece, offset in split_object(inner):
        pcol = col + 1 + offset
        key_text, colon, value_text = piece.partition(":")
        if not colon:
            ctx.diags.error("bad-object", f"expected 'key: value', found '{piece}'", first.line, pcol)
            return None
        key = unquote(key_text) or key_text.strip()
        f = next((x for x in fields if key in (x.name, x.display)), None)
        if f is None:
            what = entity.name if entity else "this action"
            ctx.diags.error(
                "unknown-field",
                f"{what} has no field '{key}'",
                first.line,
                pcol,
                suggestion=suggest(key, [x.name for x in fields]),
            )
            return None
        vcol = pcol + len(key_text) + 1 + (len(value_text) - len(value_text.lstrip()))
        value = _value(value_text.strip(), f, variables, ctx, first, vcol)
        if value is None:
            return None
        entries.append(ObjectEntry(key=f.name, value=value, loc=Loc(line=first.line, col=pcol)))
    return entries


def _value(
    text: str, f: FieldDef, variables: set[str], ctx: Context, first: Text, col: int
) -> ObjectValue | None:
    if text.startswith("[") and text.endswith("]"):
        items: list[ObjectValue] = []
        for piece, offset in split_object(text[1:-1]):
            item = _value(piece, f, variables, ctx, first, col + 1 + offset)
            if item is None:
                return None
            items.append(item)
        return ObjectValue(kind="list", items=items)
    if _NUMBER.fullmatch(text):
        return ObjectValue(kind="number", value=text)
    quoted = unquote(text)
    if quoted is not None:
        return ObjectValue(kind="string", value=quoted)
    if text in ("true", "false"):
        return ObjectValue(kind="boolean", value=text == "true")
    if text == "null":
        return ObjectValue(kind="null")
    if not _WORD.fullmatch(text):
        ctx.diags.error(
            "bad-object",
            f"'{text}' is not a value: use a number, \"text\", true, false, "
            "null, [a, b], an enum value or a variable",
            first.line,
            col,
        )
        return None
    if f.type.kind == "enum":
        if text in f.type.values:
            return ObjectValue(kind="enum", value=text)
        ctx.diags.error(
            "unknown-enum-value",
            f"'{text}' is not one of {', '.join(f.type.values)}",
            first.line,
            col,
            suggestion=suggest(text, f.type.values),
        )
        return None
    if text not in variables:
        ctx.diags.error(
            "unknown-name",
            f"'{text}' is not bound yet",
            first.line,
            col,
            suggestion=suggest(text, sorted(variables)),
        )
        return None
    return ObjectValue(kind="var", value=text)
