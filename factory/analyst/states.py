"""`States of FIELD:` blocks (§7): `- NAME: FROM | FROM -> TO, by ROLE [own | where EXPR], ...`."""

from __future__ import annotations

from factory.analyst import keywords as kw
from factory.analyst.access import parse_condition, resolve_role
from factory.analyst.blocks import Header
from factory.analyst.context import Context
from factory.analyst.text import find_top, normalise, split_display, split_top
from factory.diagnostics import suggest
from factory.ir.model import ByRole, Entity, Loc, StateMachine, Transition
from factory.reader.model import ListBlock, Text

RESERVED_OPERATIONS = frozenset({"create", "read", "update", "delete", "list", "edit", "view"})


def parse_states(header: Header, entity: Entity, ctx: Context) -> StateMachine | None:
    field = entity.field(header.value) or next((f for f in entity.fields if f.display == header.value), None)
    if field is None:
        ctx.diags.error(
            "unknown-field",
            f"{entity.name} has no field '{header.value}'",
            header.text.line,
            header.value_col,
            suggestion=suggest(header.value, [f.name for f in entity.fields]),
        )
        return None
    if field.type.kind != "enum":
        ctx.diags.error(
            "not-an-enum",
            f"'States of {field.name}' needs an enum field; "
            f"{field.name} is {field.type.kind.replace('_', ' ')}",
            header.text.line,
            header.value_col,
        )
        return None
    initial = field.default.value if field.default and field.default.kind == "value" else None
    machine = StateMachine(
        field=field.name,
        initial=str(initial or field.type.values[0]),
        transitions=[],
        loc=Loc(line=header.text.line, col=header.text.col),
    )
    owned = header.owned if isinstance(header.owned, ListBlock) else None
    taken: set[str] = set()
    for item in owned.items if owned else []:
        transition = _transition(item.first, normalise(item.text), field.type.values, entity, ctx, taken)
        if transition is not None:
            machine.transitions.append(transition)
    return machine


def _transition(
    first: Text, text: str, values: list[str], entity: Entity, ctx: Context, taken: set[str]
) -> Transition | None:
    colon = find_top(text, ":")
    arrow, arrow_len = text.find("->"), 2
    if arrow < 0:
        arrow, arrow_len = text.find("→"), 1
    if colon < 0 or arrow < colon:
        ctx.diags.error("bad-transition", "expected '- NAME: FROM -> TO, by ROLE'", first.line, first.col)
        return None
    part = split_display(text[:colon])
    code_written = part.code or part.display
    if code_written.lower() in RESERVED_OPERATIONS:
        ctx.diags.error(
            "reserved-name",
            f"a transition may not be called '{code_written}': that name is a CRUD operation",
            first.line,
            first.col,
        )
        return None
    if code_written in taken:
        ctx.diags.error(
            "duplicate-transition",
            f"{entity.name} has two transitions named '{code_written}'",
            first.line,
            first.col,
        )
        return None
    name = ctx.code_name(part, first, pascal=False, taken=taken, what="transition")
    sources: list[str] = []
    for piece in split_top(text[colon + 1 : arrow], "|"):
        if not _state(piece.text, values, ctx, first, first.col + colon + 1 + piece.offset):
            return None
        sources.append(piece.text)
    pieces = split_top(text[arrow + arrow_len :])
    base = first.col + arrow + arrow_len
    target = pieces[0].text
    if not _state(target, values, ctx, first, base + pieces[0].offset):
        return None
    by = _by(pieces[1:], ctx, first, base)
    if by is None:
        return None
    return Transition(
        name=name,
        display=part.display,
        sources=sources,
        target=target,
        by=by,
        loc=Loc(line=first.line, col=first.col),
    )


def _state(value: str, values: list[str], ctx: Context, first: Text, col: int) -> bool:
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    if value in values:
        return True
    ctx.diags.error(
        "unknown-state",
        f"'{value}' is not a state: expected one of {', '.join(values)}",
        first.line,
        col,
        suggestion=suggest(value, values),
    )
    return False


def _by(pieces: list, ctx: Context, first: Text, base: int) -> list[ByRole] | None:  # type: ignore[type-arg]
    if not pieces:
        ctx.diags.error("missing-by", "say who may fire this transition: ', by ROLE'", first.line, first.col)
        return None
    out: list[ByRole] = []
    for i, piece in enumerate(pieces):
        text, col = piece.text, base + piece.offset
        if i == 0:
            m = kw.match_start(text, kw.BY)
            if m is None:
                glued = kw.glued_keyword(text.split(" ")[0], kw.BY)
                ctx.diags.error(
                    "glued-keyword" if glued else "missing-by",
                    f"expected 'by ROLE' but found '{text}'",
                    first.line,
                    col,
                    suggestion=glued,
                )
                return None
            text, col = (
                text[m.end :].lstrip(),
                col + m.end + (len(text[m.end :]) - len(text[m.end :].lstrip())),
            )
        parsed = parse_condition(text, ctx, first, col)
        if parsed is None:
            return None
        role_text, condition = parsed
        role = resolve_role(role_text, ctx, first, col)
        if role is None:
            return None
        out.append(ByRole(role=role, condition=condition, loc=Loc(line=first.line, col=col)))
    return out
