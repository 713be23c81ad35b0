"""Split a document into its title, description and `##` sections (§1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from factory.analyst import keywords as kw
from factory.analyst.text import normalise
from factory.diagnostics import Diagnostics
from factory.reader.model import (
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    Text,
)

ITEM_SECTIONS = frozenset({"entities", "actions", "scenarios"})


@dataclass
class Item:
    """A `###` subsection: one entity, action or scenario."""

    heading: Text
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Section:
    kind: str | None  # canonical section name; None for an unknown section
    heading: Text
    blocks: list[Block] = field(default_factory=list)  # before the first `###`
    items: list[Item] = field(default_factory=list)


@dataclass
class Outline:
    title: Text | None
    description: str
    sections: dict[str, Section]
    unknown: list[Section]
    chinese: bool  # the first recognised `##` heading is Chinese


def block_text(block: Block) -> str:
    """The raw text of a block, for README copies of descriptions."""
    if isinstance(block, Heading):
        return "#" * block.level + " " + block.text.text
    if isinstance(block, Paragraph):
        return "\n".join(t.text for t in block.lines)
    if isinstance(block, ListBlock):
        return "\n".join(_item_lines(block.items, 0, block.ordered))
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return "\n".join("| " + " | ".join(c.text.replace("|", "\\|") for c in r) + " |" for r in rows)
    return ""


def _item_lines(items: list[ListItem], depth: int, ordered: bool) -> list[str]:
    out: list[str] = []
    for n, item in enumerate(items, 1):
        marker = f"{n}." if ordered else "-"
        out.append("  " * depth + f"{marker} {item.text}")
        out.extend(_item_lines(item.children, depth + 1, item.ordered))
    return out


def outline(doc: Document, diags: Diagnostics) -> Outline:
    title: Text | None = None
    description: list[str] = []
    sections: dict[str, Section] = {}
    unknown: list[Section] = []
    chinese: bool | None = None
    current: Section | None = None
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level == 1 and title is None and current is None:
            title = block.text
            continue
        if isinstance(block, Heading) and block.level == 2:
            name = normalise(block.text.text).strip().rstrip(":").strip()
            kind = kw.SECTIONS.get(name.lower())
            current = Section(kind, block.text)
            if kind is None:
                diags.warning(
                    "unknown-section",
                    f"unknown section '{name}': its text goes to the README",
                    block.text.line,
                    block.text.col,
                    suggestion=_suggest_section(name),
                )
                unknown.append(current)
            elif kind in sections:
                first = sections[kind].heading
                diags.error(
                    "duplicate-section",
                    f"section '{name}' appears twice (first at line {first.line})",
                    block.text.line,
                    block.text.col,
                )
            else:
                sections[kind] = current
                if chinese is None:
                    chinese = kw.is_chinese(name)
            continue
        if current is None:
            if title is not None or not isinstance(block, Heading):
                description.append(block_text(block))
            continue
        if isinstance(block, Heading) and block.level == 3 and current.kind in ITEM_SECTIONS:
            current.items.append(Item(block.text))
        elif current.items:
            current.items[-1].blocks.append(block)
        else:
            current.blocks.append(block)
    return Outline(title, "\n\n".join(description).strip(), sections, unknown, bool(chinese))


def _suggest_section(name: str) -> str | None:
    from factory.diagnostics import suggest

    return suggest(
        name,
        [k for k in kw.SECTIONS if k.isascii()] + [k.title() for k in kw.SECTIONS if k.isascii()],
    )
