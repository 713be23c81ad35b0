"""Tests of Category derived from `specs/shop.md:19`: access, CRUD, rules and states."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import category_body, make_category
from tests.support import Api


def test_category_list_for_anonymous_callers(api: Api) -> None:
    """spec: specs/shop.md:19 (anyone may read)"""
    r = api.request(None, "GET", "/categories")
    assert r.status_code == 200, r.text
    assert set(r.json()) == {"items", "total", "page", "size"}


def test_category_create_needs_sign_in(api: Api) -> None:
    """spec: specs/shop.md:19"""
    r = api.request(None, "POST", "/categories", {})
    assert r.status_code == 401, r.text


def test_category_list_refuses_unknown_parameters(api: Api) -> None:
    """spec: specs/shop.md:19 (§5: unknown parameters and size over 100 are 422)"""
    assert api.request("admin", "GET", "/categories?no_such_parameter=1").status_code == 422
    assert api.request("admin", "GET", "/categories?size=101").status_code == 422


def test_category_crud_round_trip(api: Api) -> None:
    """spec: specs/shop.md:19"""
    row = make_category(api)
    path = f"/categories/{row['id']}"
    r = api.request("admin", "GET", path)
    assert r.status_code == 200 and r.json() == row, r.text
    listed = api.request("admin", "GET", "/categories?size=100").json()
    assert row["id"] in [item["id"] for item in listed["items"]] and listed["total"] >= 1
    r = api.request("admin", "DELETE", path)
    assert r.status_code in (204, 409), r.text
    if r.status_code == 204:
        assert api.request("admin", "GET", path).status_code == 404


def test_category_refuses_unknown_fields(api: Api) -> None:
    """spec: specs/shop.md:19 (§5: unknown fields are 422, never dropped)"""
    body = category_body(api)
    body["no_such_field"] = 1
    r = api.request("admin", "POST", "/categories", body)
    assert r.status_code == 422, r.text
    assert "no_such_field" in [d["field"] for d in r.json()["detail"]]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        (
            "name",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "specs/shop.md:22 longer than 60",
        ),
        ("name", "", "specs/shop.md:22 empty"),
        ("name", "__missing__", "specs/shop.md:22 missing"),
    ],
)
def test_category_rules(api: Api, field: str, value: Any, reason: str) -> None:
    """Each field rule refuses a breaking value with 422 naming the field."""
    body = category_body(api)
    if value == "__missing__":
        body.pop(field, None)
    else:
        body[field] = value
    r = api.request("admin", "POST", "/categories", body)
    assert r.status_code == 422, f"{reason}: {r.status_code} {r.text}"
    assert field in [d["field"] for d in r.json()["detail"]], reason


def test_category_name_is_unique(api: Api) -> None:
    """spec: specs/shop.md:19 (name: unique → 409)"""
    body = category_body(api)
    assert api.request("admin", "POST", "/categories", body).status_code == 201
    r = api.request("admin", "POST", "/categories", body)
    assert r.status_code == 409, r.text


@pytest.mark.parametrize(
    ("role", "read", "update", "delete"),
    [
        ("seller", "all", "none", "none"),
        ("buyer", "all", "none", "none"),
    ],
)
def test_category_access_per_role(api: Api, role: str, read: str, update: str, delete: str) -> None:
    """spec: specs/shop.md:19 (§5, §6: a row admin created, seen by each role: 200, 403 or invisible 404)"""
    row = make_category(api)
    api.sign_up(role, "visitor")
    path = f"/categories/{row['id']}"
    visible = read == "all"
    assert api.request("visitor", "GET", path).status_code == (200 if visible else 404)
    listed = api.request("visitor", "GET", "/categories?size=100")
    assert listed.status_code == (403 if read == "none" else 200), listed.text
    if listed.status_code == 200:
        assert (row["id"] in [item["id"] for item in listed.json()["items"]]) == visible
    change = {}
    expected = 200 if update == "all" else 403
    assert api.request("visitor", "PATCH", path, change).status_code == (expected if visible else 404)
    r = api.request("visitor", "DELETE", path)
    if not visible:
        assert r.status_code == 404, r.text
    elif delete == "all":
        assert r.status_code in (204, 409), r.text  # 409: the row is still referenced
    else:
        assert r.status_code == 403, r.text
