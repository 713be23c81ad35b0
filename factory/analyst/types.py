"""Type cells of field tables (§4): `text(80)`, `money`, `enum(a, b)`, `list of E`, `E列表`, `E`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factory.analyst import keywords as kw
from factory.analyst.text import normalise, split_top
from factory.ir.expr import EXPRESSION_KEYWORDS
from factory.ir.model import FieldType

_CALL = re.compile(r"^(?P<base>[^()]+?)\s*(?:\((?P<args>.*)\))?\s*$", re.S)
_ENUM_WORD = re.compile(r"[\w]+")
_LIST_OF = re.compile(r"^list\s+of\s+(?P<entity>.+)$", re.I)


@dataclass(frozen=True)
class TypeError_:
    code: str
    message: str
    offset: int = 0
    suggestion: str | None = None


@dataclass(frozen=True)
class ParsedType:
    type: FieldType
    entity_name: str | None = None  # a ref/list target as written, resolved later


def parse_type(cell: str) -> ParsedType | TypeError_:
    text = normalise(cell).strip()
    if not text:
        return TypeError_("missing-type", "the Type cell is empty")
    m = _LIST_OF.match(text)
    if m:
        return ParsedType(FieldType(kind="list"), m.group("entity").strip())
    if text.endswith(kw.LIST_SUFFIX) and len(text) > len(kw.LIST_SUFFIX):
        return ParsedType(FieldType(kind="list"), text[: -len(kw.LIST_SUFFIX)].strip())
    call = _CALL.match(text)
    if call is None:
        return ParsedType(FieldType(kind="ref"), text)
    base = " ".join(call.group("base").split()).lower()
    args = call.group("args")
    kind = kw.TYPES.get(base)
    if kind is None:
        if args is not None:
            return TypeError_("unknown-type", f"unknown type '{call.group('base').strip()}'")
        return ParsedType(FieldType(kind="ref"), text)
    args_offset = text.find("(") + 1
    if kind == "enum":
        return _enum(args, args_offset)
    if kind == "text":
        return _text(args, args_offset)
    if kind == "decimal":
        return _decimal(args, args_offset)
    if args is not None:
        return TypeError_("bad-type-arguments", f"type '{base}' takes no arguments", args_offset)
    if kind == "money":
        return ParsedType(FieldType(kind="decimal", precision=12, scale=2, money=True))
    return ParsedType(FieldType(kind=kind))  # type: ignore[arg-type]


def _text(args: str | None, offset: int) -> ParsedType | TypeError_:
    if args is None:
        return ParsedType(FieldType(kind="text", max_length=255))
    if not args.strip().isdigit() or int(args) < 1:
        return TypeError_(
            "bad-type-arguments", f"text(N) needs a positive whole number, not '{args}'", offset
        )
    return ParsedType(FieldType(kind="text", max_length=int(args)))


def _decimal(args: str | None, offset: int) -> ParsedType | TypeError_:
    if args is None:
        return ParsedType(FieldType(kind="decimal", precision=18, scale=2))
    parts = [p.text for p in split_top(args)]
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return TypeError_("bad-type-arguments", f"decimal(p,s) needs two whole numbers, not '{args}'", offset)
    precision, scale = int(parts[0]), int(parts[1])
    if not 1 <= precision <= 38 or scale > precision:
        return TypeError_(
            "bad-type-arguments",
            f"decimal({precision},{scale}): need 1 <= p <= 38 and s <= p",
            offset,
        )
    return ParsedType(FieldType(kind="decimal", precision=precision, scale=scale))


def _enum(args: str | None, offset: int) -> ParsedType | TypeError_:
    if args is None or not args.strip():
        return TypeError_("bad-type-arguments", "enum(...) needs at least one value", offset)
    values: list[str] = []
    for piece in split_top(args):
        raw = piece.text
        if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
            value = raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        elif _ENUM_WORD.fullmatch(raw):
            if raw in EXPRESSION_KEYWORDS:
                return TypeError_(
                    "enum-keyword-value",
                    f"enum value '{raw}' is an expression keyword: write it quoted, \"{raw}\"",
                    offset + piece.offset,
                )
            value = raw
        else:
            return TypeError_(
                "bad-enum-value",
                f"enum value '{raw}' must be a word or a quoted string",
                offset + piece.offset,
            )
        if value in values:
            return TypeError_(
                "duplicate-enum-value",
                f"enum value '{value}' is listed twice",
                offset + piece.offset,
            )
        if not value:
            return TypeError_("bad-enum-value", "an enum value is empty", offset + piece.offset)
        values.append(value)
    return ParsedType(FieldType(kind="enum", values=values))
