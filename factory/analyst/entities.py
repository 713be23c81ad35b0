"""The Entities section (§4, §6, §7): entities, fields, access and state machines."""

from __future__ import annotations

from factory.analyst import keywords as kw
from factory.analyst.access import default_access, parse_access
from factory.analyst.blocks import split_headers
from factory.analyst.context import Context
from factory.analyst.entity_checks import check_entities
from factory.analyst.fields import FieldSource, parse_field_table
from factory.analyst.sections import Item, Section
from factory.analyst.states import parse_states
from factory.analyst.text import split_display
from factory.analyst.user import user_entity
from factory.ir.model import Entity, Loc
from factory.names import derive_pascal, plural, snake_case
from factory.reader.model import ListBlock


def analyse_entities(section: Section | None, ctx: Context) -> list[Entity]:
    if section is None or not section.items:
        where = section.heading if section else None
        ctx.diags.error(
            "no-entities",
            "the document declares no entities: add '## Entities' with "
            "one '### Name' and a field table per entity",
            where.line if where else 1,
            where.col if where else 1,
        )
        return []
    parsed: list[tuple[Entity, list[FieldSource], Item]] = []
    taken: set[str] = set()
    for item in section.items:
        entity = _declare(item, ctx, taken)
        if entity is not None:
            parsed.append(entity)
    user_declared = next(((e, s) for e, s, _ in parsed if e.name == "User"), None)
    entities = [e for e, _, _ in parsed if e.name != "User" or not ctx.auth]
    sources = {e.name: s for e, s, _ in parsed}
    if ctx.auth:
        entities.insert(0, user_entity(user_declared, ctx))
        sources["User"] = [s for s in user_declared[1]] if user_declared else []
    ctx.entities = entities
    for e in entities:
        ctx.entity_aliases[e.name] = e.name
        ctx.entity_aliases.setdefault(e.display, e.name)
    check_entities(ctx, sources)
    for e, _, item in parsed:
        if e.name != "User" or not ctx.auth:
            _behaviour(ctx.entity(e.name) or e, item, ctx)
    if ctx.auth and user_declared is not None:
        item = next(i for e, _, i in parsed if e.name == "User")
        if split_headers(item.blocks, kw.ENTITY_HEADERS).headers:
            ctx.diags.warning(
                "user-access",
                "User's access is built in (§3); its Access and States blocks are ignored",
                item.heading.line,
                item.heading.col,
            )
    return ctx.entities


def _declare(item: Item, ctx: Context, taken: set[str]) -> tuple[Entity, list[FieldSource], Item] | None:
    heading = item.heading
    part = split_display(heading.text)
    written = part.code or part.display
    if not written:
        ctx.diags.error("bad-entity", "an entity heading needs a name", heading.line, heading.col)
        return None
    if written.lower() in kw.TYPES or written.lower() in ("list", "list of"):
        suggestion = f"{part.display} (Calendar{derive_pascal(written)})"
        ctx.diags.error(
            "entity-named-like-type",
            f"an entity may not be named like the type '{written}'",
            heading.line,
            heading.col,
            suggestion=suggestion,
        )
        return None
    if written in taken:
        ctx.diags.error(
            "duplicate-entity", f"entity '{written}' is declared twice", heading.line, heading.col
        )
        return None
    name = ctx.code_name(part, heading, pascal=True, taken=taken, what="entity")
    parts = split_headers(item.blocks, kw.ENTITY_HEADERS)
    if not parts.tables:
        ctx.diags.error(
            "no-field-table",
            f"entity '{name}' has no field table (| Field | Type | Rules | Description |)",
            heading.line,
            heading.col,
        )
        return None
    sources = parse_field_table(parts.tables[0], ctx, f"entity '{name}'")
    snake = snake_case(name)
    entity = Entity(
        name=name,
        display=part.display,
        snake=snake,
        plural=plural(snake),
        description="\n".join(t.text for t in parts.description).strip(),
        fields=[s.field for s in sources],
        access=[],
        loc=Loc(line=heading.line, col=heading.col),
    )
    return entity, sources, item


def _behaviour(entity: Entity, item: Item, ctx: Context) -> None:
    """Access and States blocks, once every entity's fields are known."""
    parts = split_headers(item.blocks, kw.ENTITY_HEADERS)
    access_headers = [h for h in parts.headers if h.name == "access"]
    grants = []
    for header in access_headers:
        owned = header.owned if isinstance(header.owned, ListBlock) else None
        grants += parse_access(owned, ctx)
    if not ctx.auth and access_headers:
        ctx.diags.warning(
            "ignored-access",
            "with 'auth: none' every caller may do everything; this Access block is ignored",
            access_headers[0].text.line,
            access_headers[0].text.col,
        )
        grants = []
    owner = entity.owner_field
    for grant in grants:
        if grant.condition.own and owner is None:
            ctx.diags.error(
                "own-without-owner",
                "'own' needs an owner field; did you mean 'where FIELD = me'?",
                grant.loc.line,
                grant.loc.col,
            )
    entity.access = grants if access_headers else default_access(owner is not None)
    entity.access_declared = bool(access_headers)
    for header in (h for h in parts.headers if h.name == "states_of"):
        if entity.states is not None:
            ctx.diags.error(
                "duplicate-states",
                f"{entity.name} already has a state machine (on '{entity.states.field}')",
                header.text.line,
                header.text.col,
            )
            continue
        machine = parse_states(header, entity, ctx)
        if machine is not None:
            entity.states = machine
            for t in machine.transitions:
                for by in t.by:
                    if by.condition.own and owner is None:
                        ctx.diags.error(
                            "own-without-owner",
                            "'own' needs an owner field; did you mean 'where FIELD = me'?",
                            by.loc.line,
                            by.loc.col,
                        )
    from factory.analyst.entity_checks import check_conditions

    check_conditions(entity, ctx)
