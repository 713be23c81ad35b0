"""View data for `entities.py` (one EntityApi per entity) and the per-entity routers."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import filter_param, has_create, is_filterable
from factory.backend.naming import attr, fk_attr, model
from factory.backend.schemas_view import action_schema, writable
from factory.ir.model import Entity, Spec

_KINDS = {"long_text": "text", "email": "text", "url": "text", "phone": "text"}


def _filters(e: Entity) -> list[dict[str, Any]]:
    out = []
    for f in e.fields:
        if not is_filterable(f):
            continue
        column = fk_attr(f) if f.type.kind == "ref" else attr(f)
        out.append(
            {
                "param": filter_param(f),
                "key": f.name,
                "column": f"{model(e)}.{column}",
                "kind": _KINDS.get(f.type.kind, f.type.kind),
                "values": tuple(f.type.values),
            }
        )
    return out


def entity_view(e: Entity, spec: Spec) -> dict[str, Any]:
    fields = writable(e)
    refs = [
        {"field": f.name, "fk": fk_attr(f), "target": f.type.entity} for f in fields if f.type.kind == "ref"
    ]
    many = [
        {"field": f.name, "relation": attr(f), "target": f.type.entity}
        for f in fields
        if f.type.kind == "list"
    ]
    restrict: list[dict[str, str]] = []
    nullify: list[dict[str, str]] = []
    for other in spec.entities:
        for f in other.fields:
            if f.type.kind == "ref" and f.type.entity == e.name:
                (restrict if f.required else nullify).append(
                    {"model": model(other), "fk": fk_attr(f), "name": other.name}
                )
    owner = e.owner_field
    states = None
    if e.states is not None:
        states = {
            "field": e.states.field,
            "attr": attr(e.field(e.states.field)),  # type: ignore[arg-type]
            "initial": e.states.initial,
            "transitions": [
                {
                    "name": t.name,
                    "sources": tuple(t.sources),
                    "target": t.target,
                    "anyone": any(b.role == "anyone" for b in t.by),
                }
                for t in e.states.transitions
            ],
        }
    me_defaults = [
        fk_attr(f) for f in e.fields if f.default is not None and f.default.kind == "me" and not f.owner
    ]
    return {
        "name": e.name,
        "snake": e.snake,
        "model": model(e),
        "plural": e.plural,
        "display": e.display,
        "builtin": e.builtin,
        "line": f"{spec.source}:{e.loc.line}",
        "create": has_create(e),
        "attrs": {f.name: attr(f) for f in fields if f.type.kind not in ("ref", "list")},
        "required": sorted(f.name for f in fields if f.required),
        "owner": fk_attr(owner) if owner else None,
        "refs": refs,
        "many": many,
        "states": states,
        "unique": tuple((f.name, attr(f)) for f in e.fields if f.unique and f.type.kind != "ref"),
        "restrict": restrict,
        "nullify": nullify,
        "me_defaults": me_defaults,
        "filters": _filters(e),
        "sortable": [("id", f"{model(e)}.id")]
        + [(f.name, col["column"]) for f in e.fields for col in _filters(e) if col["key"] == f.name],
        "searchable": [f"{model(e)}.{attr(f)}" for f in e.fields if f.searchable],
        "on_actions": [
            {
                "name": a.name,
                "fn": a.name,
                "schema": action_schema(a.name) if a.inputs else None,
                "line": f"{spec.source}:{a.loc.line}",
            }
            for a in spec.actions
            if a.on == e.name
        ],
    }


def entities_view(spec: Spec) -> dict[str, Any]:
    return {"entities": [entity_view(e, spec) for e in spec.entities]}
