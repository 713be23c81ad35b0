"""Actions (§9) compiled to plain Python functions: one database transaction each."""

from __future__ import annotations

from typing import Any

from factory.analyst.services import row_entity
from factory.backend.exprgen import Ctx, py
from factory.backend.naming import attr, fk_attr, model, var
from factory.backend.schemas_view import action_schema
from factory.ir.expr import Expr, Path
from factory.ir.model import (
    Action,
    AdjustStep,
    CreateStep,
    DeleteStep,
    FieldDef,
    ForEachStep,
    LetStep,
    Message,
    RequireStep,
    ReturnStep,
    SetStep,
    Spec,
    Step,
    TransitionStep,
)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)


def _message(m: Message | None, source: str, ctx: Ctx) -> str:
    if m is None:
        return repr(f"requirement failed: {source}")
    parts = []
    for p in m.parts:
        if p.text is not None:
            parts.append(p.text.replace("{", "{{").replace("}", "}}"))
        elif p.expr is not None:
            parts.append("{serialize.text_of(" + py(p.expr, ctx) + ")}")
    return "f" + repr("".join(parts))


def _assign_value(f: FieldDef, code: str) -> str:
    if f.type.kind == "decimal":
        return f"serialize.to_scale({code}, {f.type.scale or 0})"
    if f.type.kind == "ref":
        return f"ops.id_of({code})"
    return code


class ActionCompiler:
    def __init__(self, spec: Spec, action: Action) -> None:
        self.spec = spec
        self.action = action
        self.ctx = Ctx(spec, row=None, row_entity=None)
        self.out = _Lines()
        self.counter = 0

    def compile(self) -> list[str]:
        self.block(self.action.steps, 1)
        if not any(isinstance(s, ReturnStep) for s in self.action.steps):
            self.out.add(1, "return None")
        return self.out.lines

    def block(self, steps: list[Step], depth: int) -> None:
        for step in steps:
            getattr(self, "_" + step.kind)(step, depth)

    def _let(self, s: LetStep, depth: int) -> None:
        self.out.add(depth, f"{var(s.name)} = {py(s.value, self.ctx)}")

    def _require(self, s: RequireStep, depth: int) -> None:
        self.out.add(depth, f"if not ops.truthy({py(s.cond, self.ctx)}):")
        self.out.add(depth + 1, f"raise ApiError(409, {_message(s.message, s.source, self.ctx)})")

    def _create(self, s: CreateStep, depth: int) -> None:
        entity = self.spec.entity(s.entity)
        assert entity is not None
        name = var(s.bind) if s.bind else f"new_{entity.snake}_{self._n()}"
        self.out.add(depth, f"{name} = {model(entity)}()")
        given = {a.field for a in s.values}
        for a in s.values:
            f = entity.field(a.field)
            assert f is not None
            target = fk_attr(f) if f.type.kind == "ref" else attr(f)
            value = _assign_value(f, py(a.value, self.ctx))
            if f.type.kind == "list":
                self.out.add(depth, f"{name}.{attr(f)} = list({py(a.value, self.ctx)})")
            else:
                self.out.add(depth, f"{name}.{target} = {value}")
        for f in entity.fields:
            if f.name in given:
                continue
            if f.owner or (f.default is not None and f.default.kind == "me"):
                self.out.add(depth, f"{name}.{fk_attr(f)} = ops.id_of(me)")
        self.out.add(depth, f"session.add({name})")
        self.out.add(depth, f"write(session, {entity.snake.upper()}, {name})")

    def _target(self, target: Expr) -> tuple[str, str, FieldDef]:
        assert isinstance(target, Path)
        entity = self.spec.entity(row_entity(target, _Lookup(self.spec)) or "")  # type: ignore[arg-type]
        assert entity is not None
        f = entity.field(target.fields[-1])
        assert f is not None
        row_path = (
            Path(root=target.root, fields=target.fields[:-1], type=None)
            if len(target.fields) > 1
            else target.root
        )
        return py(row_path, self.ctx), entity.snake.upper(), f

    def _set(self, s: SetStep, depth: int) -> None:
        row, api, f = self._target(s.target)
        column = fk_attr(f) if f.type.kind == "ref" else attr(f)
        self.out.add(depth, f"row_{self._n()} = {row}")
        self.out.add(depth, f"row_{self.counter}.{column} = {_assign_value(f, py(s.value, self.ctx))}")
        self.out.add(depth, f"write(session, {api}, row_{self.counter})")

    def _adjust(self, s: AdjustStep, depth: int) -> None:
        row, api, f = self._target(s.target)
        op = "add" if s.op == "increase" else "sub"
        n = self._n()
        self.out.add(depth, f"row_{n} = {row}")
        value = _assign_value(f, f"ops.{op}(row_{n}.{attr(f)}, {py(s.amount, self.ctx)})")
        self.out.add(depth, f"row_{n}.{attr(f)} = {value}")
        self.out.add(depth, f"write(session, {api}, row_{n})")

    def _delete(self, s: DeleteStep, depth: int) -> None:
        entity = s.target.type.entity if s.target.type else None
        e = self.spec.entity(entity or "")
        assert e is not None
        self.out.add(depth, f"crud.delete_row(session, {e.snake.upper()}, {py(s.target, self.ctx)})")

    def _transition(self, s: TransitionStep, depth: int) -> None:
        e = self.spec.entity(s.target.type.entity if s.target.type and s.target.type.entity else "")
        assert e is not None
        self.out.add(
            depth,
            f"crud.fire(session, {e.snake.upper()}, {py(s.target, self.ctx)}, None, to={s.state!r})",
        )

    def _for_each(self, s: ForEachStep, depth: int) -> None:
        self.out.add(depth, f"for {var(s.name)} in list({py(s.source, self.ctx)}):")
        before = len(self.out.lines)
        self.block(s.steps, depth + 1)
        if len(self.out.lines) == before:
            self.out.add(depth + 1, "pass")

    def _return(self, s: ReturnStep, depth: int) -> None:
        self.out.add(depth, f"return {py(s.value, self.ctx)}")

    def _n(self) -> int:
        self.counter += 1
        return self.counter


