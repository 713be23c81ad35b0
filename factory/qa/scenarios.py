"""Every spec scenario (§11) as one acceptance test that drives the API as the named users."""

from __future__ import annotations

from typing import Any

from factory.ir.model import CallStep, ExpectStep, FieldDef, ObjectValue, Scenario, SignUpStep, Spec
from factory.names import derive_snake
from factory.qa.expect import QaError, expect_code


def _value(v: ObjectValue, f: FieldDef | None) -> str:
    if v.kind == "var":
        return f"w.id({v.value!r})"
    if v.kind == "list":
        return "[" + ", ".join(_value(i, f) for i in v.items) + "]"
    if v.kind == "number":
        text = str(v.value)
        if f is not None and f.type.kind == "decimal":
            return repr(text)
        return text
    if v.kind == "boolean":
        return "True" if v.value else "False"
    if v.kind == "null":
        return "None"
    return repr(v.value)


class ScenarioCompiler:
    def __init__(self, spec: Spec, scenario: Scenario) -> None:
        self.spec = spec
        self.scenario = scenario

    def where(self, line: int, text: str) -> str:
        return f"{self.spec.source}:{line}: {text}"

    def lines(self, source_lines: list[str]) -> list[str]:
        out = []
        for step in self.scenario.steps:
            text = source_lines[step.loc.line - 1].strip() if 0 < step.loc.line <= len(source_lines) else ""
            where = self.where(step.loc.line, text)
            if isinstance(step, SignUpStep):
                out.append(f"w.sign_up({step.role!r}, {step.user!r})  # {where}")
            elif isinstance(step, ExpectStep):
                out.append(f"assert {expect_code(step.expr, self.spec)}, {where!r}")
            else:
                out += self.call(step, where)
        return out

    def call(self, s: CallStep, where: str) -> list[str]:
        entity = self.spec.entity(s.entity) if s.entity else None
        path = entity.path if entity else ""
        target = f"{{w.id({s.target!r})}}" if s.target else ""
        fields: list[FieldDef] = list(entity.fields) if entity else []
        method, url, bind_entity = "POST", path, entity.name if entity else None
        if s.verb == "create":
            url = path
        elif s.verb == "read":
            method, url = "GET", f"{path}/{target}"
        elif s.verb == "update":
            method, url = "PATCH", f"{path}/{target}"
        elif s.verb == "delete":
            method, url, bind_entity = "DELETE", f"{path}/{target}", None
        elif s.verb == "list":
            method, url, bind_entity = "GET", f"{path}?size=100", None
        elif s.verb == "transition":
            url = f"{path}/{target}/{s.name}"
        else:
            action = self.spec.action(s.name or "")
            if action is None:
                raise QaError(f"unknown action {s.name}")
            fields = list(action.inputs)
            url = f"{path}/{target}/{action.name}" if action.on else f"/actions/{action.name}"
            ret = next((st for st in action.steps if st.kind == "return"), None)
            vt = ret.value.type if ret is not None and hasattr(ret, "value") else None
            bind_entity = vt.entity if vt is not None and vt.kind == "ref" else None
        by_name = {f.name: f for f in fields}
        body = None
        if s.object or s.verb in ("create", "update", "action"):
            items = ", ".join(f"{e.key!r}: {_value(e.value, by_name.get(e.key))}" for e in s.object)
            body = "{" + items + "}"
        fails = (
            repr(s.fails_status)
            if s.fails_status is not None
            else (repr(s.fails_message) if s.fails_message is not None else "None")
        )
        actor = repr(s.actor)
        url_code = f'f"{url}"' if "{" in url else repr(url)
        self.last = {
            "actor": actor,
            "method": repr(method),
            "url": url_code,
            "body": body,
            "bind": repr(s.bind) if s.bind else None,
            "entity": repr(bind_entity),
        }
        call = f"w.call({where!r}, {actor}, {method!r}, {url_code}, {body}, fails={fails})"
        if s.bind:
            return [f"w.bind({s.bind!r}, {bind_entity!r}, {call})"]
        return [call]

    def concurrent(self, action: str, source_lines: list[str]) -> dict[str, Any] | None:
        """The scenario up to its first successful call of `action`, that call, and the expects after it."""
        steps = self.scenario.steps
        for i, step in enumerate(steps):
            if (
                isinstance(step, CallStep)
                and step.verb == "action"
                and step.name == action
                and step.fails_status is None
                and step.fails_message is None
            ):
                before = ScenarioCompiler(self.spec, self.scenario.model_copy(update={"steps": steps[:i]}))
                prefix = before.lines(source_lines)
                self.call(step, "")
                after = []
                for later in steps[i + 1 :]:
                    if not isinstance(later, ExpectStep):
                        break
                    text = (
                        source_lines[later.loc.line - 1].strip()
                        if later.loc.line <= len(source_lines)
                        else ""
                    )
                    after.append(
                        f"assert {expect_code(later.expr, self.spec)}, {self.where(later.loc.line, text)!r}"
                    )
                return {
                    "prefix": prefix,
                    "call": dict(self.last),
                    "after": after,
                    "line": f"{self.spec.source}:{step.loc.line}",
                }
        return None


def concurrency_tests(spec: Spec, source_lines: list[str]) -> list[dict[str, Any]]:
    """For each action that decreases a quantity: its first successful scenario call, run in parallel."""
    tests = []
    for action in spec.actions:
        if not _decreases(action.steps):
            continue
        for sc in spec.scenarios:
            found = ScenarioCompiler(spec, sc).concurrent(action.name, source_lines)
            if found is not None:
                tests.append({"name": action.name, "display": action.display, **found})
                break
    return tests


def _decreases(steps: list[Any]) -> bool:
    return any(
        (s.kind == "adjust" and s.op == "decrease") or (s.kind == "for_each" and _decreases(s.steps))
        for s in steps
    )


def scenario_tests(spec: Spec, source_lines: list[str]) -> list[dict[str, Any]]:
    tests = []
    for sc in spec.scenarios:
        tests.append(
            {
                "name": derive_snake(sc.name) if not sc.name.isascii() else sc.name.lower(),
                "display": sc.display,
                "line": f"{spec.source}:{sc.loc.line}",
                "body": ScenarioCompiler(spec, sc).lines(source_lines),
            }
        )
    return tests
