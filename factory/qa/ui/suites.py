"""The view data of each generated browser test file: prepared here, only looped over in templates."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import is_returned
from factory.ir.model import Entity, Page, Spec
from factory.names import derive_snake
from factory.qa.ui.forms import form_fields, is_textual, sample_entry, text_sample, value_kind
from factory.qa.ui.navigation import home_key, nav_keys, optional_keys
from factory.qa.ui.seeding import Seeder, from_scenarios
from factory.qa.ui.steps import StepPlanner
from factory.qa.ui.text import one_line, spec_line, title
from factory.qa.ui.visibility import declared_roles, granted, sees


def _role_display(spec: Spec, role: str) -> str:
    return next((r.display for r in spec.roles if r.name == role), role)


def _role_line(spec: Spec, role: str) -> int:
    lines = [r.loc.line for r in spec.roles if r.loc.line]
    return next((r.loc.line for r in spec.roles if r.name == role and r.loc.line), lines[0] if lines else 1)


# ---- log-in, sign-up, log-out, anonymous ----------------------------------------------------------


def auth_tests(spec: Spec) -> dict[str, Any]:
    logins = []
    jwt = spec.settings.auth == "jwt"
    for role in declared_roles(spec) if jwt else []:
        user = f"{role}-login"
        line = _role_line(spec, role)
        logins.append(
            {
                "title": title(
                    f"log in as {_role_display(spec, role)}: home page, navigation, every page", spec, line
                ),
                "signup": {
                    "line": spec_line(spec, line),
                    "text": f"(test user) role {role}",
                    "role": role,
                    "user": user,
                },
                "user": user,
                "home": home_key(spec, role),
                "nav": sorted(nav_keys(spec, role)),
                "optional": optional_keys(spec, role),
                "visits": nav_keys(spec, role),
            }
        )
    default = spec.default_role
    signup = None
    if jwt and default is not None:
        line = default.loc.line or _role_line(spec, default.name)
        user_entity = spec.entity("User")
        extra = []
        if user_entity is not None:
            for f in form_fields(user_entity):
                if not f.builtin:
                    entry = sample_entry(f, user_entity, "signup extra", None)
                    if entry is not None and entry["input"] != "ref":
                        extra.append(entry)
        signup = {
            "title": title(f"sign up in the browser: the new user is a {default.display}", spec, line),
            "logout_title": title("log out: back to an anonymous visitor", spec, line),
            "user": "newcomer",
            "logout_user": "leaver",
            "role": default.name,
            "display": default.display,
            "extra": extra,
            "anonymous_nav": sorted(nav_keys(spec, None)),
        }
    anyone_pages = [p for p in spec.pages if sees(spec, p, None) and p.view in ("list", "form")]
    line = anyone_pages[0].loc.line if anyone_pages else (default.loc.line if default else 1) or 1
    anonymous = {
        "title": title("an anonymous visitor sees the pages for anyone", spec, line),
        "home": home_key(spec, None),
        "nav": sorted(nav_keys(spec, None)),
        "visits": nav_keys(spec, None),
    }
    return {"logins": logins, "signup": signup, "anonymous": anonymous, "jwt": jwt}


# ---- list pages show their rows -------------------------------------------------------------------


# Default columns: every readable scalar field (docs/frontend-contract.md, "Behaviour"; "Proposals
# from QA" 1 spells out "scalar"): long text included; json, passwords, secrets and lists are not.
_COLUMN_KINDS = frozenset(
    {"text", "long_text", "integer", "decimal", "float", "boolean", "date", "datetime", "email"}
    | {"url", "phone", "enum", "ref", "uuid"}
)


def _columns(spec: Spec, page: Page, entity: Entity) -> list[dict[str, Any]]:
    """The page's `columns`, else the default columns of its entity."""
    shown = [f.name for f in entity.fields if is_returned(f) and f.type.kind in _COLUMN_KINDS]
    names = page.columns or shown
    out = []
    for name in names:
        f = entity.field(name)
        if f is None or f.type.kind == "list":
            continue
        out.append(
            {
                "field": f.name,
                "kind": value_kind(f),
                "entity": f.type.entity if f.type.kind == "ref" else None,
            }
        )
    return out


