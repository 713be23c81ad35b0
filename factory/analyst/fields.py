"""Field tables (§1, §4): shared by entities and action inputs."""

from __future__ import annotations

from dataclasses import dataclass

from factory.analyst import keywords as kw
from factory.analyst.context import Context
from factory.analyst.rules import parse_rules
from factory.analyst.text import normalise, split_display
from factory.analyst.types import TypeError_, parse_type
from factory.ir.expr import EXPRESSION_KEYWORDS
from factory.ir.model import FieldDef, FieldType, Loc
from factory.reader.model import Table, Text

_EMPTY = FieldType(kind="text")


@dataclass
class FieldSource:
    """A parsed field and what later passes still need from its row."""

    field: FieldDef
    type_cell: Text
    entity_name: str | None  # a ref/list target as written; resolved once all entities are known


def parse_field_table(table: Table, ctx: Context, what: str) -> list[FieldSource]:
    """Every valid row of a field table; errors for bad shapes, names, types and rules."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(table.header):
        name = kw.TABLE_HEADERS.get(normalise(cell.text).strip().lower())
        if name is not None and name not in columns:
            columns[name] = i
    missing = [c for c in ("field", "type") if c not in columns]
    if missing:
        ctx.diags.error(
            "bad-table",
            f"the field table of {what} needs a {' and a '.join(m.title() for m in missing)} column",
            table.line,
            table.header[0].col if table.header else 1,
        )
        return []
    out: list[FieldSource] = []
    taken: set[str] = set()
    for row in table.rows:
        if len(row) > len(table.header):
            extra = row[len(table.header)]
            ctx.diags.error(
                "bad-table-row",
                f"this row has {len(row)} cells but the header has "
                f"{len(table.header)}; write a literal '|' inside a cell as '\\|'",
                extra.line,
                extra.col,
            )
            continue
        cells = {
            name: row[i] if i < len(row) else Text(text="", line=row[0].line, col=row[0].col)
            for name, i in columns.items()
        }
        parsed = _row(cells, ctx, taken, what)
        if parsed is not None:
            out.append(parsed)
    return out


def _row(cells: dict[str, Text], ctx: Context, taken: set[str], what: str) -> FieldSource | None:
    name_cell = cells["field"]
    part = split_display(name_cell.text)
    if not part.display:
        ctx.diags.error("bad-table-row", "the Field cell is empty", name_cell.line, name_cell.col)
        return None
    code_as_written = part.code or part.display
    if code_as_written == "id":
        ctx.diags.error(
            "reserved-field",
            "'id' is reserved: every entity has an implicit id",
            name_cell.line,
            name_cell.col,
        )
        return None
    if code_as_written in EXPRESSION_KEYWORDS:
        ctx.diags.error(
            "reserved-name",
            f"a field may not be named like the expression keyword '{code_as_written}'",
            name_cell.line,
            name_cell.col,
        )
        return None
    if code_as_written in taken:
        ctx.diags.error(
            "duplicate-field",
            f"{what} has two fields named '{code_as_written}'",
            name_cell.line,
            name_cell.col,
        )
        return None
    code = ctx.code_name(part, name_cell, pascal=False, taken=taken, what="field")
    type_cell = cells["type"]
    parsed = parse_type(type_cell.text)
    if isinstance(parsed, TypeError_):
        ctx.diags.error(
            parsed.code,
            parsed.message,
            type_cell.line,
            type_cell.col + parsed.offset,
            suggestion=parsed.suggestion,
        )
        return None
    description = cells["description"].text if "description" in cells else ""
    ftype = parsed.type
    if parsed.entity_name is not None:
        ftype = ftype.model_copy(update={"entity": parsed.entity_name})
    fd = FieldDef(
        name=code,
        display=part.display,
        description=description,
        type=ftype,
        loc=Loc(line=name_cell.line, col=name_cell.col),
    )
    if "rules" in cells and cells["rules"].text.strip():
        fd = parse_rules(cells["rules"], fd, ctx.diags)
    return FieldSource(fd, type_cell, parsed.entity_name)
