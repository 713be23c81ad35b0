"""Values as JSON (§5): decimals as strings at their scale, dates ISO, datetimes UTC with Z."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


def decimal(value: Any, scale: int) -> str | None:
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-scale)
    return format(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP), "f")


def to_scale(value: Any, scale: int) -> Any:
    """Round half-up to the declared scale (assignments to money and decimals, §8)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-scale), rounding=ROUND_HALF_UP)


def date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def datetime(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def ref(value: Any) -> int | None:
    return None if value is None else int(value.id if hasattr(value, "id") else value)


def ids(rows: Any) -> list[int]:
    return sorted(int(r.id) for r in rows or [])


def text_of(value: Any) -> str:
    """A value as it shows inside a message (§8): rows by their label, null as empty text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return datetime(value) or ""
    if isinstance(value, dt.date):
        return value.isoformat()
    label = getattr(value, "label", None)
    if callable(label):
        return str(label())
    return str(value)
