"""Checked expression ASTs compiled to Python source: plain Python over ORM rows, or SQLAlchemy.

The generated code calls small null-aware helpers in `core/ops.py` so the null
rules of §8 hold (a comparison with null is false, `x = null` tests for null).
SQL is produced as SQLAlchemy expressions; references are followed with
correlated scalar subqueries, lists with EXISTS/COUNT/SUM subqueries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factory.backend.naming import attr, fk_attr, model, var
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


# ---- SQL ------------------------------------------------------------------------


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
