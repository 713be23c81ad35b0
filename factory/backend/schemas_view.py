"""View data for `schemas.py`: Pydantic input models with the field rules of §4."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import has_create, is_writable
from factory.backend.naming import attr
from factory.ir.model import Entity, FieldDef, Spec

_TEXTUAL = ("text", "long_text", "email", "url", "phone", "password", "uuid")
_FORMATS = {"email": "EMAIL", "url": "URL", "phone": "PHONE", "uuid": "UUID"}


def _base(f: FieldDef) -> str:
    t = f.type
    if t.kind in _TEXTUAL:
        limits = []
        low = f.length_min if f.length_min is not None else (1 if f.required else None)
        if low:
            limits.append(f"min_length={low}")
        high = f.length_max if f.length_max is not None else (t.max_length if t.kind == "text" else None)
        if high is not None:
            limits.append(f"max_length={high}")
        return f"Annotated[str, StringConstraints({', '.join(limits)})]" if limits else "str"
    if t.kind in ("integer", "decimal", "float"):
        py = {"integer": "StrictInt", "decimal": "Decimal", "float": "float"}[t.kind]
        conv = (
            (lambda v: v)
            if t.kind == "integer"
            else (lambda v: f'Decimal("{v}")' if t.kind == "decimal" else v)
        )
        bounds = []
        if f.min is not None:
            bounds.append(f"ge={conv(f.min)}")
        if f.max is not None:
            bounds.append(f"le={conv(f.max)}")
        return f"Annotated[{py}, Field({', '.join(bounds)})]" if bounds else py
    if t.kind == "boolean":
        return "StrictBool"
    if t.kind in ("date", "datetime"):
        py = "dt.date" if t.kind == "date" else "dt.datetime"
        bounds = []
        for op, value in (("ge", f.min), ("le", f.max)):
            if value is not None:
                bounds.append(f'{op}={py}.fromisoformat("{value}")')
        return f"Annotated[{py}, Field({', '.join(bounds)})]" if bounds else py
    if t.kind == "enum":
        return "Literal[" + ", ".join(repr(v) for v in t.values) + "]"
    if t.kind == "ref":
        return "StrictInt"
    if t.kind == "list":
        return "list[StrictInt]"
    return "Any"


def field_view(f: FieldDef, *, optional: bool) -> dict[str, Any]:
    base = _base(f)
    nullable = optional or not f.required
    if nullable and f.type.kind in _TEXTUAL:
        base = f"Annotated[{base} | None, BeforeValidator(empty_to_none)]"
    elif nullable:
        base = f"{base} | None"
    default = " = None" if (optional or not f.required or f.default is not None) else ""
    alias = (
        f' = Field(default=None, alias="{f.name}")'
        if attr(f) != f.name and default
        else (f' = Field(alias="{f.name}")' if attr(f) != f.name else default)
    )
    return {
        "attr": attr(f),
        "type": base,
        "default": alias,
        "name": f.name,
        "pattern": f.pattern,
        "format": _FORMATS.get(f.type.kind),
    }


def _model(name: str, fields: list[FieldDef], *, update: bool, doc: str) -> dict[str, Any]:
    views = [field_view(f, optional=update) for f in fields]
    return {
        "name": name,
        "doc": doc,
        "fields": views,
        "required_on_update": [f.name for f in fields if f.required] if update else [],
        "checks": [v for v in views if v["pattern"] or v["format"]],
    }


def writable(e: Entity) -> list[FieldDef]:
    return [f for f in e.fields if is_writable(f) and not (e.builtin and f.name == "username")]


def schemas_view(spec: Spec) -> dict[str, Any]:
    models = []
    for e in spec.entities:
        fields = writable(e)
        where = f"{spec.source}:{e.loc.line}" if e.loc.line else "built in"
        if has_create(e):
            models.append(
                _model(
                    f"{e.name}Create",
                    fields,
                    update=False,
                    doc=f"Input to create a {e.display} ({where}).",
                )
            )
        models.append(
            _model(
                f"{e.name}Update",
                fields,
                update=True,
                doc=f"Input to change a {e.display} ({where}).",
            )
        )
    for a in spec.actions:
        models.append(
            _model(
                action_schema(a.name),
                a.inputs,
                update=False,
                doc=f"Input of the action {a.display} ({spec.source}:{a.loc.line}).",
            )
        )
    user = spec.entity("User")
    if user is not None:
        signup = [
            f
            for f in user.fields
            if f.name in ("username", "email", "password")
            or (not f.builtin and f.required and f.default is None and is_writable(f))
        ]
        model = _model("SignUp", signup, update=False, doc="Input of POST /auth/signup.")
        model["fields"][0]["type"] = (
            'Annotated[str, StringConstraints(min_length=1, max_length=150, pattern=r"^\\S+$")]'
        )
        models.append(model)
    return {"models": models}


def action_schema(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in name.split("_")) + "Input"
