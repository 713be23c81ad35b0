"""Tests of OrderItem derived from `specs/shop.md:79`: access, CRUD, rules and states."""

from __future__ import annotations

from tests.support import Api


def test_order_item_list_for_anonymous_callers(api: Api) -> None:
    """spec: specs/shop.md:79 (reading needs a sign-in)"""
    r = api.request(None, "GET", "/order_items")
    assert r.status_code == 401, r.text


def test_order_item_list_refuses_unknown_parameters(api: Api) -> None:
    """spec: specs/shop.md:79 (§5: unknown parameters and size over 100 are 422)"""
    assert api.request("admin", "GET", "/order_items?no_such_parameter=1").status_code == 422
    assert api.request("admin", "GET", "/order_items?size=101").status_code == 422
