"""Names in generated code: Python-safe attributes, columns, packages."""

from __future__ import annotations

import keyword

from factory.ir.model import Entity, FieldDef, Spec

# Names a mapped class already uses (SQLAlchemy's, and the generated `label()`).
_TAKEN = frozenset({"metadata", "registry", "label", "query"})


def safe_identifier(name: str) -> str:
    """A Python-safe name: keywords and names the models already use get a trailing `_`."""
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _TAKEN:
        return name + "_"
    return name


def package(spec: Spec) -> str:
    return f"{spec.name}_api"


def attr(f: FieldDef) -> str:
    """The ORM attribute of a field (a relationship for references and lists)."""
    return safe_identifier(f.name)


def fk_attr(f: FieldDef) -> str:
    """The ORM attribute holding a reference's id (its column is named the same)."""
    return f"{f.name}_id"


def var(name: str) -> str:
    """A local variable for an action input, `let`, loop variable or scenario variable."""
    return safe_identifier(name) if name.isidentifier() and name.isascii() else "v_" + _ascii(name)


def _ascii(name: str) -> str:
    from factory.names import derive_snake

    return derive_snake(name)


def model(entity: Entity) -> str:
    return safe_identifier(entity.name)
