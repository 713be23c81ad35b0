"""The request flows every entity shares, in the check order of spec-semantics §5.

401 (not signed in, no `anyone` grant) → 404 (row missing or unreadable) → 403 (no
grant at all) → 422 (invalid input) → 403 (the grants' conditions fail) → 409.
Each entity describes itself with an `EntityApi` (see `entities.py`); the flows
here only read that description.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import ColumnElement, and_, exists, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shop_api.core.errors import ApiError, message, validation_detail
from shop_api.core.listing import ListSpec, list_rows

Access = Callable[[str, Any], "ColumnElement[bool] | None"]


@dataclass(frozen=True)
class Reference:
    field: str  # the API key
    fk: str  # the ORM attribute holding the id
    target: str  # the entity name


@dataclass(frozen=True)
class ManyToMany:
    field: str
    relation: str  # the ORM relationship attribute
    target: str


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    by: Access  # the `by` roles and their conditions, like an Access function
    anyone: bool


@dataclass(frozen=True)
class States:
    field: str  # the API key
    attr: str
    initial: str
    transitions: tuple[Transition, ...]

    def allowed_now(self, state: str) -> list[str]:
        return [t.name for t in self.transitions if state in t.sources]


@dataclass(frozen=True)
class EntityApi:
    name: str
    model: Any
    access: Access
    anyone: frozenset[str]
    row: Callable[[Any, Session], dict[str, Any]]
    listing: ListSpec
    create_schema: type[BaseModel] | None
    update_schema: type[BaseModel]
    attrs: dict[str, str]  # API key -> ORM attribute of writable scalar fields
    required: frozenset[str] = frozenset()  # API keys that may not be set to null
    owner: str | None = None  # ORM attribute of the owner's id
    references: tuple[Reference, ...] = ()
    many: tuple[ManyToMany, ...] = ()
    states: States | None = None
    unique: tuple[tuple[str, str], ...] = ()  # (API key, ORM attribute)
    restrict: tuple[tuple[Any, str, str], ...] = ()  # (model, fk attribute, entity name)
    nullify: tuple[tuple[Any, str], ...] = ()
    defaults: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    check_rules: Callable[[Any], list[tuple[str, str]]] = lambda row: []


REGISTRY: dict[str, EntityApi] = {}


def is_admin(me: Any) -> bool:
    return me is not None and me.role == "admin"


def _signed_in(me: Any, api: EntityApi, op: str) -> None:
    if me is None and op not in api.anyone:
        raise ApiError(401, message("not_signed_in"))


def visible(api: EntityApi, me: Any) -> ColumnElement[bool]:
    condition = api.access("read", me)
    return condition if condition is not None else false()


def load(session: Session, api: EntityApi, me: Any, row_id: str | int, op: str) -> Any:
    """The row in the URL, if the caller may read it (401 and 404 of §5)."""
    _signed_in(me, api, op)
    try:
        key = int(row_id)
    except (TypeError, ValueError):
        raise ApiError(404, message("not_found")) from None
    row = session.scalar(select(api.model).where(api.model.id == key, visible(api, me)))
    if row is None:
        raise ApiError(404, message("not_found"))
    return row


def _grant(api: EntityApi, me: Any, op: str) -> ColumnElement[bool]:
    condition = api.access(op, me)
    if condition is None:
        raise ApiError(403, message("forbidden"))
    return condition


def _holds(session: Session, api: EntityApi, row: Any, condition: ColumnElement[bool]) -> bool:
    session.flush()
    return bool(session.scalar(select(exists().where(api.model.id == row.id, condition))))


def validate(schema: type[BaseModel], body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ApiError(422, [{"field": "body", "message": message("invalid")}])
    try:
        parsed = schema.model_validate(body)
    except ValidationError as exc:
        raise ApiError(422, validation_detail(list(exc.errors()))) from None
    return parsed.model_dump(exclude_unset=True, by_alias=True)


def _apply(session: Session, api: EntityApi, me: Any, row: Any, data: dict[str, Any]) -> None:
    refs = {r.field: r for r in api.references}
    many = {m.field: m for m in api.many}
    errors: list[dict[str, str]] = []
    for key, value in data.items():
        if key in refs:
            ref = refs[key]
            target = REGISTRY[ref.target]
            if (
                value is not None
                and session.scalar(
                    select(target.model.id).where(target.model.id == value, visible(target, me))
                )
                is None
            ):
                errors.append({"field": key, "message": message("no_such", entity=ref.target)})
                continue
            setattr(row, ref.fk, value)
        elif key in many:
            m = many[key]
            target = REGISTRY[m.target]
            wanted = sorted(set(value or []))
            found = session.scalars(
                select(target.model).where(target.model.id.in_(wanted), visible(target, me))
            ).all()
            if len(found) != len(wanted):
                errors.append({"field": key, "message": message("no_such", entity=m.target)})
                continue
            setattr(row, m.relation, list(found))
        else:
            setattr(row, api.attrs[key], value)
    if errors:
        raise ApiError(422, errors)


def _unique(session: Session, api: EntityApi, row: Any) -> None:
    for key, attr in api.unique:
        value = getattr(row, attr)
        if value is None:
            continue
        column = getattr(api.model, attr)
        clash = select(api.model.id).where(column == value)
        if row.id is not None:
            clash = clash.where(api.model.id != row.id)
        if session.scalar(clash) is not None:
            raise ApiError(409, f"{key}: {message('duplicate')}")


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise ApiError(409, message("duplicate")) from None


def input_row(session: Session, model: Any, value: Any, field: str, entity: str) -> Any:
    """A reference input of an action: it must exist (it need not be readable, §9)."""
    if value is None:
        return None
    row = session.get(model, value)
    if row is None:
        raise ApiError(422, [{"field": field, "message": message("no_such", entity=entity)}])
    return row


def list_endpoint(
    session: Session,
    api: EntityApi,
    me: Any,
    params: dict[str, str],
    narrow: Callable[[Any], ColumnElement[bool]] | None = None,
) -> dict[str, Any]:
    """A list (§5); `narrow` is a page's `own`/`where` (§10), which never applies to admin."""
    _signed_in(me, api, "read")
    condition = _grant(api, me, "read")
    if narrow is not None and not is_admin(me):
        condition = and_(condition, narrow(me))
    rows, total, page, size = list_rows(session, api.model, condition, api.listing, params)
    return {"items": [api.row(r, session) for r in rows], "total": total, "page": page, "size": size}


