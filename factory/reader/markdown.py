"""Markdown (.md, .txt) into the document model.

markdown-it-py (CommonMark + GFM tables) finds the structure from its token
line maps; every text is then cut from the raw source lines, so nothing is
unescaped or reinterpreted (§1). Deliberate departures, all for spec writers:

- an ordered item with any number may follow a paragraph line (`2. x`);
- indented code blocks do not exist: indented lines are ordinary text;
- a table ends at the first line without a `|`; the lines after it are read
  as blocks again (`Access:` right under a field table is a paragraph);
- a header row and delimiter row whose cell counts differ still make a table;
- a list indented deeper than the previous list's last item, with nothing in
  between, becomes that item's children (`1. for each` with `  - step`);
- block quotes are read as if their `>` markers were spaces.

Fenced code, HTML blocks and thematic breaks are skipped (an unclosed fence or
HTML comment is a warning). A list item's lines are its own lines, its lazy
continuation lines, and the lines of any paragraph or table inside it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from factory.diagnostics import Diagnostics
from factory.reader.model import Block, Document, Heading, ListBlock, ListItem, Paragraph, Table, Text

_PARSER = MarkdownIt("commonmark").enable("table").disable("code")
_ORDERED = re.compile(r"^([ \t>]*)(\d{1,9})(?=[.)](?:[ \t]|$))")
_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX = re.compile(r"[ \t]*(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:(?:^|[ \t]+)#+)?[ \t]*$")
_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_FENCE_END = re.compile(r"\s*(`{3,}|~{3,})\s*")
_LISTS = ("bullet_list_open", "ordered_list_open")


def parse_markdown(source: str, path: str, diags: Diagnostics | None = None) -> Document:
    """Blocks of a normalised (`\\n`-separated, BOM-free) Markdown text."""
    src = _Source(source, diags)
    return Document(path=path, format="markdown", blocks=src.blocks(0, len(src.lines)))


class _Source:
    """The raw lines (texts are cut from them) and the copy markdown-it parses."""

    def __init__(self, source: str, diags: Diagnostics | None) -> None:
        raw = source.split("\n")
        # Every ordered marker numbered 1 (same width), so it may interrupt a paragraph.
        self.parsed = [_ORDERED.sub(lambda m: m[1] + "1".zfill(len(m[2])), n) for n in raw]
        self.full = _PARSER.parse("\n".join(self.parsed))
        self.lines = raw
        for tok in self.full:  # `>` markers become spaces, so columns stay right
            if tok.type == "blockquote_open" and tok.map:
                for n in range(*tok.map):
                    m = re.match(r"[ \t>]*", raw[n])
                    raw[n] = m[0].replace(">", " ") + raw[n][m.end() :] if m else raw[n]
        self.diags = diags
        self.warned: set[int] = set()
        self.indent: dict[int, int] = {}  # id(ListItem) -> column of its marker

    def blocks(self, start: int, end: int) -> list[Block]:
        """The blocks of lines [start, end), parsed on their own."""
        if (start, end) == (0, len(self.lines)):
            return _Walker(self, self.full).blocks()
        tokens = _PARSER.parse("\n".join(self.parsed[start:end]))
        for tok in tokens:
            tok.map = [tok.map[0] + start, tok.map[1] + start] if tok.map else None
        return _Walker(self, tokens).blocks()

    def text(self, n: int, start: int = 0) -> Text:
        """Line `n` (0-based) from column `start`, leading blanks skipped, trailing stripped."""
        body = self.lines[n][start:] if n < len(self.lines) else ""
        lead = len(body) - len(body.lstrip())
        return Text(text=body.strip(), line=n + 1, col=start + lead + 1)

    def check(self, tok: Token) -> None:
        """Warn about a fence or HTML comment that swallows the rest of its container."""
        if self.diags is None or not tok.map or tok.map[0] in self.warned:
            return
        a, b = tok.map
        if tok.type == "fence":
            m = _FENCE_END.fullmatch(self.lines[b - 1]) if b - 1 > a else None
            if m and m[1][0] == tok.markup[0] and len(m[1]) >= len(tok.markup):
                return
            code, what = "unclosed-code-block", "code block"
        elif tok.type == "html_block" and tok.content.lstrip().startswith("<!--"):
            if "-->" in tok.content:
                return
            code, what = "unclosed-comment", "HTML comment"
        else:
            return
        self.warned.add(a)
        col = len(self.lines[a]) - len(self.lines[a].lstrip()) + 1
        message = f"this {what} is never closed" + (
            f", so lines {a + 2}-{b} are not read" if b > a + 1 else ""
        )
        self.diags.warning(code, message, a + 1, col)


class _Walker:
    def __init__(self, src: _Source, tokens: list[Token]) -> None:
        self.src = src
        self.tokens = tokens
        self.i = 0

    def blocks(self) -> list[Block]:
        out: list[Block | None] = []
        while self.i < len(self.tokens):
            tok = self.tokens[self.i]
            if tok.type == "heading_open":
                out.append(self._heading(tok))
            elif tok.type == "paragraph_open" and tok.map:
                out.extend(self._paragraph(*tok.map))
            elif tok.type in _LISTS:
                out.append(self._list())
                continue
            elif tok.type == "table_open" and tok.map:
                self._skip_to("table_close", tok.level)
                out.extend(self._table(*tok.map))
            elif tok.type in ("fence", "html_block", "hr"):
                self.src.check(tok)
                out.append(None)  # separates lists that would otherwise be joined
            self.i += 1
        return [b for b in _nest(out, self.src.indent) if b is not None]

    def _skip_to(self, close: str, level: int) -> None:
        while self.i < len(self.tokens) and not (
            self.tokens[self.i].type == close and self.tokens[self.i].level == level
        ):
            self.i += 1

    def _heading(self, tok: Token) -> Heading:
        start, end = tok.map if tok.map else (0, 1)
        level = int(tok.tag[1:])
        raw = self.src.lines[start] if start < len(self.src.lines) else ""
        m = _ATX.match(raw) if tok.markup.startswith("#") else None
        if m is None:  # setext: the lines above the underline
            parts = [self.src.text(n) for n in range(start, max(start + 1, end - 1))]
            first = parts[0]
            joined = " ".join(p.text for p in parts if p.text)
            return Heading(level=level, text=Text(text=joined, line=first.line, col=first.col))
        body = raw[m.end() :]
        close = _ATX_CLOSE.search(body)
        body = body[: close.start()] if close else body
        return Heading(level=level, text=Text(text=body.strip(), line=start + 1, col=m.end() + 1))

    def _paragraph(self, start: int, end: int) -> list[Block]:
        lines = self.src.lines
        for n in range(start, end - 1):  # a table whose delimiter row does not fit its header
            if _PIPE.search(lines[n]) and "|" in lines[n + 1] and _DELIMITER.fullmatch(lines[n + 1]):
                before = [Paragraph(lines=[self.src.text(k) for k in range(start, n)])]
                return [*before[: n > start], *self._table(n, end)]
        return [Paragraph(lines=[self.src.text(n) for n in range(start, end)])]

    def _table(self, start: int, end: int) -> list[Block]:
        lines = self.src.lines
        header = split_row(lines[start], start + 1)
        n = start + 2
        while n < end and _PIPE.search(lines[n]):
            n += 1
        rows = [split_row(lines[k], k + 1) for k in range(start + 2, n)]
        tail = self.src.blocks(n, end) if n < end else []
        return [Table(header=header, rows=rows, line=start + 1), *tail]

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
        raw = self.src.lines[start] if start < len(self.src.lines) else ""
        m = _MARKER.match(raw)
        first = self.src.text(start, m.end()) if m else self.src.text(start)
        numbers: dict[int, None] = {}  # line numbers, in order
        sublists: list[Block | None] = []
        self.i += 1
        while self.i < len(self.tokens) and not (
            self.tokens[self.i].type == "list_item_close" and self.tokens[self.i].level == open_tok.level
        ):
            tok = self.tokens[self.i]
            if tok.type in _LISTS:
                sublists.append(self._list())
                continue
            if tok.type in ("paragraph_open", "table_open", "heading_open") and tok.map:
                sublists.extend([None] if sublists else [])  # text between two nested lists
                numbers.update(dict.fromkeys(n for n in range(*tok.map) if n != start))
            elif tok.type in ("fence", "html_block", "hr"):
                self.src.check(tok)
                sublists.append(None)
            self.i += 1
        self.i += 1
        lines = [first, *(self.src.text(n) for n in numbers)]
        if not first.text and len(lines) > 1:
            lines = lines[1:]
        nested = _nest(sublists, self.src.indent)
        children = [c for b in nested if isinstance(b, ListBlock) for c in b.items]
        item = ListItem(lines=lines, children=children, ordered=ordered)
        self.src.indent[id(item)] = len(re.sub(r"\S.*", "", raw).expandtabs(4))
        return item


def _nest(blocks: list[Block | None], indent: dict[int, int]) -> list[Block | None]:
    """Join a list indented deeper than the last item before it into that item's children."""
    out: list[Block | None] = []
    joined = False
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, ListBlock) and isinstance(prev, ListBlock) and block.items:
            col = indent.get(id(block.items[0]), 0)
            parent: ListItem | None = None
            item = prev.items[-1] if prev.items else None
            while item is not None and indent.get(id(item), 0) < col:
                parent, item = item, (item.children[-1] if item.children else None)
            if parent is not None:
                parent.children.extend(block.items)
                joined = True
                continue
            if joined and block.ordered == prev.ordered:  # the rest of a list split by the above
                prev.items.extend(block.items)
                continue
        joined = False
        out.append(block)
    return out


def split_row(raw: str, line: int) -> list[Text]:
    """Cut a raw table row at unescaped `|`; `\\|` becomes `|` inside a cell."""
    body = raw.rstrip()
    start = len(body) - len(body.lstrip())
    start += body[start : start + 1] == "|"
    end = len(body) - (len(body) > start and _PIPE.search(body, len(body) - 1) is not None)
    cells: list[Text] = []
    for part in _PIPE.split(body[start:end]):
        lead = len(part) - len(part.lstrip())
        cells.append(Text(text=part.strip().replace("\\|", "|"), line=line, col=start + lead + 1))
        start += len(part) + 1
    return cells
