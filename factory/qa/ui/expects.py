"""`expect` steps as data for the browser tests' API checks (§11).

Two forms are checked: `PATH op VALUE` (a path over a bound row, following references) and
`count(ENTITY [where F = V and ...]) op N`. Anything else is reported as not checked.
"""

from __future__ import annotations

from typing import Any

from factory.ir.expr import Binary, Call, Compare, Expr, Filter, Literal_, Name, Path
from factory.ir.model import Spec
from factory.qa.ui.forms import value_kind

_MIRROR = {"=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


class Unchecked(Exception):
    """An expect form the browser tests leave to the API tests; the message says why."""


def _operand(e: Expr) -> dict[str, Any] | None:
    """A literal, an enum value or a variable; None for anything else."""
    if isinstance(e, Literal_):
        if e.lit == "integer":
            return {"json": int(e.value)}
        if e.lit == "boolean":
            return {"json": e.value == "true"}
        if e.lit == "null":
            return {"json": None}
        return {"json": e.value}  # strings, and decimals kept exact as text
    if isinstance(e, Name) and e.ref == "enum":
        return {"json": e.name}
    if isinstance(e, Name) and e.ref == "var":
        return {"variable": e.name}
    return None


def _path(spec: Spec, e: Path) -> dict[str, Any]:
    root = e.root
    if not (isinstance(root, Name) and root.ref == "var" and root.type and root.type.kind == "ref"):
        raise Unchecked("the path does not start at a bound row")
    entity = spec.entity(root.type.entity or "")
    follow: list[dict[str, Any]] = []
    for i, name in enumerate(e.fields):
        f = entity.field(name) if entity else None
        if f is None:
            raise Unchecked(f"no field {name}")
        if i == len(e.fields) - 1:
            return {"variable": root.name, "follow": follow, "field": name, "kind": value_kind(f)}
        if f.type.kind != "ref":
            raise Unchecked("the path goes through a list")
        follow.append({"field": name, "entity": f.type.entity})
        entity = spec.entity(f.type.entity or "")
    raise Unchecked("an empty path")


def _conditions(spec: Spec, entity: str, cond: Expr) -> list[dict[str, Any]]:
    if isinstance(cond, Binary) and cond.op == "and":
        return _conditions(spec, entity, cond.left) + _conditions(spec, entity, cond.right)
    if isinstance(cond, Compare) and cond.op == "=":
        for field, value in ((cond.left, cond.right), (cond.right, cond.left)):
            if isinstance(field, Name) and field.ref == "element":
                target = spec.entity(entity)
                f = target.field(field.name) if target else None
                right = _operand(value)
                if f is not None and right is not None:
                    return [{"field": f.name, "kind": value_kind(f), "right": right}]
    raise Unchecked("only `where FIELD = VALUE [and ...]` conditions are checked")


def _count(spec: Spec, call: Call) -> dict[str, Any]:
    arg = call.args[0] if call.args else None
    where: list[dict[str, Any]] = []
    if isinstance(arg, Filter):
        source = arg.source
        if isinstance(source, Name) and source.ref == "entity":
            where = _conditions(spec, source.name, arg.cond)
        arg = source
    if not (isinstance(arg, Name) and arg.ref == "entity"):
        raise Unchecked("count() over something other than an entity")
    return {"entity": arg.name, "where": where}


def expect_check(spec: Spec, e: Expr) -> tuple[str, dict[str, Any]]:
    """(`expectPath` | `expectCount`, its arguments) or Unchecked."""
    if not isinstance(e, Compare):
        raise Unchecked("not a comparison")
    for left, right, op in ((e.left, e.right, e.op), (e.right, e.left, _MIRROR[e.op])):
        if isinstance(left, Path):
            value = _operand(right)
            if value is None:
                continue
            return "expectPath", {**_path(spec, left), "op": op, "right": value}
        if (
            isinstance(left, Call)
            and left.func == "count"
            and isinstance(right, Literal_)
            and right.lit == "integer"
        ):
            return "expectCount", {**_count(spec, left), "op": op, "count": int(right.value)}
    raise Unchecked(
        "only `PATH op VALUE` and `count(ENTITY [where ...]) op N` are checked in the browser tests"
    )