def page_tests(spec: Spec, lines: list[str]) -> list[dict[str, Any]]:
    tests = []
    for n, page in enumerate(p for p in spec.pages if p.view == "list"):
        entity = spec.entity(page.entity)
        if entity is None:
            continue
        found = from_scenarios(spec, lines, page)
        if found is not None:
            steps, variable, viewer = found.steps, found.variable, found.viewer
            replayed = f"{spec_line(spec, found.scenario.loc.line)} ({found.scenario.display})"
            origin = f"replays {replayed} through the API"
        else:
            seeder = Seeder(spec, f"Row {n + 1}")
            made = seeder.row(entity.name)
            if made is None:
                continue
            steps, variable, viewer = seeder.steps, made, "admin"
            origin = "a row made up from the field rules (no scenario makes one)"
        tests.append(
            {
                "title": title(f"{page.display} shows its rows and their columns", spec, page.loc.line),
                "suffix": f"-p{n + 1}",
                "origin_comment": one_line(origin),
                "steps": steps,
                "check": {
                    "line": spec_line(spec, page.loc.line),
                    "text": f"page {page.name}",
                    "viewer": viewer,
                    "page": page.name,
                    "entity": entity.name,
                    "variable": variable,
                    "columns": _columns(spec, page, entity),
                },
            }
        )
    return tests


# ---- create, edit, delete through the browser; a 422 under its field -------------------------------


def _actor(spec: Spec, page: Page, entity: Entity, permissions: tuple[str, ...]) -> str:
    for role in declared_roles(spec):
        if sees(spec, page, role) and all(granted(entity, role, p) for p in permissions):  # type: ignore[arg-type]
            return role
    return "admin"


def _form(
    spec: Spec, entity: Entity, seeder: Seeder, flavour: str, skip: str | None = None
) -> list[dict[str, Any]] | None:
    form = []
    for f in form_fields(entity):
        if f.name == skip:
            continue
        variable = seeder.row(f.type.entity or "") if f.type.kind == "ref" else None
        if f.type.kind == "ref" and variable is None:
            return None
        entry = sample_entry(f, entity, flavour, variable)
        if entry is None:
            return None
        form.append(entry)
    return form


def _user_steps(spec: Spec, role: str, user: str, line: int) -> list[dict[str, Any]]:
    if role == "admin" or spec.settings.auth != "jwt":
        return []
    args = {"line": spec_line(spec, line), "text": f"(test user) role {role}", "role": role, "user": user}
    return [{"call": "signUp", "args": args, "comment": f"{args['line']}: a {role} user, through the API"}]


def _buttons(page: Page) -> set[str]:
    return {b.kind for b in page.buttons}


def crud_tests(spec: Spec) -> dict[str, list[dict[str, Any]]]:
    trips, invalid = [], []
    for n, page in enumerate(p for p in spec.pages if p.view == "list"):
        entity = spec.entity(page.entity)
        if entity is None or "create" not in _buttons(page):
            continue
        where = {"line": spec_line(spec, page.loc.line)}
        if {"update", "delete"} <= _buttons(page):
            trip = _round_trip(spec, page, entity, n, where)
            if trip is not None:
                trips.append(trip)
        bad = _invalid(spec, page, entity, n)
        if bad is not None:
            invalid.append(bad)
    return {"trips": trips, "invalid": invalid}


