"""Per-entity tests derived from the IR: access, CRUD, rules, uniqueness, transitions."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import has_create, is_writable
from factory.ir.model import Entity, FieldDef, Spec
from factory.qa.samples import invalid, valid


def _payload(e: Entity, spec: Spec) -> tuple[dict[str, Any], list[tuple[str, str]]] | None:
    """A valid create body (scalars) and the references it needs: (field, entity)."""
    body: dict[str, Any] = {}
    refs: list[tuple[str, str]] = []
    for f in e.fields:
        if not is_writable(f) or f.type.kind == "list" or (e.builtin and f.name == "username"):
            continue
        if not f.required or f.default is not None:
            continue
        if f.type.kind == "ref":
            target = spec.entity(f.type.entity or "")
            if target is None or (not target.builtin and makeable(target, spec, set()) is False):
                return None
            refs.append((f.name, target.name))
            continue
        try:
            body[f.name] = valid(f, e)
        except ValueError:
            return None
    return body, refs


def makeable(e: Entity, spec: Spec, seen: set[str]) -> bool:
    if e.builtin:
        return True
    if e.name in seen or not has_create(e):
        return False
    payload = _payload(e, spec)
    if payload is None:
        return False
    return all(makeable(spec.entity(t), spec, seen | {e.name}) for _, t in payload[1] if spec.entity(t))  # type: ignore[arg-type]


def factories(spec: Spec) -> list[dict[str, Any]]:
    out = []
    for e in spec.entities:
        if e.builtin or not makeable(e, spec, set()):
            continue
        payload = _payload(e, spec)
        assert payload is not None
        body, refs = payload
        out.append(
            {
                "snake": e.snake,
                "name": e.name,
                "path": e.path,
                "body": body,
                "refs": [{"field": f, "maker": _maker(spec, t)} for f, t in refs],
            }
        )
    return out


def _maker(spec: Spec, name: str) -> str | None:
    target = spec.entity(name)
    return None if target is None or target.builtin else target.snake


def _rule_cases(e: Entity) -> list[dict[str, Any]]:
    cases = []
    for f in e.fields:
        if not is_writable(f) or f.type.kind in ("ref", "list") or (e.states and e.states.field == f.name):
            continue
        for reason, value in invalid(f):
            cases.append({"field": f.name, "reason": reason, "value": value, "line": f.loc.line})
        if f.required and f.default is None:
            cases.append({"field": f.name, "reason": "missing", "value": "__missing__", "line": f.loc.line})
    return cases


def _update_case(e: Entity) -> dict[str, Any] | None:
    for f in e.fields:
        if (
            is_writable(f)
            and f.type.kind in ("text", "long_text", "integer")
            and not f.unique
            and f.pattern is None
        ):
            if e.states and e.states.field == f.name:
                continue
            value: Any = "b" * max(1, f.length_min or 1) if f.type.kind != "integer" else None
            if f.type.kind == "integer":
                low = int(f.min) if f.min is not None else 0
                value = low + 1 if f.max is None or low + 1 <= int(f.max) else low
            return {"field": f.name, "value": value}
    return None


def _reach(e: Entity, role: str, op: str) -> str:
    """What `role` may do with `op` on a row it does not own: all, own, where (unknown) or none."""
    grants = [g for g in e.access if g.role in (role, "user", "anyone") and op in g.permissions]
    if any(not g.condition.own and g.condition.where is None for g in grants):
        return "all"
    if any(g.condition.where is not None for g in grants):
        return "where"
    return "own" if grants else "none"


def _role_cases(e: Entity, spec: Spec) -> list[dict[str, str]]:
    """Per role: read/update/delete on a row admin created, when the outcome follows from Access alone."""
    if spec.settings.auth != "jwt":
        return []
    cases = []
    for role in spec.roles:
        if role.name == "admin":
            continue
        reach = {op: _reach(e, role.name, op) for op in ("read", "update", "delete")}
        if "where" not in reach.values():
            cases.append({"role": role.name, **reach})
    return cases


def entity_tests(spec: Spec) -> list[dict[str, Any]]:
    makers = {m["snake"] for m in factories(spec)}
    out = []
    for e in spec.entities:
        if e.builtin:
            continue
        anyone_read = any(g.role == "anyone" and "read" in g.permissions for g in e.access)
        anyone_create = any(g.role == "anyone" and "create" in g.permissions for g in e.access)
        unique = [
            f.name for f in e.fields if f.unique and is_writable(f) and f.type.kind not in ("ref", "list")
        ]
        transitions = []
        if e.states is not None:
            for t in e.states.transitions:
                transitions.append(
                    {
                        "name": t.name,
                        "allowed": e.states.initial in t.sources,
                        "line": t.loc.line,
                        "target": t.target,
                        "allowed_now": [
                            x.name for x in e.states.transitions if e.states.initial in x.sources
                        ],
                    }
                )
        out.append(
            {
                "snake": e.snake,
                "name": e.name,
                "path": e.path,
                "line": f"{spec.source}:{e.loc.line}",
                "jwt": spec.settings.auth == "jwt",
                "anyone_read": anyone_read,
                "anyone_create": anyone_create or not has_create(e),
                "make": e.snake in makers,
                "rules": _rule_cases(e) if e.snake in makers else [],
                "change": _update_case(e) if e.snake in makers else None,
                "unique": unique if e.snake in makers else [],
                "state_field": e.states.field if e.states else None,
                "roles": _role_cases(e, spec) if e.snake in makers else [],
                "transitions": transitions if e.snake in makers else [],
                "source": spec.source,
            }
        )
    return out


def _unused(f: FieldDef) -> None:  # keeps the import used for type readers
    return None
