"""The built-in User entity (§3), merged with a declared `### User`."""

from __future__ import annotations

from factory.analyst.access import ALL
from factory.analyst.context import Context
from factory.analyst.fields import FieldSource
from factory.ir.model import DefaultValue, Entity, FieldDef, FieldType, Grant, Loc, Role

BUILTIN_FIELDS = ("username", "email", "password", "role")


def builtin_user_fields(roles: list[Role]) -> list[FieldDef]:
    codes = [r.name for r in roles if r.name != "admin"] + ["admin"]
    default = next((r.name for r in roles if r.is_default), codes[0])
    return [
        FieldDef(
            name="username",
            display="username",
            type=FieldType(kind="text", max_length=150),
            required=True,
            unique=True,
            builtin=True,
        ),
        FieldDef(name="email", display="email", type=FieldType(kind="email"), required=True, builtin=True),
        FieldDef(
            name="password",
            display="password",
            type=FieldType(kind="password"),
            required=True,
            builtin=True,
        ),
        FieldDef(
            name="role",
            display="role",
            type=FieldType(kind="enum", values=codes),
            default=DefaultValue(kind="value", value=default),
            builtin=True,
        ),
    ]


def user_entity(declared: tuple[Entity, list[FieldSource]] | None, ctx: Context) -> Entity:
    """User with the built-in fields first, then the fields a `### User` adds."""
    added: list[FieldDef] = []
    loc, description, display = Loc(), "", "User"
    if declared is not None:
        entity, sources = declared
        loc, description, display = entity.loc, entity.description, entity.display
        for src in sources:
            if src.field.name in BUILTIN_FIELDS:
                ctx.diags.error(
                    "builtin-field",
                    f"User already has '{src.field.name}'; a declared User may only add fields",
                    src.field.loc.line,
                    src.field.loc.col,
                )
            else:
                added.append(src.field)
    return Entity(
        name="User",
        display=display,
        description=description,
        snake="user",
        plural="users",
        fields=builtin_user_fields(ctx.roles) + added,
        access=[
            Grant(role="user", permissions=["read"]),
            Grant(role="admin", permissions=list(ALL)),
        ],
        access_declared=False,
        builtin=True,
        loc=loc,
    )
