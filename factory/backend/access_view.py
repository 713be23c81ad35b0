"""View data for `access.py`: Access blocks and `by` clauses compiled to SQL conditions (§6, §7)."""

from __future__ import annotations

from typing import Any

from factory.backend.exprgen import Ctx
from factory.backend.naming import fk_attr, model
from factory.backend.sqlgen import SqlCtx, sql
from factory.ir.model import Condition, Entity, Spec


def _who(role: str) -> str:
    if role == "anyone":
        return "True"
    if role == "user":
        return "me is not None"
    return f'role == "{role}"'


def condition_sql(c: Condition, e: Entity, spec: Spec) -> str:
    """`own` and/or `where EXPR` on rows of `e` as a SQLAlchemy expression (source); `me` is the caller."""
    parts = []
    if c.own:
        owner = e.owner_field
        assert owner is not None
        parts.append(f"{model(e)}.{fk_attr(owner)} == ops.id_of(me)")
    if c.where is not None:
        parts.append(sql(c.where, SqlCtx(Ctx(spec), e.name)))
    if not parts:
        return "true()"
    return parts[0] if len(parts) == 1 else f"and_({', '.join(parts)})"


def access_view(spec: Spec) -> dict[str, Any]:
    entities = []
    for e in spec.entities:
        if e.builtin:
            continue
        if spec.settings.auth == "none":
            open_all = {
                "who": "True",
                "ops": ("create", "read", "update", "delete"),
                "condition": "true()",
                "comment": "auth: none: every caller may do everything",
            }
            entities.append(
                {
                    "snake": e.snake,
                    "model": model(e),
                    "grants": [open_all],
                    "line": "",
                    "anyone": ["create", "delete", "read", "update"],
                    "transitions": [
                        {
                            "name": t.name,
                            "rules": [{"who": "True", "condition": "true()", "comment": "anyone"}],
                        }
                        for t in (e.states.transitions if e.states else [])
                    ],
                }
            )
            continue
        grants = [
            {
                "who": _who(g.role),
                "ops": tuple(g.permissions),
                "condition": condition_sql(g.condition, e, spec),
                "comment": f"{g.role}: {', '.join(g.permissions)}"
                + (" own" if g.condition.own else "")
                + (f" where {g.condition.where_source}" if g.condition.where_source else ""),
            }
            for g in e.access
        ]
        transitions = [
            {
                "name": t.name,
                "rules": [
                    {
                        "who": _who(b.role),
                        "condition": condition_sql(b.condition, e, spec),
                        "comment": b.role
                        + (" own" if b.condition.own else "")
                        + (f" where {b.condition.where_source}" if b.condition.where_source else ""),
                    }
                    for b in t.by
                ],
            }
            for t in (e.states.transitions if e.states else [])
        ]
        entities.append(
            {
                "snake": e.snake,
                "model": model(e),
                "grants": grants,
                "transitions": transitions,
                "line": f"{spec.source}:{e.loc.line}",
                "anyone": sorted({p for g in e.access if g.role == "anyone" for p in g.permissions}),
            }
        )
    return {"entities": entities}
