"""View data for `design/architecture.md` and `design/traceability.md` (rendered by templates)."""

from __future__ import annotations

import json
from typing import Any

from factory.architect.fields import column, is_stored, join_table
from factory.ir.model import Action, Entity, FieldDef, Spec
from factory.render import render

_ER_TYPES = {
    "text": "string",
    "long_text": "text",
    "integer": "int",
    "decimal": "decimal",
    "float": "float",
    "boolean": "bool",
    "date": "date",
    "datetime": "datetime",
    "email": "string",
    "url": "string",
    "phone": "string",
    "uuid": "uuid",
    "json": "json",
    "password": "string",
    "enum": "enum",
    "ref": "int",
}


def type_label(f: FieldDef) -> str:
    t = f.type
    if t.money:
        return "money"
    if t.kind == "text":
        return f"text({t.max_length})"
    if t.kind == "decimal":
        return f"decimal({t.precision},{t.scale})"
    if t.kind == "enum":
        return "enum(" + ", ".join(t.values) + ")"
    if t.kind == "ref":
        return str(t.entity)
    if t.kind == "list":
        return f"list of {t.entity}"
    return t.kind.replace("_", " ")


def rules_label(f: FieldDef) -> str:
    rules = [
        r
        for r in ("required", "unique", "readonly", "owner", "secret", "searchable", "index")
        if getattr(f, r)
    ]
    if f.min is not None:
        rules.append(f"min {f.min}")
    if f.max is not None:
        rules.append(f"max {f.max}")
    if f.length_min is not None or f.length_max is not None:
        rules.append(f"length {f.length_min or ''}..{f.length_max or ''}")
    if f.pattern is not None:
        rules.append(f'pattern "{f.pattern}"')
    if f.default is not None:
        rules.append(f"default {f.default.value if f.default.kind == 'value' else f.default.kind}")
    if f.computed_source is not None:
        rules.append(f"computed: {f.computed_source}")
    return ", ".join(rules)


def _er(spec: Spec) -> dict[str, Any]:
    entities = []
    relations = []
    for e in spec.entities:
        attrs = []
        for f in e.fields:
            if f.type.kind == "list":
                continue
            key = "FK" if f.type.kind == "ref" else ("UK" if f.unique else "")
            attrs.append(
                {
                    "type": _ER_TYPES.get(f.type.kind, "string"),
                    "name": column(f) if is_stored(f) else f.name,
                    "key": key,
                    "comment": f.display if f.display != f.name else "",
                }
            )
        entities.append({"name": e.name, "attrs": attrs})
        for f in e.fields:
            if f.type.kind == "ref":
                right = "||" if f.required else "o|"
                relations.append(
                    {
                        "left": e.name,
                        "card": f"}}o--{right}",
                        "right": f.type.entity,
                        "label": f.name,
                    }
                )
            elif f.type.kind == "list" and f.type.list_kind == "many_to_many":
                relations.append(
                    {
                        "left": e.name,
                        "card": "}o--o{",
                        "right": f.type.entity,
                        "label": join_table(e, f)[0],
                    }
                )
    return {"entities": entities, "relations": relations}


def _states(e: Entity) -> dict[str, Any] | None:
    if e.states is None:
        return None
    f = e.field(e.states.field)
    values = f.type.values if f else []
    ids = {v: f"s{i}" for i, v in enumerate(values)}
    return {
        "field": e.states.field,
        "states": [{"id": ids[v], "label": v} for v in values],
        "initial": ids.get(e.states.initial, "s0"),
        "edges": [
            {
                "from": ids[s],
                "to": ids[t.target],
                "label": t.name,
                "by": ", ".join(
                    b.role
                    + (" own" if b.condition.own else "")
                    + (f" where {b.condition.where_source}" if b.condition.where_source else "")
                    for b in t.by
                ),
            }
            for t in e.states.transitions
            for s in t.sources
        ],
    }


