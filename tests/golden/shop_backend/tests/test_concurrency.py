"""Actions that decrease a quantity, fired in parallel against a live server.

Each test replays the first scenario that runs the action successfully, then sends the
same request several times at once: exactly one may succeed, and the scenario's
expectations after that step must still hold (nothing is taken twice).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import httpx

from tests import support
from tests.support import Api, World

PARALLEL = 4
_unused = (dt, Decimal)


def test_checkout_runs_once_when_sent_in_parallel(live_url: str) -> None:
    """checkout (specs/shop.md:157) sent {PARALLEL} times at once."""
    with httpx.Client(base_url=live_url, timeout=60) as client:
        api = Api(client, default_role="buyer")
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
        with ThreadPoolExecutor(PARALLEL) as pool:
            results = list(
                pool.map(
                    lambda _: api.request("bob", "POST", "/actions/checkout", {"address": "1 Main St"}),
                    range(PARALLEL),
                )
            )
        codes = sorted(r.status_code for r in results)
        ok = [r for r in results if 200 <= r.status_code < 300]
        assert len(ok) == 1 and all(c == 409 for c in codes if not 200 <= c < 300), codes
        w.bind("order", "Order", ok[0])
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
            len([r for r in w.all("CartItem") if support.eq(support.field(r, "buyer", "ref"), w.id("bob"))]),
            0,
        ), "specs/shop.md:161: 10. expect count(CartItem where buyer = bob) = 0"
