"""The actions of `specs/shop.md` (§9), one plain function each.

Only `Who:` and the readability of the On row are checked; the steps then run with
system rights. Each action runs in one transaction: any failure rolls back every write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, literal, not_, or_, select, true
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from shop_api import schemas
from shop_api.core import crud, ops, serialize
from shop_api.core.crud import EntityApi
from shop_api.core.errors import ApiError, message
from shop_api.entities import CART_ITEM, ORDER, ORDER_ITEM, PRODUCT
from shop_api.models import *  # noqa: F403


def guard(me: Any, who: frozenset[str], anyone: bool) -> None:
    """`Who:` (401 when anonymous and not open to anyone; 403 for other roles)."""
    if me is None and not anyone:
        raise ApiError(401, message("not_signed_in"))
    if (
        anyone
        or crud.is_admin(me)
        or ("user" in who and me is not None)
        or (me is not None and me.role in who)
    ):
        return
    raise ApiError(403, message("forbidden"))


def write(session: Session, api: EntityApi, row: Any) -> None:
    """Check the field rules after a step writes a row (409 naming the field)."""
    broken = api.check_rules(row)
    if broken:
        field, text = broken[0]
        raise ApiError(409, f"{field}: {text}")
    crud._unique(session, api, row)
    session.flush()


def _json(value: Any, session: Session, api: EntityApi | None) -> Any:
    if value is None:
        return None
    if api is not None and isinstance(value, list):
        return [api.row(v, session) for v in value]
    if api is not None:
        return api.row(value, session)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return serialize.datetime(value)
    if isinstance(value, dt.date):
        return serialize.date(value)
    return value


def run(session: Session, steps: Callable[[], Any], api: EntityApi | None) -> Any:
    """Run the steps in one transaction; retry once when the database reports a conflict."""
    for attempt in (1, 2):
        try:
            result = _json(steps(), session, api)
            session.commit()
            return result
        except ApiError:
            session.rollback()
            raise
        except OperationalError:
            session.rollback()
            if attempt == 2:
                raise ApiError(409, message("retry")) from None
    raise AssertionError("unreachable")


def checkout(session: Session, me: Any, body: Any) -> Any:
    """checkout (specs/shop.md:94): Turns the buyer's cart into an order."""
    guard(me, frozenset(["buyer"]), anyone=False)
    data = crud.validate(schemas.CheckoutInput, body if body is not None else {})
    return run(session, lambda: _checkout(session, me, data), ORDER)


def _checkout(session: Session, me: Any, data: dict[str, Any]) -> Any:
    address: Any = data.get("address")
    items = session.scalars(
        select(CartItem).where(CartItem.buyer_id == ops.id_of(me)).order_by(CartItem.id)
    ).all()
    if not ops.truthy(ops.gt(len(items), 0)):
        raise ApiError(409, "Your cart is empty")
    for item in list(items):
        if not ops.truthy(ops.eq(ops.get(ops.get(item, "product"), "status"), "published")):
            raise ApiError(
                409, f"{serialize.text_of(ops.get(ops.get(item, 'product'), 'name'))} is no longer on sale"
            )
        if not ops.truthy(ops.ge(ops.get(ops.get(item, "product"), "stock"), ops.get(item, "quantity"))):
            raise ApiError(
                409, f"Not enough stock for {serialize.text_of(ops.get(ops.get(item, 'product'), 'name'))}"
            )
    order = Order()
    order.buyer_id = ops.id_of(me)
    order.address = address
    session.add(order)
    write(session, ORDER, order)
    for item in list(items):
        if not ops.truthy(ops.ge(ops.get(ops.get(item, "product"), "stock"), ops.get(item, "quantity"))):
            raise ApiError(
                409, f"Not enough stock for {serialize.text_of(ops.get(ops.get(item, 'product'), 'name'))}"
            )
        new_order_item_1 = OrderItem()
        new_order_item_1.order_id = ops.id_of(order)
        new_order_item_1.product_id = ops.id_of(ops.get(item, "product"))
        new_order_item_1.price = serialize.to_scale(ops.get(ops.get(item, "product"), "price"), 2)
        new_order_item_1.quantity = ops.get(item, "quantity")
        session.add(new_order_item_1)
        write(session, ORDER_ITEM, new_order_item_1)
        row_2 = ops.get(item, "product")
        row_2.stock = ops.sub(row_2.stock, ops.get(item, "quantity"))
        write(session, PRODUCT, row_2)
        crud.delete_row(session, CART_ITEM, item)
    return order


def add_to_cart(session: Session, me: Any, row_id: str, body: Any) -> Any:
    """add to cart (specs/shop.md:116)"""
    if me is None and not False:
        raise ApiError(401, message("not_signed_in"))
    this = crud.load(session, PRODUCT, me, row_id, "read")
    guard(me, frozenset(["buyer"]), anyone=False)
    data = crud.validate(schemas.AddToCartInput, body if body is not None else {})
    return run(session, lambda: _add_to_cart(session, me, this, data), CART_ITEM)


def _add_to_cart(session: Session, me: Any, this: Any, data: dict[str, Any]) -> Any:
    quantity: Any = data.get("quantity")
    if not ops.truthy(ops.eq(this.status, "published")):
        raise ApiError(409, f"{serialize.text_of(this.name)} is not on sale")
    item = CartItem()
    item.product_id = ops.id_of(this)
    item.quantity = quantity
    item.buyer_id = ops.id_of(me)
    session.add(item)
    write(session, CART_ITEM, item)
    return item


def restock(session: Session, me: Any, row_id: str, body: Any) -> Any:
    """restock (specs/shop.md:128)"""
    if me is None and not False:
        raise ApiError(401, message("not_signed_in"))
    this = crud.load(session, PRODUCT, me, row_id, "read")
    guard(me, frozenset(["admin", "seller"]), anyone=False)
    data = crud.validate(schemas.RestockInput, body if body is not None else {})
    return run(session, lambda: _restock(session, me, this, data), PRODUCT)


def _restock(session: Session, me: Any, this: Any, data: dict[str, Any]) -> Any:
    amount: Any = data.get("amount")
    if not ops.truthy(ops.or_(ops.eq(this.seller, me), ops.eq(ops.get(me, "role"), "admin"))):
        raise ApiError(409, "You can only restock your own products")
    row_1 = this
    row_1.stock = ops.add(row_1.stock, amount)
    write(session, PRODUCT, row_1)
    return this


_unused = (and_, func, literal, not_, or_, select, true)
