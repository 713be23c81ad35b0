"""Expression AST (spec-semantics §8), shared by every stage.

The parser builds these nodes; the checker fills `type` (and `Name.ref`) in
place. Downstream generators read only checked trees.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

TypeKind = Literal[
    "integer",
    "decimal",
    "float",
    "text",
    "boolean",
    "date",
    "datetime",
    "uuid",
    "json",
    "enum",
    "ref",
    "list",
    "null",
    "any",
]


class ValueType(BaseModel):
    """The static type of an expression value."""

    kind: TypeKind
    entity: str | None = None  # ref / list: the entity code name
    values: list[str] = []  # enum: its values
    scale: int | None = None  # decimal: digits after the point, when known

    def __str__(self) -> str:
        if self.kind == "ref":
            return str(self.entity)
        if self.kind == "list":
            return f"list of {self.entity}"
        if self.kind == "enum":
            return "enum(" + ", ".join(self.values) + ")"
        return self.kind


class _Node(BaseModel):
    line: int = 0
    col: int = 0
    type: ValueType | None = None


class Literal_(_Node):
    """`3`, `2.50`, `"text"`, `true`, `null`. `value` keeps the literal's text (unquoted)."""

    kind: Literal["literal"] = "literal"
    lit: Literal["integer", "decimal", "string", "boolean", "null"]
    value: str


class Keyword(_Node):
    kind: Literal["keyword"] = "keyword"
    name: Literal["me", "this", "now", "today"]


NameRef = Literal["field", "element", "var", "enum", "entity"]


class Name(_Node):
    """A bare identifier; `ref` says what it resolved to (filled by the checker).

    field: a field of the entity in context; element: a field of the rows
    filtered by the enclosing `where`; var: an input, let, loop or scenario
    variable; enum: an enum value; entity: a whole table.
    """

    kind: Literal["name"] = "name"
    name: str
    ref: NameRef | None = None


class Path(_Node):
    """`root.f1.f2`: follows references (and, for aggregates, one list)."""

    kind: Literal["path"] = "path"
    root: Expr
    fields: list[str]


class Unary(_Node):
    kind: Literal["unary"] = "unary"
    op: Literal["-", "not"]
    operand: Expr


class Binary(_Node):
    kind: Literal["binary"] = "binary"
    op: Literal["+", "-", "*", "/", "and", "or"]
    left: Expr
    right: Expr


class Compare(_Node):
    kind: Literal["compare"] = "compare"
    op: Literal["=", "!=", "<", "<=", ">", ">="]
    left: Expr
    right: Expr


class In(_Node):
    kind: Literal["in"] = "in"
    operand: Expr
    items: list[Expr]
    negated: bool = False


class Filter(_Node):
    """`SOURCE where COND`: the rows of SOURCE (an entity or a list) for which COND holds."""

    kind: Literal["filter"] = "filter"
    source: Expr
    cond: Expr


class Call(_Node):
    """A function call. Aggregates take one argument, possibly a `Filter`."""

    kind: Literal["call"] = "call"
    func: Literal["sum", "count", "min", "max", "avg", "len", "lower", "upper"]
    args: list[Expr]


Expr = Annotated[
    Literal_ | Keyword | Name | Path | Unary | Binary | Compare | In | Filter | Call,
    Field(discriminator="kind"),
]

for _model in (Path, Unary, Binary, Compare, In, Filter, Call):
    _model.model_rebuild()

EXPRESSION_KEYWORDS = frozenset(
    {"and", "or", "not", "in", "where", "true", "false", "null", "me", "this", "now", "today"}
)
AGGREGATES = frozenset({"sum", "count", "min", "max", "avg"})
FUNCTIONS = AGGREGATES | {"len", "lower", "upper"}
