"""Diagnostics as data: errors, warnings and notes with a source position.

Every stage returns diagnostics instead of raising; only the CLI turns them into
text and exit codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Diagnostic(BaseModel):
    """One finding. `code` is a stable machine name (e.g. ``unknown-type``)."""

    model_config = ConfigDict(frozen=True)

    severity: Severity
    code: str
    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    suggestion: str | None = None

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else (self.file or "<input>")
        text = f"{where}: {self.severity.value}: {self.message}"
        if self.suggestion:
            text += f" (did you mean '{self.suggestion}'?)"
        return text


class Diagnostics:
    """An ordered collector bound to one source file."""

    def __init__(self, file: str = "") -> None:
        self.file = file
        self.items: list[Diagnostic] = []

    def add(
        self,
        severity: Severity,
        code: str,
        message: str,
        line: int = 0,
        col: int = 0,
        suggestion: str | None = None,
    ) -> None:
        self.items.append(
            Diagnostic(
                severity=severity,
                code=code,
                message=message,
                file=self.file,
                line=line,
                col=col,
                suggestion=suggestion,
            )
        )

    def error(
        self, code: str, message: str, line: int = 0, col: int = 0, suggestion: str | None = None
    ) -> None:
        self.add(Severity.ERROR, code, message, line, col, suggestion)

    def warning(
        self, code: str, message: str, line: int = 0, col: int = 0, suggestion: str | None = None
    ) -> None:
        self.add(Severity.WARNING, code, message, line, col, suggestion)

    def note(self, code: str, message: str, line: int = 0, col: int = 0) -> None:
        self.add(Severity.NOTE, code, message, line, col)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
        return sorted(self.items, key=lambda d: (d.line, d.col, order[d.severity]))


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt word, if one is close enough."""
    pool = list(dict.fromkeys(candidates))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = [lowered[m] for m in difflib.get_close_matches(word.lower(), lowered, n=1, cutoff=0.6)]
    return matches[0] if matches else None