class _Lookup:
    """The bit of the analyst Context that `row_entity` needs."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def entity(self, name: str) -> Any:
        return self.spec.entity(name)


def _model_of(spec: Spec, name: str | None) -> str | None:
    entity = spec.entity(name or "")
    return model(entity) if entity else None


def actions_view(spec: Spec) -> dict[str, Any]:
    actions = []
    for a in spec.actions:
        ret = next((s for s in a.steps if isinstance(s, ReturnStep)), None)
        vt = ret.value.type if ret else None
        returns = {
            "kind": vt.kind if vt else "null",
            "entity": vt.entity.lower() if vt and vt.entity else None,
        }
        returns_api = None
        if vt and vt.kind in ("ref", "list") and vt.entity:
            e = spec.entity(vt.entity)
            returns_api = e.snake.upper() if e else None
        on = spec.entity(a.on) if a.on else None
        actions.append(
            {
                "name": a.name,
                "display": a.display,
                "description": a.description,
                "line": f"{spec.source}:{a.loc.line}",
                "who": sorted(a.who),
                "anyone": "anyone" in a.who,
                "on": on.snake.upper() if on else None,
                "schema": action_schema(a.name) if a.inputs else None,
                "inputs": [
                    {
                        "name": f.name,
                        "var": var(f.name),
                        "key": attr(f),
                        "model": _model_of(spec, f.type.entity) if f.type.kind == "ref" else None,
                        "entity": f.type.entity,
                    }
                    for f in a.inputs
                ],
                "body": ActionCompiler(spec, a).compile(),
                "returns": returns,
                "returns_api": returns_api,
                "scaled": {f.name: f.type.scale for f in a.inputs if f.type.kind == "decimal"},
            }
        )
    apis = sorted({e.snake.upper() for e in spec.entities})
    return {"actions": actions, "apis": apis}
