"""HTTP operations on OrderItem (`specs/shop.md:79`): CRUD."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response

from shop_api.auth import MeDep, SessionDep
from shop_api.core import crud
from shop_api.entities import ORDER_ITEM

router = APIRouter(prefix="/order_items", tags=["OrderItem"])
API = ORDER_ITEM


@router.get("")
def list_order_items(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, API, me, dict(request.query_params))


@router.get("/{row_id}")
def read_order_item(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.read_endpoint(session, API, me, row_id)


@router.patch("/{row_id}")
def update_order_item(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    return crud.update_endpoint(session, API, me, row_id, body)


@router.delete("/{row_id}", status_code=204)
def delete_order_item(row_id: str, session: SessionDep, me: MeDep) -> Response:
    crud.delete_endpoint(session, API, me, row_id)
    return Response(status_code=204)
