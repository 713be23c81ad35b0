"""Read a requirements document from disk or memory; every failure becomes a diagnostic."""

from __future__ import annotations

from pathlib import Path

from factory.diagnostics import Diagnostics
from factory.reader.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


def read_document(path: Path, diags: Diagnostics) -> Document | None:
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
        diags.error("file-not-found", f"no such file: {path}", 0, 0)
        return None
    except OSError as exc:
        diags.error("unreadable", f"cannot read {path}: {exc.strerror or exc}", 0, 0)
        return None
    if suffix == ".docx":
        from factory.reader.docx import read_docx

        return read_docx(data, diags.file or str(path), diags)
    text = decode(data, diags)
    return None if text is None else read_markdown_text(text, diags.file or str(path), diags)


def decode(data: bytes, diags: Diagnostics) -> str | None:
    """UTF-8 text without a BOM, or a diagnostic for binary input."""
    if b"\x00" in data:
        diags.error("binary-input", "not a text document: it contains NUL bytes", 1, 1)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.error(
            "binary-input",
            f"not a UTF-8 text document: invalid byte 0x{data[exc.start]:02x}",
            line,
            col,
        )
        return None
    return text.removeprefix("\ufeff")


def read_markdown_text(text: str, path: str, diags: Diagnostics) -> Document | None:
    from factory.reader.markdown import parse_markdown

    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        diags.error("binary-input", "not a text document: it contains NUL bytes", 1, 1)
        return None
    if not text.strip():
        diags.error("empty-input", "the document is empty", 1, 1)
        return None
    try:
        return parse_markdown(text, path)
    except Exception as exc:  # markdown-it should not fail, but bad input must never crash us
        diags.error("unreadable", f"cannot parse the document: {exc}", 1, 1)
        return None
