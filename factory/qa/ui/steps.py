"""Scenario steps (§11) as calls of the browser tests' runner (`e2e/support/run.ts`).

A step `as X: VERB ...` is done in the browser when a page for X's role has a button for the verb
(create on a list page's toolbar, edit, delete, a transition, an action by code name); otherwise it
goes through the API as X, and the generated comment says so. Sign-ups always go through the API.
"""

from __future__ import annotations

from typing import Any

from factory.ir.model import Action, CallStep, ExpectStep, FieldDef, Page, Scenario, SignUpStep, Spec
from factory.qa.expect import QaError
from factory.qa.ui.expects import Unchecked, expect_check
from factory.qa.ui.forms import api_body, ui_form
from factory.qa.ui.text import one_line, spec_line, step_text
from factory.qa.ui.visibility import sees

CALLS = frozenset(
    {
        "signUp",
        "api",
        "seed",
        "uiCreate",
        "uiRow",
        "uiPageAction",
        "expectPath",
        "expectCount",
        "expectCell",
        "unchecked",
    }
)


def _returned_entity(action: Action) -> str | None:
    ret = next((s for s in action.steps if s.kind == "return"), None)
    vt = getattr(ret, "value", None)
    t = vt.type if vt is not None else None
    return t.entity if t is not None and t.kind == "ref" else None


