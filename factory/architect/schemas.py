"""JSON Schemas of rows, inputs and errors (OpenAPI 3.1 components)."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import has_create, is_returned, is_writable, state_field
from factory.ir.model import Entity, FieldDef, Spec

Schema = dict[str, Any]
PHONE = r"^\+?[0-9 ()-]{5,20}$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def scalar(f: FieldDef, *, output: bool) -> Schema:
    """The schema of one value of a field (without null)."""
    t = f.type
    s: Schema
    if t.kind in ("text", "long_text", "password"):
        s = {"type": "string"}
        if t.kind == "text":
            s["maxLength"] = f.length_max if f.length_max is not None else t.max_length or 255
        if f.length_min is not None or (f.required and not output):
            s["minLength"] = max(f.length_min or 0, 1 if f.required else 0)
        if f.length_max is not None and t.kind != "text":
            s["maxLength"] = f.length_max
        if f.pattern is not None:
            s["pattern"] = f.pattern
    elif t.kind == "email":
        s = {"type": "string", "format": "email", "pattern": EMAIL}
    elif t.kind == "url":
        s = {"type": "string", "format": "uri", "pattern": r"^https?://\S+$"}
    elif t.kind == "phone":
        s = {"type": "string", "pattern": PHONE}
    elif t.kind == "uuid":
        s = {"type": "string", "format": "uuid"}
    elif t.kind == "json":
        s = {}
    elif t.kind == "integer":
        s = {"type": "integer", "format": "int64", **_bounds(f, int)}
    elif t.kind == "float":
        s = {"type": "number", "format": "double", **_bounds(f, float)}
    elif t.kind == "decimal":
        scale = t.scale or 0
        text = {
            "type": "string",
            "pattern": rf"^-?\d+(\.\d{{{scale}}})?$" if output else r"^-?\d+(\.\d+)?$",
        }
        if output:
            s = {**text, "format": "decimal", "x-scale": scale}
        else:
            s = {"anyOf": [{"type": "number", **_bounds(f, float)}, text], "x-scale": scale}
    elif t.kind == "boolean":
        s = {"type": "boolean"}
    elif t.kind == "date":
        s = {"type": "string", "format": "date"}
    elif t.kind == "datetime":
        s = {"type": "string", "format": "date-time"}
    elif t.kind == "enum":
        s = {"type": "string", "enum": list(t.values)}
    elif t.kind == "ref":
        s = {"type": "integer", "description": f"id of a {t.entity}"}
    else:  # list
        s = {
            "type": "array",
            "items": {"type": "integer"},
            "description": f"ids of {t.entity} rows",
        }
    return s


def _bounds(f: FieldDef, conv: type) -> Schema:
    out: Schema = {}
    if f.min is not None:
        out["minimum"] = conv(f.min) if conv is int else float(f.min)
    if f.max is not None:
        out["maximum"] = conv(f.max) if conv is int else float(f.max)
    return out


def nullable(s: Schema) -> Schema:
    if "type" in s and isinstance(s["type"], str) and "anyOf" not in s:
        return {**s, "type": [s["type"], "null"]}
    if "anyOf" in s:
        return {**s, "anyOf": [*s["anyOf"], {"type": "null"}]}
    if not s:
        return s
    return {"anyOf": [s, {"type": "null"}]}


def _annotate(s: Schema, f: FieldDef) -> Schema:
    out = dict(s)
    if f.display != f.name:
        out["title"] = f.display
    if f.description:
        out["description"] = f.description
    return out


def row_schema(entity: Entity) -> Schema:
    props: Schema = {"id": {"type": "integer", "readOnly": True}}
    for f in entity.fields:
        if not is_returned(f):
            continue
        s = scalar(f, output=True)
        if f.type.kind != "list" and not (f.required and f.computed is None):
            s = nullable(s)
        if f.computed is not None or f.readonly or f.owner:
            s["readOnly"] = True
        props[f.name] = _annotate(s, f)
    return {
        "type": "object",
        "title": entity.display,
        "properties": props,
        "required": list(props),
        **({"description": entity.description} if entity.description else {}),
    }


def input_schema(entity: Entity, *, create: bool) -> Schema:
    props: Schema = {}
    required: list[str] = []
    state = state_field(entity)
    for f in entity.fields:
        if not is_writable(f) or (entity.builtin and f.name == "username"):
            continue
        s = scalar(f, output=False)
        if f.name == state and entity.states is not None:
            s = {
                "type": "string",
                "enum": [entity.states.initial] if create else list(f.type.values),
            }
        elif not f.required:
            s = nullable(s)
        props[f.name] = _annotate(s, f)
        if create and f.required and f.default is None and f.name != state:
            required.append(f.name)
    schema: Schema = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def action_input_schema(fields: list[FieldDef]) -> Schema:
    props: Schema = {}
    required: list[str] = []
    for f in fields:
        s = scalar(f, output=False)
        props[f.name] = _annotate(s if f.required else nullable(s), f)
        if f.required and f.default is None:
            required.append(f.name)
    schema: Schema = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def components(spec: Spec) -> Schema:
    schemas: Schema = {
        "Error": {
            "type": "object",
            "properties": {"detail": {"type": "string"}},
            "required": ["detail"],
        },
        "ValidationError": {
            "type": "object",
            "properties": {
                "detail": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
                        "required": ["field", "message"],
                    },
                }
            },
            "required": ["detail"],
        },
    }
    for e in spec.entities:
        schemas[e.name] = row_schema(e)
        if has_create(e):
            schemas[f"{e.name}Create"] = input_schema(e, create=True)
        schemas[f"{e.name}Update"] = input_schema(e, create=False)
        schemas[f"{e.name}List"] = {
            "type": "object",
            "properties": {
                "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{e.name}"}},
                "total": {"type": "integer"},
                "page": {"type": "integer"},
                "size": {"type": "integer"},
            },
            "required": ["items", "total", "page", "size"],
        }
    if spec.settings.auth == "jwt":
        schemas["SignUp"] = _signup(spec)
        schemas["LogIn"] = {
            "type": "object",
            "properties": {"username": {"type": "string"}, "password": {"type": "string"}},
            "required": ["username", "password"],
            "additionalProperties": False,
        }
        schemas["Token"] = {
            "type": "object",
            "properties": {
                "access_token": {"type": "string"},
                "token_type": {"type": "string", "enum": ["bearer"]},
            },
            "required": ["access_token", "token_type"],
        }
    for a in spec.actions:
        if a.inputs:
            schemas[_pascal(a.name) + "Input"] = action_input_schema(a.inputs)
    out: Schema = {"schemas": schemas}
    if spec.settings.auth == "jwt":
        out["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
    return out


def _signup(spec: Spec) -> Schema:
    user = next(e for e in spec.entities if e.name == "User")
    fields = [
        f
        for f in user.fields
        if f.name in ("username", "email", "password")
        or (not f.builtin and f.required and f.default is None and is_writable(f))
    ]
    schema = action_input_schema(fields)
    schema["properties"]["username"]["pattern"] = r"^\S+$"
    return schema


def _pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))
