"""`expect` expressions (§11) compiled to Python over rows read as the bootstrap admin."""

from __future__ import annotations

from factory.ir.expr import (
    Binary,
    Call,
    Compare,
    Expr,
    Filter,
    In,
    Keyword,
    Literal_,
    Name,
    Path,
    Unary,
)
from factory.ir.model import Spec


class QaError(Exception):
    """A scenario form the test generator cannot express."""


def _kind(spec: Spec, entity: str | None, field: str) -> str:
    e = spec.entity(entity or "")
    f = e.field(field) if e else None
    if f is None:
        raise QaError(f"{entity} has no field {field}")
    return "ref" if f.type.kind == "ref" else f.type.kind


def _lit(e: Literal_) -> str:
    return {
        "integer": e.value,
        "decimal": f'Decimal("{e.value}")',
        "string": repr(e.value),
        "boolean": "True" if e.value == "true" else "False",
        "null": "None",
    }[e.lit]


def expect_code(e: Expr, spec: Spec, elem: tuple[str, str] | None = None) -> str:
    """Python for `e`; `elem` is (variable, entity) of the rows a `where` filters."""
    if isinstance(e, Literal_):
        return _lit(e)
    if isinstance(e, Keyword):
        if e.name in ("now", "today"):
            return "dt.datetime.now(dt.UTC)" if e.name == "now" else "dt.datetime.now(dt.UTC).date()"
        raise QaError(f"'{e.name}' is not available in expect")
    if isinstance(e, Name):
        if e.ref == "element" and elem is not None:
            return f'support.field({elem[0]}, "{e.name}", "{_kind(spec, elem[1], e.name)}")'
        if e.ref == "enum":
            return repr(e.name)
        if e.ref == "var":
            return f"w.id({e.name!r})" if e.type and e.type.kind == "ref" else f"w.values[{e.name!r}]"
        raise QaError(f"cannot read '{e.name}' in expect")
    if isinstance(e, Path):
        return _path(e, spec, elem)
    if isinstance(e, Unary):
        inner = expect_code(e.operand, spec, elem)
        return f"(not {inner})" if e.op == "not" else f"(-{inner})"
    if isinstance(e, Binary):
        left, right = expect_code(e.left, spec, elem), expect_code(e.right, spec, elem)
        return f"({left} {e.op} {right})"
    if isinstance(e, Compare):
        for a, b in ((e.left, e.right), (e.right, e.left)):
            if isinstance(b, Literal_) and b.lit == "null":
                code = expect_code(a, spec, elem)
                return f"({code} is None)" if e.op == "=" else f"({code} is not None)"
        names = {"=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
        return f"support.{names[e.op]}({expect_code(e.left, spec, elem)}, {expect_code(e.right, spec, elem)})"
    if isinstance(e, In):
        items = ", ".join(expect_code(i, spec, elem) for i in e.items)
        code = f"support.in_({expect_code(e.operand, spec, elem)}, [{items}])"
        return f"(not {code})" if e.negated else code
    if isinstance(e, Call) and e.func == "count":
        return _count(e.args[0], spec)
    raise QaError("this expect form is not supported by the test generator yet")


def _path(e: Path, spec: Spec, elem: tuple[str, str] | None) -> str:
    root = e.root
    if isinstance(root, Name) and root.ref == "var" and root.type and root.type.kind == "ref":
        code, entity = f"w.row({root.name!r})", root.type.entity
    elif isinstance(root, Name) and root.ref == "element" and elem is not None:
        code, entity = elem[0], elem[1]
        if len(e.fields) >= 0:
            f = spec.entity(elem[1])
            fd = f.field(root.name) if f else None
            if fd is None or fd.type.kind != "ref":
                raise QaError("bad element path")
            code, entity = f'w.follow({code}, "{root.name}", "{fd.type.entity}")', fd.type.entity
    else:
        raise QaError("expect paths start at a bound row")
    for i, name in enumerate(e.fields):
        kind = _kind(spec, entity, name)
        if i == len(e.fields) - 1:
            return f'support.field({code}, "{name}", "{kind}")'
        target = spec.entity(entity or "")
        fd = target.field(name) if target else None
        if fd is None or fd.type.kind != "ref":
            raise QaError("expect paths follow references only")
        code, entity = f'w.follow({code}, "{name}", "{fd.type.entity}")', fd.type.entity
    return code


def _count(arg: Expr, spec: Spec) -> str:
    cond = None
    if isinstance(arg, Filter):
        cond = arg.cond
        arg = arg.source
    if isinstance(arg, Name) and arg.ref == "entity":
        if cond is None:
            return f'len(w.all("{arg.name}"))'
        return f'len([r for r in w.all("{arg.name}") if {expect_code(cond, spec, ("r", arg.name))}])'
    raise QaError("expect count() works on an entity")
