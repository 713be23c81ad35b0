"""The expression language: parse trees, precedence, positions, type checking."""

from __future__ import annotations

from pathlib import Path as FsPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factory.analyst import analyse_file
from factory.analyst.expressions import Scope, check_expression, parse_expression
from factory.diagnostics import Diagnostics
from factory.ir.expr import (
    Binary,
    Call,
    Compare,
    Filter,
    In,
    Keyword,
    Literal_,
    Name,
    Path,
    Unary,
    ValueType,
)

ROOT = FsPath(__file__).resolve().parents[1]


def parse(text: str) -> object:
    diags = Diagnostics("t")
    expr = parse_expression(text, diags)
    assert expr is not None, [d.format() for d in diags.items]
    return expr


def show(e: object) -> str:
    """A compact Lisp-like view of a tree."""
    if isinstance(e, Literal_):
        return e.value
    if isinstance(e, Keyword | Name):
        return e.name
    if isinstance(e, Path):
        return ".".join([show(e.root), *e.fields])
    if isinstance(e, Unary):
        return f"({e.op} {show(e.operand)})"
    if isinstance(e, Binary | Compare):
        return f"({e.op} {show(e.left)} {show(e.right)})"
    if isinstance(e, In):
        return f"({'not in' if e.negated else 'in'} {show(e.operand)} {' '.join(map(show, e.items))})"
    if isinstance(e, Filter):
        return f"(where {show(e.source)} {show(e.cond)})"
    assert isinstance(e, Call)
    return f"({e.func} {' '.join(map(show, e.args))})"


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("a or b and not c = 1 + 2 * -3", "(or a (and b (not (= c (+ 1 (* 2 (- 3)))))))"),
        ("x not in (a, b)", "(not in x a b)"),
        (
            "count(invitations where answer = yes) > 0",
            "(> (count (where invitations (= answer yes))) 0)",
        ),
        (
            "sum(opportunities.amount where stage = won)",
            "(sum (where opportunities.amount (= stage won)))",
        ),
        ("sum(items.price * items.quantity)", "(sum (* items.price items.quantity))"),
        ("max(0, x)", "(max 0 x)"),
        (
            "CartItem where buyer = me and quantity > 1",
            "(where CartItem (and (= buyer me) (> quantity 1)))",
        ),
        ("this.seller = me or me.role = admin", "(or (= this.seller me) (= me.role admin))"),
        ("（a + b）", "(+ a b)"),
        ("today - 3", "(- today 3)"),
        ("count(Invitation 满足 guest = me)", "(count (where Invitation (= guest me)))"),
    ],
)
def test_parse_trees(text: str, tree: str) -> None:
    assert show(parse(text)) == tree


def test_literals_and_positions() -> None:
    e = parse('price >= 2.50 and name != "a\\"b"')
    assert isinstance(e, Binary)
    left, right = e.left, e.right
    assert isinstance(left, Compare) and isinstance(left.right, Literal_)
    assert (left.right.lit, left.right.value, left.right.col) == ("decimal", "2.50", 10)
    assert isinstance(right, Compare) and isinstance(right.right, Literal_)
    assert right.right.value == 'a"b'
    diags = Diagnostics("t")
    nested = parse_expression("x + y", diags, line=7, col=20)
    assert isinstance(nested, Binary) and (nested.right.line, nested.right.col) == (7, 24)


@pytest.mark.parametrize(
    ("text", "code", "col"),
    [
        ("1 < a < 3", "chained-comparison", 7),
        ("price *", "expr-syntax", 8),
        ("(a + b", "expr-syntax", 7),
        ("a b", "expr-syntax", 3),
        ("sume(items.price)", "unknown-function", 1),
        ('"open', "expr-syntax", 1),
        ("a # b", "expr-syntax", 3),
        ("", "expr-syntax", 1),
    ],
)
def test_syntax_errors(text: str, code: str, col: int) -> None:
    diags = Diagnostics("t")
    assert parse_expression(text, diags) is None
    assert [(d.code, d.col) for d in diags.items] == [(code, col)]


