"""Sessions, the current user, and sign-up / log-in / me (spec-semantics §3, §5)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from shop_api.core import crud, security
from shop_api.core.errors import ApiError, message
from shop_api.entities import USER
from shop_api.models import User
from shop_api.schemas import SignUp


def get_session(request: Request) -> Iterator[Session]:
    session: Session = request.app.state.sessions()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


def get_me(request: Request, session: SessionDep) -> Any:
    """The signed-in user, None when anonymous; a bad token is a 401."""
    header = request.headers.get("authorization", "")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    user_id = (
        security.read_token(token, request.app.state.settings.jwt_secret)
        if scheme.lower() == "bearer"
        else None
    )
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise ApiError(401, message("not_signed_in"))
    return user


MeDep = Annotated[Any, Depends(get_me)]
router = APIRouter(tags=["auth"])
users = APIRouter(prefix="/users", tags=["User"])


def user_json(user: User, me: Any, session: Session) -> dict[str, Any]:
    """Others see a user's id, username and role; the user and admin see every field."""
    row = USER.row(user, session)
    if me is not None and (me.id == user.id or me.role == "admin"):
        return row
    return {"id": row["id"], "username": row["username"], "role": row["role"]}


@router.post("/auth/signup", status_code=201)
def signup(session: SessionDep, body: Annotated[Any, Body()] = None) -> dict[str, Any]:
    data = crud.validate(SignUp, body)
    if session.scalar(select(User.id).where(User.username == data["username"])) is not None:
        raise ApiError(409, f"username: {message('duplicate')}")
    user = User(role="buyer")
    for key, value in data.items():
        setattr(user, USER.attrs.get(key, key), value)
    user.password = security.hash_password(data["password"])
    session.add(user)
    session.commit()
    return user_json(user, user, session)


@router.post("/auth/login")
async def login(request: Request, session: SessionDep) -> dict[str, str]:
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        data: Any = {k: form.get(k) for k in ("username", "password")}
    else:
        try:
            data = await request.json()
        except ValueError:
            data = None
    if not isinstance(data, dict) or not data.get("username") or not data.get("password"):
        raise ApiError(
            422,
            [
                {"field": k, "message": message("missing")}
                for k in ("username", "password")
                if not isinstance(data, dict) or not data.get(k)
            ],
        )
    user = session.scalar(select(User).where(User.username == str(data["username"])))
    if user is None or not security.verify_password(str(data["password"]), user.password):
        raise ApiError(401, message("bad_login"))
    settings = request.app.state.settings
    token = security.make_token(user.id, settings.jwt_secret, settings.jwt_expire_minutes)
    return {"access_token": token, "token_type": "bearer"}


@router.get("/auth/me")
def me_endpoint(session: SessionDep, me: MeDep) -> dict[str, Any]:
    if me is None:
        raise ApiError(401, message("not_signed_in"))
    return user_json(me, me, session)


def user_items(page: dict[str, Any], me: Any) -> dict[str, Any]:
    """A list of users as `me` may see it: others show only id, username and role."""
    page["items"] = [
        row if me.role == "admin" or row["id"] == me.id else {k: row[k] for k in ("id", "username", "role")}
        for row in page["items"]
    ]
    return page


@users.get("")
def list_users(request: Request, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return user_items(crud.list_endpoint(session, USER, me, dict(request.query_params)), me)


@users.get("/{row_id}")
def read_user(row_id: str, session: SessionDep, me: MeDep) -> dict[str, Any]:
    return user_json(crud.load(session, USER, me, row_id, "read"), me, session)


@users.patch("/{row_id}")
def update_user(
    row_id: str, session: SessionDep, me: MeDep, body: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    user = crud.load(session, USER, me, row_id, "read")
    if me.role != "admin" and me.id != user.id:
        raise ApiError(403, message("forbidden"))
    data = crud.validate(USER.update_schema, body)
    if "role" in data and me.role != "admin":
        raise ApiError(403, message("forbidden"))
    if data.get("password") is not None:
        data["password"] = security.hash_password(data["password"])
    for key, value in data.items():
        if value is None and key in USER.required:
            raise ApiError(422, [{"field": key, "message": message("missing")}])
        setattr(user, USER.attrs.get(key, key), value)
    session.commit()
    return user_json(user, me, session)


@users.delete("/{row_id}", status_code=204)
def delete_user(row_id: str, session: SessionDep, me: MeDep) -> Response:
    user = crud.load(session, USER, me, row_id, "delete")
    if me.role != "admin":
        raise ApiError(403, message("forbidden"))
    crud.delete_row(session, USER, user)
    session.commit()
    return Response(status_code=204)


def bootstrap_admin(session: Session, username: str, password: str, email: str) -> None:
    if session.scalar(select(User.id).where(User.username == username)) is None:
        session.add(
            User(username=username, email=email, role="admin", password=security.hash_password(password))
        )
        session.commit()
