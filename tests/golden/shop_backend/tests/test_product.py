"""Tests of Product derived from `specs/shop.md:28`: access, CRUD, rules and states."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import make_product, product_body
from tests.support import Api


def test_product_list_for_anonymous_callers(api: Api) -> None:
    """spec: specs/shop.md:28 (anyone may read)"""
    r = api.request(None, "GET", "/products")
    assert r.status_code == 200, r.text
    assert set(r.json()) == {"items", "total", "page", "size"}


def test_product_create_needs_sign_in(api: Api) -> None:
    """spec: specs/shop.md:28"""
    r = api.request(None, "POST", "/products", {})
    assert r.status_code == 401, r.text


def test_product_list_refuses_unknown_parameters(api: Api) -> None:
    """spec: specs/shop.md:28 (§5: unknown parameters and size over 100 are 422)"""
    assert api.request("admin", "GET", "/products?no_such_parameter=1").status_code == 422
    assert api.request("admin", "GET", "/products?size=101").status_code == 422


def test_product_crud_round_trip(api: Api) -> None:
    """spec: specs/shop.md:28"""
    row = make_product(api)
    path = f"/products/{row['id']}"
    r = api.request("admin", "GET", path)
    assert r.status_code == 200 and r.json() == row, r.text
    r = api.request("admin", "PATCH", path, {"name": "b"})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == "b"
    listed = api.request("admin", "GET", "/products?size=100").json()
    assert row["id"] in [item["id"] for item in listed["items"]] and listed["total"] >= 1
    r = api.request("admin", "DELETE", path)
    assert r.status_code in (204, 409), r.text
    if r.status_code == 204:
        assert api.request("admin", "GET", path).status_code == 404


def test_product_refuses_unknown_fields(api: Api) -> None:
    """spec: specs/shop.md:28 (§5: unknown fields are 422, never dropped)"""
    body = product_body(api)
    body["no_such_field"] = 1
    r = api.request("admin", "POST", "/products", body)
    assert r.status_code == 422, r.text
    assert "no_such_field" in [d["field"] for d in r.json()["detail"]]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        (
            "name",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "specs/shop.md:31 longer than 120",
        ),
        ("name", "", "specs/shop.md:31 empty"),
        ("name", "__missing__", "specs/shop.md:31 missing"),
        ("price", "many", "specs/shop.md:33 not a number"),
        ("price", "0.00", "specs/shop.md:33 below min 0.01"),
        ("price", "__missing__", "specs/shop.md:33 missing"),
        ("stock", "many", "specs/shop.md:34 not a number"),
        ("stock", -1, "specs/shop.md:34 below min 0"),
    ],
)
def test_product_rules(api: Api, field: str, value: Any, reason: str) -> None:
    """Each field rule refuses a breaking value with 422 naming the field."""
    body = product_body(api)
    if value == "__missing__":
        body.pop(field, None)
    else:
        body[field] = value
    r = api.request("admin", "POST", "/products", body)
    assert r.status_code == 422, f"{reason}: {r.status_code} {r.text}"
    assert field in [d["field"] for d in r.json()["detail"]], reason


def test_product_status_changes_only_through_transitions(api: Api) -> None:
    """spec: specs/shop.md:28 (§7)"""
    row = make_product(api)
    current = row["status"]
    assert api.request("admin", "PATCH", f"/products/{row['id']}", {"status": current}).status_code == 200
    r = api.request("admin", "PATCH", f"/products/{row['id']}", {"status": "published"})
    assert r.status_code == (200 if "published" == current else 409), r.text
    r = api.request("admin", "PATCH", f"/products/{row['id']}", {"status": "archived"})
    assert r.status_code == (200 if "archived" == current else 409), r.text


def test_product_publish(api: Api) -> None:
    """spec: specs/shop.md:45"""
    row = make_product(api)
    r = api.request("admin", "POST", f"/products/{row['id']}/publish")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "published"


def test_product_archive(api: Api) -> None:
    """spec: specs/shop.md:46"""
    row = make_product(api)
    r = api.request("admin", "POST", f"/products/{row['id']}/archive")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "archived"
