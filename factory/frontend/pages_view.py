"""View data for `src/app/pages.ts`: the document's pages and the generated admin UI (§10)."""

from __future__ import annotations

from typing import Any

from factory.frontend.audience import by_roles, granted, who_roles
from factory.frontend.client_view import operation_index
from factory.frontend.typescript import literal
from factory.ir.model import Button, Entity, Page, Permission, Spec

_COLUMN_KINDS = (
    "text",
    "long_text",
    "integer",
    "decimal",
    "float",
    "boolean",
    "date",
    "datetime",
    "email",
    "url",
    "phone",
    "enum",
    "ref",
    "uuid",
)
# CRUD buttons are named (test ids) and labelled (src/i18n.ts keys) by the verb the UI shows;
# transitions and actions are labelled by their display names.
_I18N = {"create": "create", "read": "view", "update": "edit", "delete": "delete"}


def default_columns(e: Entity) -> list[str]:
    """Without `columns`, every readable scalar field (docs/frontend-contract.md)."""
    return [f.name for f in e.fields if f.type.kind in _COLUMN_KINDS and not f.secret]


def _button(kind: str, name: str, label: str, roles: list[str], row: bool) -> dict[str, Any]:
    text = f"t({literal(_I18N[kind])})" if kind in _I18N else literal(label)
    return {"kind": kind, "name": name, "label": text, "roles": roles, "row": row}


def button_view(b: Button, e: Entity, spec: Spec) -> dict[str, Any]:
    if b.kind in ("create", "read", "update", "delete"):
        verb: Permission = b.kind
        return _button(verb, _I18N[verb], "", granted(e, verb, spec), verb != "create")
    if b.kind == "transition":
        assert e.states is not None
        t = next(t for t in e.states.transitions if t.name == b.name)
        return _button("transition", b.name, t.display, by_roles(t, spec), True)
    action = spec.action(b.name)
    assert action is not None
    return _button("action", b.name, action.display, who_roles(action, spec), action.on is not None)


def _page(
    *,
    name: str,
    label: str,
    view: str,
    entity: Entity,
    route: str,
    roles: list[str],
    home_for: list[str],
    source: str | None,
    columns: list[str],
    search: bool,
    sort: str | None,
    filters: list[str],
    buttons: list[dict[str, Any]],
    cards: bool,
    generated: bool,
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "view": view,
        "entity": entity.name,
        "route": route,
        "roles": roles,
        "homeFor": home_for,
        "source": source,
        "columns": columns,
        "search": search,
        "sort": sort,
        "filters": filters,
        "buttons": buttons,
        "cards": cards,
        "generated": generated,
        "testId": f"page-{name}",
    }


def spec_page(p: Page, spec: Spec, doc: dict[str, Any]) -> dict[str, Any]:
    e = spec.entity(p.entity)
    assert e is not None
    roles = p.roles or granted(e, "read", spec)
    narrowed = p.view == "list" and (p.condition.own or p.condition.where is not None)
    source = operation_index(doc).get(("GET", f"/pages/{p.name}")) if narrowed else None
    return _page(
        name=p.name,
        label=p.display,
        view=p.view,
        entity=e,
        route=f"/p/{p.name}",
        roles=roles,
        home_for=roles if p.home else [],
        source=f"c.{source}" if source else None,
        columns=p.columns or default_columns(e),
        search=p.search,
        sort=("-" if p.sort_desc else "") + p.sort if p.sort else None,
        filters=p.filters,
        buttons=[button_view(b, e, spec) for b in p.buttons],
        cards=p.home and p.view == "list",
        generated=False,
    )


def entity_buttons(e: Entity, spec: Spec, doc: dict[str, Any], *, detail: bool) -> list[dict[str, Any]]:
    """The buttons of the generated pages: every operation the API has for the entity."""
    ops = operation_index(doc)
    item = f"{e.path}/{{id}}"
    buttons = []
    if not detail and ("POST", e.path) in ops:
        buttons.append(_button("create", "create", "", granted(e, "create", spec), False))
    if not detail:
        buttons.append(_button("read", "view", "", granted(e, "read", spec), True))
    if ("PATCH", item) in ops and any(
        f.type.kind != "list" or f.type.list_kind == "many_to_many" for f in e.fields
    ):
        buttons.append(_button("update", "edit", "", granted(e, "update", spec), True))
    if ("DELETE", item) in ops:
        buttons.append(_button("delete", "delete", "", granted(e, "delete", spec), True))
    for t in e.states.transitions if e.states else []:
        buttons.append(_button("transition", t.name, t.display, by_roles(t, spec), True))
    for a in spec.actions:
        if a.on == e.name:
            buttons.append(_button("action", a.name, a.display, who_roles(a, spec), True))
    return buttons


def generated_pages(e: Entity, spec: Spec, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The list and detail page of an entity: the admin UI, or the whole UI without Pages."""
    roles = ["admin"] if spec.pages else granted(e, "read", spec)
    common: dict[str, Any] = {
        "entity": e,
        "route": f"/e/{e.plural}",
        "roles": roles,
        "home_for": [],
        "source": None,
        "columns": default_columns(e),
        "search": any(f.searchable for f in e.fields),
        "sort": None,
        "cards": False,
        "generated": True,
        "label": e.display,
    }
    filters = [f.name for f in e.fields if f.type.kind in ("enum", "ref", "boolean")][:3]
    return [
        _page(
            name=f"e-{e.plural}",
            view="list",
            filters=filters,
            buttons=entity_buttons(e, spec, doc, detail=False),
            **common,
        ),
        _page(
            name=f"e-{e.plural}-detail",
            view="detail",
            filters=[],
            buttons=entity_buttons(e, spec, doc, detail=True),
            **common,
        ),
    ]


def pages_view(spec: Spec, doc: dict[str, Any]) -> dict[str, Any]:
    pages = [spec_page(p, spec, doc) for p in spec.pages]
    for e in spec.entities:
        pages += generated_pages(e, spec, doc)
    return {"pages": pages, "uses_client": any(p["source"] for p in pages)}
