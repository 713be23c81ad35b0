"""TypeScript spellings: literals, identifiers and JSON Schema types."""

from __future__ import annotations

import json
import re
from typing import Any

# Words that cannot name a TypeScript function or variable.
_RESERVED_WORDS = (
    "break case catch class const continue debugger default delete do else enum export extends false "
    "finally for function if import in instanceof new null return super switch this throw true try "
    "typeof var void while with as implements interface let package private protected public static "
    "yield await"
)
RESERVED = frozenset(_RESERVED_WORDS.split())
_IDENT = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def literal(value: object) -> str:
    """A TypeScript literal of JSON data; spec text is always emitted this way, never spliced raw."""
    return json.dumps(value, ensure_ascii=False)


def comment(text: str) -> str:
    """Text safe inside a `/** … */` comment, on one line."""
    return " ".join(text.split()).replace("*/", "*\\/")


def camel(name: str) -> str:
    """`add_to_cart` → `addToCart`; reserved words get an `Op` suffix."""
    head, *rest = name.split("_")
    text = head + "".join(part[:1].upper() + part[1:] for part in rest)
    if not _IDENT.match(text):
        text = "op_" + re.sub(r"[^A-Za-z0-9_$]", "_", text)
    return text + "Op" if text in RESERVED else text


def key(name: str) -> str:
    """A property key: bare when it is an identifier, quoted otherwise."""
    return name if _IDENT.match(name) else literal(name)


def schema_type(schema: dict[str, Any], ns: str = "") -> str:
    """The TypeScript type of a JSON Schema (the subset `design/openapi.json` uses)."""
    if "$ref" in schema:
        return ns + str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return _union([schema_type(s, ns) for s in schema[combinator]])
    if "enum" in schema:
        kinds = schema.get("type")
        nullable = isinstance(kinds, list) and "null" in kinds
        return _union([literal(v) for v in schema["enum"]] + (["null"] if nullable else []))
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return _union([schema_type({**schema, "type": k}, ns) for k in kinds])
    if kinds == "null":
        return "null"
    if kinds == "string":
        return "string"
    if kinds in ("integer", "number"):
        return "number"
    if kinds == "boolean":
        return "boolean"
    if kinds == "array":
        return f"Array<{schema_type(schema.get('items', {}), ns)}>"
    if kinds == "object" or "properties" in schema:
        return object_type(schema, ns)
    return "unknown"


def object_type(schema: dict[str, Any], ns: str = "", indent: str = "") -> str:
    props: dict[str, Any] = schema.get("properties", {})
    if not props:
        return "Record<string, unknown>"
    required = set(schema.get("required", []))
    lines = [
        f"{indent}  {key(name)}{'' if name in required else '?'}: {schema_type(prop, ns)};"
        for name, prop in props.items()
    ]
    return "{\n" + "\n".join(lines) + f"\n{indent}}}"


def _union(parts: list[str]) -> str:
    seen: list[str] = []
    for p in parts:
        if p not in seen:
            seen.append(p)
    return " | ".join(seen) if seen else "never"
