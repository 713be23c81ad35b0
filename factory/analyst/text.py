"""Low-level text helpers shared by the analyst: punctuation, splitting, display names.

Columns: every helper that cuts text returns pieces with their offset inside the
input so callers can keep exact source columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factory.reader.model import Text

_FULL_WIDTH = {"：": ":", "，": ",", "；": ";", "（": "(", "）": ")", "“": '"', "”": '"'}


def normalise(text: str) -> str:
    """Full-width `：，；（）“”` become ASCII syntax, but never inside quoted strings.

    Length-preserving, so columns stay exact; `→` is left for the states parser,
    which accepts it wherever `->` is allowed.
    """
    out: list[str] = []
    in_quote = False
    escaped = False
    for ch in text:
        if in_quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch in '"“”':
                in_quote = False
                ch = '"'
            out.append(ch)
            continue
        if ch in '"“':
            in_quote = True
            out.append('"')
        else:
            out.append(_FULL_WIDTH.get(ch, ch))
    return "".join(out)


@dataclass(frozen=True)
class Piece:
    """A stripped piece of a split text and the offset (0-based) where it starts."""

    text: str
    offset: int


def _top_level(text: str, start: int = 0) -> Iterator[int]:
    """Indexes of the characters outside double quotes and parentheses (quotes may hold `\\"`)."""
    depth = 0
    in_quote = False
    escaped = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_quote = False
        elif ch == '"':
            in_quote = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield i


def split_top(text: str, seps: str = ",") -> list[Piece]:
    """Split at any of `seps` outside double quotes and parentheses (§1 comma lists).

    Expects normalised text. Empty pieces are kept (callers report them).
    """
    pieces: list[Piece] = []
    start = 0
    for i in _top_level(text):
        if text[i] in seps:
            pieces.append(_piece(text, start, i))
            start = i + 1
    pieces.append(_piece(text, start, len(text)))
    return pieces


def _piece(text: str, start: int, end: int) -> Piece:
    raw = text[start:end]
    stripped = raw.lstrip()
    return Piece(stripped.rstrip(), start + len(raw) - len(stripped))


def find_top(text: str, needle: str, start: int = 0) -> int:
    """Index of `needle` outside quotes and parentheses, or -1."""
    return next((i for i in _top_level(text, start) if text.startswith(needle, i)), -1)


_PAREN_TAIL = re.compile(r"\s*\(([^()]*)\)\s*$")
DEFAULT_MARKS = frozenset({"default", "默认"})


@dataclass(frozen=True)
class NamePart:
    """`DISPLAY (code) (default)` taken apart."""

    display: str
    code: str | None
    is_default: bool
    code_offset: int  # offset of the code inside the text, or 0


def split_display(text: str) -> NamePart:
    """Read `DISPLAY (code)`, also with a `(default)`/`(默认)` mark in either position."""
    rest = normalise(text).strip()
    code: str | None = None
    code_offset = 0
    is_default = False
    for _ in range(2):
        m = _PAREN_TAIL.search(rest)
        if not m or not rest[: m.start()].strip():
            break
        inner = m.group(1).strip()
        if inner.lower() in DEFAULT_MARKS:
            is_default = True
        elif code is None:
            code = inner
            code_offset = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        else:
            break
        rest = rest[: m.start()].rstrip()
    return NamePart(rest, code, is_default, code_offset)


def at(text: Text, offset: int = 0) -> tuple[int, int]:
    """(line, col) of an offset inside a source Text."""
    return text.line, text.col + offset
