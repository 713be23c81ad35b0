"""Field rules of `specs/shop.md` checked on every write an action makes (§9)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from shop_api.core.errors import message


def check_user(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a User as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.username is None or row.username == "":
        broken.append(("username", message("missing")))
    if row.username is not None and len(row.username) > 150:
        broken.append(("username", message("max_length", value=150)))
    if row.email is None or row.email == "":
        broken.append(("email", message("missing")))
    if row.password is None or row.password == "":
        broken.append(("password", message("missing")))
    if row.role is not None and row.role not in ("seller", "buyer", "admin"):
        broken.append(("role", message("one_of", value="seller, buyer, admin")))
    return broken


def check_category(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a Category as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.name is None or row.name == "":
        broken.append(("name", message("missing")))
    if row.name is not None and len(row.name) > 60:
        broken.append(("name", message("max_length", value=60)))
    return broken


def check_product(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a Product as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.name is None or row.name == "":
        broken.append(("name", message("missing")))
    if row.name is not None and len(row.name) > 120:
        broken.append(("name", message("max_length", value=120)))
    if row.price is None or row.price == "":
        broken.append(("price", message("missing")))
    if row.price is not None and row.price < Decimal("0.01"):
        broken.append(("price", message("min", value="0.01")))
    if row.stock is not None and row.stock < 0:
        broken.append(("stock", message("min", value="0")))
    if row.status is not None and row.status not in ("draft", "published", "archived"):
        broken.append(("status", message("one_of", value="draft, published, archived")))
    return broken


def check_cart_item(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a CartItem as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.product_id is None or row.product_id == "":
        broken.append(("product", message("missing")))
    if row.quantity is None or row.quantity == "":
        broken.append(("quantity", message("missing")))
    if row.quantity is not None and row.quantity < 1:
        broken.append(("quantity", message("min", value="1")))
    if row.quantity is not None and row.quantity > 99:
        broken.append(("quantity", message("max", value="99")))
    return broken


def check_order(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a Order as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.status is not None and row.status not in ("pending", "paid", "shipped", "delivered", "cancelled"):
        broken.append(("status", message("one_of", value="pending, paid, shipped, delivered, cancelled")))
    if row.address is None or row.address == "":
        broken.append(("address", message("missing")))
    if row.address is not None and len(row.address) > 200:
        broken.append(("address", message("max_length", value=200)))
    return broken


def check_order_item(row: Any) -> list[tuple[str, str]]:
    """Broken rules of a OrderItem as (field, message) pairs."""
    broken: list[tuple[str, str]] = []
    if row.order_id is None or row.order_id == "":
        broken.append(("order", message("missing")))
    if row.product_id is None or row.product_id == "":
        broken.append(("product", message("missing")))
    if row.price is None or row.price == "":
        broken.append(("price", message("missing")))
    if row.quantity is None or row.quantity == "":
        broken.append(("quantity", message("missing")))
    if row.quantity is not None and row.quantity < 1:
        broken.append(("quantity", message("min", value="1")))
    return broken


_unused = (dt, Decimal)
