"""Access blocks (§6): `- ROLE: PERMS [own | where EXPR]; PERMS ...`."""

from __future__ import annotations

from factory.analyst import keywords as kw
from factory.analyst.context import Context
from factory.analyst.expressions import parse_expression
from factory.analyst.text import normalise, split_top
from factory.diagnostics import suggest
from factory.ir.model import Condition, Grant, Loc, Permission
from factory.reader.model import ListBlock, Text

ALL: list[Permission] = ["create", "read", "update", "delete"]


def resolve_role(name: str, ctx: Context, where: Text, col: int) -> str | None:
    """A role, `anyone` or `user` by code or display name; reports unknown ones."""
    pseudo = kw.PSEUDO_ROLES.get(name.lower()) if name.isascii() else kw.PSEUDO_ROLES.get(name)
    if pseudo is not None:
        return pseudo
    role = ctx.role(name)
    if role is None:
        glued = kw.glued_keyword(name, kw.BY)
        ctx.diags.error(
            "unknown-role",
            f"unknown role '{name}'",
            where.line,
            col,
            suggestion=glued or ctx.suggest_role(name),
        )
    return role


def parse_condition(text: str, ctx: Context, where: Text, col: int) -> tuple[str, Condition] | None:
    """Split `PERMS own` / `PERMS where EXPR` into the head and its condition."""
    m = kw.find_keyword(text, kw.CONDITIONS)
    while m is not None and m.canonical == "own" and text[m.end :].strip():
        m = kw.find_keyword(text, kw.CONDITIONS, m.end)
    if m is None:
        return text, Condition()
    head = text[: m.start].strip()
    if m.canonical == "own":
        return head, Condition(own=True)
    source = text[m.end :]
    lead = len(source) - len(source.lstrip())
    expr = parse_expression(source.strip(), ctx.diags, where.line, col + m.end + lead)
    if expr is None:
        return None
    return head, Condition(where=expr, where_source=source.strip())


def parse_access(block: ListBlock | None, ctx: Context) -> list[Grant]:
    grants: list[Grant] = []
    if block is None:
        return grants
    for item in block.items:
        first = item.first
        text = normalise(item.text)
        role_text, colon, rest = text.partition(":")
        if not colon:
            ctx.diags.error(
                "bad-access",
                f"expected '- ROLE: PERMISSIONS', found '{item.text}'",
                first.line,
                first.col,
            )
            continue
        role = resolve_role(role_text.strip(), ctx, first, first.col)
        if role is None:
            continue
        base = first.col + len(role_text) + 1
        for group in split_top(rest, ";"):
            grant = _group(group.text, role, ctx, first, base + group.offset)
            if grant is not None:
                grants.append(grant)
    return grants


def _group(text: str, role: str, ctx: Context, first: Text, col: int) -> Grant | None:
    if not text:
        ctx.diags.error("bad-access", "an empty permission group", first.line, col)
        return None
    parsed = parse_condition(text, ctx, first, col)
    if parsed is None:
        return None
    head, condition = parsed
    perms: list[Permission] = []
    for piece in split_top(head):
        word = piece.text
        perm = kw.PERMISSIONS.get(word.lower() if word.isascii() else word)
        if perm is None:
            ctx.diags.error(
                "unknown-permission",
                f"unknown permission '{word}': expected create, read, update, delete or all",
                first.line,
                col + piece.offset,
                suggestion=suggest(word, ["create", "read", "update", "delete", "all"]),
            )
            return None
        for p in ALL if perm == "all" else [perm]:
            if p not in perms:
                perms.append(p)  # type: ignore[arg-type]
    return Grant(role=role, permissions=perms, condition=condition, loc=Loc(line=first.line, col=col))


def default_access(has_owner: bool) -> list[Grant]:
    """§6: signed-in users read and create; update/delete by the owner (or any signed-in user)."""
    return [
        Grant(role="user", permissions=["create", "read"]),
        Grant(role="user", permissions=["update", "delete"], condition=Condition(own=has_owner)),
    ]
