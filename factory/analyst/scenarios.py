"""The Scenarios section (§11): acceptance tests as numbered steps, in English and Chinese."""

from __future__ import annotations

import re

from factory.analyst import keywords as kw
from factory.analyst.context import Context
from factory.analyst.entity_checks import entity_scope
from factory.analyst.expressions import check_expression, parse_expression
from factory.analyst.messages import unquote
from factory.analyst.objects import parse_object
from factory.analyst.sections import Item, Section
from factory.analyst.text import find_top, normalise, split_display
from factory.diagnostics import suggest
from factory.ir.expr import ValueType
from factory.ir.model import (
    Action,
    CallStep,
    Entity,
    ExpectStep,
    FieldDef,
    Loc,
    ReturnStep,
    Scenario,
    ScenarioStep,
    SignUpStep,
)
from factory.names import derive_snake, is_identifier
from factory.reader.model import ListBlock, Text

_BIND = re.compile(r"(?:^|\s)(?:as|为)\s+(\"[^\"]*\"|[^\W\d]\w*)\s*$")
_FAILS = {"fails with": "fails", "失败": "fails"}
_WORD = re.compile(r"\"[^\"]*\"|\S+")


def analyse_scenarios(section: Section | None, ctx: Context) -> list[Scenario]:
    scenarios: list[Scenario] = []
    taken: set[str] = set()
    for item in section.items if section else []:
        scenario = _scenario(item, ctx, taken)
        if scenario is not None:
            scenarios.append(scenario)
    return scenarios


def _scenario(item: Item, ctx: Context, taken: set[str]) -> Scenario | None:
    heading = item.heading
    part = split_display(heading.text)
    written = part.code or part.display
    name = _plain(written if is_identifier(written) else derive_snake(written), taken)
    lists = [b for b in item.blocks if isinstance(b, ListBlock)]
    if not lists:
        ctx.diags.error("no-steps", f"scenario '{part.display}' has no steps", heading.line, heading.col)
        return None
    runner = _Steps(ctx)
    steps = [s for it in lists[0].items if (s := runner.step(it.first, normalise(it.text))) is not None]
    return Scenario(name=name, display=part.display, steps=steps, loc=Loc(line=heading.line, col=heading.col))


def _plain(name: str, taken: set[str]) -> str:
    from factory.names import unique_name

    code = unique_name(name, taken)
    taken.add(code)
    return code


