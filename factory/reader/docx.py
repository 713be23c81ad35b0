"""`.docx` into the document model, by way of the equivalent Markdown (§1).

The body is walked in order (paragraphs and tables, also inside content
controls) and written out as Markdown lines, remembering where each came from;
the Markdown reader does the rest and positions are mapped back:

- `line` is the paragraph number: body paragraphs and tables are numbered
  1, 2, 3… in order (empty paragraphs count too); every row of a table carries
  the table's number.
- `col` is the character position inside the paragraph (inside a table, inside
  the row written as Markdown, `| a | b |`).

Headings: `Heading N` (or a style based on it, or an outline level) is level N,
`Title` level 1; when a document has both a Title and `Heading 1`, headings
move down one (Title `#`, Heading 1 `##`). Lists: numbered paragraphs or
`List Bullet`/`List Number` styles, nested by numbering level, ordered unless
the level is a bullet; empty list paragraphs are dropped. Text is read from
the runs, including tracked insertions and excluding deletions, field codes,
ruby guides and text boxes. Any other paragraph is read as Markdown, so specs
pasted into Word as plain text (`## Entities`, `- item`, `| a | b |`) work.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from docx import Document as open_docx
from docx.oxml.ns import qn

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

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_SKIP = {
    _MC,
    *(qn(f"w:{t}") for t in ["del", "moveFrom", "drawing", "pict", "instrText", "rt", "pPr", "rPr"]),
}
_HEADING = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
_LIST_STYLE = re.compile(r"list (?:bullet|number)(?: (\d))?", re.I)


@dataclass
class _Style:
    name: str = ""
    based_on: str = ""
    outline: int | None = None
    num: tuple[str, int] | None = None  # (numId, level)


@dataclass
class _Out:
    """Markdown lines, each with its paragraph number and column shift."""

    lines: list[str] = field(default_factory=list)
    origin: list[tuple[int, int]] = field(default_factory=list)

    def add(self, text: str, para: int, shift: int = 0) -> None:
        self.lines.append(text)
        self.origin.append((para, shift))

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.add("", 0)


def read_docx(data: bytes, path: str, diags: Diagnostics) -> Document | None:
    """The document in a .docx file's bytes, or None after an error."""
    try:
        doc = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        why = "it is not a zip archive" if data[:2] != b"PK" else (str(exc) or type(exc).__name__)
        diags.error("bad-docx", f"not a readable .docx document: {why}", 1, 1)
        return None
    styles, default = _styles(doc.styles.element)
    formats = _formats(doc.part.numbering_part.element)
    items = list(_walk(doc.element.body, styles, default, formats))
    out = _markdown(items)
    if not "".join(out.lines).strip():
        diags.error("empty-input", "the document is empty", 1, 1)
        return None
    found = Diagnostics(path)
    parsed = parse_markdown("\n".join(out.lines), path, found)
    for d in found.items:
        at = _text(Text(text="", line=d.line, col=d.col), out.origin)
        diags.add(d.severity, d.code, d.message, at.line, at.col)
    blocks = [_remap(b, out.origin) for b in parsed.blocks]
    return Document(path=path, format="docx", blocks=blocks)


class _Part(NamedTuple):
    number: int
    kind: str  # heading, item, text or table
    text: Any  # str, or the rows of a table
    level: int = 0  # heading level (0 = Title) or list nesting level
    ordered: bool = False


def _walk(
    body: Any, styles: dict[str, _Style], default: str, formats: dict[str, dict[int, str]]
) -> Iterator[_Part]:
    """Each body paragraph and table, in order, numbered."""
    number = 0
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        if el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            stack.extend(reversed(el))
        elif el.tag == qn("w:p"):
            number += 1
            ppr = el.find(qn("w:pPr"))
            sid = _val(ppr, "w:pStyle") or default
            text = _run_text(el)
            level = _heading(sid, ppr, styles)
            if level is not None:
                yield _Part(number, "heading", text, level)
                continue
            num = _numbering(sid, ppr, styles)
            if num is None:
                yield _Part(number, "text", text)
            elif text.strip():
                fmt = formats.get(num[0], {}).get(num[1])
                ordered = fmt not in ("bullet", "none") if fmt else _is_numbered(sid, styles)
                yield _Part(number, "item", text, num[1], ordered)
        elif el.tag == qn("w:tbl"):
            number += 1
            rows = [[_cell(tc) for tc in tr if tc.tag == qn("w:tc")] for tr in el]
            yield _Part(number, "table", [r for r in rows if r])


def _markdown(items: list[_Part]) -> _Out:
    out = _Out()
    levels = {part.level for part in items if part.kind == "heading"}
    shift = 1 if 0 in levels and 1 in levels else 0  # Title plus Heading 1
    previous, depth = "", -1
    for number, kind, text, level, ordered in items:
        if kind == "heading":
            out.blank()
            _add(out, "#" * min(6, max(1, level + shift)) + " ", text, number)
            out.blank()
        elif kind == "item":
            if previous != "item":
                out.blank()
                depth = -1
            depth = min(level, depth + 1)
            _add(out, "    " * depth + ("1. " if ordered else "- "), text, number)
        elif kind == "table":
            out.blank()
            for i, row in enumerate(text):
                out.add("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |", number)
                if i == 0:
                    out.add("|" + " --- |" * len(row), number)
            out.blank()
        elif not text.strip():
            out.blank()
        else:
            kind = "row" if text.lstrip().startswith("|") else "text"
            if kind == "text" or previous != "row":
                out.blank()
            offset = 0
            for line in text.split("\n"):
                out.add(line, number, offset)
                offset += len(line) + 1
        previous = kind
    return out


