"""HTTP-only helpers for the generated tests: users, calls, and reading rows with full visibility.

These tests know the API from the document (spec-semantics §5, §11), not the code.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

ADMIN_PASSWORD = "admin-password-for-tests"
PASSWORD = "Secret-pass-1"
PATHS = {
    "User": "/users",
    "Category": "/categories",
    "Product": "/products",
    "CartItem": "/cart_items",
    "Order": "/orders",
    "OrderItem": "/order_items",
}


class Api:
    """A client that can act as any signed-up user, or as the bootstrap admin."""

    def __init__(self, client: Any, default_role: str | None) -> None:
        self.client = client
        self.default_role = default_role
        self.tokens: dict[str, str] = {}
        self.users: dict[str, dict[str, Any]] = {}
        if default_role is not None:
            self.tokens["admin"] = self.login("admin", ADMIN_PASSWORD)

    def login(self, name: str, password: str) -> str:
        r = self.client.post("/auth/login", json={"username": name, "password": password})
        assert r.status_code == 200, f"log-in of {name} failed: {r.status_code} {r.text}"
        return str(r.json()["access_token"])

    def sign_up(self, role: str, name: str) -> dict[str, Any]:
        r = self.client.post(
            "/auth/signup", json={"username": name, "email": f"{name}@example.test", "password": PASSWORD}
        )
        assert r.status_code == 201, f"sign-up of {name} failed: {r.status_code} {r.text}"
        user: dict[str, Any] = r.json()
        if role != self.default_role:
            r = self.request("admin", "PATCH", f"/users/{user['id']}", {"role": role})
            assert r.status_code == 200, f"making {name} a {role} failed: {r.status_code} {r.text}"
            user = r.json()
        self.tokens[name] = self.login(name, PASSWORD)
        self.users[name] = user
        return user

    def headers(self, actor: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[actor]}"} if actor in self.tokens else {}

    def admin_id(self) -> int:
        r = self.request("admin", "GET", "/auth/me")
        assert r.status_code == 200, r.text
        return int(r.json()["id"])

    def request(self, actor: str | None, method: str, path: str, body: Any = None) -> httpx.Response:
        kwargs: dict[str, Any] = {"headers": self.headers(actor)}
        if body is not None:
            kwargs["json"] = body
        return self.client.request(method, path, **kwargs)

    def get_all(self, entity: str) -> list[dict[str, Any]]:
        """Every row of an entity, read with full visibility (all pages)."""
        rows: list[dict[str, Any]] = []
        page = 1
        while True:
            r = self.request(
                "admin" if self.default_role else None, "GET", f"{PATHS[entity]}?page={page}&size=100"
            )
            assert r.status_code == 200, r.text
            body = r.json()
            rows += body["items"]
            if len(rows) >= body["total"] or not body["items"]:
                return rows
            page += 1

    def get(self, entity: str, row_id: Any) -> dict[str, Any] | None:
        if row_id is None:
            return None
        r = self.request("admin" if self.default_role else None, "GET", f"{PATHS[entity]}/{row_id}")
        return r.json() if r.status_code == 200 else None


class World:
    """A scenario's variables: users and rows, read again whenever an expectation looks at them."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.rows: dict[str, tuple[str, int]] = {}
        self.values: dict[str, Any] = {}

    def sign_up(self, role: str, name: str) -> None:
        user = self.api.sign_up(role, name)
        self.rows[name] = ("User", int(user["id"]))

    def id(self, name: str) -> int:
        return self.rows[name][1]

    def call(
        self,
        where: str,
        actor: str | None,
        method: str,
        path: str,
        body: Any = None,
        fails: int | str | None = None,
    ) -> httpx.Response:
        r = self.api.request(actor, method, path, body)
        if fails is None:
            assert 200 <= r.status_code < 300, f"{where}: expected success, got {r.status_code} {r.text}"
        elif isinstance(fails, int):
            assert r.status_code == fails, f"{where}: expected {fails}, got {r.status_code} {r.text}"
        else:
            assert 400 <= r.status_code < 500, f"{where}: expected a refusal, got {r.status_code} {r.text}"
            assert fails in _messages(r), f"{where}: expected {fails!r}, got {r.text}"
        return r

    def bind(self, name: str, entity: str | None, r: httpx.Response) -> None:
        body = r.json() if r.content else None
        if entity is not None and isinstance(body, dict) and "id" in body:
            self.rows[name] = (entity, int(body["id"]))
        else:
            self.values[name] = body

    def row(self, name: str) -> dict[str, Any] | None:
        """A bound row as it is now (None once deleted)."""
        entity, row_id = self.rows[name]
        return self.api.get(entity, row_id)

    def follow(self, row: dict[str, Any] | None, field: str, entity: str) -> dict[str, Any] | None:
        return None if row is None else self.api.get(entity, row.get(field))

    def all(self, entity: str) -> list[dict[str, Any]]:
        return self.api.get_all(entity)


def _messages(r: httpx.Response) -> list[str]:
    try:
        detail = r.json().get("detail")
    except ValueError:
        return []
    if isinstance(detail, list):
        return [str(d.get("message")) for d in detail]
    return [str(detail)]


def value(raw: Any, kind: str) -> Any:
    """A JSON value as the expression language sees it."""
    if raw is None:
        return None
    try:
        if kind == "decimal":
            return Decimal(str(raw))
        if kind == "date":
            return dt.date.fromisoformat(str(raw))
        if kind == "datetime":
            return dt.datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        return raw
    return raw


def field(row: dict[str, Any] | None, name: str, kind: str) -> Any:
    return None if row is None else value(row.get(name), kind)


def eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal, float)):
        return Decimal(str(a)) == Decimal(str(b))
    return bool(a == b)


def ne(a: Any, b: Any) -> bool:
    return a is not None and b is not None and not eq(a, b)


def lt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(a < b)


def le(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(a <= b)


def gt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(a > b)


def ge(a: Any, b: Any) -> bool:
    return a is not None and b is not None and bool(a >= b)


def in_(a: Any, items: list[Any]) -> bool:
    return a is not None and any(eq(a, i) for i in items)
