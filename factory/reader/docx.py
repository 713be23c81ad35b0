"""`.docx` into the document model, by way of the equivalent Markdown (§1).

The body is walked in order (paragraphs and tables, also inside content
controls) and written out as Markdown lines that remember where they came
from; the Markdown reader does the rest, and positions are mapped back:

- `line` is the paragraph number: body paragraphs (empty ones too) and tables
  are numbered 1, 2, 3… in order; every row of a table carries its number.
- `col` is the character position in the paragraph (in a table: in the row
  written as Markdown, `| a | b |`).

Headings: `Heading N`, a style based on it or outline level N-1 is level N, and
`Title` level 1; a document with both a Title and `Heading 1` moves its
headings down one (Title `#`, Heading 1 `##`). Lists: numbered paragraphs and
`List Bullet`/`List Number` styles, nested by numbering level, ordered unless
the level is a bullet; empty list paragraphs are dropped. Text comes from the
runs, with tracked insertions, without deletions, field codes, ruby guides and
text boxes. Other paragraphs are read as Markdown, so a spec pasted into Word
as plain text (`## Entities`, `- item`, `| a | b |`) reads as it would in a .md.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from docx import Document as open_docx
from docx.oxml.ns import qn

from factory.diagnostics import Diagnostics
from factory.reader.markdown import parse_markdown
from factory.reader.model import Document

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_SKIP = {_MC, *(qn("w:" + t) for t in ("del", "moveFrom", "drawing", "pict", "instrText", "rt", "pPr"))}
_HEADING = re.compile(r"(?:heading|标题) ?(\d)|(title|标题)", re.I)
_LIST_STYLE = re.compile(r"list (?:bullet|number)(?: (\d))?", re.I)


class _Part(NamedTuple):
    number: int
    kind: str  # heading, item, text or table
    text: Any  # str, or a table's rows
    level: int = 0  # heading level (0 = Title) or list nesting level
    ordered: bool = False


def read_docx(data: bytes, path: str, diags: Diagnostics) -> Document | None:
    """The document in a .docx file's bytes, or None after an error."""
    try:
        doc = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on damaged files
        why = "it is not a zip archive" if data[:2] != b"PK" else (str(exc) or type(exc).__name__)
        diags.error("bad-docx", f"not a readable .docx document: {why}", 1, 1)
        return None
    styles = _Styles(doc.styles.element, doc.part.numbering_part.element)
    lines, origin = _markdown(list(_walk(doc.element.body, styles)))
    if not "".join(lines).strip():
        diags.error("empty-input", "the document is empty", 1, 1)
        return None
    found = Diagnostics(path)
    parsed = parse_markdown("\n".join(lines), path, found)
    for d in found.items:
        at = _remap({"line": d.line, "col": d.col}, origin)
        diags.add(d.severity, d.code, d.message, at["line"], at["col"])
    blocks = [type(b).model_validate(_remap(b.model_dump(), origin)) for b in parsed.blocks]
    return Document(path=path, format="docx", blocks=blocks)


def _walk(body: Any, styles: _Styles) -> Iterator[_Part]:
    """Each body paragraph and table in order, numbered."""
    number = 0
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        if el.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            stack.extend(reversed(el))
        elif el.tag == qn("w:p"):
            number += 1
            text = _run_text(el)
            kind, level, ordered = styles.kind(el.find(qn("w:pPr")))
            if kind != "item" or text.strip():
                yield _Part(number, kind, text, level, ordered)
        elif el.tag == qn("w:tbl"):
            number += 1
            rows = [[" ".join(_run_text(c).split()) for c in tr if c.tag == qn("w:tc")] for tr in el]
            yield _Part(number, "table", [r for r in rows if r])


