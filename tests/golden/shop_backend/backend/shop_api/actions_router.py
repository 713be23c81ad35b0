"""HTTP operations for the actions of `specs/shop.md` that work on no particular row."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body

from shop_api import actions
from shop_api.auth import MeDep, SessionDep

router = APIRouter(prefix="/actions", tags=["actions"])


@router.post("/checkout")
def checkout(session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None) -> Any:
    """checkout (specs/shop.md:94)."""
    return actions.checkout(session, me, body)
