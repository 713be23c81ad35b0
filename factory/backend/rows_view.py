"""View data for `rows.py` (rows as JSON, computed fields) and `rules.py` (field rules on writes)."""

from __future__ import annotations

from typing import Any

from factory.backend.exprgen import Ctx, py
from factory.backend.naming import attr, fk_attr, model
from factory.ir.model import Entity, FieldDef, Spec


def _value(f: FieldDef, code: str) -> str:
    t = f.type
    if t.kind == "decimal":
        return f"serialize.decimal({code}, {t.scale or 0})"
    if t.kind == "date":
        return f"serialize.date({code})"
    if t.kind == "datetime":
        return f"serialize.datetime({code})"
    if t.kind == "integer" and f.computed is not None:
        return f"ops.whole({code})"
    return code


def _rows(e: Entity, spec: Spec) -> dict[str, Any]:
    keys = []
    computed = []
    for f in e.fields:
        if f.secret or f.type.kind == "password":
            continue
        if f.computed is not None:
            fn = f"{e.snake}_{f.name}"
            computed.append(
                {
                    "fn": fn,
                    "model": model(e),
                    "source": f.computed_source,
                    "line": f"{spec.source}:{f.loc.line}",
                    "code": py(f.computed, Ctx(spec, row="row", row_entity=e.name)),
                }
            )
            keys.append({"key": f.name, "code": _value(f, f"{fn}(row, session)")})
        elif f.type.kind == "ref":
            keys.append({"key": f.name, "code": f"row.{fk_attr(f)}"})
        elif f.type.kind == "list":
            keys.append({"key": f.name, "code": f"serialize.ids(row.{attr(f)})"})
        else:
            keys.append({"key": f.name, "code": _value(f, f"row.{attr(f)}")})
    return {"snake": e.snake, "model": model(e), "keys": keys, "computed": computed}


def _rules(e: Entity) -> dict[str, Any]:
    checks = []
    for f in e.fields:
        if f.computed is not None or f.type.kind == "list":
            continue
        a = fk_attr(f) if f.type.kind == "ref" else attr(f)
        value = f"row.{a}"
        if f.required:
            checks.append(
                {
                    "test": f"{value} is None or {value} == ''",
                    "field": f.name,
                    "msg": 'message("missing")',
                }
            )
        if f.min is not None:
            bound = _bound(f, f.min)
            checks.append(
                {
                    "test": f"{value} is not None and {value} < {bound}",
                    "field": f.name,
                    "msg": f'message("min", value="{f.min}")',
                }
            )
        if f.max is not None:
            bound = _bound(f, f.max)
            checks.append(
                {
                    "test": f"{value} is not None and {value} > {bound}",
                    "field": f.name,
                    "msg": f'message("max", value="{f.max}")',
                }
            )
        high = (
            f.length_max
            if f.length_max is not None
            else (f.type.max_length if f.type.kind == "text" else None)
        )
        if high is not None:
            checks.append(
                {
                    "test": f"{value} is not None and len({value}) > {high}",
                    "field": f.name,
                    "msg": f'message("max_length", value={high})',
                }
            )
        if f.length_min is not None:
            checks.append(
                {
                    "test": f"{value} is not None and len({value}) < {f.length_min}",
                    "field": f.name,
                    "msg": f'message("min_length", value={f.length_min})',
                }
            )
        if f.type.kind == "enum":
            checks.append(
                {
                    "test": f"{value} is not None and {value} not in {tuple(f.type.values)!r}",
                    "field": f.name,
                    "msg": f'message("one_of", value="{", ".join(f.type.values)}")',
                }
            )
    return {"snake": e.snake, "model": model(e), "checks": checks}


def _bound(f: FieldDef, value: str) -> str:
    if f.type.kind == "decimal":
        return f'Decimal("{value}")'
    if f.type.kind == "date":
        return f'dt.date.fromisoformat("{value}")'
    if f.type.kind == "datetime":
        return f'dt.datetime.fromisoformat("{value}")'
    return value


def rows_view(spec: Spec) -> dict[str, Any]:
    return {
        "entities": [_rows(e, spec) for e in spec.entities],
        "rules": [_rules(e) for e in spec.entities],
    }
