"""Valid rows for the tests, created through the API as admin (values built from the rules)."""

from __future__ import annotations

from typing import Any

from tests.support import Api


def category_body(api: Api) -> dict[str, Any]:
    """A valid create body for Category, creating the rows it must refer to."""
    body: dict[str, Any] = {"name": "a"}
    return body


def make_category(api: Api) -> dict[str, Any]:
    r = api.request("admin", "POST", "/categories", category_body(api))
    assert r.status_code == 201, r.text
    row: dict[str, Any] = r.json()
    return row


def product_body(api: Api) -> dict[str, Any]:
    """A valid create body for Product, creating the rows it must refer to."""
    body: dict[str, Any] = {"name": "a", "price": "0.01"}
    return body


def make_product(api: Api) -> dict[str, Any]:
    r = api.request("admin", "POST", "/products", product_body(api))
    assert r.status_code == 201, r.text
    row: dict[str, Any] = r.json()
    return row


def cart_item_body(api: Api) -> dict[str, Any]:
    """A valid create body for CartItem, creating the rows it must refer to."""
    body: dict[str, Any] = {"quantity": 1}
    body["product"] = make_product(api)["id"]
    return body


def make_cart_item(api: Api) -> dict[str, Any]:
    r = api.request("admin", "POST", "/cart_items", cart_item_body(api))
    assert r.status_code == 201, r.text
    row: dict[str, Any] = r.json()
    return row


def order_body(api: Api) -> dict[str, Any]:
    """A valid create body for Order, creating the rows it must refer to."""
    body: dict[str, Any] = {"address": "a"}
    return body


def make_order(api: Api) -> dict[str, Any]:
    r = api.request("admin", "POST", "/orders", order_body(api))
    assert r.status_code == 201, r.text
    row: dict[str, Any] = r.json()
    return row
