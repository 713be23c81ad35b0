"""State shared by the analyst's passes: what has been declared so far, and name lookup."""

from __future__ import annotations

from dataclasses import dataclass, field

from factory.analyst.text import NamePart
from factory.diagnostics import Diagnostics, suggest
from factory.ir.model import Action, Entity, Role, Settings
from factory.names import derive_pascal, derive_snake, is_identifier, unique_name
from factory.reader.model import Text


@dataclass
class Context:
    diags: Diagnostics
    source: str
    chinese: bool = False
    settings: Settings = field(default_factory=Settings)
    roles: list[Role] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    role_aliases: dict[str, str] = field(default_factory=dict)  # display or code -> code
    entity_aliases: dict[str, str] = field(default_factory=dict)  # display or code -> code

    # ---- lookup -----------------------------------------------------------

    def role(self, name: str) -> str | None:
        return self.role_aliases.get(name.strip())

    def entity(self, name: str) -> Entity | None:
        code = self.entity_aliases.get(name.strip())
        return next((e for e in self.entities if e.name == code), None) if code else None

    def entity_map(self) -> dict[str, Entity]:
        return {e.name: e for e in self.entities}

    def suggest_role(self, name: str) -> str | None:
        return suggest(name, [*self.role_aliases, "anyone", "user"])

    def suggest_entity(self, name: str) -> str | None:
        return suggest(name, list(self.entity_aliases))

    @property
    def auth(self) -> bool:
        return self.settings.auth == "jwt"

    # ---- naming -----------------------------------------------------------

    def code_name(self, part: NamePart, where: Text, *, pascal: bool, taken: set[str], what: str) -> str:
        """The code name of a named thing: its `(code)` or one derived from its display name.

        Reports an invalid `(code)` as an error and a derived one as a note; adds
        the result to `taken`.
        """
        if part.code is not None:
            if not is_identifier(part.code):
                self.diags.error(
                    "bad-code-name",
                    f"code name '{part.code}' of {what} '{part.display}' is not an identifier "
                    "(letters, digits and _, not starting with a digit)",
                    where.line,
                    where.col + part.code_offset,
                )
            code = part.code
        elif is_identifier(part.display):
            code = part.display
        else:
            base = derive_pascal(part.display) if pascal else derive_snake(part.display)
            code = unique_name(base, taken)
            self.diags.note(
                "derived-name",
                f"{what} '{part.display}' gets the code name '{code}'; "
                f"write '{part.display} ({code})' to choose your own",
                where.line,
                where.col,
            )
        taken.add(code)
        return code
