"""Test data through the API: replayed scenario prefixes, or rows made up from the field rules."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import has_create
from factory.ir.model import CallStep, ExpectStep, Page, Scenario, SignUpStep, Spec
from factory.qa.ui.forms import form_fields, sample
from factory.qa.ui.steps import StepPlanner
from factory.qa.ui.text import one_line, spec_line
from factory.qa.ui.visibility import sees

SEEDED = "seeded row"  # not a word, so never a scenario variable


def _creates(spec: Spec, step: CallStep, entity: str) -> bool:
    if step.fails_status is not None or step.fails_message is not None:
        return False
    if step.verb == "create":
        return step.entity == entity
    if step.verb == "action":
        action = spec.action(step.name or "")
        ret = next((s for s in action.steps if s.kind == "return"), None) if action else None
        t = getattr(getattr(ret, "value", None), "type", None)
        return t is not None and t.kind == "ref" and t.entity == entity
    return False


def _ok(step: object) -> bool:
    if isinstance(step, SignUpStep):
        return True
    return isinstance(step, CallStep) and step.fails_status is None and step.fails_message is None


class ScenarioSeed:
    """A scenario's steps up to one that makes a row of the page's entity, then the steps on that row."""

    def __init__(self, scenario: Scenario, steps: list[Any], variable: str, viewer: str) -> None:
        self.scenario = scenario
        self.steps = steps
        self.variable = variable
        self.viewer = viewer


def from_scenarios(spec: Spec, lines: list[str], page: Page) -> ScenarioSeed | None:
    for scenario in spec.scenarios:
        roles: dict[str, str] = {}
        for i, step in enumerate(scenario.steps):
            if isinstance(step, SignUpStep):
                roles[step.user] = step.role
            if not (isinstance(step, CallStep) and _creates(spec, step, page.entity)):
                continue
            creator = step.actor
            role = roles.get(creator or "", "admin" if creator == "admin" else None)
            if creator is not None and sees(spec, page, role):
                viewer: str | None = creator
            else:
                viewer = next((u for u, r in roles.items() if sees(spec, page, r)), None)
            if viewer is None:
                continue
            variable = step.bind or SEEDED
            chosen = [s for s in scenario.steps[:i] if _ok(s)] + [step.model_copy(update={"bind": variable})]
            for later in scenario.steps[i + 1 :]:
                if isinstance(later, ExpectStep):
                    continue
                if not (isinstance(later, CallStep) and later.target == variable and _ok(later)):
                    break
                chosen.append(later)
            planner = StepPlanner(spec, lines, browser=False)
            return ScenarioSeed(scenario, [planner.step(s) for s in chosen], variable, viewer)
    return None


class Seeder:
    """Rows made up from the rules, created as the bootstrap admin; references get rows of their own."""

    def __init__(self, spec: Spec, flavour: str) -> None:
        self.spec = spec
        self.flavour = flavour
        self.steps: list[dict[str, Any]] = []
        self.count = 0

    def _where(self, line: int, text: str) -> dict[str, str]:
        return {"line": spec_line(self.spec, line), "text": text}

    def user(self, role: str | None = None) -> str | None:
        role = role or (self.spec.default_role.name if self.spec.default_role else None)
        if role is None or self.spec.settings.auth != "jwt":
            return None
        self.count += 1
        name = f"seed-user-{self.count}"
        line = next((r.loc.line for r in self.spec.roles if r.name == role), 0)
        args = {**self._where(line, f"(test data) a user with role {role}"), "role": role, "user": name}
        self.steps.append(
            {
                "call": "signUp",
                "args": args,
                "comment": one_line(f"{args['line']}: a {role} user, through the API"),
            }
        )
        return name

    def row(self, entity_name: str, depth: int = 0) -> str | None:
        """The variable bound to a new row of the entity, or None when one cannot be made."""
        entity = self.spec.entity(entity_name)
        if entity is None or depth > 5:
            return None
        if entity.builtin:
            return self.user()
        if not has_create(entity):
            return None
        body = []
        for f in form_fields(entity):
            if f.type.kind == "ref":
                target = self.row(f.type.entity or "", depth + 1)
                if target is None:
                    return None
                body.append({"key": f.name, "value": {"variable": target}})
                continue
            try:
                value = sample(f, entity, f"{self.flavour} {self.count + 1}")
            except ValueError:
                return None
            body.append({"key": f.name, "value": {"json": value}})
        self.count += 1
        variable = f"seed {self.count}"
        args = {
            **self._where(entity.loc.line, f"(test data) a {entity.name} made up from its rules"),
            "entity": entity.name,
            "body": body,
            "bind": variable,
        }
        how = f"{args['line']}: a {entity.name} made up from the field rules, through the API as admin"
        self.steps.append({"call": "seed", "args": args, "comment": one_line(how)})
        return variable
