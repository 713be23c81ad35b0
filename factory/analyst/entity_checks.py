"""Checks that need every entity: references, list kinds, owners, computed fields, conditions."""

from __future__ import annotations

from typing import Any

from factory.analyst import keywords as kw
from factory.analyst.context import Context
from factory.analyst.expressions import (
    Scope,
    check_expression,
    expression_type_fits,
    referenced_fields,
)
from factory.analyst.fields import FieldSource
from factory.diagnostics import suggest
from factory.ir.expr import Expr, ValueType
from factory.ir.model import Condition, Entity, FieldDef

_TYPE_WORDS = sorted(k for k in kw.TYPES if k.isascii())


def entity_scope(ctx: Context, entity: Entity | None = None, **extra: Any) -> Scope:
    return Scope(
        entities=ctx.entity_map(),
        aliases=dict(ctx.entity_aliases),
        entity=entity.name if entity else None,
        this=entity.name if entity else None,
        **extra,
    )  # type: ignore[arg-type]


def check_entities(ctx: Context, sources: dict[str, list[FieldSource]]) -> None:
    for entity in ctx.entities:
        by_name = {s.field.name: s for s in sources.get(entity.name, [])}
        fields: list[FieldDef] = []
        for f in entity.fields:
            src = by_name.get(f.name)
            fields.append(_resolve(f, src, ctx) if src is not None else f)
        entity.fields = fields
        _owners(entity, ctx)
    for entity in ctx.entities:
        entity.fields = [_list_kind(f, entity, ctx) for f in entity.fields]
    for entity in ctx.entities:
        _computed(entity, ctx)


def resolve_fields(sources: list[FieldSource], ctx: Context) -> list[FieldDef]:
    """Resolve the entity names of a field table that is not an entity's (action inputs)."""
    fields = [_resolve(s.field, s, ctx) for s in sources]
    return [_list_kind(f, None, ctx) for f in fields]


def _resolve(f: FieldDef, src: FieldSource, ctx: Context) -> FieldDef:
    if src.entity_name is None:
        return f
    target = ctx.entity(src.entity_name)
    cell = src.type_cell
    if target is None:
        name = src.entity_name
        if name in ("User", "用户") and not ctx.auth:
            ctx.diags.error("user-needs-auth", "there are no users with 'auth: none'", cell.line, cell.col)
        else:
            entity_hint = ctx.suggest_entity(name)
            type_hint = suggest(name.lower(), _TYPE_WORDS)
            if f.type.kind == "ref" and type_hint and not entity_hint:
                ctx.diags.error(
                    "unknown-type",
                    f"unknown type '{name}'",
                    cell.line,
                    cell.col,
                    suggestion=type_hint,
                )
            elif entity_hint or f.type.kind == "list" or name[:1].isupper():
                ctx.diags.error(
                    "unknown-entity",
                    f"unknown entity '{name}'",
                    cell.line,
                    cell.col,
                    suggestion=entity_hint,
                )
            else:
                ctx.diags.error(
                    "unknown-type",
                    f"unknown type '{name}': expected a type or an entity name",
                    cell.line,
                    cell.col,
                )
        return f
    return f.model_copy(update={"type": f.type.model_copy(update={"entity": target.name})})


def _owners(entity: Entity, ctx: Context) -> None:
    owners = [f for f in entity.fields if f.owner]
    for f in owners:
        if not ctx.auth:
            ctx.diags.error(
                "owner-needs-auth",
                "'owner' needs signed-in users (auth: jwt)",
                f.loc.line,
                f.loc.col,
            )
        elif f.type.kind != "ref" or f.type.entity != "User":
            ctx.diags.error(
                "bad-owner", f"owner field '{f.name}' must be of type User", f.loc.line, f.loc.col
            )
    if len(owners) > 1:
        ctx.diags.error(
            "two-owners",
            f"{entity.name} has two owner fields: '{owners[0].name}' and '{owners[1].name}'",
            owners[1].loc.line,
            owners[1].loc.col,
        )


def _list_kind(f: FieldDef, entity: Entity | None, ctx: Context) -> FieldDef:
    if f.type.kind != "list" or f.type.entity is None:
        return f
    target = ctx.entity(f.type.entity)
    if target is None:
        return f
    if entity is None:  # an action input: a list of ids
        return f.model_copy(update={"type": f.type.model_copy(update={"list_kind": "many_to_many"})})
    back = [g for g in target.fields if g.type.kind == "ref" and g.type.entity == entity.name]
    if len(back) > 1:
        ctx.diags.error(
            "ambiguous-list",
            f"'list of {target.name}' is ambiguous: {target.name} has "
            f"{len(back)} fields referring to {entity.name} "
            f"({', '.join(g.name for g in back)})",
            f.loc.line,
            f.loc.col,
        )
        return f
    if f.required or f.unique or f.default is not None:
        ctx.diags.warning(
            "list-rules",
            "rules other than searchable/index do not apply to lists",
            f.loc.line,
            f.loc.col,
        )
    kind = "one_to_many" if back else "many_to_many"
    new_type = f.type.model_copy(update={"list_kind": kind, "back_field": back[0].name if back else None})
    return f.model_copy(update={"type": new_type})


def _computed(entity: Entity, ctx: Context) -> None:
    scope = entity_scope(ctx, entity)
    deps: dict[str, set[str]] = {}
    for f in entity.fields:
        if f.computed is None:
            continue
        vt = check_expression(f.computed, scope, ctx.diags)
        if vt is None:
            continue
        if not expression_type_fits(vt, f.type) or vt.kind == "list":
            ctx.diags.error(
                "type-mismatch",
                f"computed field '{f.name}' is declared {_declared(f)} but its expression gives {vt}",
                f.computed.line,
                f.computed.col,
            )
        deps[f.name] = {d for d in referenced_fields(f.computed) if d in _computed_names(entity)}
    cycle = _find_cycle(deps)
    if cycle:
        first = entity.field(cycle[0])
        ctx.diags.error(
            "computed-cycle",
            "computed fields depend on each other in a cycle: " + " -> ".join([*cycle, cycle[0]]),
            first.loc.line if first else entity.loc.line,
            first.loc.col if first else 1,
        )


def _declared(f: FieldDef) -> str:
    if f.type.money:
        return "money"
    return f.type.entity or f.type.kind.replace("_", " ")


def _computed_names(entity: Entity) -> set[str]:
    return {f.name for f in entity.fields if f.computed is not None}


def _find_cycle(deps: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(deps.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in deps:
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def check_condition_expr(expr: Expr | None, entity: Entity, ctx: Context) -> None:
    if expr is None:
        return
    vt = check_expression(expr, entity_scope(ctx, entity), ctx.diags)
    if vt is not None and vt.kind not in ("boolean", "null"):
        ctx.diags.error("type-mismatch", f"a condition must be true or false, not {vt}", expr.line, expr.col)


def check_conditions(entity: Entity, ctx: Context) -> None:
    conditions: list[Condition] = [g.condition for g in entity.access]
    if entity.states:
        conditions += [b.condition for t in entity.states.transitions for b in t.by]
    for c in conditions:
        check_condition_expr(c.where, entity, ctx)


BOOLEAN = ValueType(kind="boolean")
