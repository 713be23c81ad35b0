"""List endpoints (§5): paging, sorting, equality filters and `q`, from the raw query string.

Every parameter is checked: an unknown one, a bad value or `size` over 100 is a 422.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from shop_api.core.errors import ApiError, message

PAGE_SIZE = 20


@dataclass(frozen=True)
class Filter:
    column: Any
    kind: str  # integer, decimal, float, boolean, date, datetime, text, enum, uuid, ref
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListSpec:
    filters: dict[str, Filter]
    sortable: dict[str, Any]
    searchable: list[Any] = field(default_factory=list)


def _convert(name: str, raw: str, f: Filter) -> Any:
    try:
        if f.kind in ("integer", "ref"):
            return int(raw)
        if f.kind == "decimal":
            return Decimal(raw)
        if f.kind == "float":
            return float(raw)
        if f.kind == "boolean":
            if raw not in ("true", "false"):
                raise ValueError(raw)
            return raw == "true"
        if f.kind == "date":
            return dt.date.fromisoformat(raw)
        if f.kind == "datetime":
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        if f.kind == "uuid":
            return str(uuid.UUID(raw))
    except (ValueError, InvalidOperation):
        kind = {"ref": "integer", "float": "number", "decimal": "number"}.get(f.kind, f.kind)
        raise ApiError(422, [{"field": name, "message": message(kind)}]) from None
    if f.kind == "enum" and raw not in f.values:
        raise ApiError(422, [{"field": name, "message": message("one_of", value=", ".join(f.values))}])
    return raw


def _int(params: dict[str, str], name: str, default: int, low: int, high: int | None) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(422, [{"field": name, "message": message("integer")}]) from None
    if value < low:
        raise ApiError(422, [{"field": name, "message": message("min", value=low)}])
    if high is not None and value > high:
        raise ApiError(422, [{"field": name, "message": message("max", value=high)}])
    return value


def list_rows(
    session: Session,
    model: Any,
    visible: ColumnElement[bool],
    spec: ListSpec,
    params: dict[str, str],
) -> tuple[list[Any], int, int, int]:
    """(rows of the page, total, page, size) of the rows matching `visible` and the parameters."""
    allowed = {"page", "size", "sort", *spec.filters} | ({"q"} if spec.searchable else set())
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise ApiError(422, [{"field": n, "message": message("extra_forbidden")} for n in unknown])
    page = _int(params, "page", 1, 1, None)
    size = _int(params, "size", PAGE_SIZE, 1, 100)
    query: Select[Any] = select(model).where(visible)
    for name, f in spec.filters.items():
        if name in params:
            query = query.where(f.column == _convert(name, params[name], f))
    q = params.get("q")
    if q:
        pattern = "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(*(func.lower(c).like(pattern, escape="\\") for c in spec.searchable)))
    order: list[Any] = []
    sort = params.get("sort")
    if sort is not None:
        key = sort.removeprefix("-")
        if key not in spec.sortable:
            choices = ", ".join(sorted(spec.sortable))
            raise ApiError(422, [{"field": "sort", "message": message("one_of", value=choices)}])
        column = spec.sortable[key]
        order.append(column.desc() if sort.startswith("-") else column.asc())
    order.append(model.id.asc())
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.scalars(query.order_by(*order).limit(size).offset((page - 1) * size)).all()
    return list(rows), total, page, size
