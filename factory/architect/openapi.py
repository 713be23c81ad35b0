"""`design/openapi.json`: the HTTP API of spec-semantics §5 as OpenAPI 3.1."""

from __future__ import annotations

import json
from typing import Any

from factory.architect.fields import (
    filter_param,
    has_create,
    is_filterable,
    referenced_by_required,
    state_field,
)
from factory.architect.pages import PageEndpoint, page_endpoints
from factory.architect.schemas import Schema, _pascal, components, scalar
from factory.ir.model import Action, Entity, Loc, Permission, Spec

Operation = dict[str, Any]


def openapi_document(spec: Spec) -> str:
    doc: Schema = {
        "openapi": "3.1.0",
        "info": {"title": spec.title, "version": "1.0.0"},
        "tags": _tags(spec),
        "paths": _paths(spec),
        "components": components(spec),
    }
    if spec.description:
        doc["info"]["description"] = spec.description
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _tags(spec: Spec) -> list[Schema]:
    tags: list[Schema] = []
    if spec.settings.auth == "jwt":
        tags.append({"name": "auth", "description": "sign-up, log-in and the current user"})
    for e in spec.entities:
        tag: Schema = {"name": e.name}
        if e.display != e.name or e.description:
            tag["description"] = e.description or e.display
        tags.append(tag)
    if any(a.on is None for a in spec.actions):
        tags.append({"name": "actions", "description": "operations beyond CRUD"})
    if page_endpoints(spec):
        tags.append({"name": "pages", "description": "the rows of list pages that narrow their entity"})
    return tags


class _Builder:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.jwt = spec.settings.auth == "jwt"

    def line(self, loc: Loc) -> str:
        return f"{self.spec.source}:{loc.line}"

    def responses(
        self,
        ok: tuple[str, Schema | None],
        *,
        open_to_anyone: bool,
        row: bool,
        invalid: bool,
        conflict: bool,
        forbidden: bool = True,
    ) -> Schema:
        code, body = ok
        out: Schema = {
            code: _response("OK" if code == "200" else "Created" if code == "201" else "No Content", body)
        }
        if self.jwt and not open_to_anyone:
            out["401"] = _error("not signed in, or a bad token")
        if row:
            out["404"] = _error("no such row, or the caller may not read it")
        if self.jwt and forbidden:
            out["403"] = _error("the caller's role has no grant for this operation")
        if invalid:
            out["422"] = {
                "description": "invalid input",
                "content": {"application/json": {"schema": _ref("ValidationError")}},
            }
        if conflict:
            out["409"] = _error("a conflict: wrong state, failed requirement, duplicate or reference")
        return out

    def security(self, op: Operation, open_to_anyone: bool) -> Operation:
        if self.jwt:
            op["security"] = [{}, {"bearer": []}] if open_to_anyone else [{"bearer": []}]
        return op


def _paths(spec: Spec) -> Schema:
    b = _Builder(spec)
    paths: Schema = {}
    if b.jwt:
        paths.update(_auth_paths(spec, b))
    for e in spec.entities:
        paths.update(_entity_paths(spec, e, b))
    for a in spec.actions:
        if a.on is None:
            paths[f"/actions/{a.name}"] = {"post": _action_op(spec, a, b)}
    for p in page_endpoints(spec):
        paths[p.path] = {"get": _page_op(spec, p, b)}
    return paths


def _anyone(e: Entity, perm: Permission) -> bool:
    return any(g.role == "anyone" and perm in g.permissions for g in e.access)