def read_endpoint(session: Session, api: EntityApi, me: Any, row_id: str) -> dict[str, Any]:
    return api.row(load(session, api, me, row_id, "read"), session)


def create_endpoint(session: Session, api: EntityApi, me: Any, body: Any) -> dict[str, Any]:
    _signed_in(me, api, "create")
    condition = _grant(api, me, "create")
    assert api.create_schema is not None
    data = validate(api.create_schema, body)
    if api.states is not None and data.get(api.states.field) not in (None, api.states.initial):
        raise ApiError(409, message("state", field=api.states.field, value=api.states.initial))
    row = api.model()
    for attr, make in api.defaults.items():
        setattr(row, attr, make(me))
    if api.owner is not None:
        setattr(row, api.owner, getattr(me, "id", None))
    _apply(session, api, me, row, {k: v for k, v in data.items() if v is not None or k not in api.defaults})
    session.add(row)
    _unique(session, api, row)
    _flush(session)
    if not _holds(session, api, row, condition):
        session.rollback()
        raise ApiError(403, message("forbidden"))
    session.commit()
    return api.row(row, session)


def update_endpoint(session: Session, api: EntityApi, me: Any, row_id: str, body: Any) -> dict[str, Any]:
    row = load(session, api, me, row_id, "update")
    condition = _grant(api, me, "update")
    data = validate(api.update_schema, body)
    missing = [k for k, v in data.items() if v is None and k in api.required]
    if missing:
        raise ApiError(422, [{"field": k, "message": message("missing")} for k in missing])
    if not _holds(session, api, row, condition):
        raise ApiError(403, message("forbidden"))
    if api.states is not None and api.states.field in data:
        current = getattr(row, api.states.attr)
        if data.pop(api.states.field) != current:
            allowed = ", ".join(api.states.allowed_now(current)) or "-"
            raise ApiError(409, message("state", field=api.states.field, value=allowed))
    _apply(session, api, me, row, data)
    _unique(session, api, row)
    _flush(session)
    if not _holds(session, api, row, condition):
        session.rollback()
        raise ApiError(403, message("forbidden"))
    session.commit()
    session.refresh(row)
    return api.row(row, session)


def delete_endpoint(session: Session, api: EntityApi, me: Any, row_id: str) -> None:
    row = load(session, api, me, row_id, "delete")
    condition = _grant(api, me, "delete")
    if not _holds(session, api, row, condition):
        raise ApiError(403, message("forbidden"))
    delete_row(session, api, row)
    session.commit()


def delete_row(session: Session, api: EntityApi, row: Any) -> None:
    """Delete with the rule of §4: required references restrict, optional ones are nulled."""
    for model, fk, name in api.restrict:
        count = session.scalar(select(func.count()).select_from(model).where(getattr(model, fk) == row.id))
        if count:
            raise ApiError(409, message("still_referenced", value=f"{count} {name}"))
    for model, fk in api.nullify:
        for other in session.scalars(select(model).where(getattr(model, fk) == row.id)).all():
            setattr(other, fk, None)
    session.delete(row)
    _flush(session)


def transition_endpoint(session: Session, api: EntityApi, me: Any, row_id: str, name: str) -> dict[str, Any]:
    assert api.states is not None
    t = next(x for x in api.states.transitions if x.name == name)
    if me is None and not t.anyone:
        raise ApiError(401, message("not_signed_in"))
    row = load(session, api, me, row_id, "read")
    condition = t.by("fire", me)
    if condition is None or not _holds(session, api, row, condition):
        raise ApiError(403, message("forbidden"))
    fire(session, api, row, name)
    session.commit()
    session.refresh(row)
    return api.row(row, session)


def fire(session: Session, api: EntityApi, row: Any, name: str | None, to: str | None = None) -> None:
    """Fire a transition by name, or the one leading to `to` (an action's `transition … to`)."""
    assert api.states is not None
    current = getattr(row, api.states.attr)
    options = [t for t in api.states.transitions if (t.name == name if name else t.target == to)]
    chosen = next((t for t in options if current in t.sources), None)
    if chosen is None:
        label = name or (options[0].name if options else str(to))
        allowed = ", ".join(api.states.allowed_now(current)) or "-"
        raise ApiError(
            409, message("wrong_state", name=label, entity=api.name.lower(), state=current, value=allowed)
        )
    setattr(row, api.states.attr, chosen.target)
    session.flush()
