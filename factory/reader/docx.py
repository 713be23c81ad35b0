"""`.docx` into the document model, by way of the equivalent Markdown (§1).

Headings (Heading N / Title styles), list paragraphs (numbering or List styles,
nested by level) and tables are written out as Markdown lines, remembering the
paragraph each line came from; the Markdown reader then does the rest, and
positions are mapped back: `line` is the paragraph number in the body (a table
counts as one) and `col` the character position inside that paragraph.
Markdown typed literally into Word paragraphs (`## Entities`, `- item`,
`| a | b |`) is read as Markdown, since many people paste specs that way.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from factory.diagnostics import Diagnostics
from factory.reader.markdown import parse_markdown
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

_HEADING = re.compile(r"heading\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list(?:\s+\w+)*?(?:\s+(\d))?$", re.I)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: list[tuple[int, int]] = []  # (paragraph number, prefix length)

    def add(self, text: str, para: int, prefix: int = 0) -> None:
        self.lines.append(text)
        self.origin.append((para, prefix))

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("", 0)


def read_docx(data: bytes, path: str, diags: Diagnostics) -> Document | None:
    try:
        doc = open_docx(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        diags.error("bad-docx", f"not a readable .docx document: {exc}", 1, 1)
        return None
    except Exception as exc:  # python-docx raises many kinds on damaged files
        diags.error("bad-docx", f"not a readable .docx document: {type(exc).__name__}", 1, 1)
        return None
    out = _Lines()
    number = 0
    previous = ""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            number += 1
            previous = _paragraph(DocxParagraph(child, doc), number, out, previous)
        elif child.tag == qn("w:tbl"):
            number += 1
            out.blank()
            _table(DocxTable(child, doc), number, out)
            out.blank()
            previous = "table"
    text = "\n".join(out.lines)
    if not text.strip():
        diags.error("empty-input", "the document is empty", 1, 1)
        return None
    parsed = parse_markdown(text, path)
    return Document(path=path, format="docx", blocks=[_remap(b, out.origin) for b in parsed.blocks])


def _paragraph(p: DocxParagraph, number: int, out: _Lines, previous: str) -> str:
    text = p.text.replace("\r", "")
    style = (p.style.name if p.style is not None else "") or ""
    heading = _HEADING.match(style)
    level = int(heading.group(1)) if heading else (1 if style.lower() == "title" else 0)
    if level:
        out.blank()
        prefix = "#" * min(level, 6) + " "
        out.add(prefix + " ".join(text.split()), number, len(prefix))
        out.blank()
        return "heading"
    depth = _list_depth(p, style)
    if depth is not None:
        if previous not in ("list",):
            out.blank()
        prefix = "  " * depth + "- "
        out.add(prefix + " ".join(text.split("\n")), number, len(prefix))
        return "list"
    if not text.strip():
        out.blank()
        return "blank"
    kind = "row" if text.lstrip().startswith("|") else "text"
    if kind == "text" or previous != "row":
        out.blank()
    for line in text.split("\n"):
        out.add(line, number)
    return kind


def _list_depth(p: DocxParagraph, style: str) -> int | None:
    ppr = p._p.pPr
    numpr: Any = ppr.numPr if ppr is not None else None  # python-docx's oxml types are dynamic
    if numpr is not None and numpr.numId is not None:
        ilvl = numpr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0
    m = _LIST_STYLE.match(style.strip())
    if m and style.lower().startswith("list"):
        return int(m.group(1)) - 1 if m.group(1) else 0
    return None


def _table(table: DocxTable, number: int, out: _Lines) -> None:
    for i, row in enumerate(table.rows):
        cells = [" ".join(c.text.split()).replace("|", "\\|") for c in row.cells]
        out.add("| " + " | ".join(cells) + " |", number)
        if i == 0:
            out.add("|" + " --- |" * len(cells), number)


def _text(t: Text, origin: list[tuple[int, int]]) -> Text:
    para, prefix = origin[t.line - 1] if 0 < t.line <= len(origin) else (t.line, 0)
    return Text(text=t.text, line=para, col=max(1, t.col - prefix))


def _item(item: ListItem, origin: list[tuple[int, int]]) -> ListItem:
    return ListItem(
        lines=[_text(t, origin) for t in item.lines],
        children=[_item(c, origin) for c in item.children],
        ordered=item.ordered,
    )


def _remap(block: Block, origin: list[tuple[int, int]]) -> Block:
    if isinstance(block, Heading):
        return Heading(level=block.level, text=_text(block.text, origin))
    if isinstance(block, Paragraph):
        return Paragraph(lines=[_text(t, origin) for t in block.lines])
    if isinstance(block, ListBlock):
        line = origin[block.line - 1][0] if 0 < block.line <= len(origin) else block.line
        return ListBlock(items=[_item(i, origin) for i in block.items], ordered=block.ordered, line=line)
    line = origin[block.line - 1][0] if 0 < block.line <= len(origin) else block.line
    return Table(
        header=[_text(t, origin) for t in block.header],
        rows=[[_text(t, origin) for t in r] for r in block.rows],
        line=line,
    )
