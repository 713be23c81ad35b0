"""Checked expression ASTs compiled to SQLAlchemy expressions (as Python source).

References are followed with correlated scalar subqueries, lists with COUNT/SUM
subqueries; names that are not the rows' fields become bound Python values.
"""

from __future__ import annotations

from dataclasses import dataclass

from factory.backend.exprgen import (
    CompileError,
    Ctx,
    _find_prefix,
    _is_null,
    _literal,
    _rebase,
    py,
)
from factory.backend.naming import attr, fk_attr, model
from factory.ir.expr import Binary, Call, Compare, Expr, Filter, In, Keyword, Literal_, Name, Path, Unary
from factory.ir.model import Entity, FieldDef


@dataclass
class SqlCtx:
    """Compile a condition on rows of `entity`; other names are Python values (bound parameters)."""

    outer: Ctx
    entity: str
    alias: str | None = None  # the SQLAlchemy name of the rows; the model class by default

    @property
    def table(self) -> str:
        return self.alias or model(self.outer.entity(self.entity))


def sql(e: Expr, ctx: SqlCtx) -> str:
    if isinstance(e, Literal_):
        return _literal(e)
    if isinstance(e, Keyword):
        if e.name == "me":
            return "ops.id_of(me)"
        return py(e, ctx.outer)
    if isinstance(e, Name):
        if e.ref in ("element", "field"):
            return _column(ctx, e.name)
        return _param(py(e, ctx.outer), e)
    if isinstance(e, Path):
        return _sql_path(e, ctx)
    if isinstance(e, Unary):
        inner = sql(e.operand, ctx)
        return f"not_({inner})" if e.op == "not" else f"(-{inner})"
    if isinstance(e, Binary):
        left, right = sql(e.left, ctx), sql(e.right, ctx)
        if e.op in ("and", "or"):
            return f"{e.op}_({left}, {right})"
        return f"({left} {e.op} {right})"
    if isinstance(e, Compare):
        if _is_null(e.right) or _is_null(e.left):
            other = sql(e.left if _is_null(e.right) else e.right, ctx)
            return f"{other}.is_(None)" if e.op == "=" else f"{other}.is_not(None)"
        op = "==" if e.op == "=" else e.op
        return f"({sql(e.left, ctx)} {op} {sql(e.right, ctx)})"
    if isinstance(e, In):
        items = ", ".join(sql(i, ctx) for i in e.items)
        method = "not_in" if e.negated else "in_"
        return f"{sql(e.operand, ctx)}.{method}([{items}])"
    if isinstance(e, Call):
        return _sql_call(e, ctx)
    raise CompileError("a 'where' inside a condition must be inside count(), sum(), ...")


def _param(code: str, e: Expr) -> str:
    if e.type is not None and e.type.kind == "ref":
        return f"ops.id_of({code})"
    return f"literal({code})" if code.startswith(("'", '"')) else code


def _column(ctx: SqlCtx, name: str) -> str:
    f = ctx.outer.fld(ctx.entity, name)
    if f.computed is not None:
        raise CompileError(f"computed field '{name}' cannot be used in a database condition")
    if f.type.kind == "list":
        raise CompileError(f"list field '{name}' needs count(), sum(), ...")
    return f"{ctx.table}.{fk_attr(f) if f.type.kind == 'ref' else attr(f)}"


def _sql_path(e: Path, ctx: SqlCtx) -> str:
    """`order.buyer` on OrderItem rows: a correlated scalar subquery per hop."""
    root = e.root
    if (isinstance(root, Keyword) and root.name in ("me", "this")) or (
        isinstance(root, Name) and root.ref == "var"
    ):
        return _param(py(e, ctx.outer), e)
    if not isinstance(root, Name) or root.ref not in ("element", "field"):
        raise CompileError("unsupported path in a database condition")
    f = ctx.outer.fld(ctx.entity, root.name)
    code = f"{ctx.table}.{fk_attr(f)}"
    entity = f.type.entity
    for name in e.fields:
        target = ctx.outer.entity(entity)
        g = ctx.outer.fld(entity, name)
        if g.type.kind == "list" or g.computed is not None:
            raise CompileError(f"'{name}' cannot be followed in a database condition")
        col = fk_attr(g) if g.type.kind == "ref" else attr(g)
        code = f"select({model(target)}.{col}).where({model(target)}.id == {code}).scalar_subquery()"
        entity = g.type.entity
    return code


