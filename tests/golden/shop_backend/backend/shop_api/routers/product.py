"""HTTP operations on Product (`specs/shop.md:28`): CRUD, transitions, actions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response

from shop_api import actions
from shop_api.auth import MeDep, SessionDep
from shop_api.core import crud
from shop_api.entities import PRODUCT

router = APIRouter(prefix="/products", tags=["Product"])
API = PRODUCT


@router.get("")
def list_products(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, API, me, dict(request.query_params))


@router.post("", status_code=201)
def create_product(session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None) -> dict[str, Any]:
    return crud.create_endpoint(session, API, me, body)


@router.get("/{row_id}")
def read_product(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.read_endpoint(session, API, me, row_id)


@router.patch("/{row_id}")
def update_product(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    return crud.update_endpoint(session, API, me, row_id, body)


@router.delete("/{row_id}", status_code=204)
def delete_product(row_id: str, session: SessionDep, me: MeDep) -> Response:
    crud.delete_endpoint(session, API, me, row_id)
    return Response(status_code=204)


@router.post("/{row_id}/publish")
def publish_product(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "publish")


@router.post("/{row_id}/archive")
def archive_product(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.transition_endpoint(session, API, me, row_id, "archive")


@router.post("/{row_id}/add_to_cart")
def add_to_cart_product(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> Any:
    """The action add_to_cart (specs/shop.md:116)."""
    return actions.add_to_cart(session, me, row_id, body)


@router.post("/{row_id}/restock")
def restock_product(row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None) -> Any:
    """The action restock (specs/shop.md:128)."""
    return actions.restock(session, me, row_id, body)
