"""The list pages of `specs/shop.md` that narrow their rows with `own`/`where` (§10).

`GET /pages/<page>` is its entity's list (same parameters, checks and body) over the
rows that also meet the page's condition; admin is never narrowed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import ColumnElement, and_, func, literal, not_, or_, select, true

from shop_api import entities
from shop_api.auth import MeDep, SessionDep
from shop_api.core import crud, ops
from shop_api.models import *  # noqa: F403 - conditions may read any table

router = APIRouter(prefix="/pages", tags=["pages"])


def rows_of_Shop(me: Any) -> ColumnElement[bool]:
    """The rows of Shop (specs/shop.md:141): list Product where status = published."""
    return Product.status == literal("published")


@router.get("/Shop")
def page_Shop(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, entities.PRODUCT, me, dict(request.query_params), rows_of_Shop)


def rows_of_Cart(me: Any) -> ColumnElement[bool]:
    """The rows of Cart (specs/shop.md:143): list CartItem own."""
    return CartItem.buyer_id == ops.id_of(me)


@router.get("/Cart")
def page_Cart(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, entities.CART_ITEM, me, dict(request.query_params), rows_of_Cart)


def rows_of_my_orders(me: Any) -> ColumnElement[bool]:
    """The rows of My orders (specs/shop.md:144): list Order own."""
    return Order.buyer_id == ops.id_of(me)


@router.get("/my_orders")
def page_my_orders(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, entities.ORDER, me, dict(request.query_params), rows_of_my_orders)


def rows_of_my_products(me: Any) -> ColumnElement[bool]:
    """The rows of My products (specs/shop.md:145): list Product own."""
    return Product.seller_id == ops.id_of(me)


@router.get("/my_products")
def page_my_products(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, entities.PRODUCT, me, dict(request.query_params), rows_of_my_products)


_unused = (and_, func, literal, not_, or_, ops, select, true)