def _entity_paths(spec: Spec, e: Entity, b: _Builder) -> Schema:
    one = e.snake
    state = state_field(e)
    unique = any(f.unique for f in e.fields)
    restricted = bool(referenced_by_required(spec, e))
    line = b.line(e.loc)
    collection: Schema = {
        "get": b.security(
            {
                "tags": [e.name],
                "operationId": f"list_{e.plural}",
                "summary": f"List {e.display}",
                "parameters": _list_params(spec, e),
                "responses": b.responses(
                    ("200", _ref(f"{e.name}List")),
                    open_to_anyone=_anyone(e, "read"),
                    row=False,
                    invalid=True,
                    conflict=False,
                ),
                "x-spec-line": line,
            },
            _anyone(e, "read"),
        ),
    }
    if has_create(e):
        collection["post"] = b.security(
            {
                "tags": [e.name],
                "operationId": f"create_{one}",
                "summary": f"Create {e.display}",
                "requestBody": _body(f"{e.name}Create"),
                "responses": b.responses(
                    ("201", _ref(e.name)),
                    open_to_anyone=_anyone(e, "create"),
                    row=False,
                    invalid=True,
                    conflict=unique or state is not None,
                ),
                "x-spec-line": line,
            },
            _anyone(e, "create"),
        )
    item: Schema = {
        "parameters": [_id_param()],
        "get": b.security(
            {
                "tags": [e.name],
                "operationId": f"read_{one}",
                "summary": f"Read one {e.display}",
                "responses": b.responses(
                    ("200", _ref(e.name)),
                    open_to_anyone=_anyone(e, "read"),
                    row=True,
                    invalid=False,
                    conflict=False,
                ),
                "x-spec-line": line,
            },
            _anyone(e, "read"),
        ),
        "patch": b.security(
            {
                "tags": [e.name],
                "operationId": f"update_{one}",
                "summary": f"Update {e.display}",
                "requestBody": _body(f"{e.name}Update"),
                "responses": b.responses(
                    ("200", _ref(e.name)),
                    open_to_anyone=_anyone(e, "update"),
                    row=True,
                    invalid=True,
                    conflict=unique or state is not None,
                ),
                "x-spec-line": line,
            },
            _anyone(e, "update"),
        ),
        "delete": b.security(
            {
                "tags": [e.name],
                "operationId": f"delete_{one}",
                "summary": f"Delete {e.display}",
                "responses": b.responses(
                    ("204", None),
                    open_to_anyone=_anyone(e, "delete"),
                    row=True,
                    invalid=False,
                    conflict=restricted,
                ),
                "x-spec-line": line,
            },
            _anyone(e, "delete"),
        ),
    }
    paths: Schema = {e.path: collection, f"{e.path}/{{id}}": item}
    for t in e.states.transitions if e.states else []:
        anyone = any(by.role == "anyone" for by in t.by)
        paths[f"{e.path}/{{id}}/{t.name}"] = {
            "parameters": [_id_param()],
            "post": b.security(
                {
                    "tags": [e.name],
                    "operationId": f"{t.name}_{one}",
                    "summary": f"{t.display}: {' | '.join(t.sources)} -> {t.target}",
                    "responses": b.responses(
                        ("200", _ref(e.name)),
                        open_to_anyone=anyone,
                        row=True,
                        invalid=False,
                        conflict=True,
                    ),
                    "x-spec-line": b.line(t.loc),
                },
                anyone,
            ),
        }
    for a in spec.actions:
        if a.on == e.name:
            paths[f"{e.path}/{{id}}/{a.name}"] = {
                "parameters": [_id_param()],
                "post": _action_op(spec, a, b),
            }
    return paths


def _page_op(spec: Spec, p: PageEndpoint, b: _Builder) -> Operation:
    """Like the entity's list operation (same parameters and body), over the page's rows."""
    e = spec.entity(p.page.entity)
    assert e is not None
    anyone = _anyone(e, "read")
    return b.security(
        {
            "tags": ["pages"],
            "operationId": p.operation_id,
            "summary": f"Page {p.page.display}: {p.clause}",
            "description": f"The rows of the list page '{p.page.display}' ({b.line(p.page.loc)}: "
            f"`{p.clause}`): those of GET {e.path} that also meet the page's condition. "
            "admin sees every row.",
            "parameters": _list_params(spec, e),
            "responses": b.responses(
                ("200", _ref(f"{e.name}List")),
                open_to_anyone=anyone,
                row=False,
                invalid=True,
                conflict=False,
            ),
            "x-spec-line": b.line(p.page.loc),
        },
        anyone,
    )


