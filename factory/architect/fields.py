"""Facts about fields that several design artifacts share."""

from __future__ import annotations

from factory.ir.model import Entity, FieldDef, Spec

QUERY_RESERVED = frozenset({"page", "size", "sort", "q"})


def is_stored(f: FieldDef) -> bool:
    return f.computed is None and f.type.kind != "list"


def is_returned(f: FieldDef) -> bool:
    return not f.secret and f.type.kind != "password"


def is_filterable(f: FieldDef) -> bool:
    """Equality filters and sorting (§5): scalars and references, not computed/secret/password."""
    return f.computed is None and not f.secret and f.type.kind not in ("password", "list", "json")


def state_field(entity: Entity) -> str | None:
    return entity.states.field if entity.states else None


def is_writable(f: FieldDef) -> bool:
    """Accepted in CRUD input (create and update)."""
    if f.readonly or f.owner or f.computed is not None:
        return False
    return not (f.type.kind == "list" and f.type.list_kind == "one_to_many")


def has_create(entity: Entity) -> bool:
    """`required, readonly` without a default removes the generic create endpoint (§4)."""
    if entity.builtin:
        return False
    return not any(f.required and f.readonly and f.default is None for f in entity.fields)


def filter_param(f: FieldDef) -> str:
    return f.name + "_" if f.name in QUERY_RESERVED else f.name


def referenced_by_required(spec: Spec, entity: Entity) -> list[tuple[Entity, FieldDef]]:
    return [
        (other, f)
        for other in spec.entities
        for f in other.fields
        if f.type.kind == "ref" and f.type.entity == entity.name and f.required
    ]


def column(f: FieldDef) -> str:
    """The database column of a stored field: references hold ids in `<field>_id`."""
    return f"{f.name}_id" if f.type.kind == "ref" else f.name


def join_table(entity: Entity, f: FieldDef) -> tuple[str, str, str]:
    """(table, own id column, target id column) of a many-to-many list."""
    target = f.type.entity or ""
    own = f"{entity.snake}_id"
    other = f"{_snake(target)}_id" if _snake(target) != entity.snake else f"{f.name}_id"
    return f"{entity.plural}_{f.name}", own, other


def _snake(name: str) -> str:
    from factory.names import snake_case

    return snake_case(name)
