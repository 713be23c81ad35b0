"""Helpers for walking a section's blocks: list items, header lines, owned tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from factory.analyst import keywords as kw
from factory.analyst.text import normalise
from factory.reader.model import Block, ListBlock, ListItem, Paragraph, Table, Text


def items(blocks: list[Block]) -> Iterator[ListItem]:
    """Top-level list items of every list among `blocks`."""
    for block in blocks:
        if isinstance(block, ListBlock):
            yield from block.items


@dataclass
class Header:
    """A header line (`Access:`, `Who: buyer`) with what follows it on the line."""

    name: str  # canonical, e.g. "access", "states_of", "who"
    text: Text  # the header line
    value: str  # text after the keyword and colon (normalised)
    value_col: int  # column of the value
    owned: ListBlock | Table | None = None


@dataclass
class Parts:
    """An entity's or action's blocks split into header lines, owned blocks and the rest."""

    headers: list[Header] = field(default_factory=list)
    description: list[Text] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables not owned by a header
    lists: list[ListBlock] = field(default_factory=list)  # lists not owned by a header


def split_headers(blocks: list[Block], table: dict[str, str]) -> Parts:
    """Recognise header lines one physical line at a time; `X:` owns the next list or table."""
    parts = Parts()
    pending: Header | None = None
    for block in blocks:
        if isinstance(block, Paragraph):
            for line in block.lines:
                header = _header(line, table)
                if header is None:
                    parts.description.append(line)
                    pending = None
                else:
                    parts.headers.append(header)
                    pending = header if not header.value or header.name == "states_of" else None
            continue
        if isinstance(block, ListBlock | Table) and pending is not None and pending.owned is None:
            pending.owned = block
            pending = None
            continue
        pending = None
        if isinstance(block, Table):
            parts.tables.append(block)
        elif isinstance(block, ListBlock):
            parts.lists.append(block)
    return parts


def _header(line: Text, table: dict[str, str]) -> Header | None:
    text = normalise(line.text)
    m = kw.match_start(text, table)
    if m is None:
        return None
    rest = text[m.end :]
    if m.canonical == "states_of":
        colon = rest.find(":")
        if colon < 0:
            return None
        field_name = rest[:colon].strip()
        return Header(m.canonical, line, field_name, line.col + m.end + (len(rest) - len(rest.lstrip())))
    stripped = rest.lstrip()
    if not stripped.startswith(":"):
        return None
    value = stripped[1:]
    offset = m.end + (len(rest) - len(stripped)) + 1
    lead = len(value) - len(value.lstrip())
    return Header(m.canonical, line, value.strip(), line.col + offset + lead)
