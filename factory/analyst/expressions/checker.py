"""Type checker for expressions (§8): resolves names, fills `node.type` and `Name.ref`.

One error per faulty subtree: after an error the checker returns None upwards
and its callers stay silent, so a typo gives one diagnostic, not five.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factory.analyst.expressions import types as t
from factory.diagnostics import Diagnostics, suggest
from factory.ir.expr import (
    AGGREGATES,
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
    ValueType,
)
from factory.ir.model import Entity

_LITERAL_TYPES = {
    "integer": "integer",
    "decimal": "decimal",
    "string": "text",
    "boolean": "boolean",
    "null": "null",
}


@dataclass
class Scope:
    """What bare names can mean where an expression is written."""

    entities: dict[str, Entity]
    aliases: dict[str, str] = field(default_factory=dict)  # entity display name -> code name
    entity: str | None = None  # entity context: bare names are this entity's fields
    this: str | None = None  # the entity `this` stands for
    variables: dict[str, ValueType] = field(default_factory=dict)
    allow_me: bool = True
    me_reason: str = "'me' is not available here"


@dataclass(frozen=True)
class _T:
    """A checked type; `plural` marks values read through a list (only aggregates take them)."""

    vt: ValueType
    plural: str | None = None  # the list prefix, e.g. "items"
    elem: str | None = None  # the element entity of that list


def check_expression(
    expr: Expr, scope: Scope, diags: Diagnostics, expect: ValueType | None = None
) -> ValueType | None:
    """Check `expr` in `scope`; returns its type, or None after reporting an error."""
    result = _Checker(scope, diags).check(expr, None, expect)
    if result is None:
        return None
    if result.plural is not None:
        diags.error(
            "list-outside-aggregate",
            f"'{result.plural}' is a list: use it inside count(), sum(), min(), max() or avg()",
            expr.line,
            expr.col,
        )
        return None
    return result.vt


class _Checker:
    def __init__(self, scope: Scope, diags: Diagnostics) -> None:
        self.scope = scope
        self.diags = diags

    def error(self, node: Expr, code: str, message: str, suggestion: str | None = None) -> None:
        self.diags.error(code, message, node.line, node.col, suggestion=suggestion)

    def entity(self, name: str | None) -> Entity | None:
        if name is None:
            return None
        return self.scope.entities.get(self.scope.aliases.get(name, name))

    def check(self, e: Expr, elem: str | None, expect: ValueType | None = None) -> _T | None:
        result = self._dispatch(e, elem, expect)
        if result is not None:
            e.type = result.vt
        return result

    def _dispatch(self, e: Expr, elem: str | None, expect: ValueType | None) -> _T | None:
        if isinstance(e, Literal_):
            return _T(ValueType(kind=_LITERAL_TYPES[e.lit]))  # type: ignore[arg-type]
        if isinstance(e, Keyword):
            return self.keyword(e)
        if isinstance(e, Name):
            return self.name(e, elem, expect)
        if isinstance(e, Path):
            return self.path(e, elem)
        if isinstance(e, Unary):
            return self.unary(e, elem)
        if isinstance(e, Binary):
            return self.binary(e, elem)
        if isinstance(e, Compare):
            return self.compare(e, elem)
        if isinstance(e, In):
            return self.in_(e, elem)
        if isinstance(e, Filter):
            return self.filter(e, elem)
        return self.call(e, elem)

    # ---- names --------------------------------------------------------------

    def keyword(self, e: Keyword) -> _T | None:
        if e.name == "me":
            if not self.scope.allow_me or "User" not in self.scope.entities:
                reason = self.scope.me_reason
                if "User" not in self.scope.entities:
                    reason = "'me' needs signed-in users (auth: jwt)"
                self.error(e, "me-not-allowed", reason)
                return None
            return _T(ValueType(kind="ref", entity="User"))
        if e.name == "this":
            if self.scope.this is None:
                self.error(e, "unknown-name", "'this' is only available in an entity or an On-action")
                return None
            return _T(ValueType(kind="ref", entity=self.scope.this))
        return _T(ValueType(kind="datetime" if e.name == "now" else "date"))

    def lookup(self, name: str, elem: str | None) -> tuple[str, ValueType] | None:
        """Resolve a bare name in the order of §8 (enum values are handled by callers)."""
        context = elem if elem is not None else self.scope.entity
        ent = self.entity(context)
        if ent is not None:
            f = ent.field(name)
            if f is not None:
                return ("element" if elem is not None else "field"), t.of_field(f.type)
        if name in self.scope.variables:
            return "var", self.scope.variables[name]
        target = self.entity(name)
        if target is not None:
            return "entity", ValueType(kind="list", entity=target.name)
        return None

    def name(self, e: Name, elem: str | None, expect: ValueType | None) -> _T | None:
        found = self.lookup(e.name, elem)
        if found is not None:
            e.ref = found[0]  # type: ignore[assignment]
            if found[0] == "entity":
                e.name = found[1].entity or e.name
            return _T(found[1])
        if expect is not None and expect.kind == "enum":
            if e.name in expect.values:
                e.ref = "enum"
                return _T(ValueType(kind="enum", values=list(expect.values)))
            self.error(
                e,
                "unknown-enum-value",
                f"'{e.name}' is not one of {', '.join(expect.values)}",
                suggest(e.name, expect.values),
            )
            return None
        context = self.entity(elem if elem is not None else self.scope.entity)
        if context is not None and not self.scope.variables:
            self.error(
                e,
                "unknown-field",
                f"{context.name} has no field '{e.name}'",
                suggest(e.name, self.candidates(elem)),
            )
        else:
            self.error(
                e,
                "unknown-name",
                f"unknown name '{e.name}'",
                suggest(e.name, self.candidates(elem)),
            )
        return None

    def candidates(self, elem: str | None) -> list[str]:
        names = list(self.scope.variables)
        ent = self.entity(elem if elem is not None else self.scope.entity)
        if ent is not None:
            names += [f.name for f in ent.fields]
        return names + list(self.scope.entities)

    def path(self, e: Path, elem: str | None) -> _T | None:
        root = self.check(e.root, elem)
        if root is None:
            return None
        vt, plural, pelem = root.vt, root.plural, root.elem
        walked = e.root.name if isinstance(e.root, Name | Keyword) else ""
        for i, fname in enumerate(e.fields):
            if vt.kind == "list" and plural is None:
                plural, pelem = walked, vt.entity
            elif vt.kind == "list":
                self.error(e, "bad-aggregate", f"'{walked}' goes through two lists; v1 allows one")
                return None
            elif vt.kind != "ref":
                self.error(e, "unknown-field", f"'{walked}' is {vt} and has no field '{fname}'")
                return None
            ent = self.entity(vt.entity)
            f = ent.field(fname) if ent else None
            if ent is None or f is None:
                owner = ent.name if ent else str(vt.entity)
                choices = [x.name for x in ent.fields] if ent else []
                self.error(e, "unknown-field", f"{owner} has no field '{fname}'", suggest(fname, choices))
                return None
            vt = t.of_field(f.type)
            walked = ".".join([walked, *e.fields[: i + 1]])
        return _T(vt, plural, pelem)

    # ---- operators ----------------------------------------------------------

    def unary(self, e: Unary, elem: str | None) -> _T | None:
        inner = self.check(e.operand, elem)
        if inner is None:
            return None
        if e.op == "not":
            if inner.vt.kind not in ("boolean", "null"):
                self.error(e, "type-mismatch", f"'not' needs a boolean, not {inner.vt}")
                return None
            return _T(ValueType(kind="boolean"), inner.plural, inner.elem)
        if inner.vt.kind not in t.NUMERIC:
            self.error(e, "type-mismatch", f"'-' needs a number, not {inner.vt}")
            return None
        return inner

    def both(self, left: Expr, right: Expr, elem: str | None) -> tuple[_T, _T] | None:
        """Check two operands, letting a bare enum value take the other side's type."""
        first_right = isinstance(left, Name) and self.lookup(left.name, elem) is None
        if first_right:
            r = self.check(right, elem)
            lt = self.check(left, elem, r.vt if r else None) if r else None
            return (lt, r) if lt and r else None
        lt = self.check(left, elem)
        if lt is None:
            return None
        r = self.check(right, elem, lt.vt)
        return (lt, r) if r else None

    def merge(self, e: Expr, a: _T, b: _T, vt: ValueType) -> _T | None:
        if a.plural and b.plural and a.plural != b.plural:
            self.error(
                e,
                "bad-aggregate",
                f"'{a.plural}' and '{b.plural}' are different lists in one aggregate",
            )
            return None
        return _T(vt, a.plural or b.plural, a.elem or b.elem)

    def binary(self, e: Binary, elem: str | None) -> _T | None:
        pair = self.both(e.left, e.right, elem)
        if pair is None:
            return None
        a, b = pair
        ka, kb = a.vt.kind, b.vt.kind
        if e.op in ("and", "or"):
            if {ka, kb} <= {"boolean", "null"}:
                return self.merge(e, a, b, ValueType(kind="boolean"))
            self.error(e, "type-mismatch", f"'{e.op}' needs boolean operands, not {a.vt} and {b.vt}")
            return None
        if "null" in (ka, kb) and ({ka, kb} - {"null"}) <= t.NUMERIC | {"date", "datetime", "null"}:
            return self.merge(e, a, b, a.vt if kb == "null" else b.vt)
        if ka in t.NUMERIC and kb in t.NUMERIC:
            vt = t.numeric_result(a.vt, b.vt)
            if e.op == "/" and vt.kind == "integer":
                vt = ValueType(kind="decimal")
            return self.merge(e, a, b, vt)
        if e.op in ("+", "-") and ka in ("date", "datetime"):
            if e.op == "-" and kb in ("date", "datetime"):
                both_dates = ka == kb == "date"
                return self.merge(e, a, b, ValueType(kind="integer" if both_dates else "decimal"))
            if kb == "integer" or (ka == "datetime" and kb in t.NUMERIC):
                return self.merge(e, a, b, a.vt)
        if e.op == "+" and kb in ("date", "datetime") and ka == "integer":
            return self.merge(e, a, b, b.vt)
        hint = " (there is no string concatenation)" if "text" in (ka, kb) else ""
        self.error(e, "type-mismatch", f"cannot apply '{e.op}' to {a.vt} and {b.vt}{hint}")
        return None

    def compare(self, e: Compare, elem: str | None) -> _T | None:
        pair = self.both(e.left, e.right, elem)
        if pair is None:
            return None
        a, b = pair
        ok = t.comparable(a.vt, b.vt) if e.op in ("=", "!=") else t.orderable(a.vt, b.vt)
        if not ok and {a.vt.kind, b.vt.kind} <= {"text", "date", "datetime"}:
            ok = isinstance(e.left, Literal_) or isinstance(e.right, Literal_)  # ISO strings
        if not ok and e.op in ("=", "!="):
            ok = self.enum_vs_string(e.left, e.right, a, b)
        if not ok:
            what = "compare" if e.op in ("=", "!=") else f"order ({e.op})"
            self.error(e, "type-mismatch", f"cannot {what} {a.vt} with {b.vt}")
            return None
        if elem is not None and self.same_element_field(e.left, e.right):
            self.diags.warning(
                "self-comparison-in-where",
                f"'{e.left.name}' is compared with itself here (always true); "  # type: ignore[union-attr]
                "name the outer value with 'let' first",
                e.line,
                e.col,
            )
        return self.merge(e, a, b, ValueType(kind="boolean"))

    @staticmethod
    def enum_vs_string(left: Expr, right: Expr, a: _T, b: _T) -> bool:
        for enum_t, other, lit in ((a, b, right), (b, a, left)):
            if enum_t.vt.kind == "enum" and other.vt.kind == "text" and isinstance(lit, Literal_):
                return lit.value in enum_t.vt.values
        return False

    @staticmethod
    def same_element_field(left: Expr, right: Expr) -> bool:
        return (
            isinstance(left, Name)
            and isinstance(right, Name)
            and left.ref == right.ref == "element"
            and left.name == right.name
        )

    def in_(self, e: In, elem: str | None) -> _T | None:
        operand = self.check(e.operand, elem)
        if operand is None:
            return None
        result: _T | None = operand
        for item in e.items:
            it = self.check(item, elem, operand.vt)
            if it is None:
                return None
            if not (t.comparable(operand.vt, it.vt) or self.enum_vs_string(e.operand, item, operand, it)):
                self.error(item, "type-mismatch", f"cannot compare {operand.vt} with {it.vt}")
                return None
            result = self.merge(e, result, it, operand.vt) if result else None
        return _T(ValueType(kind="boolean"), operand.plural, operand.elem)

    # ---- filters and calls ----------------------------------------------------

    def filter(self, e: Filter, elem: str | None) -> _T | None:
        source = self.check(e.source, elem)
        if source is None:
            return None
        if source.plural is not None:
            target, result = source.elem, source
        elif source.vt.kind == "list":
            target, result = source.vt.entity, source
        else:
            self.error(e, "type-mismatch", f"'where' filters a list or an entity, not {source.vt}")
            return None
        cond = self.check(e.cond, target)
        if cond is None:
            return None
        if cond.vt.kind not in ("boolean", "null") or cond.plural:
            self.error(e.cond, "type-mismatch", f"a 'where' condition must be true or false, not {cond.vt}")
            return None
        return result

    def call(self, e: Call, elem: str | None) -> _T | None:
        args = [self.check(a, elem) for a in e.args]
        if any(a is None for a in args):
            return None
        checked = [a for a in args if a is not None]
        if e.func in ("len", "lower", "upper"):
            if len(checked) != 1 or checked[0].vt.kind not in ("text", "null"):
                self.error(e, "type-mismatch", f"{e.func}() takes one text")
                return None
            vt = ValueType(kind="integer") if e.func == "len" else ValueType(kind="text")
            return _T(vt, checked[0].plural, checked[0].elem)
        if e.func in ("min", "max") and len(checked) >= 2:
            return self.scalar_min_max(e, checked)
        if len(checked) != 1:
            self.error(e, "bad-aggregate", f"{e.func}() takes one list")
            return None
        return self.aggregate(e, checked[0])

    def scalar_min_max(self, e: Call, args: list[_T]) -> _T | None:
        vt = args[0].vt
        for a in args[1:]:
            if not t.orderable(vt, a.vt) and "null" not in (vt.kind, a.vt.kind):
                self.error(e, "type-mismatch", f"{e.func}() cannot mix {vt} and {a.vt}")
                return None
            if vt.kind in t.NUMERIC and a.vt.kind in t.NUMERIC:
                vt = t.numeric_result(vt, a.vt)
            elif vt.kind == "null":
                vt = a.vt
        result: _T | None = _T(vt)
        for a in args:
            result = self.merge(e, result, a, vt) if result else None
        return result

    def aggregate(self, e: Call, arg: _T) -> _T | None:
        assert e.func in AGGREGATES
        if e.func == "count":
            if arg.plural is None and arg.vt.kind != "list":
                self.error(e, "bad-aggregate", f"count() needs a list, not {arg.vt}")
                return None
            return _T(ValueType(kind="integer"))
        if arg.plural is None:
            self.error(
                e,
                "bad-aggregate",
                f"{e.func}() needs values from a list (like items.price), not {arg.vt}",
            )
            return None
        kind = arg.vt.kind
        if e.func in ("sum", "avg") and kind not in t.NUMERIC:
            self.error(e, "type-mismatch", f"{e.func}() needs numbers, not {arg.vt}")
            return None
        if e.func in ("min", "max") and kind not in t.ORDERED:
            self.error(e, "type-mismatch", f"{e.func}() needs numbers, dates or text, not {arg.vt}")
            return None
        if e.func == "avg" and kind == "integer":
            return _T(ValueType(kind="decimal"))
        return _T(arg.vt)


def referenced_fields(expr: Expr) -> set[str]:
    """Fields of the context entity an expression reads (bare names and `this.f`)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, Name) and node.ref == "field":
            found.add(node.name)
        elif isinstance(node, Path) and isinstance(node.root, Keyword) and node.root.name == "this":
            found.add(node.fields[0])
        if isinstance(node, Path):
            walk(node.root)
        for child in _children(node):
            walk(child)

    walk(expr)
    return found


def _children(node: object) -> list[Expr]:
    if isinstance(node, Unary):
        return [node.operand]
    if isinstance(node, Binary | Compare):
        return [node.left, node.right]
    if isinstance(node, In):
        return [node.operand, *node.items]
    if isinstance(node, Filter):
        return [node.source, node.cond]
    if isinstance(node, Call):
        return list(node.args)
    return []