def _action_op(spec: Spec, a: Action, b: _Builder) -> Operation:
    anyone = "anyone" in a.who
    op: Operation = {"tags": [a.on or "actions"], "operationId": a.name, "summary": a.display}
    if a.description:
        op["description"] = a.description
    if a.inputs:
        op["requestBody"] = _body(_pascal(a.name) + "Input")
    op["responses"] = b.responses(
        ("200", _return_schema(a)),
        open_to_anyone=anyone,
        row=a.on is not None,
        invalid=bool(a.inputs),
        conflict=True,
    )
    op["x-spec-line"] = b.line(a.loc)
    return b.security(op, anyone)


def _return_schema(a: Action) -> Schema:
    from factory.ir.model import ReturnStep

    ret = next((s for s in a.steps if isinstance(s, ReturnStep)), None)
    if ret is None:
        return {"type": "null"}
    vt = ret.value.type
    if vt is None:
        return {}
    if vt.kind == "ref":
        return _ref(str(vt.entity))
    if vt.kind == "list":
        return {"type": "array", "items": _ref(str(vt.entity))}
    simple: dict[str, Schema] = {
        "integer": {"type": "integer"},
        "decimal": {"type": "string"},
        "float": {"type": "number"},
        "text": {"type": "string"},
        "boolean": {"type": "boolean"},
        "date": {"type": "string", "format": "date"},
        "datetime": {"type": "string", "format": "date-time"},
        "enum": {"type": "string", "enum": list(vt.values)},
    }
    return simple.get(vt.kind, {})


def _auth_paths(spec: Spec, b: _Builder) -> Schema:
    line = b.line(Loc())
    return {
        "/auth/signup": {
            "post": {
                "tags": ["auth"],
                "operationId": "signup",
                "summary": "Sign up (gets the default role)",
                "requestBody": _body("SignUp"),
                "responses": {
                    "201": _response("Created", _ref("User")),
                    "409": _error("the username is taken"),
                    "422": {
                        "description": "invalid input",
                        "content": {"application/json": {"schema": _ref("ValidationError")}},
                    },
                },
                "x-spec-line": line,
            }
        },
        "/auth/login": {
            "post": {
                "tags": ["auth"],
                "operationId": "login",
                "summary": "Log in",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _ref("LogIn")},
                        "application/x-www-form-urlencoded": {"schema": _ref("LogIn")},
                    },
                },
                "responses": {
                    "200": _response("OK", _ref("Token")),
                    "401": _error("wrong username or password"),
                    "422": {
                        "description": "invalid input",
                        "content": {"application/json": {"schema": _ref("ValidationError")}},
                    },
                },
                "x-spec-line": line,
            }
        },
        "/auth/me": {
            "get": {
                "tags": ["auth"],
                "operationId": "me",
                "summary": "The signed-in user",
                "security": [{"bearer": []}],
                "responses": {"200": _response("OK", _ref("User")), "401": _error("not signed in")},
                "x-spec-line": line,
            }
        },
    }


def _list_params(spec: Spec, e: Entity) -> list[Schema]:
    sortable = [f.name for f in e.fields if is_filterable(f)]
    params: list[Schema] = [
        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
        {
            "name": "size",
            "in": "query",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100,
                "default": spec.settings.page_size,
            },
        },
        {
            "name": "sort",
            "in": "query",
            "schema": {
                "type": "string",
                "enum": [v for name in ["id", *sortable] for v in (name, "-" + name)],
            },
        },
    ]
    if any(f.searchable for f in e.fields):
        params.append(
            {
                "name": "q",
                "in": "query",
                "description": "case-insensitive search in "
                + ", ".join(f.name for f in e.fields if f.searchable),
                "schema": {"type": "string"},
            }
        )
    for f in e.fields:
        if is_filterable(f):
            params.append(
                {
                    "name": filter_param(f),
                    "in": "query",
                    "description": f"only rows whose {f.name} equals this",
                    "schema": scalar(f, output=False),
                }
            )
    return params


def _id_param() -> Schema:
    return {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _body(schema: str) -> Schema:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


def _response(description: str, schema: Schema | None) -> Schema:
    out: Schema = {"description": description}
    if schema is not None:
        out["content"] = {"application/json": {"schema": schema}}
    return out


def _error(description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}
