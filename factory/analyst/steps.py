"""Action steps (§9), in English and Chinese, checked in the action's scope."""

from __future__ import annotations

import re

from factory.analyst import keywords as kw
from factory.analyst.context import Context
from factory.analyst.expressions import Scope, check_expression, expression_type_fits, of_field
from factory.analyst.expressions import parse_expression as parse
from factory.analyst.messages import parse_message, unquote
from factory.analyst.text import normalise, split_top
from factory.diagnostics import suggest
from factory.ir.expr import Expr, Path, ValueType
from factory.ir.model import (
    AdjustStep,
    Assignment,
    CreateStep,
    DeleteStep,
    Entity,
    FieldDef,
    ForEachStep,
    LetStep,
    Loc,
    RequireStep,
    ReturnStep,
    SetStep,
    Step,
    TransitionStep,
)
from factory.reader.model import ListItem, Text

_NAME = re.compile(r"[^\W\d]\w*")
_ELSE = {"else": "else", "否则": "else"}
_AS = {"as": "as", "为": "as"}
_WITH = {"with": "with", "其中": "with"}
_BY = {"by": "by"}
_IN = {"in": "in", "在": "in"}
_TO = {"to": "to", "到": "to"}


class StepParser:
    def __init__(self, ctx: Context, scope: Scope) -> None:
        self.ctx = ctx
        self.scope = scope
        self.diags = ctx.diags

    def block(self, items: list[ListItem], top: bool) -> list[Step]:
        steps: list[Step] = []
        saved = dict(self.scope.variables)
        for i, item in enumerate(items):
            step = self.step(item)
            if step is None:
                continue
            if isinstance(step, ReturnStep) and (not top or i != len(items) - 1):
                self.diags.error(
                    "return-not-last",
                    "'return' must be the last top-level step",
                    step.loc.line,
                    step.loc.col,
                )
            steps.append(step)
        self.scope.variables = saved
        return steps

    # ---- one step -------------------------------------------------------------

    def step(self, item: ListItem) -> Step | None:
        first = item.first
        text = normalise(item.text)
        m = kw.match_start(text, kw.STEPS)
        if m is None:
            word = text.split(" ")[0] if text else ""
            self.diags.error(
                "unknown-step",
                f"unknown step '{word}': expected let, require, create, set, "
                "increase, decrease, delete, transition, for each or return",
                first.line,
                first.col,
                suggestion=suggest(word, [k for k in kw.STEPS if k.isascii()]),
            )
            return None
        rest = text[m.end :]
        col = first.col + m.end + _lead(rest)
        loc = Loc(line=first.line, col=first.col)
        handler = getattr(self, "_" + m.canonical)
        if m.canonical != "for_each" and item.children:
            self.diags.error(
                "unexpected-nesting",
                "only 'for each' steps have nested steps",
                item.children[0].first.line,
                item.children[0].first.col,
            )
        return handler(rest.strip(), first, col, loc, item)  # type: ignore[no-any-return]

    def expr(
        self, text: str, first: Text, col: int, expect: ValueType | None = None
    ) -> tuple[Expr, ValueType] | None:
        e = parse(text.strip(), self.diags, first.line, col + _lead(text))
        if e is None:
            return None
        vt = check_expression(e, self.scope, self.diags, expect)
        return (e, vt) if vt is not None else None

    def bind(self, name: str, vt: ValueType, first: Text, col: int) -> bool:
        if not _NAME.fullmatch(name):
            self.diags.error("bad-name", f"'{name}' is not a name", first.line, col)
            return False
        if name in self.scope.variables:
            self.diags.error("duplicate-name", f"'{name}' is already bound in this action", first.line, col)
            return False
        self.scope.variables[name] = vt
        return True

    def _let(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        name, eq, value = rest.partition("=")
        if not eq or not name.strip():
            self.diags.error("bad-step", "expected 'let NAME = EXPRESSION'", first.line, col)
            return None
        checked = self.expr(value, first, col + len(name) + 1)
        if checked is None or not self.bind(name.strip(), checked[1], first, col):
            return None
        return LetStep(name=name.strip(), value=checked[0], loc=loc)

    def _require(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        m = kw.find_keyword(rest, _ELSE)
        cond_text = rest[: m.start].rstrip().rstrip(",") if m else rest
        checked = self.expr(cond_text, first, col)
        if checked is None:
            return None
        if checked[1].kind not in ("boolean", "null"):
            self.diags.error(
                "type-mismatch", f"'require' needs a condition, not {checked[1]}", first.line, col
            )
            return None
        message = None
        if m is not None:
            raw = rest[m.end :]
            msg_col = col + m.end + _lead(raw)
            text = unquote(raw)
            if text is None:
                self.diags.error(
                    "bad-message",
                    'the message after else must be quoted: else "…"',
                    first.line,
                    msg_col,
                )
                return None
            message = parse_message(text, self.scope, self.diags, first.line, msg_col + 1)
            if message is None:
                return None
        return RequireStep(cond=checked[0], source=cond_text.strip(), message=message, loc=loc)

    def _create(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        w = kw.find_keyword(rest, _WITH)
        head = rest[: w.start] if w else rest
        a = kw.find_keyword(head, _AS)
        entity_text = (head[: a.start] if a else head).strip()
        entity = self.ctx.entity(entity_text)
        if entity is None:
            self.diags.error(
                "unknown-entity",
                f"unknown entity '{entity_text}'",
                first.line,
                col,
                suggestion=self.ctx.suggest_entity(entity_text),
            )
            return None
        values: list[Assignment] = []
        if w is not None:
            base = col + w.end
            for piece in split_top(rest[w.end :]):
                assignment = self.assignment(piece.text, entity, first, base + piece.offset)
                if assignment is None:
                    return None
                values.append(assignment)
        given = {v.field for v in values}
        missing = [
            f.name
            for f in entity.fields
            if f.required
            and f.default is None
            and not f.owner
            and f.computed is None
            and f.name not in given
            and f.type.kind != "list"
        ]
        if missing:
            self.diags.error(
                "missing-field",
                f"create {entity.name} must set {', '.join(missing)}",
                first.line,
                first.col,
            )
            return None
        bind = None
        if a is not None:
            bind = head[a.end :].strip()
            if not self.bind(bind, ValueType(kind="ref", entity=entity.name), first, col + a.end):
                return None
        return CreateStep(entity=entity.name, bind=bind, values=values, loc=loc)

    def assignment(self, text: str, entity: Entity, first: Text, col: int) -> Assignment | None:
        name, eq, value = text.partition("=")
        f = _field(entity, name.strip())
        if not eq or f is None:
            self.diags.error(
                "unknown-field" if eq else "bad-step",
                f"{entity.name} has no field '{name.strip()}'" if eq else "expected 'FIELD = EXPRESSION'",
                first.line,
                col,
                suggestion=suggest(name.strip(), [x.name for x in entity.fields]),
            )
            return None
        if not self.writable(f, entity, first, col, creating=True):
            return None
        checked = self.expr(value, first, col + len(name) + 1, of_field(f.type))
        if checked is None or not self.fits(checked[1], f, first, col):
            return None
        if entity.states and f.name == entity.states.field:
            e = checked[0]
            if getattr(e, "name", None) != entity.states.initial:
                self.diags.error(
                    "write-state",
                    f"a new {entity.name} starts as "
                    f"'{entity.states.initial}'; its {f.name} changes only through "
                    "transitions",
                    first.line,
                    col,
                )
                return None
        return Assignment(field=f.name, value=checked[0], loc=Loc(line=first.line, col=col))

    def fits(self, vt: ValueType, f: FieldDef, first: Text, col: int) -> bool:
        if expression_type_fits(vt, f.type):
            return True
        self.diags.error(
            "type-mismatch",
            f"cannot store {vt} in '{f.name}' ({f.type.entity or f.type.kind.replace('_', ' ')})",
            first.line,
            col,
        )
        return False

    def writable(self, f: FieldDef, entity: Entity, first: Text, col: int, creating: bool = False) -> bool:
        problem = None
        if f.computed is not None:
            problem = ("write-computed", f"'{f.name}' is computed and cannot be written")
        elif f.type.kind == "list" and f.type.list_kind == "one_to_many":
            problem = (
                "write-list",
                f"'{f.name}' lists the rows that refer to this one; write their "
                f"'{f.type.back_field}' instead",
            )
        elif f.type.kind == "password" and not creating:
            problem = None
        elif not creating and entity.states and f.name == entity.states.field:
            allowed = ", ".join(t.name for t in entity.states.transitions)
            problem = (
                "write-state",
                f"'{f.name}' changes only through its transitions ({allowed}): use 'transition ROW to STATE'",
            )
        if problem:
            self.diags.error(problem[0], problem[1], first.line, col)
            return False
        return True

    def target(self, text: str, first: Text, col: int) -> tuple[Path, FieldDef, Entity] | None:
        checked = self.expr(text, first, col)
        if checked is None:
            return None
        e = checked[0]
        if not isinstance(e, Path):
            self.diags.error("bad-target", "expected a field of a row, like this.stock", first.line, col)
            return None
        from factory.analyst.services import row_entity

        entity = self.ctx.entity(row_entity(e, self.ctx) or "")
        f = entity.field(e.fields[-1]) if entity else None
        if entity is None or f is None:
            self.diags.error("bad-target", "expected a field of one row", first.line, col)
            return None
        return (e, f, entity) if self.writable(f, entity, first, col) else None

    def _set(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        path_text, eq, value = rest.partition("=")
        target = self.target(path_text, first, col) if eq else None
        if not eq:
            self.diags.error("bad-step", "expected 'set PATH = EXPRESSION'", first.line, col)
        if target is None:
            return None
        checked = self.expr(value, first, col + len(path_text) + 1, of_field(target[1].type))
        if checked is None or not self.fits(checked[1], target[1], first, col):
            return None
        return SetStep(target=target[0], value=checked[0], loc=loc)

    def _adjust(self, op: str, rest: str, first: Text, col: int, loc: Loc) -> Step | None:
        m = kw.find_keyword(rest, _BY)
        if m is not None:
            path_text, amount_text, amount_col = rest[: m.start], rest[m.end :], col + m.end
        else:  # 增加 PATH EXPR
            path_text, _, amount_text = rest.partition(" ")
            amount_col = col + len(path_text) + 1
        target = self.target(path_text, first, col)
        if target is None:
            return None
        if target[1].type.kind not in ("integer", "decimal", "float"):
            self.diags.error(
                "type-mismatch",
                f"'{op}' needs a number field; '{target[1].name}' is {target[1].type.kind.replace('_', ' ')}",
                first.line,
                col,
            )
            return None
        checked = self.expr(amount_text, first, amount_col)
        if checked is None or not self.fits(checked[1], target[1], first, amount_col):
            return None
        return AdjustStep(op=op, target=target[0], amount=checked[0], loc=loc)  # type: ignore[arg-type]

    def _increase(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        return self._adjust("increase", rest, first, col, loc)

    def _decrease(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        return self._adjust("decrease", rest, first, col, loc)

    def _delete(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        checked = self.expr(rest, first, col)
        if checked is None:
            return None
        if checked[1].kind != "ref":
            self.diags.error("type-mismatch", f"'delete' needs one row, not {checked[1]}", first.line, col)
            return None
        return DeleteStep(target=checked[0], loc=loc)

    def _transition(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        m = kw.find_keyword(rest, _TO)
        checked = self.expr(rest[: m.start], first, col) if m else None
        if m is None:
            self.diags.error("bad-step", "expected 'transition ROW to STATE'", first.line, col)
        if checked is None or m is None:
            return None
        entity = self.ctx.entity(checked[1].entity or "") if checked[1].kind == "ref" else None
        if entity is None or entity.states is None:
            self.diags.error(
                "no-states", "'transition' needs a row of an entity with States", first.line, col
            )
            return None
        state = rest[m.end :].strip().strip('"')
        targets = [t.target for t in entity.states.transitions]
        if state not in targets:
            self.diags.error(
                "unknown-state",
                f"no transition of {entity.name} leads to '{state}'",
                first.line,
                col + m.end + 1,
                suggestion=suggest(state, targets),
            )
            return None
        return TransitionStep(target=checked[0], state=state, loc=loc)

    def _for_each(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        rest = rest.rstrip().removesuffix(":").rstrip()
        m = kw.find_keyword(rest, _IN)
        if m is None:
            self.diags.error("bad-step", "expected 'for each NAME in LIST:'", first.line, col)
            return None
        name = rest[: m.start].strip()
        checked = self.expr(rest[m.end :], first, col + m.end)
        if checked is None:
            return None
        if checked[1].kind != "list":
            self.diags.error(
                "type-mismatch",
                f"'for each' needs a list of rows, not {checked[1]}",
                first.line,
                col + m.end,
            )
            return None
        saved = dict(self.scope.variables)
        if not self.bind(name, ValueType(kind="ref", entity=checked[1].entity), first, col):
            return None
        steps = self.block(item.children, top=False)
        self.scope.variables = saved
        if not item.children:
            self.diags.error(
                "empty-loop",
                "'for each' needs nested steps (indented list items)",
                first.line,
                first.col,
            )
        return ForEachStep(name=name, source=checked[0], steps=steps, loc=loc)

    def _return(self, rest: str, first: Text, col: int, loc: Loc, item: ListItem) -> Step | None:
        checked = self.expr(rest, first, col)
        return ReturnStep(value=checked[0], loc=loc) if checked else None


def _field(entity: Entity, name: str) -> FieldDef | None:
    return entity.field(name) or next((f for f in entity.fields if f.display == name), None)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())
