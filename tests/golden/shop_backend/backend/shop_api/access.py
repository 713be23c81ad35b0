"""Who may do what (the Access blocks and `by` clauses of `specs/shop.md`), as SQL conditions.

Each function returns None when the caller has no grant for the operation at all, and
otherwise the condition rows must meet (`true()` when unconditional). admin passes all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, not_, or_, select, true

from shop_api.core import ops
from shop_api.models import *  # noqa: F403 - conditions may read any table

USER_ANYONE: frozenset[str] = frozenset()


def user_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Built-in User (§3): signed-in users read every user; admin does everything."""
    if me is not None and me.role == "admin":
        return true()
    if me is not None and op == "read":
        return true()
    if me is not None and op == "update":
        return User.id == me.id
    return None


CATEGORY_ANYONE: frozenset[str] = frozenset(["read"])


def category_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Access of Category (specs/shop.md:19)."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if op in ("read",):  # anyone: read
        conditions.append(true())
    if role == "admin" and op in (
        "create",
        "read",
        "update",
        "delete",
    ):  # admin: create, read, update, delete
        conditions.append(true())
    return or_(*conditions) if conditions else None


PRODUCT_ANYONE: frozenset[str] = frozenset(["read"])


def product_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Access of Product (specs/shop.md:28)."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if op in ("read",):  # anyone: read where status = published
        conditions.append(Product.status == literal("published"))
    if role == "seller" and op in ("create",):  # seller: create
        conditions.append(true())
    if role == "seller" and op in ("read", "update", "delete"):  # seller: read, update, delete own
        conditions.append(Product.seller_id == ops.id_of(me))
    if role == "admin" and op in (
        "create",
        "read",
        "update",
        "delete",
    ):  # admin: create, read, update, delete
        conditions.append(true())
    return or_(*conditions) if conditions else None


def product_may_publish(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire publish on a Product."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "seller":  # by seller own
        conditions.append(Product.seller_id == ops.id_of(me))
    return or_(*conditions) if conditions else None


def product_may_archive(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire archive on a Product."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "seller":  # by seller own
        conditions.append(Product.seller_id == ops.id_of(me))
    if role == "admin":  # by admin
        conditions.append(true())
    return or_(*conditions) if conditions else None


CART_ITEM_ANYONE: frozenset[str] = frozenset([])


def cart_item_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Access of CartItem (specs/shop.md:48)."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer" and op in (
        "create",
        "read",
        "update",
        "delete",
    ):  # buyer: create, read, update, delete own
        conditions.append(CartItem.buyer_id == ops.id_of(me))
    return or_(*conditions) if conditions else None


ORDER_ANYONE: frozenset[str] = frozenset([])


def order_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Access of Order (specs/shop.md:59)."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer" and op in ("read",):  # buyer: read own
        conditions.append(Order.buyer_id == ops.id_of(me))
    if role == "seller" and op in ("read",):  # seller: read where count(items where product.seller = me) > 0
        conditions.append(
            select(func.count())
            .select_from(OrderItem)
            .where(
                OrderItem.order_id == Order.id,
                (
                    select(Product.seller_id).where(Product.id == OrderItem.product_id).scalar_subquery()
                    == ops.id_of(me)
                ),
            )
            .scalar_subquery()
            > 0
        )
    if role == "admin" and op in (
        "create",
        "read",
        "update",
        "delete",
    ):  # admin: create, read, update, delete
        conditions.append(true())
    return or_(*conditions) if conditions else None


def order_may_pay(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire pay on a Order."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer":  # by buyer own
        conditions.append(Order.buyer_id == ops.id_of(me))
    return or_(*conditions) if conditions else None


def order_may_ship(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire ship on a Order."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "seller":  # by seller
        conditions.append(true())
    if role == "admin":  # by admin
        conditions.append(true())
    return or_(*conditions) if conditions else None


def order_may_deliver(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire deliver on a Order."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer":  # by buyer own
        conditions.append(Order.buyer_id == ops.id_of(me))
    if role == "admin":  # by admin
        conditions.append(true())
    return or_(*conditions) if conditions else None


def order_may_cancel(op: str, me: Any) -> ColumnElement[bool] | None:
    """Who may fire cancel on a Order."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer":  # by buyer own
        conditions.append(Order.buyer_id == ops.id_of(me))
    if role == "admin":  # by admin
        conditions.append(true())
    return or_(*conditions) if conditions else None


ORDER_ITEM_ANYONE: frozenset[str] = frozenset([])


def order_item_access(op: str, me: Any) -> ColumnElement[bool] | None:
    """Access of OrderItem (specs/shop.md:79)."""
    if me is not None and me.role == "admin":
        return true()
    role = me.role if me is not None else None
    conditions: list[ColumnElement[bool]] = []
    if role == "buyer" and op in ("read",):  # buyer: read where order.buyer = me
        conditions.append(
            select(Order.buyer_id).where(Order.id == OrderItem.order_id).scalar_subquery() == ops.id_of(me)
        )
    if role == "seller" and op in ("read",):  # seller: read where product.seller = me
        conditions.append(
            select(Product.seller_id).where(Product.id == OrderItem.product_id).scalar_subquery()
            == ops.id_of(me)
        )
    if role == "admin" and op in (
        "create",
        "read",
        "update",
        "delete",
    ):  # admin: create, read, update, delete
        conditions.append(true())
    return or_(*conditions) if conditions else None


__all__ = [name for name in dir() if name.endswith(("_access", "_ANYONE")) or "_may_" in name]
_unused = (and_, func, literal, not_, select)
