"""Markdown (.md, .txt) into the document model.

markdown-it-py finds the structure (its tokens carry source line ranges); the
text of headings, paragraph lines, list items and table cells is then cut from
the raw source lines, so nothing is unescaped or reinterpreted (§1). Code
blocks, HTML blocks and block quotes are not spec content and are skipped.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

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

_PARSER = MarkdownIt("commonmark").enable("table")
_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX = re.compile(r"\s{0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_SKIPPED = {"blockquote_open": "blockquote_close"}


def parse_markdown(source: str, path: str) -> Document:
    lines = source.split("\n")
    tokens = _PARSER.parse(source)
    return Document(path=path, format="markdown", blocks=_Walker(tokens, lines).blocks())


def _text(lines: list[str], index: int, start: int = 0) -> Text:
    """Line `index` (0-based) from column `start`, leading blanks skipped, trailing stripped."""
    raw = lines[index] if index < len(lines) else ""
    body = raw[start:]
    lead = len(body) - len(body.lstrip())
    return Text(text=body.strip(), line=index + 1, col=start + lead + 1)


class _Walker:
    def __init__(self, tokens: list[Token], lines: list[str]) -> None:
        self.tokens = tokens
        self.lines = lines
        self.i = 0

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        while self.i < len(self.tokens):
            tok = self.tokens[self.i]
            if tok.type == "heading_open":
                out.append(self._heading(tok))
            elif tok.type == "paragraph_open":
                out.append(Paragraph(lines=self._paragraph_lines(tok)))
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                out.append(self._list())
                continue
            elif tok.type == "table_open":
                out.append(self._table(tok))
            elif tok.type in _SKIPPED:
                self._skip_to(_SKIPPED[tok.type], tok.level)
            self.i += 1
        return out

    def _skip_to(self, close: str, level: int) -> None:
        while self.i < len(self.tokens) and not (
            self.tokens[self.i].type == close and self.tokens[self.i].level == level
        ):
            self.i += 1

    def _heading(self, tok: Token) -> Heading:
        start = tok.map[0] if tok.map else 0
        level = int(tok.tag[1:])
        raw = self.lines[start] if start < len(self.lines) else ""
        m = _ATX.match(raw) if tok.markup.startswith("#") else None
        if m is None:  # setext heading: the text is the line itself
            return Heading(level=level, text=_text(self.lines, start))
        body = raw[m.end() :]
        close = _ATX_CLOSE.search(body)
        body = body[: close.start()] if close else body
        return Heading(level=level, text=Text(text=body.strip(), line=start + 1, col=m.end() + 1))

    def _paragraph_lines(self, tok: Token) -> list[Text]:
        start, end = tok.map if tok.map else (0, 0)
        return [_text(self.lines, n) for n in range(start, end)]

    def _list(self) -> ListBlock:
        open_tok = self.tokens[self.i]
        close = open_tok.type.replace("_open", "_close")
        ordered = open_tok.type == "ordered_list_open"
        items: list[ListItem] = []
        self.i += 1
        while self.i < len(self.tokens) and not (
            self.tokens[self.i].type == close and self.tokens[self.i].level == open_tok.level
        ):
            if self.tokens[self.i].type == "list_item_open":
                items.append(self._item(ordered))
            else:
                self.i += 1
        self.i += 1
        line = open_tok.map[0] + 1 if open_tok.map else 0
        return ListBlock(items=items, ordered=ordered, line=line)

    def _item(self, ordered: bool) -> ListItem:
        open_tok = self.tokens[self.i]
        start = open_tok.map[0] if open_tok.map else 0
        raw = self.lines[start] if start < len(self.lines) else ""
        m = _MARKER.match(raw)
        first = (
            Text(text=raw[m.end() :].strip(), line=start + 1, col=m.end() + 1)
            if m
            else _text(self.lines, start)
        )
        lines: list[Text] = [first]
        children: list[ListItem] = []
        seen_first_paragraph = False
        self.i += 1
        while self.i < len(self.tokens) and not (
            self.tokens[self.i].type == "list_item_close" and self.tokens[self.i].level == open_tok.level
        ):
            tok = self.tokens[self.i]
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                children.extend(self._list().items)
                continue
            if tok.type == "paragraph_open" and tok.map:
                begin = tok.map[0] + (0 if seen_first_paragraph or tok.map[0] != start else 1)
                seen_first_paragraph = True
                lines.extend(_text(self.lines, n) for n in range(begin, tok.map[1]))
            elif tok.type == "table_open" and tok.map:
                lines.extend(_text(self.lines, n) for n in range(tok.map[0], tok.map[1]))
                self._skip_to("table_close", tok.level)
            self.i += 1
        self.i += 1
        if not first.text and len(lines) > 1:
            lines = lines[1:]
        return ListItem(lines=lines, children=children, ordered=ordered)

    def _table(self, tok: Token) -> Table:
        start, end = tok.map if tok.map else (0, 0)
        self._skip_to("table_close", tok.level)
        header = split_row(self.lines[start], start + 1)
        rows = [split_row(self.lines[n], n + 1) for n in range(start + 2, end) if self.lines[n].strip()]
        return Table(header=header, rows=rows, line=start + 1)


def split_row(raw: str, line: int) -> list[Text]:
    """Cut a raw table row at unescaped `|`; `\\|` becomes `|` inside a cell."""
    cells: list[Text] = []
    i = len(raw) - len(raw.lstrip())
    end = len(raw.rstrip())
    if i < end and raw[i] == "|":
        i += 1
    if end > i and raw[end - 1] == "|" and (end < 2 or raw[end - 2] != "\\"):
        end -= 1
    cell_start = i
    buf: list[str] = []
    while i <= end:
        ch = raw[i] if i < end else "|"
        if ch == "\\" and i + 1 < end and raw[i + 1] == "|":
            buf.append("|")
            i += 2
            continue
        if ch == "|":
            text = "".join(buf)
            lead = len(text) - len(text.lstrip())
            cells.append(Text(text=text.strip(), line=line, col=cell_start + lead + 1))
            buf = []
            cell_start = i + 1
        else:
            buf.append(ch)
        i += 1
    return cells
