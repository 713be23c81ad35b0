"""Read a requirements document from disk or memory; every failure becomes a diagnostic.

Codes: `unsupported-format` (not .md/.markdown/.txt/.docx), `file-not-found`,
`unreadable` (an OS error, or a parser failure), `binary-input` (NUL bytes, at 1:1;
invalid UTF-8, at the first bad byte), `empty-input`, `bad-docx`.
"""

from __future__ import annotations

from pathlib import Path

from factory.diagnostics import Diagnostics
from factory.reader.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


def read_document(path: Path, diags: Diagnostics) -> Document | None:
    """The document at `path`, or None after reporting an error to `diags`."""
    suffix = path.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES | {".docx"}:
        diags.error(
            "unsupported-format",
            f"cannot read '{path.name}': expected a .md, .txt or .docx document",
            1,
            1,
        )
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        diags.error("file-not-found", f"no such file: {path}")
        return None
    except OSError as exc:
        diags.error("unreadable", f"cannot read {path}: {exc.strerror or exc}")
        return None
    name = diags.file or str(path)
    if suffix == ".docx":
        from factory.reader.docx import read_docx

        try:
            return read_docx(data, name, diags)
        except Exception as exc:  # a damaged document must never crash the compiler
            diags.error("bad-docx", f"cannot read the .docx document: {_why(exc)}", 1, 1)
            return None
    text = decode(data, diags)
    return None if text is None else read_markdown_text(text, name, diags)


def decode(data: bytes, diags: Diagnostics) -> str | None:
    """UTF-8 text without a BOM, or a `binary-input` diagnostic.

    NUL bytes mean a binary file (reported at 1:1); otherwise the first byte
    that is not UTF-8 is pointed at, as it is usually one wrongly encoded letter.
    """
    if b"\x00" in data:
        diags.error("binary-input", "not a text document: it contains NUL bytes", 1, 1)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        before = data[start : exc.start].decode("utf-8", errors="replace").removeprefix("\ufeff")
        col = len(before) + 1
        diags.error(
            "binary-input",
            f"not a text document: the byte 0x{data[exc.start]:02x} is not UTF-8 "
            "(save the document as UTF-8)",
            data.count(b"\n", 0, exc.start) + 1,
            col,
        )
        return None
    return text.removeprefix("\ufeff")


def read_markdown_text(text: str, path: str, diags: Diagnostics) -> Document | None:
    """Markdown text already in memory (a leading BOM and CR line ends are fine)."""
    from factory.reader.markdown import parse_markdown

    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        diags.error("binary-input", "not a text document: it contains NUL bytes", 1, 1)
        return None
    if not text.strip():
        diags.error("empty-input", "the document is empty", 1, 1)
        return None
    try:
        return parse_markdown(text, path, diags)
    except Exception as exc:  # markdown-it should not fail, but bad input must never crash us
        diags.error("unreadable", f"cannot parse the document: {_why(exc)}", 1, 1)
        return None


def _why(exc: Exception) -> str:
    return str(exc) or type(exc).__name__
