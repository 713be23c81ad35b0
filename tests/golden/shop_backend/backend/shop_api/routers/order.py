"""HTTP operations on Order (`specs/shop.md:59`): CRUD, transitions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response

from shop_api.auth import MeDep, SessionDep
from shop_api.core import crud
from shop_api.entities import ORDER

router = APIRouter(prefix="/orders", tags=["Order"])
API = ORDER


@router.get("")
def list_orders(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, API, me, dict(request.query_params))


@router.post("", status_code=201)
def create_order(session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None) -> dict[str, Any]:
    return crud.create_endpoint(session, API, me, body)


@router.get("/{row_id}")
def read_order(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.read_endpoint(session, API, me, row_id)


@router.patch("/{row_id}")
def update_order(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    return crud.update_endpoint(session, API, me, row_id, body)


@router.delete("/{row_id}", status_code=204)
def delete_order(row_id: str, session: SessionDep, me: MeDep) -> Response:
    crud.delete_endpoint(session, API, me, row_id)
    return Response(status_code=204)


@router.post("/{row_id}/pay")
def pay_order(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "pay")


@router.post("/{row_id}/ship")
def ship_order(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "ship")


@router.post("/{row_id}/deliver")
def deliver_order(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "deliver")


@router.post("/{row_id}/cancel")
def cancel_order(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "cancel")
