"""View data for `models.py`: columns, relationships and join tables of every entity."""

from __future__ import annotations

from typing import Any

from factory.architect.fields import join_table
from factory.backend.naming import attr, fk_attr, model
from factory.ir.model import Entity, FieldDef, Spec

_PYTYPES = {
    "text": "str",
    "long_text": "str",
    "email": "str",
    "url": "str",
    "phone": "str",
    "password": "str",
    "uuid": "str",
    "enum": "str",
    "integer": "int",
    "decimal": "Decimal",
    "float": "float",
    "boolean": "bool",
    "date": "dt.date",
    "datetime": "dt.datetime",
    "json": "Any",
}


def sa_type(f: FieldDef) -> str:
    t = f.type
    if t.kind == "text":
        return f"String({t.max_length or 255})"
    if t.kind in ("long_text", "email", "url", "phone", "password"):
        return "Text()"
    if t.kind == "enum":
        return f"String({max(len(v) for v in t.values)})"
    if t.kind == "uuid":
        return "String(36)"
    if t.kind == "integer":
        return "BigInteger()"
    if t.kind == "decimal":
        return f"Numeric({t.precision or 18}, {t.scale or 0}, asdecimal=True)"
    if t.kind == "float":
        return "Float()"
    if t.kind == "boolean":
        return "Boolean()"
    if t.kind == "date":
        return "Date()"
    if t.kind == "datetime":
        return "DateTime(timezone=True)"
    return "JSON()"


def join_var(entity: Entity, f: FieldDef) -> str:
    return f"{join_table(entity, f)[0]}_table"


def _columns(e: Entity, spec: Spec) -> list[dict[str, str]]:
    out = []
    for f in e.fields:
        if f.computed is not None or f.type.kind == "list":
            continue
        nullable = not f.required
        if f.type.kind == "ref":
            target = spec.entity(f.type.entity or "")
            ondelete = "RESTRICT" if f.required else "SET NULL"
            key = f'ForeignKey("{target.plural if target else ""}.id", ondelete="{ondelete}")'
            args = f'"{fk_attr(f)}", ID, {key}, index=True, nullable={nullable}'
            out.append({"attr": fk_attr(f), "pytype": "int | None" if nullable else "int", "args": args})
            continue
        py = _PYTYPES[f.type.kind]
        args = f'"{f.name}", {sa_type(f)}, nullable={nullable}'
        default = _default(f, e)
        if default is not None:
            args += f", default={default}"
        if f.unique:
            args += ", unique=True"
        if f.index and not f.unique:
            args += ", index=True"
        out.append({"attr": attr(f), "pytype": f"{py} | None" if nullable else py, "args": args})
    return out


def _default(f: FieldDef, e: Entity) -> str | None:
    d = f.default
    if d is None:
        if e.states is not None and e.states.field == f.name:
            return repr(e.states.initial)
        return None
    if d.kind == "now":
        return "lambda: dt.datetime.now(dt.UTC)"
    if d.kind == "today":
        return "lambda: dt.datetime.now(dt.UTC).date()"
    if d.kind == "me":
        return None
    if f.type.kind == "decimal":
        return f'Decimal("{d.value}")'
    if f.type.kind == "date":
        return f'dt.date.fromisoformat("{d.value}")'
    if f.type.kind == "datetime":
        return f'dt.datetime.fromisoformat("{d.value}")'
    return repr(d.value)


def _relations(e: Entity, spec: Spec) -> list[dict[str, str]]:
    out = []
    for f in e.fields:
        target = spec.entity(f.type.entity or "")
        if target is None:
            continue
        cls = model(target)
        if f.type.kind == "ref":
            out.append(
                {
                    "attr": attr(f),
                    "pytype": cls if f.required else f"{cls} | None",
                    "args": f'foreign_keys=[{fk_attr(f)}], lazy="selectin", viewonly=True',
                }
            )
        elif f.type.kind == "list" and f.type.list_kind == "one_to_many":
            back = target.field(f.type.back_field or "")
            assert back is not None
            out.append(
                {
                    "attr": attr(f),
                    "pytype": f"list[{cls}]",
                    "args": f'foreign_keys="{cls}.{fk_attr(back)}", lazy="selectin", viewonly=True, '
                    f'order_by="{cls}.id"',
                }
            )
        elif f.type.kind == "list":
            _table, own, other = join_table(e, f)
            out.append(
                {
                    "attr": attr(f),
                    "pytype": f"list[{cls}]",
                    "args": f"secondary={join_var(e, f)}, "
                    f'primaryjoin="{model(e)}.id == {_table}.c.{own}", '
                    f'secondaryjoin="{cls}.id == {_table}.c.{other}", lazy="selectin", '
                    f'order_by="{cls}.id"',
                }
            )
    return out


def _label(e: Entity) -> str:
    f = next((f for f in e.fields if f.required and f.type.kind in ("text", "long_text")), None)
    if e.builtin:
        return "self.username"
    return f"str(self.{attr(f)})" if f else 'f"#{self.id}"'


def models_view(spec: Spec) -> dict[str, Any]:
    joins = []
    for e in spec.entities:
        for f in e.fields:
            if f.type.kind == "list" and f.type.list_kind == "many_to_many":
                table, own, other = join_table(e, f)
                target = spec.entity(f.type.entity or "")
                joins.append(
                    {
                        "var": join_var(e, f),
                        "table": table,
                        "own": own,
                        "other": other,
                        "own_table": e.plural,
                        "other_table": target.plural if target else "",
                    }
                )
    models = [
        {
            "cls": model(e),
            "table": e.plural,
            "columns": _columns(e, spec),
            "relations": _relations(e, spec),
            "label": _label(e),
            "doc": f"{e.display} ({spec.source}:{e.loc.line})" if e.loc.line else f"{e.display} (built in)",
        }
        for e in spec.entities
    ]
    return {"joins": joins, "models": models}
