"""Null-aware helpers used by compiled spec expressions (spec-semantics §8).

A comparison with a null operand is false, arithmetic with null gives null,
aggregates skip nulls, and rows compare by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, getcontext
from typing import Any

from sqlalchemy import func

getcontext().prec = 28


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    return now().date()


def id_of(value: Any) -> Any:
    """A row's id (rows compare by id); other values unchanged."""
    return getattr(value, "id", value)


def get(value: Any, name: str) -> Any:
    """`value.name`, or None when value is None (a path through a null reference)."""
    return None if value is None else getattr(value, name)


def _num(value: Any) -> Any:
    return Decimal(str(value)) if isinstance(value, float) else value


def _days(value: Any) -> Any:
    return dt.timedelta(days=float(value)) if not isinstance(value, int) else dt.timedelta(days=value)


def _as_datetime(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def add(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    if isinstance(a, dt.date):
        return a + _days(b)
    if isinstance(b, dt.date):
        return b + _days(a)
    return a + b


def sub(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        if isinstance(a, dt.datetime) or isinstance(b, dt.datetime):
            delta = _as_datetime(a) - _as_datetime(b)
            return Decimal(delta.total_seconds()) / Decimal(86400)
        return (a - b).days
    if isinstance(a, dt.date):
        return a - _days(b)
    return a - b


def mul(a: Any, b: Any) -> Any:
    return None if a is None or b is None else a * b


def div(a: Any, b: Any) -> Any:
    if a is None or b is None or b == 0:
        return None
    if isinstance(a, float) or isinstance(b, float):
        return a / b
    return Decimal(a) / Decimal(b)


def neg(a: Any) -> Any:
    return None if a is None else -a


def truthy(value: Any) -> bool:
    return value is True


def not_(value: Any) -> bool:
    return value is not True


def and_(a: Any, b: Any) -> bool:
    return a is True and b is True


def or_(a: Any, b: Any) -> bool:
    return a is True or b is True


def _cmp(a: Any, b: Any) -> tuple[Any, Any]:
    a, b = id_of(a), id_of(b)
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        a, b = _as_date_like(a, b), _as_date_like(b, a)
    return _num(a), _num(b)


def _as_date_like(value: Any, other: Any) -> Any:
    if isinstance(value, str):
        parsed: Any = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if isinstance(other, dt.datetime) else parsed.date()
    if isinstance(other, dt.datetime) or isinstance(value, dt.datetime):
        return _as_datetime(value)
    return value


def eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    x, y = _cmp(a, b)
    return bool(x == y)


def ne(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    x, y = _cmp(a, b)
    return bool(x != y)


def lt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(_cmp(a, b)[0] < _cmp(a, b)[1])


def le(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(_cmp(a, b)[0] <= _cmp(a, b)[1])


def gt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(_cmp(a, b)[0] > _cmp(a, b)[1])


def ge(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(_cmp(a, b)[0] >= _cmp(a, b)[1])


def in_(a: Any, items: list[Any]) -> bool:
    return a is not None and any(eq(a, item) for item in items)


def not_in(a: Any, items: list[Any]) -> bool:
    return a is not None and not any(eq(a, item) for item in items)


def len_(a: Any) -> Any:
    return None if a is None else len(a)


def lower_(a: Any) -> Any:
    return None if a is None else a.lower()


def upper_(a: Any) -> Any:
    return None if a is None else a.upper()


def min_(*values: Any) -> Any:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def max_(*values: Any) -> Any:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def sum_of(values: Iterable[Any]) -> Any:
    return sum((v for v in values if v is not None), 0)


def avg_of(values: Iterable[Any]) -> Any:
    present = [Decimal(str(v)) for v in values if v is not None]
    return sum(present) / len(present) if present else None


def min_of(values: Iterable[Any]) -> Any:
    return min_(*values)


def max_of(values: Iterable[Any]) -> Any:
    return max_(*values)


def sql_least(*values: Any) -> Any:
    return func.min(*values) if len(values) > 1 else values[0]


def sql_greatest(*values: Any) -> Any:
    return func.max(*values) if len(values) > 1 else values[0]


def whole(value: Any) -> Any:
    """An integer computed field's value as a JSON integer."""
    return None if value is None else int(value)
