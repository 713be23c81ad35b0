"""The scenarios of `specs/shop.md` as acceptance tests, one test per scenario.

Each starts from an empty database holding only the bootstrap admin; a failing step
names its line in the document.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests import support
from tests.support import Api, World

_unused = (dt, Decimal)


def test_a_buyer_checks_out_a_cart(api: Api) -> None:
    """A buyer checks out a cart (spec: specs/shop.md:151)"""
    w = World(api)
    w.sign_up("seller", "sam")  # specs/shop.md:152: 1. sign up seller "sam"
    w.sign_up("buyer", "bob")  # specs/shop.md:153: 2. sign up buyer "bob"
    w.bind(
        "pen",
        "Product",
        w.call(
            'specs/shop.md:154: 3. as sam: create Product {name: "Pen", price: 2.50, stock: 10} as pen',
            "sam",
            "POST",
            "/products",
            {"name": "Pen", "price": "2.50", "stock": 10},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:155: 4. as sam: publish pen",
        "sam",
        "POST",
        f"/products/{w.id('pen')}/publish",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:156: 5. as bob: create CartItem {product: pen, quantity: 3}",
        "bob",
        "POST",
        "/cart_items",
        {"product": w.id("pen"), "quantity": 3},
        fails=None,
    )
    w.bind(
        "order",
        "Order",
        w.call(
            'specs/shop.md:157: 6. as bob: checkout {address: "1 Main St"} as order',
            "bob",
            "POST",
            "/actions/checkout",
            {"address": "1 Main St"},
            fails=None,
        ),
    )
    assert support.eq(support.field(w.row("order"), "total", "decimal"), Decimal("7.50")), (
        "specs/shop.md:158: 7. expect order.total = 7.50"
    )
    assert support.eq(support.field(w.row("order"), "status", "enum"), "pending"), (
        "specs/shop.md:159: 8. expect order.status = pending"
    )
    assert support.eq(support.field(w.row("pen"), "stock", "integer"), 7), (
        "specs/shop.md:160: 9. expect pen.stock = 7"
    )
    assert support.eq(
        len([r for r in w.all("CartItem") if support.eq(support.field(r, "buyer", "ref"), w.id("bob"))]), 0
    ), "specs/shop.md:161: 10. expect count(CartItem where buyer = bob) = 0"
    w.call(
        'specs/shop.md:162: 11. as bob: checkout {address: "1 Main St"} fails with "Your cart is empty"',
        "bob",
        "POST",
        "/actions/checkout",
        {"address": "1 Main St"},
        fails="Your cart is empty",
    )


def test_stock_is_never_oversold(api: Api) -> None:
    """Stock is never oversold (spec: specs/shop.md:164)"""
    w = World(api)
    w.sign_up("seller", "sam")  # specs/shop.md:165: 1. sign up seller "sam"
    w.sign_up("buyer", "bob")  # specs/shop.md:166: 2. sign up buyer "bob"
    w.bind(
        "lamp",
        "Product",
        w.call(
            'specs/shop.md:167: 3. as sam: create Product {name: "Lamp", price: 30, stock: 2} as lamp',
            "sam",
            "POST",
            "/products",
            {"name": "Lamp", "price": "30", "stock": 2},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:168: 4. as sam: publish lamp",
        "sam",
        "POST",
        f"/products/{w.id('lamp')}/publish",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:169: 5. as bob: create CartItem {product: lamp, quantity: 3}",
        "bob",
        "POST",
        "/cart_items",
        {"product": w.id("lamp"), "quantity": 3},
        fails=None,
    )
    w.call(
        'specs/shop.md:170: 6. as bob: checkout {address: "2 Side St"} fails with "Not enough stock for Lamp"',
        "bob",
        "POST",
        "/actions/checkout",
        {"address": "2 Side St"},
        fails="Not enough stock for Lamp",
    )
    assert support.eq(support.field(w.row("lamp"), "stock", "integer"), 2), (
        "specs/shop.md:171: 7. expect lamp.stock = 2"
    )
    assert support.eq(len(w.all("Order")), 0), "specs/shop.md:172: 8. expect count(Order) = 0"


def test_drafts_are_private_to_their_seller(api: Api) -> None:
    """Drafts are private to their seller (spec: specs/shop.md:174)"""
    w = World(api)
    w.sign_up("seller", "sam")  # specs/shop.md:175: 1. sign up seller "sam"
    w.sign_up("seller", "sue")  # specs/shop.md:176: 2. sign up seller "sue"
    w.sign_up("buyer", "bob")  # specs/shop.md:177: 3. sign up buyer "bob"
    w.bind(
        "secret",
        "Product",
        w.call(
            'specs/shop.md:178: 4. as sam: create Product {name: "Secret", price: 5} as secret',
            "sam",
            "POST",
            "/products",
            {"name": "Secret", "price": "5"},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:179: 5. as bob: read secret fails with 404",
        "bob",
        "GET",
        f"/products/{w.id('secret')}",
        None,
        fails=404,
    )
    w.call(
        "specs/shop.md:180: 6. as sue: update secret {price: 1} fails with 404",
        "sue",
        "PATCH",
        f"/products/{w.id('secret')}",
        {"price": "1"},
        fails=404,
    )
    w.call(
        "specs/shop.md:181: 7. as sam: update secret {price: 6}",
        "sam",
        "PATCH",
        f"/products/{w.id('secret')}",
        {"price": "6"},
        fails=None,
    )
    assert support.eq(support.field(w.row("secret"), "price", "decimal"), 6), (
        "specs/shop.md:182: 8. expect secret.price = 6"
    )


def test_an_order_follows_its_life_cycle(api: Api) -> None:
    """An order follows its life cycle (spec: specs/shop.md:184)"""
    w = World(api)
    w.sign_up("seller", "sam")  # specs/shop.md:185: 1. sign up seller "sam"
    w.sign_up("buyer", "bob")  # specs/shop.md:186: 2. sign up buyer "bob"
    w.bind(
        "mug",
        "Product",
        w.call(
            'specs/shop.md:187: 3. as sam: create Product {name: "Mug", price: 8, stock: 5} as mug',
            "sam",
            "POST",
            "/products",
            {"name": "Mug", "price": "8", "stock": 5},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:188: 4. as sam: publish mug",
        "sam",
        "POST",
        f"/products/{w.id('mug')}/publish",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:189: 5. as bob: create CartItem {product: mug, quantity: 1}",
        "bob",
        "POST",
        "/cart_items",
        {"product": w.id("mug"), "quantity": 1},
        fails=None,
    )
    w.bind(
        "order",
        "Order",
        w.call(
            'specs/shop.md:190: 6. as bob: checkout {address: "3 Hill Rd"} as order',
            "bob",
            "POST",
            "/actions/checkout",
            {"address": "3 Hill Rd"},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:191: 7. as bob: deliver order fails with 409",
        "bob",
        "POST",
        f"/orders/{w.id('order')}/deliver",
        None,
        fails=409,
    )
    w.call(
        "specs/shop.md:192: 8. as bob: pay order",
        "bob",
        "POST",
        f"/orders/{w.id('order')}/pay",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:193: 9. as sam: ship order",
        "sam",
        "POST",
        f"/orders/{w.id('order')}/ship",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:194: 10. as bob: deliver order",
        "bob",
        "POST",
        f"/orders/{w.id('order')}/deliver",
        None,
        fails=None,
    )
    assert support.eq(support.field(w.row("order"), "status", "enum"), "delivered"), (
        "specs/shop.md:195: 11. expect order.status = delivered"
    )
    w.call(
        "specs/shop.md:196: 12. as bob: cancel order fails with 409",
        "bob",
        "POST",
        f"/orders/{w.id('order')}/cancel",
        None,
        fails=409,
    )


def test_two_cart_lines_cannot_oversell_one_product(api: Api) -> None:
    """Two cart lines cannot oversell one product (spec: specs/shop.md:198)"""
    w = World(api)
    w.sign_up("seller", "sam")  # specs/shop.md:199: 1. sign up seller "sam"
    w.sign_up("buyer", "bob")  # specs/shop.md:200: 2. sign up buyer "bob"
    w.bind(
        "cup",
        "Product",
        w.call(
            'specs/shop.md:201: 3. as sam: create Product {name: "Cup", price: 4, stock: 10} as cup',
            "sam",
            "POST",
            "/products",
            {"name": "Cup", "price": "4", "stock": 10},
            fails=None,
        ),
    )
    w.call(
        "specs/shop.md:202: 4. as sam: publish cup",
        "sam",
        "POST",
        f"/products/{w.id('cup')}/publish",
        None,
        fails=None,
    )
    w.call(
        "specs/shop.md:203: 5. as bob: create CartItem {product: cup, quantity: 6}",
        "bob",
        "POST",
        "/cart_items",
        {"product": w.id("cup"), "quantity": 6},
        fails=None,
    )
    w.call(
        "specs/shop.md:204: 6. as bob: create CartItem {product: cup, quantity: 6}",
        "bob",
        "POST",
        "/cart_items",
        {"product": w.id("cup"), "quantity": 6},
        fails=None,
    )
    w.call(
        'specs/shop.md:205: 7. as bob: checkout {address: "4 Low St"} fails with "Not enough stock for Cup"',
        "bob",
        "POST",
        "/actions/checkout",
        {"address": "4 Low St"},
        fails="Not enough stock for Cup",
    )
    assert support.eq(support.field(w.row("cup"), "stock", "integer"), 10), (
        "specs/shop.md:206: 8. expect cup.stock = 10"
    )
    assert support.eq(len(w.all("Order")), 0), "specs/shop.md:207: 9. expect count(Order) = 0"
    assert support.eq(
        len([r for r in w.all("CartItem") if support.eq(support.field(r, "buyer", "ref"), w.id("bob"))]), 2
    ), "specs/shop.md:208: 10. expect count(CartItem where buyer = bob) = 2"