class StepPlanner:
    """Maps the steps of scenarios to runner calls, remembering who signed up with which role."""

    def __init__(self, spec: Spec, source_lines: list[str], browser: bool = True) -> None:
        self.spec = spec
        self.lines = source_lines
        self.browser = browser  # False: every step through the API (seeding)
        self.roles: dict[str, str] = {}

    def role(self, actor: str | None) -> str | None:
        if actor is None:
            return None
        return self.roles.get(actor, "admin" if actor == "admin" else None)

    def step(self, step: Any) -> dict[str, Any]:
        where = {"line": spec_line(self.spec, step.loc.line), "text": step_text(self.lines, step.loc.line)}
        if isinstance(step, SignUpStep):
            self.roles[step.user] = step.role
            return self.out("signUp", {**where, "role": step.role, "user": step.user}, "through the API")
        if isinstance(step, ExpectStep):
            try:
                call, args = expect_check(self.spec, step.expr)
            except Unchecked as why:
                return self.out("unchecked", {**where, "reason": str(why)}, "not checked here")
            return self.out(call, {**where, **args}, "checked through the API with admin visibility")
        if isinstance(step, CallStep):
            return self.call(step, where)
        raise QaError(f"unknown scenario step {step!r}")

    def out(self, call: str, args: dict[str, Any], how: str) -> dict[str, Any]:
        assert call in CALLS
        text = args.get("text") or ""
        return {"call": call, "args": args, "comment": one_line(f"{args['line']} `{text}`: {how}")}

    def scenario(self, scenario: Scenario) -> list[dict[str, Any]]:
        return [self.step(s) for s in scenario.steps]

    # ---- calls ------------------------------------------------------------------------------

    def _fields(self, s: CallStep) -> tuple[list[FieldDef], Action | None]:
        if s.verb == "action":
            action = self.spec.action(s.name or "")
            if action is None:
                raise QaError(f"unknown action {s.name}")
            return list(action.inputs), action
        entity = self.spec.entity(s.entity)
        return (list(entity.fields) if entity else []), None

    def _pages(
        self, role: str | None, view: tuple[str, ...], entity: str | None, kind: str, name: str
    ) -> list[Page]:
        return [
            p
            for p in self.spec.pages
            if p.view in view
            and (entity is None or p.entity == entity)
            and sees(self.spec, p, role)
            and any(b.kind == kind and b.name == name for b in p.buttons)
        ]

    def call(self, s: CallStep, where: dict[str, Any]) -> dict[str, Any]:
        fields, action = self._fields(s)
        bind_entity = (_returned_entity(action) if action else None) if s.verb == "action" else s.entity
        if s.verb in ("delete", "list"):
            bind_entity = None
        fails = (
            {"status": s.fails_status}
            if s.fails_status is not None
            else ({"message": s.fails_message} if s.fails_message is not None else None)
        )
        common = {**where, "actor": s.actor, "bind": s.bind, "fails": fails}
        if self.browser:
            done = self.in_browser(s, fields, action, common, bind_entity)
            if done is not None:
                return done
        return self.api(s, fields, action, common, bind_entity)

    def in_browser(
        self,
        s: CallStep,
        fields: list[FieldDef],
        action: Action | None,
        common: dict[str, Any],
        bind_entity: str | None,
    ) -> dict[str, Any] | None:
        role = self.role(s.actor)
        entity = self.spec.entity(s.entity)
        state = entity.states.field if entity and entity.states else None
        not_found = s.fails_status == 404
        views = ("list",) if not_found else ("list", "detail")
        if s.verb == "create":
            entries = ui_form(fields, s.object, state)
            pages = self._pages(role, ("list",), s.entity, "create", "create")
            if entries is None or not pages or entity is None:
                return None
            page = pages[0]
            args = {**common, "page": page.name, "entity": s.entity, "form": entries}
            return self.out("uiCreate", args, f"in the browser: page {page.name}, btn-create")
        if s.target is None or (entity is None and s.verb != "action"):
            return self._page_action(s, fields, action, common, bind_entity, role)
        if s.verb == "update":
            kind, button, method, suffix, dialog = "update", "edit", "PATCH", "", "form"
        elif s.verb == "delete":
            kind, button, method, suffix, dialog = "delete", "delete", "DELETE", "", "confirm"
        elif s.verb == "transition":
            kind, button, method, suffix, dialog = "transition", s.name or "", "POST", f"/{s.name}", "none"
        elif s.verb == "action" and action is not None and action.on:
            kind, button, method, suffix = "action", action.name, "POST", f"/{action.name}"
            dialog = "form" if action.inputs else "none"
        else:
            return None
        form: list[dict[str, Any]] | None = []
        if dialog == "form":
            form = ui_form(fields, s.object, state if s.verb == "update" else None)
        elif s.object:
            form = None
        pages = self._pages(role, views, s.entity, kind, button if kind != "update" else "update")
        if form is None or not pages:
            return None
        page = pages[0]
        form_id = f"form-{s.entity}" if s.verb == "update" else f"form-{button}"
        args = {
            **common,
            "page": page.name,
            "detail": page.view == "detail",
            "entity": s.entity,
            "target": s.target,
            "button": button,
            "dialog": dialog,
            "form": form,
            "formId": form_id,
            "method": method,
            "suffix": suffix,
            "bindEntity": bind_entity,
        }
        how = f"in the browser: page {page.name}, row button btn-{button}"
        if not_found:
            how = f"in the browser: page {page.name} must not show the row"
        return self.out("uiRow", args, how)

    def _page_action(
        self,
        s: CallStep,
        fields: list[FieldDef],
        action: Action | None,
        common: dict[str, Any],
        bind_entity: str | None,
        role: str | None,
    ) -> dict[str, Any] | None:
        if s.verb != "action" or action is None or action.on:
            return None
        form = ui_form(fields, s.object, None)
        pages = self._pages(role, ("list",), None, "action", action.name)
        if form is None or not pages:
            return None
        if s.bind is not None and bind_entity is None:
            return None  # a returned value that is not a row: only the API answer has it
        page = pages[0]
        args = {
            **common,
            "page": page.name,
            "action": action.name,
            "dialog": "form" if action.inputs else "none",
            "form": form,
            "bindEntity": bind_entity,
        }
        return self.out("uiPageAction", args, f"in the browser: page {page.name}, toolbar btn-{action.name}")

    def api(
        self,
        s: CallStep,
        fields: list[FieldDef],
        action: Action | None,
        common: dict[str, Any],
        bind_entity: str | None,
    ) -> dict[str, Any]:
        entity = self.spec.entity(s.entity)
        path = entity.path if entity else ""
        method, suffix, target = "POST", "", s.target
        if s.verb == "read":
            method = "GET"
        elif s.verb == "update":
            method = "PATCH"
        elif s.verb == "delete":
            method = "DELETE"
        elif s.verb == "list":
            method, path, target = "GET", path + "?size=100", None
        elif s.verb == "transition":
            suffix = f"/{s.name}"
        elif s.verb == "action" and action is not None:
            if action.on:
                suffix = f"/{action.name}"
            else:
                path, target = f"/actions/{action.name}", None
        if s.verb == "create":
            target = None
        body = None
        if s.object or s.verb in ("create", "update", "action"):
            body = api_body(fields, s.object)
        args = {
            **common,
            "method": method,
            "path": path,
            "target": target,
            "suffix": suffix,
            "body": body,
            "bindEntity": bind_entity,
        }
        how = "through the API"
        if self.browser:
            who = f"for {self.role(s.actor) or 'anyone'}" if self.spec.settings.auth == "jwt" else ""
            how = f"through the API as {s.actor or 'anonymous'} (no page {who} has a button for this step)"
            how = how.replace("  ", " ")
        return self.out("api", args, how)
