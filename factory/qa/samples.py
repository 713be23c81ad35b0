"""Valid and invalid input values built from a field's type and rules (§4)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from factory.ir.model import Entity, FieldDef

_CANDIDATES = ["abc", "A1", "x", "AB-12", "1.0", "2026-01-01", "abc123", "ABC", "12345"]


def valid(f: FieldDef, entity: Entity | None = None) -> Any:
    """A value that meets every rule of the field, or raises ValueError when none is known."""
    t = f.type
    if entity is not None and entity.states is not None and entity.states.field == f.name:
        return entity.states.initial
    if t.kind in ("text", "long_text", "password"):
        low = max(f.length_min or 1, 1)
        high = f.length_max or t.max_length or 255
        candidates = ["a" * low, *_CANDIDATES]
        for c in candidates:
            if low <= len(c) <= high and (f.pattern is None or re.search(f.pattern, c)):
                return c
        raise ValueError(f"no sample value for {f.name}")
    if t.kind == "email":
        return "someone@example.test"
    if t.kind == "url":
        return "https://example.test/a"
    if t.kind == "phone":
        return "+1 555 0100"
    if t.kind == "uuid":
        return "123e4567-e89b-12d3-a456-426614174000"
    if t.kind == "json":
        return {"a": 1}
    if t.kind == "boolean":
        return True
    if t.kind == "integer":
        return int(f.min) if f.min is not None else (min(1, int(f.max)) if f.max is not None else 1)
    if t.kind in ("decimal", "float"):
        value = Decimal(f.min) if f.min is not None else Decimal("1")
        if f.max is not None and value > Decimal(f.max):
            value = Decimal(f.max)
        return (
            str(value.quantize(Decimal(1).scaleb(-(t.scale or 0)))) if t.kind == "decimal" else float(value)
        )
    if t.kind == "date":
        return f.min or "2026-01-01"
    if t.kind == "datetime":
        return f.min or "2026-01-01T00:00:00Z"
    if t.kind == "enum":
        return t.values[0]
    raise ValueError(f"no sample value for {f.name}")


def invalid(f: FieldDef) -> list[tuple[str, Any]]:
    """(reason, value) pairs the API must refuse with 422 for this field."""
    t = f.type
    out: list[tuple[str, Any]] = []
    if t.kind in ("integer", "decimal", "float"):
        out.append(("not a number", "many"))
        if f.min is not None:
            below = Decimal(f.min) - (Decimal(1) if t.kind == "integer" else Decimal("0.01"))
            out.append((f"below min {f.min}", int(below) if t.kind == "integer" else str(below)))
        if f.max is not None:
            above = Decimal(f.max) + (Decimal(1) if t.kind == "integer" else Decimal("0.01"))
            out.append((f"above max {f.max}", int(above) if t.kind == "integer" else str(above)))
    if t.kind == "text":
        high = f.length_max or t.max_length or 255
        out.append((f"longer than {high}", "x" * (high + 1)))
    if f.length_min is not None and f.length_min > 1:
        out.append((f"shorter than {f.length_min}", "x" * (f.length_min - 1)))
    if t.kind == "email":
        out.append(("not an email", "not-an-email"))
    if t.kind == "enum":
        out.append(("not one of the values", "not-a-value"))
    if t.kind == "date":
        out.append(("not a date", "31/12/2026"))
    if t.kind == "boolean":
        out.append(("not a boolean", "maybe"))
    if f.required and t.kind in ("text", "long_text"):
        out.append(("empty", ""))
    return out
