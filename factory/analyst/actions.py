"""The Actions section (§9): header lines, an Input table and the step list."""

from __future__ import annotations

from factory.analyst import keywords as kw
from factory.analyst.access import resolve_role
from factory.analyst.blocks import Header, split_headers
from factory.analyst.context import Context
from factory.analyst.entity_checks import entity_scope, resolve_fields
from factory.analyst.expressions import of_field
from factory.analyst.fields import parse_field_table
from factory.analyst.sections import Item, Section
from factory.analyst.states import RESERVED_OPERATIONS
from factory.analyst.steps import StepParser
from factory.analyst.text import split_display, split_top
from factory.ir.model import Action, FieldDef, Loc
from factory.reader.model import Table


def analyse_actions(section: Section | None, ctx: Context) -> list[Action]:
    actions: list[Action] = []
    taken: set[str] = set()
    for item in section.items if section else []:
        action = _action(item, ctx, taken)
        if action is not None:
            actions.append(action)
    return actions


def _action(item: Item, ctx: Context, taken: set[str]) -> Action | None:
    heading = item.heading
    part = split_display(heading.text)
    written = part.code or part.display
    if not written:
        ctx.diags.error("bad-action", "an action heading needs a name", heading.line, heading.col)
        return None
    if written.lower() in RESERVED_OPERATIONS:
        ctx.diags.error(
            "reserved-name",
            f"an action may not be called '{written}': that name is a CRUD operation",
            heading.line,
            heading.col,
        )
        return None
    if written in taken:
        ctx.diags.error(
            "duplicate-action", f"action '{written}' is declared twice", heading.line, heading.col
        )
        return None
    name = ctx.code_name(part, heading, pascal=False, taken=taken, what="action")
    parts = split_headers(item.blocks, kw.ACTION_HEADERS)
    headers = {h.name: h for h in parts.headers}
    who, declared = _who(headers.get("who"), ctx, heading.line, heading.col)
    on = _on(headers.get("on"), ctx)
    if "on" in headers and on is None:
        return None  # its steps would only repeat that the On entity is unknown
    if on is not None:
        entity = ctx.entity(on)
        clash = entity and entity.states and any(t.name == name for t in entity.states.transitions)
        if clash:
            ctx.diags.error(
                "duplicate-action",
                f"{on} already has a transition named '{name}'",
                heading.line,
                heading.col,
            )
    inputs = _inputs(headers.get("input"), ctx, name)
    if not parts.lists:
        ctx.diags.error(
            "no-steps",
            f"action '{name}' has no steps (a list of let/require/create/…)",
            heading.line,
            heading.col,
        )
        return None
    scope = entity_scope(ctx, None, allow_me=ctx.auth)
    scope.this = on
    scope.variables = {f.name: of_field(f.type) for f in inputs}
    steps = StepParser(ctx, scope).block(parts.lists[0].items, top=True)
    for extra in parts.lists[1:]:
        ctx.diags.error("two-step-lists", "an action has one step list; join the lists", extra.line, 1)
    return Action(
        name=name,
        display=part.display,
        who=who,
        who_declared=declared,
        on=on,
        description="\n".join(t.text for t in parts.description).strip(),
        inputs=inputs,
        steps=steps,
        loc=Loc(line=heading.line, col=heading.col),
    )


def _who(header: Header | None, ctx: Context, line: int, col: int) -> tuple[list[str], bool]:
    if header is None:
        if ctx.auth:
            ctx.diags.warning("no-who", "no 'Who:' line: every signed-in user may run this action", line, col)
        return ["user"], False
    roles: list[str] = []
    for piece in split_top(header.value):
        role = resolve_role(piece.text, ctx, header.text, header.value_col + piece.offset)
        if role is not None and role not in roles:
            roles.append(role)
    return roles, True


def _on(header: Header | None, ctx: Context) -> str | None:
    if header is None:
        return None
    entity = ctx.entity(header.value)
    if entity is None:
        ctx.diags.error(
            "unknown-entity",
            f"unknown entity '{header.value}'",
            header.text.line,
            header.value_col,
            suggestion=ctx.suggest_entity(header.value),
        )
        return None
    return entity.name


def _inputs(header: Header | None, ctx: Context, action: str) -> list[FieldDef]:
    if header is None:
        return []
    if not isinstance(header.owned, Table):
        ctx.diags.error(
            "bad-input",
            "'Input:' must be followed by a field table",
            header.text.line,
            header.text.col,
        )
        return []
    sources = parse_field_table(header.owned, ctx, f"action '{action}'")
    fields = resolve_fields(sources, ctx)
    for f in fields:
        if f.owner or f.computed is not None or (f.type.kind == "list" and f.type.list_kind == "one_to_many"):
            ctx.diags.error(
                "bad-input",
                f"input '{f.name}' cannot be owner, computed or a one-to-many list",
                f.loc.line,
                f.loc.col,
            )
    return fields
