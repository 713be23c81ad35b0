"""Tests of CartItem derived from `specs/shop.md:48`: access, CRUD, rules and states."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import cart_item_body, make_cart_item
from tests.support import Api


def test_cart_item_list_for_anonymous_callers(api: Api) -> None:
    """spec: specs/shop.md:48 (reading needs a sign-in)"""
    r = api.request(None, "GET", "/cart_items")
    assert r.status_code == 401, r.text


def test_cart_item_create_needs_sign_in(api: Api) -> None:
    """spec: specs/shop.md:48"""
    r = api.request(None, "POST", "/cart_items", {})
    assert r.status_code == 401, r.text


def test_cart_item_list_refuses_unknown_parameters(api: Api) -> None:
    """spec: specs/shop.md:48 (§5: unknown parameters and size over 100 are 422)"""
    assert api.request("admin", "GET", "/cart_items?no_such_parameter=1").status_code == 422
    assert api.request("admin", "GET", "/cart_items?size=101").status_code == 422


def test_cart_item_crud_round_trip(api: Api) -> None:
    """spec: specs/shop.md:48"""
    row = make_cart_item(api)
    path = f"/cart_items/{row['id']}"
    r = api.request("admin", "GET", path)
    assert r.status_code == 200 and r.json() == row, r.text
    r = api.request("admin", "PATCH", path, {"quantity": 2})
    assert r.status_code == 200, r.text
    assert r.json()["quantity"] == 2
    listed = api.request("admin", "GET", "/cart_items?size=100").json()
    assert row["id"] in [item["id"] for item in listed["items"]] and listed["total"] >= 1
    r = api.request("admin", "DELETE", path)
    assert r.status_code in (204, 409), r.text
    if r.status_code == 204:
        assert api.request("admin", "GET", path).status_code == 404


def test_cart_item_refuses_unknown_fields(api: Api) -> None:
    """spec: specs/shop.md:48 (§5: unknown fields are 422, never dropped)"""
    body = cart_item_body(api)
    body["no_such_field"] = 1
    r = api.request("admin", "POST", "/cart_items", body)
    assert r.status_code == 422, r.text
    assert "no_such_field" in [d["field"] for d in r.json()["detail"]]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("quantity", "many", "specs/shop.md:52 not a number"),
        ("quantity", 0, "specs/shop.md:52 below min 1"),
        ("quantity", 100, "specs/shop.md:52 above max 99"),
        ("quantity", "__missing__", "specs/shop.md:52 missing"),
    ],
)
def test_cart_item_rules(api: Api, field: str, value: Any, reason: str) -> None:
    """Each field rule refuses a breaking value with 422 naming the field."""
    body = cart_item_body(api)
    if value == "__missing__":
        body.pop(field, None)
    else:
        body[field] = value
    r = api.request("admin", "POST", "/cart_items", body)
    assert r.status_code == 422, f"{reason}: {r.status_code} {r.text}"
    assert field in [d["field"] for d in r.json()["detail"]], reason


@pytest.mark.parametrize(
    ("role", "read", "update", "delete"),
    [
        ("seller", "none", "none", "none"),
        ("buyer", "own", "own", "own"),
    ],
)
def test_cart_item_access_per_role(api: Api, role: str, read: str, update: str, delete: str) -> None:
    """spec: specs/shop.md:48 (§5, §6: a row admin created, seen by each role: 200, 403 or invisible 404)"""
    row = make_cart_item(api)
    api.sign_up(role, "visitor")
    path = f"/cart_items/{row['id']}"
    visible = read == "all"
    assert api.request("visitor", "GET", path).status_code == (200 if visible else 404)
    listed = api.request("visitor", "GET", "/cart_items?size=100")
    assert listed.status_code == (403 if read == "none" else 200), listed.text
    if listed.status_code == 200:
        assert (row["id"] in [item["id"] for item in listed.json()["items"]]) == visible
    change = {"quantity": 2}
    expected = 200 if update == "all" else 403
    assert api.request("visitor", "PATCH", path, change).status_code == (expected if visible else 404)
    r = api.request("visitor", "DELETE", path)
    if not visible:
        assert r.status_code == 404, r.text
    elif delete == "all":
        assert r.status_code in (204, 409), r.text  # 409: the row is still referenced
    else:
        assert r.status_code == 403, r.text
