"""Rules cells of field tables (§4): `required, min 0, default draft, computed: a * b`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factory.analyst import keywords as kw
from factory.analyst.expressions import parse_expression
from factory.analyst.text import normalise, split_top
from factory.diagnostics import Diagnostics, suggest
from factory.ir.model import DefaultValue, FieldDef
from factory.reader.model import Text

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_LENGTH = re.compile(r"(?P<a>\d+)?\s*\.\.\s*(?P<b>\d+)?")
_TEXTUAL = frozenset({"text", "long_text", "email", "url", "phone"})
_ORDERED = frozenset({"integer", "decimal", "float", "date", "datetime"})


@dataclass
class Rules:
    flags: set[str] = field(default_factory=set)
    updates: dict[str, object] = field(default_factory=dict)


def parse_rules(cell: Text, fd: FieldDef, diags: Diagnostics) -> FieldDef:
    """Apply a Rules cell to a field definition; reports bad rules at their exact column."""
    text = normalise(cell.text)
    updates: dict[str, object] = {}
    seen: set[str] = set()
    for piece in split_top(text):
        if not piece.text:
            continue
        col = cell.col + piece.offset
        m = kw.match_start(piece.text, kw.RULES)
        if m is None:
            word = re.split(r"[\s:(]", piece.text, maxsplit=1)[0]
            diags.error(
                "unknown-rule",
                f"unknown rule '{word}'",
                cell.line,
                col,
                suggestion=suggest(word, [k for k in kw.RULES if k.isascii()]),
            )
            continue
        rule, arg = m.canonical, piece.text[m.end :].strip()
        arg_col = col + m.end + (len(piece.text[m.end :]) - len(piece.text[m.end :].lstrip()))
        if rule in seen:
            diags.error("duplicate-rule", f"rule '{m.spelling}' is given twice", cell.line, col)
            continue
        seen.add(rule)
        _apply(rule, arg, fd, updates, diags, cell.line, col, arg_col)
    if updates.get("required") and "optional" in seen:
        diags.error(
            "conflicting-rules",
            f"field '{fd.name}' cannot be both required and optional",
            cell.line,
            cell.col,
        )
    return fd.model_copy(update=updates)


def _apply(
    rule: str,
    arg: str,
    fd: FieldDef,
    updates: dict[str, object],
    diags: Diagnostics,
    line: int,
    col: int,
    arg_col: int,
) -> None:
    kind = fd.type.kind
    if rule in (
        "required",
        "optional",
        "unique",
        "readonly",
        "owner",
        "secret",
        "searchable",
        "index",
    ):
        if arg:
            diags.error("bad-rule", f"rule '{rule}' takes no value", line, arg_col)
            return
        if rule == "searchable" and kind not in _TEXTUAL:
            diags.error(
                "bad-searchable",
                f"'searchable' applies to text, long text, email, url and "
                f"phone fields, not {kind.replace('_', ' ')}",
                line,
                col,
            )
            return
        if rule != "optional":
            updates[rule] = True
        return
    if rule in ("min", "max"):
        if kind in _TEXTUAL:
            diags.error(
                "min-on-text",
                f"'{rule}' bounds numbers and dates; for text use length",
                line,
                col,
                suggestion=f"length {arg}.." if rule == "min" else f"length ..{arg}",
            )
            return
        value = _bound(arg, kind)
        if value is None:
            diags.error("bad-rule", f"'{rule}' needs a {_bound_kind(kind)}, not '{arg}'", line, arg_col)
            return
        updates[rule] = value
        return
    if rule == "length":
        m = _LENGTH.fullmatch(arg)
        if kind not in _TEXTUAL | {"password"} or m is None or not (m.group("a") or m.group("b")):
            diags.error(
                "bad-rule",
                "length is written 'length A..B', 'length A..' or 'length ..B' on text fields",
                line,
                arg_col if m is None else col,
            )
            return
        low = int(m.group("a")) if m.group("a") else None
        high = int(m.group("b")) if m.group("b") else None
        if low is not None and high is not None and low > high:
            diags.error(
                "bad-rule",
                f"length {low}..{high} is empty: {low} is more than {high}",
                line,
                arg_col,
            )
            return
        updates["length_min"], updates["length_max"] = low, high
        return
    if rule == "pattern":
        _pattern(arg, updates, diags, line, arg_col)
        return
    if rule == "default":
        default = parse_default(arg, fd, diags, line, arg_col)
        if default is not None:
            updates["default"] = default
        return
    _computed(arg, updates, diags, line, arg_col)


def _pattern(arg: str, updates: dict[str, object], diags: Diagnostics, line: int, col: int) -> None:
    if len(arg) < 2 or not (arg.startswith('"') and arg.endswith('"')):
        diags.error("bad-rule", 'pattern needs a quoted regular expression: pattern "^[A-Z]+$"', line, col)
        return
    regex = arg[1:-1].replace('\\"', '"')
    try:
        re.compile(regex)
    except re.error as exc:
        diags.error(
            "bad-pattern",
            f"pattern is not a valid regular expression: {exc.msg}",
            line,
            col + 1 + (exc.pos or 0),
        )
        return
    updates["pattern"] = regex


def _computed(arg: str, updates: dict[str, object], diags: Diagnostics, line: int, col: int) -> None:
    if not arg.startswith(":"):
        diags.error("bad-rule", "computed is written 'computed: EXPRESSION'", line, col)
        return
    source = arg[1:]
    lead = len(source) - len(source.lstrip())
    expr = parse_expression(source.strip(), diags, line, col + 1 + lead)
    if expr is not None:
        updates["computed"] = expr
        updates["computed_source"] = source.strip()


def _bound_kind(kind: str) -> str:
    return {"date": 'date ("2020-01-01")', "datetime": "datetime"}.get(kind, "number")


def _bound(arg: str, kind: str) -> str | None:
    raw = arg[1:-1] if len(arg) >= 2 and arg.startswith('"') and arg.endswith('"') else arg
    if kind == "date":
        return raw if _DATE.fullmatch(raw) else None
    if kind == "datetime":
        return raw if _DATETIME.fullmatch(raw) else None
    if kind == "integer" and re.fullmatch(r"-?\d+", raw):
        return raw
    if kind in ("decimal", "float") and _NUMBER.fullmatch(raw):
        return raw
    return None


def parse_default(arg: str, fd: FieldDef, diags: Diagnostics, line: int, col: int) -> DefaultValue | None:
    """A `default X` literal of the field's type (§4)."""
    kind = fd.type.kind
    word = arg.lower()
    quoted = len(arg) >= 2 and arg.startswith('"') and arg.endswith('"')
    text = arg[1:-1].replace('\\"', '"') if quoted else arg
    if not arg:
        diags.error("bad-default", "default needs a value", line, col)
        return None
    if word in ("now", "today", "me") and not quoted:
        ok = {"now": ("datetime",), "today": ("date", "datetime"), "me": ("ref",)}[word]
        if kind in ok and (word != "me" or fd.type.entity == "User"):
            return DefaultValue(kind=word)  # type: ignore[arg-type]
        diags.error(
            "bad-default",
            f"'{word}' is not a default for a {kind.replace('_', ' ')} field",
            line,
            col,
        )
        return None
    if kind == "enum":
        if text in fd.type.values:
            return DefaultValue(kind="value", value=text)
        diags.error(
            "unknown-enum-value",
            f"default '{text}' is not one of {', '.join(fd.type.values)}",
            line,
            col,
            suggestion=suggest(text, fd.type.values),
        )
        return None
    if kind == "boolean":
        if word in ("true", "false") and not quoted:
            return DefaultValue(kind="value", value=word == "true")
    elif kind == "integer":
        if re.fullmatch(r"-?\d+", arg):
            return DefaultValue(kind="value", value=int(arg))
    elif kind in ("decimal", "float"):
        if _NUMBER.fullmatch(arg):
            return DefaultValue(kind="value", value=arg)
    elif kind == "date" or kind == "datetime":
        pattern = _DATE if kind == "date" else _DATETIME
        if pattern.fullmatch(text):
            return DefaultValue(kind="value", value=text)
    elif kind in _TEXTUAL or kind in ("uuid", "json"):
        if quoted:
            return DefaultValue(kind="value", value=text)
        if " " in arg.strip():
            diags.error(
                "default-needs-quotes",
                f'write text defaults in quotes: default "{arg}"',
                line,
                col,
                suggestion=f'default "{arg}"',
            )
            return None
        return DefaultValue(kind="value", value=arg)
    diags.error("bad-default", f"default {arg} is not a valid {kind.replace('_', ' ')} value", line, col)
    return None