def _round_trip(
    spec: Spec, page: Page, entity: Entity, n: int, where: dict[str, str]
) -> dict[str, Any] | None:
    role = _actor(spec, page, entity, ("create", "update", "delete"))
    actor = "admin" if role == "admin" else f"{role}-editor"
    seeder = Seeder(spec, f"Trip {n + 1}")
    form = _form(spec, entity, seeder, f"Created {n + 1}")
    if form is None:
        return None
    shown = {c["field"] for c in _columns(spec, page, entity)}
    edit_field = next((f for f in form_fields(entity) if is_textual(f) and f.name in shown), None)
    edited = text_sample(edit_field, f"Edited {n + 1}") if edit_field is not None else None
    edit_form = (
        [
            {
                "field": edit_field.name,
                "input": "textarea" if edit_field.type.kind == "long_text" else "text",
                "text": edited,
            }
        ]
        if edit_field is not None and edited is not None
        else []
    )
    created = next((e for e in form if edit_field is not None and e["field"] == edit_field.name), None)
    common = {**where, "actor": actor, "page": page.name, "entity": entity.name, "fails": None}
    row: dict[str, Any] = {
        **common,
        "detail": False,
        "target": "row",
        "formId": f"form-{entity.name}",
        "suffix": "",
        "bindEntity": None,
    }
    steps = _user_steps(spec, role, actor, page.loc.line) + seeder.steps
    steps.append(
        _step("uiCreate", {**common, "text": f"create a {entity.name}", "form": form, "bind": "row"})
    )
    if created is not None and edit_field is not None:
        steps.append(_cell(where, page, "row", edit_field.name, created["text"]))
    edit: dict[str, Any] = {
        **row,
        "text": f"edit the {entity.name}",
        "button": "edit",
        "dialog": "form",
        "form": edit_form,
        "method": "PATCH",
    }
    steps.append(_step("uiRow", {**edit, "bind": None}))
    if edited is not None and edit_field is not None:
        steps.append(_cell(where, page, "row", edit_field.name, edited))
    delete: dict[str, Any] = {
        **row,
        "text": f"delete the {entity.name}",
        "button": "delete",
        "dialog": "confirm",
        "form": [],
        "method": "DELETE",
    }
    steps.append(_step("uiRow", {**delete, "bind": None}))
    return {
        "title": title(
            f"{page.display}: create, edit and delete a {entity.display} in the browser", spec, page.loc.line
        ),
        "suffix": f"-t{n + 1}",
        "steps": steps,
    }


def _invalid(spec: Spec, page: Page, entity: Entity, n: int) -> dict[str, Any] | None:
    required = form_fields(entity)
    if not required:
        return None
    empty = required[0]
    role = _actor(spec, page, entity, ("create",))
    actor = "admin" if role == "admin" else f"{role}-checker"
    seeder = Seeder(spec, f"Invalid {n + 1}")
    form = _form(spec, entity, seeder, f"Invalid {n + 1}", skip=empty.name)
    if form is None:
        return None
    return {
        "title": title(
            f"{page.display}: a create without {empty.display} shows the error under it", spec, empty.loc.line
        ),
        "suffix": f"-v{n + 1}",
        "steps": _user_steps(spec, role, actor, page.loc.line) + seeder.steps,
        "check": {
            "line": spec_line(spec, empty.loc.line),
            "text": f"{empty.name} left empty",
            "actor": actor,
            "page": page.name,
            "entity": entity.name,
            "form": form,
            "field": empty.name,
        },
    }


def _step(call: str, args: dict[str, Any]) -> dict[str, Any]:
    return {
        "call": call,
        "args": args,
        "comment": one_line(f"{args['line']}: {args['text']}, in the browser"),
    }


def _cell(where: dict[str, str], page: Page, variable: str, field: str, text: str) -> dict[str, Any]:
    args = {
        **where,
        "text": f"cell {field} shows the value",
        "page": page.name,
        "variable": variable,
        "field": field,
        "shown": text,
    }
    return {"call": "expectCell", "args": args, "comment": f"{where['line']}: the row shows its {field}"}


# ---- scenarios -------------------------------------------------------------------------------------


def scenario_tests(spec: Spec, lines: list[str]) -> list[dict[str, Any]]:
    out = []
    for n, sc in enumerate(spec.scenarios):
        slug = derive_snake(sc.name).replace("_", "-")[:40].strip("-") or "scenario"
        out.append(
            {
                "file": f"scenario-{n + 1:02d}-{slug}.spec.ts",
                "title": title(f"scenario: {sc.display}", spec, sc.loc.line),
                "line_comment": one_line(f"{spec_line(spec, sc.loc.line)} ({sc.display})"),
                "steps": StepPlanner(spec, lines).scenario(sc),
            }
        )
    return out
