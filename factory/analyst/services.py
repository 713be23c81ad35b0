"""The Services section (§13): which entities each separately deployable backend holds."""

from __future__ import annotations

from factory.analyst.blocks import items
from factory.analyst.context import Context
from factory.analyst.sections import Section
from factory.analyst.text import normalise, split_display, split_top
from factory.ir.expr import Expr, Path
from factory.ir.model import (
    Action,
    AdjustStep,
    CreateStep,
    DeleteStep,
    ForEachStep,
    Loc,
    Service,
    SetStep,
    Step,
    TransitionStep,
)


def analyse_services(section: Section | None, ctx: Context, app_name: str) -> list[Service]:
    services: list[Service] = []
    placed: dict[str, str] = {}
    taken = {app_name}
    for item in items(section.blocks if section else []):
        first = item.first
        head, colon, rest = normalise(item.text).partition(":")
        if not colon:
            ctx.diags.error(
                "bad-service",
                f"expected '- NAME: Entity, Entity', found '{item.text}'",
                first.line,
                first.col,
            )
            continue
        part = split_display(head)
        if (part.code or part.display) in taken:
            ctx.diags.error(
                "duplicate-service",
                f"service '{part.code or part.display}' is declared "
                "twice (the app's own service is named after the app)",
                first.line,
                first.col,
            )
            continue
        name = ctx.code_name(part, first, pascal=False, taken=taken, what="service")
        members: list[str] = []
        for piece in split_top(rest):
            col = first.col + len(head) + 1 + piece.offset
            entity = ctx.entity(piece.text)
            if entity is None:
                ctx.diags.error(
                    "unknown-entity",
                    f"unknown entity '{piece.text}'",
                    first.line,
                    col,
                    suggestion=ctx.suggest_entity(piece.text),
                )
            elif entity.name == "User":
                ctx.diags.error("user-service", "User stays in the app's own service", first.line, col)
            elif entity.name in placed:
                ctx.diags.error(
                    "entity-in-two-services",
                    f"{entity.name} is already in service '{placed[entity.name]}'",
                    first.line,
                    col,
                )
            else:
                placed[entity.name] = name
                members.append(entity.name)
        services.append(
            Service(
                name=name,
                display=part.display,
                entities=members,
                loc=Loc(line=first.line, col=first.col),
            )
        )
    main = Service(
        name=app_name,
        display=app_name,
        main=True,
        entities=[e.name for e in ctx.entities if e.name not in placed],
    )
    for entity in ctx.entities:
        entity.service = placed.get(entity.name, app_name)
    _check_expressions(ctx)
    return [main, *services]


def _check_expressions(ctx: Context) -> None:
    """Access conditions and computed fields may not follow references into another service."""
    if len({e.service for e in ctx.entities}) < 2:
        return
    for entity in ctx.entities:
        exprs: list[Expr] = [f.computed for f in entity.fields if f.computed is not None]
        exprs += [g.condition.where for g in entity.access if g.condition.where is not None]
        for expr in exprs:
            for path in _paths(expr):
                if _crosses(path, entity.service, ctx):
                    ctx.diags.error(
                        "cross-service",
                        f"this expression of {entity.name} reads another "
                        "service's data; access conditions and computed fields must stay "
                        "within one service: move the entities into one service",
                        path.line,
                        path.col,
                    )


def _paths(expr: object) -> list[Path]:
    found: list[Path] = []
    if isinstance(expr, Path):
        found.append(expr)
    if hasattr(expr, "__dict__"):
        for value in vars(expr).values():
            children = value if isinstance(value, list) else [value]
            for child in children:
                if hasattr(child, "kind") and hasattr(child, "line"):
                    found += _paths(child)
    return found


def _crosses(path: Path, service: str, ctx: Context) -> bool:
    vt = path.root.type
    entity = ctx.entity(vt.entity) if vt and vt.entity else None
    for name in path.fields:
        if entity is None:
            return False
        if entity.service != service and entity.name != "User":
            return True
        f = entity.field(name)
        entity = ctx.entity(f.type.entity) if f and f.type.entity else None
    return entity is not None and entity.service != service and entity.name != "User"


def row_entity(target: Expr, ctx: Context) -> str | None:
    """The entity of the row a step writes: `item.product.stock` writes a Product."""
    if not isinstance(target, Path):
        return target.type.entity if target.type else None
    vt = target.root.type
    entity = ctx.entity(vt.entity) if vt and vt.entity else None
    for name in target.fields[:-1]:
        f = entity.field(name) if entity else None
        entity = ctx.entity(f.type.entity) if f and f.type.entity else None
    return entity.name if entity else None


def written_entities(steps: list[Step], ctx: Context) -> list[tuple[str, Loc]]:
    """The entities an action's steps write, with the step locations."""
    out: list[tuple[str, Loc]] = []
    for step in steps:
        if isinstance(step, CreateStep):
            out.append((step.entity, step.loc))
        elif isinstance(step, SetStep | AdjustStep):
            name = row_entity(step.target, ctx)
            if name:
                out.append((name, step.loc))
        elif isinstance(step, DeleteStep | TransitionStep):
            vt = step.target.type
            if vt and vt.entity:
                out.append((vt.entity, step.loc))
        elif isinstance(step, ForEachStep):
            out += written_entities(step.steps, ctx)
    return out


def check_actions(ctx: Context) -> None:
    """An action writes to one service only (§13)."""
    services = {e.name: e.service for e in ctx.entities}
    if len(set(services.values())) < 2:
        return
    for action in ctx.actions:
        _check_action(action, services, ctx)


def _check_action(action: Action, services: dict[str, str], ctx: Context) -> None:
    written = written_entities(action.steps, ctx)
    touched = sorted({services[e] for e, _ in written if e in services})
    if len(touched) > 1:
        names = sorted({e for e, _ in written})
        ctx.diags.error(
            "action-spans-services",
            f"action '{action.name}' writes {', '.join(names)}, "
            f"which live in services {', '.join(touched)}; an action writes to one "
            "service: put these entities in one service",
            action.loc.line,
            action.loc.col,
        )
