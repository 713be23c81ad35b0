"""HTTP operations on Category (`specs/shop.md:19`): CRUD."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response

from shop_api.auth import MeDep, SessionDep
from shop_api.core import crud
from shop_api.entities import CATEGORY

router = APIRouter(prefix="/categories", tags=["Category"])
API = CATEGORY


@router.get("")
def list_categories(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.list_endpoint(session, API, me, dict(request.query_params))


@router.post("", status_code=201)
def create_category(session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None) -> dict[str, Any]:
    return crud.create_endpoint(session, API, me, body)


@router.get("/{row_id}")
def read_category(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return crud.read_endpoint(session, API, me, row_id)


@router.patch("/{row_id}")
def update_category(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    return crud.update_endpoint(session, API, me, row_id, body)


@router.delete("/{row_id}", status_code=204)
def delete_category(row_id: str, session: SessionDep, me: MeDep) -> Response:
    crud.delete_endpoint(session, API, me, row_id)
    return Response(status_code=204)