@settings(max_examples=300, deadline=2000)
@given(st.text(max_size=60))
def test_parser_never_raises(text: str) -> None:
    parse_expression(text, Diagnostics("t"))


@pytest.fixture(scope="module")
def shop_scope() -> Scope:
    spec, _ = analyse_file(ROOT / "specs" / "shop.md")
    assert spec is not None
    return Scope(entities={e.name: e for e in spec.entities})


def _check(scope: Scope, text: str, **kw: object) -> tuple[ValueType | None, Diagnostics]:
    diags = Diagnostics("t")
    ctx = Scope(entities=scope.entities, **kw)  # type: ignore[arg-type]
    expr = parse_expression(text, diags)
    assert expr is not None
    return check_expression(expr, ctx, diags), diags


@pytest.mark.parametrize(
    ("text", "entity", "kind"),
    [
        ("product.price * quantity", "CartItem", "decimal"),
        ("sum(items.price * items.quantity)", "Order", "decimal"),
        ("count(items where product.seller = me) > 0", "Order", "boolean"),
        ("status = published", "Product", "boolean"),
        ("status in (draft, published)", "Product", "boolean"),
        ("quantity / 2", "CartItem", "decimal"),
        ("quantity * 2 + 1", "CartItem", "integer"),
        ('len(name) > 3 and lower(name) != "x"', "Product", "boolean"),
        ("category = null", "Product", "boolean"),
        ("max(0, stock - 5)", "Product", "integer"),
    ],
)
def test_types(shop_scope: Scope, text: str, entity: str, kind: str) -> None:
    vt, diags = _check(shop_scope, text, entity=entity, this=entity)
    assert not diags.items, [d.format() for d in diags.items]
    assert vt is not None and vt.kind == kind


@pytest.mark.parametrize(
    ("text", "entity", "code", "col", "suggestion"),
    [
        ("prise > 1", "Product", "unknown-field", 1, "price"),
        ("status = publised", "Product", "unknown-enum-value", 10, "published"),
        ("name + 1", "Product", "type-mismatch", 1, None),
        ("category.nmae", "Product", "unknown-field", 1, "name"),
        ("items.price > 1", "Order", "list-outside-aggregate", 1, None),
        ("sum(status)", "Product", "bad-aggregate", 1, None),
        ("seller = category", "Product", "type-mismatch", 1, None),
        ("status < draft", "Product", "type-mismatch", 1, None),
        ("price and true", "Product", "type-mismatch", 1, None),
    ],
)
def test_type_errors(
    shop_scope: Scope, text: str, entity: str, code: str, col: int, suggestion: str | None
) -> None:
    vt, diags = _check(shop_scope, text, entity=entity, this=entity)
    assert vt is None
    assert [(d.code, d.col, d.suggestion) for d in diags.items] == [(code, col, suggestion)]


def test_names_resolve_in_the_order_of_the_semantics(shop_scope: Scope) -> None:
    diags = Diagnostics("t")
    expr = parse_expression("count(CartItem where product = product) > 0", diags)
    assert expr is not None
    scope = Scope(
        entities=shop_scope.entities, variables={"product": ValueType(kind="ref", entity="Product")}
    )
    assert check_expression(expr, scope, diags) is not None
    # inside `where` the element's field wins over the variable: a field compared with itself
    assert [d.code for d in diags.items] == ["self-comparison-in-where"]
    call = expr.left  # type: ignore[union-attr]
    assert isinstance(call, Call) and isinstance(call.args[0], Filter)
    assert isinstance(call.args[0].source, Name) and call.args[0].source.ref == "entity"


def test_me_is_refused_where_not_allowed(shop_scope: Scope) -> None:
    vt, diags = _check(shop_scope, "me = null", allow_me=False, me_reason="no me here")
    assert vt is None and [d.code for d in diags.items] == ["me-not-allowed"]
