"""Spec text as it appears in generated TypeScript: titles, step quotes and comments."""

from __future__ import annotations

import re

from factory.ir.model import Spec

_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+")


def spec_line(spec: Spec, line: int) -> str:
    """`specs/shop.md:42`: what test titles carry and the JUnit reader finds."""
    return f"{spec.source}:{line}"


def one_line(text: str) -> str:
    """Text on one line: every line break (including U+2028/U+2029, which end a JS comment) is a space."""
    return " ".join(text.splitlines()).replace("\u2028", " ").replace("\u2029", " ").strip()


def step_text(source_lines: list[str], line: int) -> str:
    """A scenario step as the document writes it, without its list marker."""
    if not 0 < line <= len(source_lines):
        return ""
    return one_line(_MARKER.sub("", source_lines[line - 1]))


def title(text: str, spec: Spec, line: int) -> str:
    """A test title: what it checks, then `(spec: FILE:LINE)` so a failure traces back to the document."""
    return f"{one_line(text)} (spec: {spec_line(spec, line)})"