def _markdown(parts: list[_Part]) -> tuple[list[str], list[tuple[int, int]]]:
    """Markdown lines, and for each its paragraph number and column shift."""
    lines: list[str] = []
    origin: list[tuple[int, int]] = []

    def add(text: str, number: int, shift: int = 0) -> None:
        lines.append(text)
        origin.append((number, shift))

    def blank() -> None:
        if lines and lines[-1]:
            add("", 0)

    def prefixed(prefix: str, text: str, number: int) -> None:
        flat = text.replace("\n", " ")
        add(prefix + flat.strip(), number, len(flat) - len(flat.lstrip()) - len(prefix))

    levels = {p.level for p in parts if p.kind == "heading"}
    shift = 1 if {0, 1} <= levels else 0
    previous, depth = "", -1
    for number, kind, text, level, ordered in parts:
        if kind == "heading":
            blank()
            prefixed("#" * min(6, max(1, level + shift)) + " ", text, number)
            blank()
        elif kind == "item":
            if previous != "item":
                blank()
            depth = min(level, depth + 1) if previous == "item" else 0
            prefixed("    " * depth + ("1. " if ordered else "- "), text, number)
        elif kind == "table":
            blank()
            for i, row in enumerate(text):
                add("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |", number)
                if i == 0:
                    add("|" + " --- |" * len(row), number)
            blank()
        elif not text.strip():
            blank()
        else:  # read as Markdown; rows of a pasted table stay together
            kind = "row" if text.lstrip().startswith("|") else "text"
            if kind == "text" or previous != "row":
                blank()
            offset = 0
            for line in text.split("\n"):
                add(line, number, offset)
                offset += len(line) + 1
        previous = kind
    return lines, origin


def _remap(node: Any, origin: list[tuple[int, int]]) -> Any:
    """A dumped block with Markdown line/col turned into paragraph number/col."""
    if isinstance(node, list):
        return [_remap(v, origin) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _remap(v, origin) for k, v in node.items()}
    if "line" in node:
        number, shift = origin[node["line"] - 1] if 0 < node["line"] <= len(origin) else (1, 0)
        node["line"] = number
        if "col" in node:
            node["col"] = max(1, node["col"] + shift)
    return node


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


def _num(ppr: Any) -> tuple[str, int | None] | None:
    """(numId, level) of a `w:numPr`; either may be missing ("" / None)."""
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None
    level = _val(numpr, "w:ilvl")
    return _val(numpr, "w:numId"), int(level) if level.isdigit() else None


class _Styles:
    """Paragraph styles (by id, with their `basedOn` chains) and numbering formats."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self.pprs: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.based: dict[str, str] = {}
        self.default = ""
        for el in styles.iter(qn("w:style")):
            if el.get(qn("w:type")) in (None, "paragraph"):
                sid = el.get(qn("w:styleId")) or ""
                self.pprs[sid] = el.find(qn("w:pPr"))
                self.names[sid] = _val(el, "w:name").strip()
                self.based[sid] = _val(el, "w:basedOn")
                self.default = sid if el.get(qn("w:default")) in ("1", "true") else self.default
        abstract: dict[str, dict[int, str]] = {}
        for el in numbering.iter(qn("w:abstractNum")):
            formats = abstract.setdefault(el.get(qn("w:abstractNumId")) or "", {})
            for lvl in el.iter(qn("w:lvl")):
                level = lvl.get(qn("w:ilvl")) or ""
                formats[int(level) if level.isdigit() else 0] = _val(lvl, "w:numFmt")
        self.formats = {
            el.get(qn("w:numId")) or "": abstract.get(_val(el, "w:abstractNumId"), {})
            for el in numbering.iter(qn("w:num"))
        }

    def kind(self, ppr: Any) -> tuple[str, int, bool]:
        """("heading", level, _), ("item", nesting, ordered) or ("text", 0, False)."""
        chain: list[tuple[str, Any]] = [("", ppr)]  # the paragraph, its style, what that is based on
        sid = _val(ppr, "w:pStyle") or self.default
        while sid in self.pprs and len(chain) < 12 and sid not in (c[0] for c in chain):
            chain.append((self.names[sid], self.pprs[sid]))
            sid = self.based[sid]
        for name, own in chain:
            m = _HEADING.fullmatch(name)
            outline = _val(own, "w:outlineLvl")
            if m or outline.isdigit():
                level = (int(m[1]) if m[1] else 0) if m else int(outline) + 1
                if level < 10:
                    return "heading", level, False
                break
        number, ilvl, depth, named = "", None, None, False
        for i, (name, own) in enumerate(chain):
            num = _num(own) or ("", None)
            m = _LIST_STYLE.fullmatch(name)
            named = named or m is not None
            number = number or num[0]
            ilvl = num[1] if ilvl is None else ilvl
            if depth is None and i == 0:
                depth = num[1]
            elif depth is None and m and m[1]:
                depth = int(m[1]) - 1  # `List Bullet 2` is one level in
        if number == "0" or not (number or named):
            return "text", 0, False
        fmt = self.formats.get(number, {}).get(ilvl or 0)
        ordered = fmt not in ("bullet", "none") if fmt else any("number" in n.lower() for n, _ in chain)
        return "item", depth if depth is not None else ilvl or 0, ordered