def _grants(e: Entity) -> list[dict[str, str]]:
    out = []
    for g in e.access:
        cond = (
            "own"
            if g.condition.own
            else (f"where {g.condition.where_source}" if g.condition.where_source else "")
        )
        out.append({"role": g.role, "permissions": ", ".join(g.permissions), "condition": cond})
    return out


def _action(a: Action) -> dict[str, Any]:
    return {
        "name": a.name,
        "display": a.display,
        "who": ", ".join(a.who),
        "on": a.on or "",
        "inputs": ", ".join(f"{f.name}: {type_label(f)}" for f in a.inputs),
        "steps": ", ".join(s.kind.replace("_", " ") for s in a.steps),
        "description": a.description,
    }


def architecture(spec: Spec) -> str:
    entities = [
        {
            "name": e.name,
            "display": e.display,
            "description": e.description,
            "plural": e.plural,
            "service": e.service,
            "builtin": e.builtin,
            "declared": e.access_declared,
            "fields": [
                {
                    "name": f.name,
                    "display": f.display,
                    "type": type_label(f),
                    "rules": rules_label(f),
                    "description": f.description,
                }
                for f in e.fields
            ],
            "grants": _grants(e),
            "states": _states(e),
        }
        for e in spec.entities
    ]
    return render(
        "design/architecture.md.j2",
        spec=spec,
        entities=entities,
        er=_er(spec),
        services=[{"name": s.name, "entities": ", ".join(s.entities), "main": s.main} for s in spec.services],
        actions=[_action(a) for a in spec.actions],
        roles=spec.roles,
        web=spec.settings.frontend == "web",
        jwt=spec.settings.auth == "jwt",
    )


def traceability(spec: Spec, openapi: str) -> str:
    doc = json.loads(openapi)
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "operation": op["operationId"],
            "line": op["x-spec-line"],
        }
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method != "parameters"
    ]
    tables = []
    for e in spec.entities:
        for f in e.fields:
            if is_stored(f):
                tables.append(
                    {
                        "table": e.plural,
                        "column": column(f),
                        "line": f"{spec.source}:{f.loc.line}" if f.loc.line else f"{spec.source} (built in)",
                    }
                )
            elif f.type.kind == "list" and f.type.list_kind == "many_to_many":
                tables.append(
                    {
                        "table": join_table(e, f)[0],
                        "column": "(join table)",
                        "line": f"{spec.source}:{f.loc.line}",
                    }
                )
    ops = {(m, p): o for o in endpoints for (m, p) in [(o["method"], o["path"])]}
    scenarios = [
        {
            "name": s.display,
            "line": f"{spec.source}:{s.loc.line}",
            "operations": ", ".join(dict.fromkeys(_scenario_ops(spec, s.steps, ops))),
        }
        for s in spec.scenarios
    ]
    pages = [
        {
            "name": p.display,
            "entity": p.entity,
            "view": p.view,
            "line": f"{spec.source}:{p.loc.line}",
        }
        for p in spec.pages
    ]
    return render(
        "design/traceability.md.j2",
        spec=spec,
        endpoints=endpoints,
        tables=tables,
        scenarios=scenarios,
        pages=pages,
    )


def _scenario_ops(spec: Spec, steps: list[Any], ops: dict[tuple[str, str], dict[str, str]]) -> list[str]:
    names = []
    for step in steps:
        if step.kind == "sign_up":
            names.append("signup")
        elif step.kind == "call":
            e = spec.entity(step.entity)
            path = e.path if e else ""
            key = {
                "create": ("POST", path),
                "list": ("GET", path),
                "read": ("GET", f"{path}/{{id}}"),
                "update": ("PATCH", f"{path}/{{id}}"),
                "delete": ("DELETE", f"{path}/{{id}}"),
                "transition": ("POST", f"{path}/{{id}}/{step.name}"),
            }.get(step.verb)
            if step.verb == "action":
                action = spec.action(step.name or "")
                key = (
                    "POST",
                    f"{path}/{{id}}/{step.name}" if action and action.on else f"/actions/{step.name}",
                )
            if key and key in ops:
                names.append(ops[key]["operation"])
    return names
