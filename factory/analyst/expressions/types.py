"""Value types of expressions and how they relate to field types."""

from __future__ import annotations

from factory.ir.expr import ValueType
from factory.ir.model import FieldType

NUMERIC = frozenset({"integer", "decimal", "float"})
TEXTUAL = frozenset({"text", "uuid"})
ORDERED = NUMERIC | {"date", "datetime", "text"}
_TEXT_KINDS = frozenset({"text", "long_text", "email", "url", "phone", "password"})


def of_field(ft: FieldType) -> ValueType:
    """The value type an expression sees for a field."""
    if ft.kind in _TEXT_KINDS:
        return ValueType(kind="text")
    if ft.kind == "decimal":
        return ValueType(kind="decimal", scale=ft.scale)
    if ft.kind == "enum":
        return ValueType(kind="enum", values=list(ft.values))
    if ft.kind in ("ref", "list"):
        return ValueType(kind=ft.kind, entity=ft.entity)
    return ValueType(kind=ft.kind)  # type: ignore[arg-type]


def numeric_result(a: ValueType, b: ValueType) -> ValueType:
    if "float" in (a.kind, b.kind):
        return ValueType(kind="float")
    if a.kind == b.kind == "integer":
        return ValueType(kind="integer")
    return ValueType(kind="decimal")


def comparable(a: ValueType, b: ValueType) -> bool:
    """May `a = b` be written (equality)?"""
    if "null" in (a.kind, b.kind) or "any" in (a.kind, b.kind):
        return True
    if a.kind in NUMERIC and b.kind in NUMERIC:
        return True
    if {a.kind, b.kind} <= {"date", "datetime"}:
        return True
    if {a.kind, b.kind} <= TEXTUAL:
        return True
    if a.kind == "enum" and b.kind == "enum":
        return bool(set(a.values) & set(b.values))
    if a.kind == "ref" and b.kind == "ref":
        return a.entity == b.entity
    return a.kind == b.kind and a.kind in ("boolean", "json")


def orderable(a: ValueType, b: ValueType) -> bool:
    if a.kind in NUMERIC and b.kind in NUMERIC:
        return True
    if {a.kind, b.kind} <= {"date", "datetime"}:
        return True
    return a.kind == b.kind == "text"


def expression_type_fits(value: ValueType, ft: FieldType) -> bool:
    """May a value of type `value` be stored in a field of type `ft`? (null always may)."""
    if value.kind in ("null", "any"):
        return True
    target = of_field(ft)
    if target.kind == "integer":
        return value.kind == "integer"
    if target.kind == "decimal":
        return value.kind in ("integer", "decimal")
    if target.kind == "float":
        return value.kind in NUMERIC
    if target.kind == "enum":
        return value.kind == "enum" and set(value.values) <= set(target.values)
    if target.kind in ("ref", "list"):
        return value.kind == target.kind and value.entity == target.entity
    if target.kind in ("date", "datetime"):
        return value.kind in ("date", "datetime") or (
            value.kind == "text" and ft.kind in ("date", "datetime")
        )
    if target.kind == "text":
        return value.kind in TEXTUAL
    return value.kind == target.kind
