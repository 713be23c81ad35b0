"""Checks of generated code before it is written: syntax (tree-sitter), then ruff format/fix."""

from factory.codecheck.format import format_python
from factory.codecheck.syntax import syntax_errors

__all__ = ["format_python", "syntax_errors"]