def _cell(tc: Any) -> str:
    return " ".join(_run_text(tc).split())


def _add(out: _Out, prefix: str, text: str, number: int) -> None:
    flat = text.replace("\n", " ")
    lead = len(flat) - len(flat.lstrip())
    out.add(prefix + flat.strip(), number, lead - len(prefix))


def _run_text(el: Any) -> str:
    parts: list[str] = []
    for child in el:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:ptab")):
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:p"):  # a paragraph inside a table cell
            parts.append(_run_text(child) + "\n")
        elif isinstance(tag, str) and tag not in _SKIP:
            parts.append(_run_text(child))
    return "".join(parts)


def _val(parent: Any, tag: str) -> str:
    child = parent.find(qn(tag)) if parent is not None else None
    return (child.get(qn("w:val")) or "") if child is not None else ""


def _styles(root: Any) -> tuple[dict[str, _Style], str]:
    """Paragraph styles by id, and the id of the default one."""
    styles: dict[str, _Style] = {}
    default = ""
    for el in root.iter(qn("w:style")):
        if el.get(qn("w:type")) not in (None, "paragraph"):
            continue
        ppr = el.find(qn("w:pPr"))
        outline = _val(ppr, "w:outlineLvl")
        sid = el.get(qn("w:styleId")) or ""
        if el.get(qn("w:default")) in ("1", "true"):
            default = sid
        styles[sid] = _Style(
            name=_val(el, "w:name"),
            based_on=_val(el, "w:basedOn"),
            outline=int(outline) if outline.isdigit() else None,
            num=_num(ppr),
        )
    return styles, default


def _chain(sid: str, styles: dict[str, _Style]) -> list[_Style]:
    chain: list[_Style] = []
    while sid in styles and len(chain) < 12:
        chain.append(styles[sid])
        sid = styles[sid].based_on
    return chain


def _heading(sid: str, ppr: Any, styles: dict[str, _Style]) -> int | None:
    """0 for Title, N for Heading N (or outline level N-1), None for body text."""
    own = _val(ppr, "w:outlineLvl")
    if own.isdigit():
        return int(own) + 1 if int(own) < 9 else None
    for style in _chain(sid, styles):
        name = style.name.lower().strip()
        m = _HEADING.fullmatch(name)
        if m or name in ("title", "标题"):
            return int(m[1]) if m else 0
        if style.outline is not None:
            return style.outline + 1 if style.outline < 9 else None
    return None


def _num(ppr: Any) -> tuple[str, int] | None:
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None
    level = _val(numpr, "w:ilvl")
    return _val(numpr, "w:numId"), int(level) if level.isdigit() else 0


def _numbering(sid: str, ppr: Any, styles: dict[str, _Style]) -> tuple[str, int] | None:
    """(numId, level) of a list paragraph, None for other paragraphs."""
    own = _num(ppr)
    if own is not None:
        return None if own[0] in ("", "0") else own
    for style in _chain(sid, styles):
        m = _LIST_STYLE.fullmatch(style.name.strip())
        if m:
            return (style.num[0] if style.num else ""), (int(m[1]) - 1 if m[1] else 0)
        if style.num is not None and style.num[0] not in ("", "0"):
            return style.num
    return None


def _is_numbered(sid: str, styles: dict[str, _Style]) -> bool:
    return any("number" in s.name.lower() for s in _chain(sid, styles))


def _formats(root: Any) -> dict[str, dict[int, str]]:
    """numId -> {level: numFmt} from the numbering part."""
    abstract: dict[str, dict[int, str]] = {}
    for el in root.iter(qn("w:abstractNum")):
        levels = abstract.setdefault(el.get(qn("w:abstractNumId")) or "", {})
        for lvl in el.iter(qn("w:lvl")):
            level = lvl.get(qn("w:ilvl")) or "0"
            levels[int(level) if level.isdigit() else 0] = _val(lvl, "w:numFmt")
    return {
        el.get(qn("w:numId")) or "": abstract.get(_val(el, "w:abstractNumId"), {})
        for el in root.iter(qn("w:num"))
    }


def _text(t: Text, origin: list[tuple[int, int]]) -> Text:
    para, shift = origin[t.line - 1] if 0 < t.line <= len(origin) else (t.line, 0)
    return Text(text=t.text, line=para, col=max(1, t.col + shift))


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
    line = _text(Text(text="", line=block.line, col=1), origin).line
    if isinstance(block, ListBlock):
        return ListBlock(items=[_item(i, origin) for i in block.items], ordered=block.ordered, line=line)
    return Table(
        header=[_text(t, origin) for t in block.header],
        rows=[[_text(t, origin) for t in r] for r in block.rows],
        line=line,
    )
