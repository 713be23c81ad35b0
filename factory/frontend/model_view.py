"""View data for `src/app/model.ts`: each entity's fields, rules and typed operations."""

from __future__ import annotations

from typing import Any

from factory.frontend.client_view import operation_index
from factory.ir.model import Action, Entity, FieldDef, Spec

_TEXTS = ("text", "email", "url", "phone")


def _fn(ops: dict[tuple[str, str], str], method: str, path: str) -> str | None:
    name = ops.get((method, path))
    return f"c.{name}" if name else None


def field_meta(f: FieldDef, *, create: bool = False, update: bool = False) -> dict[str, Any]:
    """The UI's description of a field (lib/meta.ts `FieldMeta`), as JSON-ready data."""
    t = f.type
    meta: dict[str, Any] = {"name": f.name, "label": f.display, "kind": t.kind}
    if f.description:
        meta["help"] = f.description
    meta["required"] = f.required and f.default is None and f.computed is None
    if t.kind == "text":
        meta["maxLength"] = min(t.max_length or 255, f.length_max or 10**9)
    elif f.length_max is not None:
        meta["maxLength"] = f.length_max
    if f.length_min is not None:
        meta["minLength"] = f.length_min
    if f.min is not None:
        meta["min"] = f.min
    if f.max is not None:
        meta["max"] = f.max
    if f.pattern is not None:
        meta["pattern"] = f.pattern
    if t.kind == "decimal":
        meta["scale"] = 2 if t.money else (t.scale or 0)
        if t.money:
            meta["money"] = True
    if f.computed is not None:
        meta["computed"] = True
    if t.values:
        meta["values"] = t.values
    if t.entity:
        meta["target"] = t.entity
    if t.list_kind == "many_to_many":
        meta["many"] = True
    scalar = t.kind not in ("list", "password", "json") and not f.secret and f.computed is None
    meta.update(
        shown=t.kind != "password" and not f.secret,
        create=create,
        update=update,
        filterable=scalar,
        sortable=scalar,
    )
    return meta


def _inputs(doc: dict[str, Any], schema: str) -> set[str]:
    return set(doc.get("components", {}).get("schemas", {}).get(schema, {}).get("properties", {}))


def label_field(e: Entity) -> str | None:
    """§10: a reference shows the target's first required text field (User: username)."""
    return next((f.name for f in e.fields if f.required and f.type.kind in _TEXTS and not f.secret), None)


def entity_meta(e: Entity, spec: Spec, doc: dict[str, Any]) -> dict[str, Any]:
    ops = operation_index(doc)
    creatable = _inputs(doc, f"{e.name}Create")
    updatable = _inputs(doc, f"{e.name}Update")
    state = e.states.field if e.states else None
    fields = [
        field_meta(
            f,
            create=f.name in creatable and f.name != state,
            update=f.name in updatable and f.name != state,
        )
        for f in e.fields
    ]
    item = f"{e.path}/{{id}}"
    return {
        "name": e.name,
        "label": e.display,
        "plural": e.plural,
        "label_field": label_field(e),
        "state_field": state,
        "searchable": any(f.searchable for f in e.fields),
        "fields": fields,
        "api": [
            (verb, fn)
            for verb, fn in [
                ("list", _fn(ops, "GET", e.path)),
                ("read", _fn(ops, "GET", item)),
                ("create", _fn(ops, "POST", e.path)),
                ("update", _fn(ops, "PATCH", item)),
                ("remove", _fn(ops, "DELETE", item)),
            ]
            if fn is not None
        ],
        "transitions": [
            {
                "name": t.name,
                "label": t.display,
                "from": t.sources,
                "to": t.target,
                "fire": _fn(ops, "POST", f"{item}/{t.name}"),
            }
            for t in (e.states.transitions if e.states else [])
        ],
    }


def action_meta(a: Action, spec: Spec, doc: dict[str, Any]) -> dict[str, Any]:
    ops = operation_index(doc)
    target = spec.entity(a.on) if a.on else None
    path = f"{target.path}/{{id}}/{a.name}" if target else f"/actions/{a.name}"
    fn = _fn(ops, "POST", path)
    if fn is None:
        raise ValueError(f"openapi.json has no operation for the action {a.name} ({path})")
    return {
        "name": a.name,
        "label": a.display,
        "description": a.description,
        "on": a.on,
        "inputs": [field_meta(f, create=True) for f in a.inputs],
        "fn": fn,
        "has_inputs": bool(a.inputs),
    }


def model_view(spec: Spec, doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "entities": [entity_meta(e, spec, doc) for e in spec.entities],
        "actions": [action_meta(a, spec, doc) for a in spec.actions],
    }