def _sql_call(e: Call, ctx: SqlCtx) -> str:
    if e.func in ("lower", "upper", "len"):
        fn = "length" if e.func == "len" else e.func
        return f"func.{fn}({sql(e.args[0], ctx)})"
    if e.func in ("min", "max") and len(e.args) > 1:
        pick = "least" if e.func == "min" else "greatest"
        return f"ops.sql_{pick}({', '.join(sql(a, ctx) for a in e.args)})"
    arg = e.args[0]
    cond: Expr | None = None
    if isinstance(arg, Filter):
        cond = arg.cond
        arg = arg.source
    source, rest = _sql_source(arg, ctx)
    target = ctx.outer.entity(source[0])
    inner = SqlCtx(ctx.outer, target.name)
    where = [source[1]] if source[1] else []
    if cond is not None:
        where.append(sql(cond, inner))
    clause = f".where({', '.join(where)})" if where else ""
    if e.func == "count":
        return f"select(func.count()).select_from({model(target)}){clause}.scalar_subquery()"
    value = sql(_rebase(arg, rest), inner) if rest is not None else None
    if value is None:
        raise CompileError(f"{e.func}() needs values from a list")
    agg = {"sum": "sum", "avg": "avg", "min": "min", "max": "max"}[e.func]
    expr = f"func.{agg}({value})"
    if e.func == "sum":
        expr = f"func.coalesce({expr}, 0)"
    return f"select({expr}).select_from({model(target)}){clause}.scalar_subquery()"


def _sql_source(arg: Expr, ctx: SqlCtx) -> tuple[tuple[str, str], Path | None]:
    """The element entity of an aggregate's list and the condition tying it to the outer row."""
    if isinstance(arg, Name) and arg.ref == "entity":
        return (arg.name, ""), None
    if isinstance(arg, Name) and arg.type is not None and arg.type.kind == "list":
        arg = Path(root=arg, fields=[], type=arg.type)
    found = _find_prefix(arg, ctx.outer)
    if found is None:
        raise CompileError("an aggregate in a database condition needs a list field or an entity")
    prefix, _ = found
    root = prefix.root
    if (
        not isinstance(root, Name)
        or root.ref not in ("field", "element")
        or (not prefix.fields and not (root.type and root.type.kind == "list"))
    ):
        raise CompileError("only lists of the row itself can be aggregated in a database condition")
    hops = [root.name, *prefix.fields] if prefix.fields else [root.name]
    owner_entity = ctx.entity
    owner_code = f"{ctx.table}.id"
    for hop in hops[:-1]:
        f = ctx.outer.fld(owner_entity, hop)
        target = ctx.outer.entity(f.type.entity)
        where = f"{model(target)}.id == {ctx.table}.{fk_attr(f)}"
        owner_code = f"select({model(target)}.id).where({where}).scalar_subquery()"
        owner_entity = target.name
    lst = ctx.outer.fld(owner_entity, hops[-1])
    element = ctx.outer.entity(lst.type.entity)
    if lst.type.list_kind == "one_to_many":
        back = ctx.outer.fld(element.name, lst.type.back_field or "")
        link = f"{model(element)}.{fk_attr(back)} == {owner_code}"
    else:
        owner = ctx.outer.entity(owner_entity)
        table, own, other = _join(owner, lst)
        link = f"{model(element)}.id.in_(select({table}.c.{other}).where({table}.c.{own} == {owner_code}))"
    rest = prefix if prefix.fields else Path(root=root, fields=[])
    return (element.name, link), rest


def _join(owner: Entity, f: FieldDef) -> tuple[str, str, str]:
    from factory.architect.fields import join_table

    table, own, other = join_table(owner, f)
    return f"{table}_table", own, other
