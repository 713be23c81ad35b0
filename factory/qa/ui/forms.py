"""Values for forms and request bodies: from scenario objects, or made up from the field rules (§4)."""

from __future__ import annotations

import re
from typing import Any

from factory.architect.fields import is_writable
from factory.ir.model import Entity, FieldDef, ObjectEntry, ObjectValue
from factory.qa.samples import valid

# The input a field gets (docs/frontend-contract.md, "Behaviour"): None when the UI tests cannot fill it.
_INPUTS = {
    "text": "text",
    "email": "text",
    "url": "text",
    "phone": "text",
    "uuid": "text",
    "password": "text",
    "long_text": "textarea",
    "json": "textarea",
    "integer": "number",
    "decimal": "number",
    "float": "number",
    "enum": "select",
    "boolean": "checkbox",
    "date": "date",
    "datetime": "datetime",
    "ref": "ref",
}
_TEXTUAL = ("text", "long_text", "email", "url", "phone")
_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d(?:\.\d+)?)?(Z|[+-]00:?00)?$")


def value_kind(f: FieldDef) -> str:
    """How `expect` compares a field's values (the TypeScript `ValueKind`)."""
    kind = f.type.kind
    if kind in ("integer", "decimal", "float"):
        return "number"
    if kind in ("text", "long_text", "email", "url", "phone", "uuid", "enum", "password"):
        return "text"
    if kind in ("date", "datetime", "boolean", "ref"):
        return kind
    return "other"


def input_kind(f: FieldDef) -> str | None:
    return _INPUTS.get(f.type.kind)


def is_textual(f: FieldDef) -> bool:
    return f.type.kind in _TEXTUAL


def _datetime_local(text: str) -> str | None:
    """An ISO datetime as a `datetime-local` value (the browser runs in UTC; naive means UTC, §4)."""
    found = _DATETIME.match(text)
    if found is None:
        return None
    seconds = found.group(2) or ""
    return found.group(1) + ("" if seconds in ("", ":00") else seconds)


def ui_entry(f: FieldDef, v: ObjectValue) -> dict[str, Any] | None:
    """One form input from a scenario object's value; None when the browser cannot give it."""
    kind = input_kind(f)
    if kind is None or v.kind == "list" or not is_writable(f):
        return None
    if kind == "ref":
        if v.kind == "var":
            return {"field": f.name, "input": "ref", "entity": f.type.entity, "variable": v.value}
        return (
            {"field": f.name, "input": "ref", "entity": f.type.entity, "variable": None}
            if v.kind == "null"
            else None
        )
    if kind == "checkbox":
        return (
            {"field": f.name, "input": "checkbox", "checked": bool(v.value)} if v.kind == "boolean" else None
        )
    if v.kind == "null":
        return (
            {"field": f.name, "input": kind, "text": ""} if kind in ("text", "textarea", "number") else None
        )
    if v.kind not in ("string", "number", "enum") or isinstance(v.value, bool) or v.value is None:
        return None
    text = str(v.value)
    if kind == "datetime":
        local = _datetime_local(text)
        return None if local is None else {"field": f.name, "input": "datetime", "text": local}
    return {"field": f.name, "input": kind, "text": text}


def ui_form(
    fields: list[FieldDef], entries: list[ObjectEntry], state_field: str | None
) -> list[dict[str, Any]] | None:
    """A whole scenario object as form inputs, or None when some key cannot be entered in the UI."""
    by_name = {f.name: f for f in fields}
    out = []
    for entry in entries:
        f = by_name.get(entry.key)
        if f is None or f.name == state_field:
            return None
        item = ui_entry(f, entry.value)
        if item is None:
            return None
        out.append(item)
    return out


def api_value(f: FieldDef | None, v: ObjectValue) -> dict[str, Any]:
    """A scenario object's value in a JSON body (the TypeScript `ApiValue`): variables are sent as ids."""
    if v.kind == "var":
        return {"variable": v.value}
    if v.kind == "list":
        if all(i.kind == "var" for i in v.items):
            return {"variables": [i.value for i in v.items]}
        return {"json": [api_value(f, i).get("json") for i in v.items]}
    if v.kind == "number":
        text = str(v.value)
        kind = f.type.kind if f is not None else "decimal"
        if kind == "integer" and re.fullmatch(r"-?\d+", text):
            return {"json": int(text)}
        if kind == "float":
            return {"json": float(text)}
        return {"json": text}  # decimals and money travel as exact strings (§5)
    return {"json": v.value}


def api_body(fields: list[FieldDef], entries: list[ObjectEntry]) -> list[dict[str, Any]]:
    by_name = {f.name: f for f in fields}
    return [{"key": e.key, "value": api_value(by_name.get(e.key), e.value)} for e in entries]


# ---- values made up from the rules --------------------------------------------------------------


def _fits(f: FieldDef, text: str) -> bool:
    high = f.length_max or f.type.max_length or (10_000 if f.type.kind == "long_text" else 255)
    low = max(f.length_min or 1, 1)
    return low <= len(text) <= high and (f.pattern is None or re.search(f.pattern, text) is not None)


def text_sample(f: FieldDef, flavour: str) -> str:
    """A text value that meets the field's rules and differs per `flavour` (unique fields stay unique)."""
    slug = re.sub(r"[^a-z0-9]+", "-", flavour.lower()).strip("-") or "x"
    if f.type.kind == "email":
        return f"{slug}@example.test"
    if f.type.kind == "url":
        return f"https://example.test/{slug}"
    compact = slug.replace("-", "")
    for candidate in (flavour, slug, compact, compact.upper(), compact[:1], "x" * max(f.length_min or 1, 1)):
        if candidate and _fits(f, candidate):
            return candidate
    return str(valid(f))


def sample(f: FieldDef, entity: Entity, flavour: str) -> Any:
    """A JSON value for a required field of a made-up row; raises ValueError when none is known."""
    if is_textual(f):
        return text_sample(f, flavour)
    return valid(f, entity)


def sample_entry(f: FieldDef, entity: Entity, flavour: str, variable: str | None) -> dict[str, Any] | None:
    """A form input with a made-up valid value; references pick the row bound to `variable`."""
    kind = input_kind(f)
    if kind is None:
        return None
    if kind == "ref":
        return {"field": f.name, "input": "ref", "entity": f.type.entity, "variable": variable}
    try:
        value = sample(f, entity, flavour)
    except ValueError:
        return None
    if kind == "checkbox":
        return {"field": f.name, "input": "checkbox", "checked": bool(value)}
    text = str(value)
    if kind == "datetime":
        text = _datetime_local(text) or text
    return {"field": f.name, "input": kind, "text": text}


def form_fields(entity: Entity) -> list[FieldDef]:
    """The fields a create form must be given: required, CRUD-writable, without a default, not the state."""
    state = entity.states.field if entity.states else None
    return [
        f
        for f in entity.fields
        if is_writable(f) and f.required and f.default is None and f.name != state and f.type.kind != "list"
    ]