class _Steps:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.vars: dict[str, ValueType] = {}

    def error(self, code: str, message: str, first: Text, col: int, suggestion: str | None = None) -> None:
        self.ctx.diags.error(code, message, first.line, col, suggestion=suggestion)

    def step(self, first: Text, text: str) -> ScenarioStep | None:
        loc = Loc(line=first.line, col=first.col)
        m = kw.match_start(
            text, {"sign up": "sign_up", "注册": "sign_up", "expect": "expect", "期望": "expect"}
        )
        if m is not None and m.canonical == "sign_up":
            return self.sign_up(text[m.end :], first, first.col + m.end, loc)
        if m is not None:
            return self.expect(text[m.end :], first, first.col + m.end, loc)
        actor: str | None = None
        a = kw.match_start(text, {"as": "as", "作为": "as"})
        col = first.col
        if a is not None:
            colon = find_top(text, ":", a.end)
            actor = unquote(text[a.end : colon]) or text[a.end : colon].strip() if colon > 0 else None
            if colon < 0 or not actor:
                self.error("bad-step", "expected 'as NAME: STEP'", first, col)
                return None
            if not self.ctx.auth:
                self.error("no-users", "with 'auth: none' there are no users to act as", first, col)
                return None
            if self.vars.get(actor) != ValueType(kind="ref", entity="User"):
                users = [n for n, t in self.vars.items() if t.entity == "User"]
                self.error(
                    "unknown-user",
                    f"'{actor}' has not signed up",
                    first,
                    col + a.end + 1,
                    suggestion=suggest(actor, users),
                )
                return None
            rest = text[colon + 1 :]
            col += colon + 1 + (len(rest) - len(rest.lstrip()))
            text = rest.strip()
        return self.call(actor, text, first, col, loc)

    def sign_up(self, rest: str, first: Text, col: int, loc: Loc) -> ScenarioStep | None:
        if not self.ctx.auth:
            self.error("no-users", "with 'auth: none' there is no sign-up", first, first.col)
            return None
        words = _WORD.findall(rest)
        if len(words) != 2:
            self.error("bad-step", "expected 'sign up ROLE \"NAME\"'", first, first.col)
            return None
        role = self.ctx.role(words[0])
        if role is None or role == "admin":
            self.error(
                "unknown-role",
                f"'{words[0]}' is not a role users sign up for",
                first,
                col + 1,
                suggestion=self.ctx.suggest_role(words[0]),
            )
            return None
        user = unquote(words[1]) or words[1]
        if not self.bind(user, ValueType(kind="ref", entity="User"), first, col + rest.find(words[1])):
            return None
        return SignUpStep(role=role, user=user, loc=loc)

    def bind(self, name: str, vt: ValueType, first: Text, col: int) -> bool:
        if name in self.vars:
            self.error("duplicate-name", f"'{name}' is already bound in this scenario", first, col)
            return False
        self.vars[name] = vt
        return True

    def expect(self, rest: str, first: Text, col: int, loc: Loc) -> ScenarioStep | None:
        source = rest.strip()
        expr = parse_expression(source, self.ctx.diags, first.line, col + len(rest) - len(rest.lstrip()))
        if expr is None:
            return None
        scope = entity_scope(
            self.ctx, None, allow_me=False, me_reason="'me' is not allowed in expect: name the user"
        )
        scope.variables = dict(self.vars)
        vt = check_expression(expr, scope, self.ctx.diags)
        if vt is None:
            return None
        if vt.kind not in ("boolean", "null"):
            self.error("type-mismatch", f"expect needs a condition, not {vt}", first, col)
            return None
        return ExpectStep(expr=expr, source=source, loc=loc)

    def call(self, actor: str | None, text: str, first: Text, col: int, loc: Loc) -> ScenarioStep | None:
        step = CallStep(actor=actor, verb="create", entity="", loc=loc)
        f = kw.find_keyword(text, _FAILS)
        if f is not None:
            outcome = text[f.end :].strip()
            text = text[: f.start].rstrip()
            if outcome.isdigit() and len(outcome) == 3:
                step.fails_status = int(outcome)
            elif unquote(outcome) is not None:
                step.fails_message = unquote(outcome)
            else:
                self.error(
                    "bad-step",
                    "expected 'fails with STATUS' or 'fails with \"MESSAGE\"'",
                    first,
                    col + f.end,
                )
                return None
        bind_match = _BIND.search(text) if f is None else None
        bind = None
        if bind_match is not None and "{" not in text[bind_match.start() :]:
            bind = unquote(bind_match.group(1)) or bind_match.group(1)
            text = text[: bind_match.start()].rstrip()
        obj_at = text.find("{")
        obj_text = text[obj_at:] if obj_at >= 0 else ""
        head = text[:obj_at].strip() if obj_at >= 0 else text.strip()
        if obj_text and not obj_text.rstrip().endswith("}"):
            self.error("bad-object", "an object must end with '}'", first, col + obj_at)
            return None
        result = self.verb(step, head, first, col)
        if result is None:
            return None
        entity, fields, result_type = result
        if obj_text:
            entries = parse_object(
                obj_text.rstrip(), entity, fields, set(self.vars), self.ctx, first, col + obj_at
            )
            if entries is None:
                return None
            step.object = entries
        if bind is not None:
            if not self.bind(bind, result_type, first, col):
                return None
            step.bind = bind
        return step

    def verb(
        self, step: CallStep, head: str, first: Text, col: int
    ) -> tuple[Entity | None, list[FieldDef], ValueType] | None:
        words = head.split()
        if not words:
            self.error("bad-step", "expected a step", first, col)
            return None
        crud = kw.CRUD_VERBS.get(words[0].lower() if words[0].isascii() else words[0])
        if crud in ("create", "list"):
            entity = self.ctx.entity(" ".join(words[1:]))
            if entity is None:
                name = " ".join(words[1:])
                self.error(
                    "unknown-entity",
                    f"unknown entity '{name}'",
                    first,
                    col + len(words[0]) + 1,
                    suggestion=self.ctx.suggest_entity(name),
                )
                return None
            step.verb, step.entity = crud, entity.name  # type: ignore[assignment]
            kind = "ref" if crud == "create" else "list"
            return entity, _writable(entity), ValueType(kind=kind, entity=entity.name)  # type: ignore[arg-type]
        if crud is not None:
            target = self.target(words[1:], first, col + len(words[0]) + 1)
            if target is None:
                return None
            step.verb, step.entity, step.target = crud, target.name, words[1]  # type: ignore[assignment]
            return target, _writable(target), ValueType(kind="ref", entity=target.name)
        return self.named(step, head, first, col)

    def target(self, words: list[str], first: Text, col: int) -> Entity | None:
        if len(words) != 1:
            self.error("bad-step", "expected one variable to act on", first, col)
            return None
        vt = self.vars.get(words[0])
        if vt is None:
            self.error(
                "unknown-name",
                f"'{words[0]}' is not bound yet",
                first,
                col,
                suggestion=suggest(words[0], list(self.vars)),
            )
            return None
        entity = self.ctx.entity(vt.entity or "") if vt.kind == "ref" else None
        if entity is None:
            self.error("type-mismatch", f"'{words[0]}' is not a row", first, col)
        return entity

    def named(
        self, step: CallStep, head: str, first: Text, col: int
    ) -> tuple[Entity | None, list[FieldDef], ValueType] | None:
        """A transition of the target's entity, or an action (longest name first)."""
        action = _match_action(head, self.ctx.actions)
        words = head.split()
        transition_target = (
            self.ctx.entity(self.vars[words[1]].entity or "")
            if len(words) == 2 and words[1] in self.vars
            else None
        )
        transition = None
        if transition_target and transition_target.states:
            transition = next(
                (t for t in transition_target.states.transitions if words[0] in (t.name, t.display)),
                None,
            )
        if transition is not None and action is not None:
            self.error("ambiguous-verb", f"'{words[0]}' is both a transition and an action", first, col)
            return None
        if transition is not None and transition_target is not None:
            step.verb, step.name, step.entity, step.target = (
                "transition",
                transition.name,
                transition_target.name,
                words[1],
            )
            return transition_target, [], ValueType(kind="ref", entity=transition_target.name)
        if action is None:
            self.error(
                "unknown-verb",
                f"'{words[0]}' is not create, read, update, delete, list, a "
                "transition of the target or an action",
                first,
                col,
                suggestion=suggest(words[0], [a.name for a in self.ctx.actions]),
            )
            return None
        act, rest = action
        step.verb, step.name = "action", act.name
        step.entity = act.on or ""
        if act.on is not None:
            target = self.target(rest.split(), first, col + len(head) - len(rest))
            if target is None:
                return None
            step.target = rest.strip()
        elif rest.strip():
            self.error(
                "bad-step",
                f"action '{act.name}' works on no row; unexpected '{rest.strip()}'",
                first,
                col,
            )
            return None
        ret = next((s for s in act.steps if isinstance(s, ReturnStep)), None)
        result = ret.value.type if ret and ret.value.type else ValueType(kind="any")
        return None, act.inputs, result


def _match_action(head: str, actions: list[Action]) -> tuple[Action, str] | None:
    best: tuple[Action, str] | None = None
    for act in actions:
        for name in (act.name, act.display):
            fits = head == name or head.startswith(name + " ")
            if fits and (best is None or len(name) > len(head) - len(best[1])):
                best = (act, head[len(name) :])
    return best


def _writable(entity: Entity) -> list[FieldDef]:
    return [
        f
        for f in entity.fields
        if f.computed is None
        and not f.owner
        and not (f.type.kind == "list" and f.type.list_kind == "one_to_many")
    ]
