"""The document model: what the reader hands to the analyst.

A flat sequence of blocks in document order. Every piece of text is kept raw
(as written in the source, no Markdown unescaping) with its 1-based line and
column, so diagnostics can point at it. For `.docx` input, `line` is the
paragraph number and `col` the character offset within it (1-based).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class Text(BaseModel):
    """A raw piece of source text and where it starts."""

    model_config = ConfigDict(frozen=True)

    text: str
    line: int
    col: int


class Heading(BaseModel):
    kind: Literal["heading"] = "heading"
    level: int
    text: Text


class Paragraph(BaseModel):
    """A paragraph, one `Text` per physical line (header lines live inside paragraphs)."""

    kind: Literal["paragraph"] = "paragraph"
    lines: list[Text]


class ListItem(BaseModel):
    """One list item: its own text lines (marker stripped) and nested items."""

    kind: Literal["item"] = "item"
    lines: list[Text]
    children: list[ListItem] = []
    ordered: bool = False

    @property
    def text(self) -> str:
        return " ".join(t.text.strip() for t in self.lines)

    @property
    def first(self) -> Text:
        return self.lines[0]


class ListBlock(BaseModel):
    kind: Literal["list"] = "list"
    items: list[ListItem]
    ordered: bool = False
    line: int


class Table(BaseModel):
    """A GFM table. Cells are raw and stripped, with `\\|` already turned into `|`.

    `rows` keep every cell the source had, even beyond the header's width, so
    the analyst can report rows with too many cells.
    """

    kind: Literal["table"] = "table"
    header: list[Text]
    rows: list[list[Text]]
    line: int


Block = Heading | Paragraph | ListBlock | Table


class Document(BaseModel):
    path: str
    format: Literal["markdown", "docx"]
    blocks: list[Block]
