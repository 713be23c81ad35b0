"""Checked expression ASTs compiled to Python source over ORM rows (SQL: `sqlgen.py`).

The generated code calls small null-aware helpers in `core/ops.py` so the null
rules of §8 hold (a comparison with null is false, `x = null` tests for null).
SQL is produced as SQLAlchemy expressions; references are followed with
correlated scalar subqueries, lists with EXISTS/COUNT/SUM subqueries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factory.backend.naming import attr, model, var
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
from factory.ir.model import Entity, FieldDef, Spec


class CompileError(Exception):
    """An expression form this back end cannot compile (reported as a diagnostic)."""


@dataclass
class Ctx:
    spec: Spec
    row: str | None = None  # Python: the row whose fields bare names read ("row", "this")
    row_entity: str | None = None
    element: str | None = None  # Python: the lambda parameter of a list filter
    element_entity: str | None = None
    variables: dict[str, str] = field(default_factory=dict)  # spec name -> entity (rows) or ""
    session: str = "session"

    def entity(self, name: str | None) -> Entity:
        e = self.spec.entity(name or "")
        if e is None:
            raise CompileError(f"unknown entity {name}")
        return e

    def fld(self, entity: str | None, name: str) -> FieldDef:
        f = self.entity(entity).field(name)
        if f is None:
            raise CompileError(f"{entity} has no field {name}")
        return f


def _literal(e: Literal_) -> str:
    if e.lit == "integer":
        return e.value
    if e.lit == "decimal":
        return f'Decimal("{e.value}")'
    if e.lit == "boolean":
        return "True" if e.value == "true" else "False"
    if e.lit == "null":
        return "None"
    return repr(e.value)


def _is_null(e: Expr) -> bool:
    return isinstance(e, Literal_) and e.lit == "null"


# ---- Python ---------------------------------------------------------------------


def py(e: Expr, ctx: Ctx) -> str:
    if isinstance(e, Literal_):
        return _literal(e)
    if isinstance(e, Keyword):
        return {"me": "me", "this": "this", "now": "ops.now()", "today": "ops.today()"}[e.name]
    if isinstance(e, Name):
        return _py_name(e, ctx)
    if isinstance(e, Path):
        return _py_path(e, ctx)
    if isinstance(e, Unary):
        inner = py(e.operand, ctx)
        return f"ops.not_({inner})" if e.op == "not" else f"ops.neg({inner})"
    if isinstance(e, Binary):
        left, right = py(e.left, ctx), py(e.right, ctx)
        names = {"and": "and_", "or": "or_", "+": "add", "-": "sub", "*": "mul", "/": "div"}
        return f"ops.{names[e.op]}({left}, {right})"
    if isinstance(e, Compare):
        if _is_null(e.right) or _is_null(e.left):
            other = py(e.left if _is_null(e.right) else e.right, ctx)
            return f"({other} is None)" if e.op == "=" else f"({other} is not None)"
        names = {"=": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
        return f"ops.{names[e.op]}({py(e.left, ctx)}, {py(e.right, ctx)})"
    if isinstance(e, In):
        items = ", ".join(py(i, ctx) for i in e.items)
        return f"ops.{'not_in' if e.negated else 'in_'}({py(e.operand, ctx)}, [{items}])"
    if isinstance(e, Filter):
        return _py_rows(e, ctx)
    return _py_call(e, ctx)


def _py_name(e: Name, ctx: Ctx) -> str:
    if e.ref == "element":
        return f"{ctx.element}.{attr(ctx.fld(ctx.element_entity, e.name))}"
    if e.ref == "field":
        return f"{ctx.row}.{attr(ctx.fld(ctx.row_entity, e.name))}"
    if e.ref == "enum":
        return repr(e.name)
    if e.ref == "var":
        return var(e.name)
    if e.ref == "entity":
        return f"{ctx.session}.scalars(select({model(ctx.entity(e.name))})).all()"
    raise CompileError(f"unresolved name {e.name}")


def _py_path(e: Path, ctx: Ctx) -> str:
    code = py(e.root, ctx)
    entity = e.root.type.entity if e.root.type else None
    for i, name in enumerate(e.fields):
        f = ctx.fld(entity, name)
        nullable_root = i > 0 or not _never_null(e.root, ctx)
        code = f'ops.get({code}, "{attr(f)}")' if nullable_root else f"{code}.{attr(f)}"
        entity = f.type.entity
    return code


def _never_null(root: Expr, ctx: Ctx) -> bool:
    """`this` and required references of the row in context are never null."""
    if isinstance(root, Keyword):
        return root.name == "this"
    if isinstance(root, Name) and root.ref in ("field", "element"):
        entity = ctx.row_entity if root.ref == "field" else ctx.element_entity
        return ctx.fld(entity, root.name).required
    return False


def _list_prefix(e: Expr, ctx: Ctx) -> tuple[Path, list[str]] | None:
    """For a path through a list (`items.price`): the path to the list and the fields after it."""
    if not isinstance(e, Path):
        return None
    entity = e.root.type.entity if e.root.type else None
    if e.root.type and e.root.type.kind == "list":
        return Path(root=e.root, fields=[]), list(e.fields)
    for i, name in enumerate(e.fields):
        f = ctx.fld(entity, name)
        if f.type.kind == "list":
            return Path(root=e.root, fields=e.fields[: i + 1], type=None), list(e.fields[i + 1 :])
        entity = f.type.entity
    return None


def _find_prefix(e: Expr, ctx: Ctx) -> tuple[Path, list[str]] | None:
    """The list prefix of the first path through a list inside `e` (§8: one shared prefix)."""
    if isinstance(e, Path):
        return _list_prefix(e, ctx)
    children: list[Expr] = []
    if isinstance(e, Binary | Compare):
        children = [e.left, e.right]
    elif isinstance(e, Unary):
        children = [e.operand]
    elif isinstance(e, Call):
        children = list(e.args)
    for child in children:
        found = _find_prefix(child, ctx)
        if found is not None:
            return found
    return None


def _element_of(source: Expr, ctx: Ctx) -> str:
    """The entity of the rows a list expression holds."""
    t = source.type
    if t is not None and t.kind == "list" and t.entity:
        return t.entity
    found = _list_prefix(source, ctx)
    if found is None:
        raise CompileError("not a list")
    prefix = found[0]
    entity = prefix.root.type.entity if prefix.root.type else None
    for name in prefix.fields:
        entity = ctx.fld(entity, name).type.entity
    return entity or ""


def _py_list(source: Expr, ctx: Ctx) -> str:
    """Python code for the list of rows `source` holds (a list path, a variable or a table)."""
    if isinstance(source, Name) and source.ref == "entity":
        return _py_name(source, ctx)
    if isinstance(source, Path) and not source.fields:
        return py(source.root, ctx)
    return py(source, ctx)


def _py_rows(e: Filter, ctx: Ctx) -> str:
    """`SOURCE where COND` as a list of rows."""
    from factory.backend.sqlgen import SqlCtx, sql

    if isinstance(e.source, Name) and e.source.ref == "entity":
        target = ctx.entity(e.source.name)
        cond = sql(e.cond, SqlCtx(ctx, target.name))
        return (
            f"{ctx.session}.scalars(select({model(target)}).where({cond}).order_by({model(target)}.id)).all()"
        )
    elem = _element_of(e.source, ctx)
    inner = Ctx(ctx.spec, ctx.row, ctx.row_entity, "it", elem, ctx.variables, ctx.session)
    return f"[it for it in {_py_list(e.source, ctx)} if {py(e.cond, inner)}]"


def _py_call(e: Call, ctx: Ctx) -> str:
    from factory.backend.sqlgen import SqlCtx, sql

    if e.func in ("len", "lower", "upper"):
        return f"ops.{e.func}_({py(e.args[0], ctx)})"
    if e.func in ("min", "max") and len(e.args) > 1:
        return f"ops.{e.func}_({', '.join(py(a, ctx) for a in e.args)})"
    arg = e.args[0]
    cond: Expr | None = None
    if isinstance(arg, Filter):
        cond = arg.cond
        arg = arg.source
    if e.func == "count":
        if isinstance(arg, Name) and arg.ref == "entity":
            target = ctx.entity(arg.name)
            where = f".where({sql(cond, SqlCtx(ctx, target.name))})" if cond else ""
            return f"{ctx.session}.scalar(select(func.count()).select_from({model(target)}){where})"
        rows = _py_list(arg, ctx)
        if cond is None:
            return f"len({rows})"
        inner = Ctx(
            ctx.spec,
            ctx.row,
            ctx.row_entity,
            "it",
            _element_of(arg, ctx),
            ctx.variables,
            ctx.session,
        )
        return f"sum(1 for it in {rows} if {py(cond, inner)})"
    found = _find_prefix(arg, ctx)
    if found is None:
        raise CompileError(f"{e.func}() needs a list path")
    prefix, _ = found
    elem = _element_of(prefix, ctx)
    inner = Ctx(ctx.spec, ctx.row, ctx.row_entity, "it", elem, ctx.variables, ctx.session)
    value = py(_rebase(arg, prefix), inner)
    keep = f" if {py(cond, inner)}" if cond is not None else ""
    rows = py(prefix.root, ctx) if not prefix.fields else _py_path(prefix, ctx)
    return f"ops.{e.func}_of([{value} for it in {rows}{keep}])"


def _rebase(e: Expr, prefix: Path) -> Expr:
    """Rewrite `items.price * items.quantity` (prefix `items`) to element paths `price * quantity`."""
    if isinstance(e, Path) and _same_prefix(e, prefix):
        rest = e.fields[len(prefix.fields) :]
        first = Name(name=rest[0], ref="element", type=None, line=e.line, col=e.col)
        return first if len(rest) == 1 else Path(root=first, fields=rest[1:], type=e.type)
    if isinstance(e, Binary):
        return e.model_copy(update={"left": _rebase(e.left, prefix), "right": _rebase(e.right, prefix)})
    if isinstance(e, Unary):
        return e.model_copy(update={"operand": _rebase(e.operand, prefix)})
    if isinstance(e, Call):
        return e.model_copy(update={"args": [_rebase(a, prefix) for a in e.args]})
    return e


def _same_prefix(e: Path, prefix: Path) -> bool:
    same_root = (
        isinstance(e.root, Name) and isinstance(prefix.root, Name) and e.root.name == prefix.root.name
    ) or (
        isinstance(e.root, Keyword) and isinstance(prefix.root, Keyword) and e.root.name == prefix.root.name
    )
    return (
        same_root and e.fields[: len(prefix.fields)] == prefix.fields and len(e.fields) > len(prefix.fields)
    )
