"""The Roles section (§3): `- code: description` or `- DISPLAY (code) (default): description`."""

from __future__ import annotations

from factory.analyst import keywords as kw
from factory.analyst.blocks import items
from factory.analyst.context import Context
from factory.analyst.sections import Section
from factory.analyst.text import normalise, split_display
from factory.ir.model import Loc, Role


def analyse_roles(section: Section | None, ctx: Context) -> list[Role]:
    admin = Role(name="admin", display="admin", description="manages everything")
    declared: list[Role] = []
    taken = {"admin"}
    for item in items(section.blocks if section else []):
        first = item.first
        text = normalise(item.text)
        head, _, description = text.partition(":")
        part = split_display(head)
        if not part.display:
            ctx.diags.error(
                "bad-role",
                f"expected '- role: description', found '{item.text}'",
                first.line,
                first.col,
            )
            continue
        if part.display in kw.PSEUDO_ROLES or (part.code or "") in kw.PSEUDO_ROLES:
            ctx.diags.error(
                "reserved-role",
                f"'{part.code or part.display}' is reserved: it already "
                "means every caller ('anyone') or every signed-in user ('user')",
                first.line,
                first.col,
            )
            continue
        is_admin = (part.code or part.display) == "admin"
        code = "admin" if is_admin else None
        if code is None:
            if (part.code or part.display) in taken:
                ctx.diags.error(
                    "duplicate-role",
                    f"role '{part.code or part.display}' is declared twice",
                    first.line,
                    first.col,
                )
                continue
            code = ctx.code_name(part, first, pascal=False, taken=taken, what="role")
        role = Role(
            name=code,
            display=part.display,
            description=description.strip(),
            is_default=part.is_default,
            loc=Loc(line=first.line, col=first.col),
        )
        if is_admin:
            admin = role.model_copy(update={"is_default": False})
            if part.is_default:
                ctx.diags.error(
                    "admin-default",
                    "admin cannot be the default role given at sign-up",
                    first.line,
                    first.col,
                )
        else:
            declared.append(role)
    if section is None or not declared:
        declared = [Role(name="user", display="user", description="a signed-in user", is_default=True)]
        if section is not None and not ctx.diags.has_errors:
            ctx.diags.warning(
                "no-roles",
                "the Roles section declares no role: sign-up gives 'user'",
                section.heading.line,
                section.heading.col,
            )
    defaults = [r for r in declared if r.is_default]
    if len(defaults) > 1:
        second = defaults[1]
        ctx.diags.error(
            "two-default-roles",
            f"two default roles: '{defaults[0].name}' and '{second.name}'",
            second.loc.line,
            second.loc.col,
        )
    elif not defaults:
        declared[0] = declared[0].model_copy(update={"is_default": True})
    roles = [admin, *declared]
    for role in roles:
        ctx.role_aliases[role.name] = role.name
        ctx.role_aliases.setdefault(role.display, role.name)
    return roles
