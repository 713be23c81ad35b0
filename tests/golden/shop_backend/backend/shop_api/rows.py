"""Rows as JSON (spec-semantics §5) and the computed fields of `specs/shop.md`.

Computed fields are evaluated on every read over all rows (system visibility);
the relationships they follow are loaded in batches (selectin), not row by row.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, literal, not_, or_, select, true
from sqlalchemy.orm import Session

from shop_api.core import ops, serialize
from shop_api.models import *  # noqa: F403


def user_row(row: User, session: Session) -> dict[str, Any]:
    """A User as the API returns it."""
    return {
        "id": row.id,
        "username": row.username,
        "email": row.email,
        "role": row.role,
    }


def category_row(row: Category, session: Session) -> dict[str, Any]:
    """A Category as the API returns it."""
    return {
        "id": row.id,
        "name": row.name,
    }


def product_row(row: Product, session: Session) -> dict[str, Any]:
    """A Product as the API returns it."""
    return {
        "id": row.id,
        "name": row.name,
        "description": row.description,
        "price": serialize.decimal(row.price, 2),
        "stock": row.stock,
        "status": row.status,
        "category": row.category_id,
        "seller": row.seller_id,
    }


def cart_item_subtotal(row: CartItem, session: Session) -> Any:
    """computed: product.price * quantity (specs/shop.md:54)"""
    return ops.mul(row.product.price, row.quantity)


def cart_item_row(row: CartItem, session: Session) -> dict[str, Any]:
    """A CartItem as the API returns it."""
    return {
        "id": row.id,
        "product": row.product_id,
        "quantity": row.quantity,
        "buyer": row.buyer_id,
        "subtotal": serialize.decimal(cart_item_subtotal(row, session), 2),
    }


def order_total(row: Order, session: Session) -> Any:
    """computed: sum(items.price * items.quantity) (specs/shop.md:64)"""
    return ops.sum_of([ops.mul(it.price, it.quantity) for it in row.items])


def order_row(row: Order, session: Session) -> dict[str, Any]:
    """A Order as the API returns it."""
    return {
        "id": row.id,
        "buyer": row.buyer_id,
        "items": serialize.ids(row.items),
        "total": serialize.decimal(order_total(row, session), 2),
        "status": row.status,
        "address": row.address,
    }


def order_item_row(row: OrderItem, session: Session) -> dict[str, Any]:
    """A OrderItem as the API returns it."""
    return {
        "id": row.id,
        "order": row.order_id,
        "product": row.product_id,
        "price": serialize.decimal(row.price, 2),
        "quantity": row.quantity,
    }


_unused = (Decimal, and_, func, literal, not_, or_, select, true)
