"""Syntax errors in generated Python, found with tree-sitter, reported with their context."""

from __future__ import annotations

from functools import cache

import tree_sitter_python
from tree_sitter import Language, Node, Parser

from factory.artifacts import GeneratedFile
from factory.diagnostics import Diagnostic, Severity


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_python.language()))


def _bad_nodes(node: Node) -> list[Node]:
    if node.is_error or node.is_missing:
        return [node]
    if not node.has_error:
        return []
    found: list[Node] = []
    for child in node.children:
        found += _bad_nodes(child)
    return found


def syntax_errors(files: list[GeneratedFile]) -> list[Diagnostic]:
    """One error per broken spot, naming the file, line, column and the template it came from."""
    out: list[Diagnostic] = []
    for f in files:
        if not f.path.endswith(".py"):
            continue
        tree = _parser().parse(f.content.encode("utf-8"))
        lines = f.content.splitlines()
        for node in _bad_nodes(tree.root_node)[:5]:
            row, col = node.start_point
            context = "\n".join(
                f"  {n + 1:4} | {lines[n]}" for n in range(max(0, row - 2), min(len(lines), row + 3))
            )
            what = f"missing {node.type}" if node.is_missing else "syntax error"
            out.append(
                Diagnostic(
                    severity=Severity.ERROR,
                    code="generated-syntax",
                    file=f.path,
                    line=row + 1,
                    col=col + 1,
                    message=f"{what} in generated code (template {f.template or '-'}, "
                    f"from {f.source or '-'}):\n{context}",
                )
            )
    return out
