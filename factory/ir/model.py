"""The typed intermediate representation: the single source of truth after analysis.

Built by the analyst, read by every later stage, saved as `.factory/model.json`.
Lists keep document order; nothing here depends on dict or set iteration order.
Names: `name` is always the code name, `display` the name shown to people.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from factory.ir.expr import Expr

Permission = Literal["create", "read", "update", "delete"]
FieldKind = Literal[
    "text",
    "long_text",
    "integer",
    "decimal",
    "float",
    "boolean",
    "date",
    "datetime",
    "email",
    "url",
    "phone",
    "uuid",
    "json",
    "password",
    "enum",
    "ref",
    "list",
]


class Loc(BaseModel):
    line: int = 0
    col: int = 0


class Settings(BaseModel):
    database: Literal["sqlite", "postgres"] = "sqlite"
    auth: Literal["jwt", "none"] = "jwt"
    ui_language: Literal["en", "zh"] = "en"
    primary_color: str = "#1677ff"
    layout: Literal["sidebar", "topbar"] = "sidebar"
    page_size: int = 20
    frontend: Literal["web", "none"] = "web"


class Role(BaseModel):
    name: str
    display: str
    description: str = ""
    is_default: bool = False
    loc: Loc = Loc()


class FieldType(BaseModel):
    kind: FieldKind
    max_length: int | None = None  # text(N); text defaults to 255
    precision: int | None = None  # decimal(p, s); money is (12, 2)
    scale: int | None = None
    money: bool = False
    values: list[str] = []  # enum values, exactly as written
    entity: str | None = None  # ref / list target (entity code name)
    list_kind: Literal["one_to_many", "many_to_many"] | None = None
    back_field: str | None = None  # one_to_many: the target's field pointing back


class DefaultValue(BaseModel):
    """`default X`: a literal (as JSON-compatible text/number/bool) or now/today/me."""

    kind: Literal["value", "now", "today", "me"]
    value: str | int | bool | None = None  # decimals and dates are kept as text


class FieldDef(BaseModel):
    name: str
    display: str
    description: str = ""
    type: FieldType
    required: bool = False
    unique: bool = False
    readonly: bool = False
    owner: bool = False
    secret: bool = False
    searchable: bool = False
    index: bool = False
    min: str | None = None  # numbers and dates as their literal text
    max: str | None = None
    length_min: int | None = None
    length_max: int | None = None
    pattern: str | None = None
    default: DefaultValue | None = None
    computed: Expr | None = None
    computed_source: str | None = None
    builtin: bool = False  # a field of the built-in User
    loc: Loc = Loc()


class Condition(BaseModel):
    """`own` or `where EXPR` attached to a grant or a `by` role."""

    own: bool = False
    where: Expr | None = None
    where_source: str | None = None


class Grant(BaseModel):
    """One group of an Access line: `ROLE: PERMS [own | where EXPR]`."""

    role: str  # a role code name, or "anyone" / "user"
    permissions: list[Permission]
    condition: Condition = Condition()
    loc: Loc = Loc()


class ByRole(BaseModel):
    role: str
    condition: Condition = Condition()
    loc: Loc = Loc()


class Transition(BaseModel):
    name: str
    display: str
    sources: list[str]
    target: str
    by: list[ByRole]
    loc: Loc = Loc()


class StateMachine(BaseModel):
    field: str
    initial: str
    transitions: list[Transition]
    loc: Loc = Loc()


class Entity(BaseModel):
    name: str  # PascalCase code name
    display: str
    description: str = ""
    snake: str  # `CartItem` -> `cart_item`
    plural: str  # `cart_items`: the collection path segment and the table name
    fields: list[FieldDef]
    access: list[Grant]  # the effective grants (defaults filled in when not declared)
    access_declared: bool = True
    states: StateMachine | None = None
    service: str = ""
    builtin: bool = False  # the built-in User
    loc: Loc = Loc()

    @property
    def path(self) -> str:
        return "/" + self.plural

    def field(self, name: str) -> FieldDef | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def owner_field(self) -> FieldDef | None:
        return next((f for f in self.fields if f.owner), None)


class Service(BaseModel):
    name: str
    display: str
    entities: list[str]
    main: bool = False  # the service named after the app (holds User)
    loc: Loc = Loc()


# ---- actions -------------------------------------------------------------


class MessagePart(BaseModel):
    """Literal text, or an `{EXPR}` hole to fill in."""

    text: str | None = None
    expr: Expr | None = None


class Message(BaseModel):
    source: str
    parts: list[MessagePart]


class LetStep(BaseModel):
    kind: Literal["let"] = "let"
    name: str
    value: Expr  # a `Filter` or `Name(ref="entity")` captures rows
    loc: Loc = Loc()


class RequireStep(BaseModel):
    kind: Literal["require"] = "require"
    cond: Expr
    source: str  # the expression text, for the default message
    message: Message | None = None
    loc: Loc = Loc()


class Assignment(BaseModel):
    field: str
    value: Expr
    loc: Loc = Loc()


class CreateStep(BaseModel):
    kind: Literal["create"] = "create"
    entity: str
    bind: str | None = None
    values: list[Assignment] = []
    loc: Loc = Loc()


class SetStep(BaseModel):
    kind: Literal["set"] = "set"
    target: Expr  # a Path to one field of one row
    value: Expr
    loc: Loc = Loc()


class AdjustStep(BaseModel):
    kind: Literal["adjust"] = "adjust"
    op: Literal["increase", "decrease"]
    target: Expr
    amount: Expr
    loc: Loc = Loc()


class DeleteStep(BaseModel):
    kind: Literal["delete"] = "delete"
    target: Expr
    loc: Loc = Loc()


class TransitionStep(BaseModel):
    kind: Literal["transition"] = "transition"
    target: Expr
    state: str
    loc: Loc = Loc()


class ForEachStep(BaseModel):
    kind: Literal["for_each"] = "for_each"
    name: str
    source: Expr
    steps: list[Step]
    loc: Loc = Loc()


class ReturnStep(BaseModel):
    kind: Literal["return"] = "return"
    value: Expr
    loc: Loc = Loc()


Step = Annotated[
    LetStep
    | RequireStep
    | CreateStep
    | SetStep
    | AdjustStep
    | DeleteStep
    | TransitionStep
    | ForEachStep
    | ReturnStep,
    Field(discriminator="kind"),
]
ForEachStep.model_rebuild()


class Action(BaseModel):
    name: str
    display: str
    description: str = ""
    who: list[str]  # roles, "anyone" or "user"; ["user"] when no `Who:` was given
    who_declared: bool = True
    on: str | None = None  # entity code name
    inputs: list[FieldDef] = []
    steps: list[Step]
    loc: Loc = Loc()


# ---- pages ---------------------------------------------------------------


class Button(BaseModel):
    kind: Literal["create", "read", "update", "delete", "transition", "action"]
    name: str  # the CRUD verb, transition or action code name
    label: str  # as written in the document
    loc: Loc = Loc()


class Page(BaseModel):
    name: str
    display: str
    roles: list[str]  # empty: the roles that may read the entity
    home: bool = False
    view: Literal["list", "detail", "form"]
    entity: str
    condition: Condition = Condition()
    search: bool = False
    sort: str | None = None
    sort_desc: bool = False
    filters: list[str] = []
    columns: list[str] = []
    buttons: list[Button] = []
    loc: Loc = Loc()


# ---- scenarios -----------------------------------------------------------


class ObjectValue(BaseModel):
    kind: Literal["number", "string", "boolean", "null", "enum", "var", "list"]
    value: str | bool | None = None  # number text, string, enum value or variable name
    items: list[ObjectValue] = []


class ObjectEntry(BaseModel):
    key: str  # the field code name
    value: ObjectValue
    loc: Loc = Loc()


class SignUpStep(BaseModel):
    kind: Literal["sign_up"] = "sign_up"
    role: str
    user: str
    loc: Loc = Loc()


class CallStep(BaseModel):
    """`[as ACTOR:] VERB ... [as BIND | fails with ...]`."""

    kind: Literal["call"] = "call"
    actor: str | None = None
    verb: Literal["create", "read", "update", "delete", "list", "transition", "action"]
    name: str | None = None  # the transition or action code name
    entity: str  # the entity the call works on (the action's On entity, if any)
    target: str | None = None  # the variable the call works on
    object: list[ObjectEntry] = []
    bind: str | None = None
    fails_status: int | None = None
    fails_message: str | None = None
    loc: Loc = Loc()


class ExpectStep(BaseModel):
    kind: Literal["expect"] = "expect"
    expr: Expr
    source: str
    loc: Loc = Loc()


ScenarioStep = Annotated[SignUpStep | CallStep | ExpectStep, Field(discriminator="kind")]
ObjectValue.model_rebuild()


class Scenario(BaseModel):
    name: str
    display: str
    steps: list[ScenarioStep]
    loc: Loc = Loc()


class Section(BaseModel):
    """An unrecognised `##` section, kept for the README."""

    title: str
    text: str
    loc: Loc = Loc()


class Spec(BaseModel):
    """The whole analysed document."""

    source: str
    title: str
    name: str  # the app's code name
    description: str = ""
    language: Literal["en", "zh"] = "en"
    settings: Settings = Settings()
    roles: list[Role]  # admin first, then the declared roles in order
    services: list[Service]
    entities: list[Entity]
    actions: list[Action] = []
    pages: list[Page] = []
    scenarios: list[Scenario] = []
    extra_sections: list[Section] = []

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def action(self, name: str) -> Action | None:
        return next((a for a in self.actions if a.name == name), None)

    @property
    def default_role(self) -> Role | None:
        return next((r for r in self.roles if r.is_default), None)
