"""`require … else "MESSAGE"` texts with `{EXPR}` holes (§8); `{{` and `}}` are literal braces."""

from __future__ import annotations

from factory.analyst.expressions import Scope, check_expression, parse_expression
from factory.diagnostics import Diagnostics
from factory.ir.model import Message, MessagePart


def parse_message(text: str, scope: Scope, diags: Diagnostics, line: int, col: int) -> Message | None:
    """`text` is the message without quotes, starting at `col`."""
    parts: list[MessagePart] = []
    buf: list[str] = []
    i = 0
    ok = True
    while i < len(text):
        ch = text[i]
        if text.startswith("{{", i) or text.startswith("}}", i):
            buf.append(ch)
            i += 2
            continue
        if ch == "{":
            end = text.find("}", i)
            if end < 0:
                diags.error(
                    "bad-message",
                    "a '{' in the message is not closed; write '{{' for a literal brace",
                    line,
                    col + i,
                )
                return None
            if buf:
                parts.append(MessagePart(text="".join(buf)))
                buf = []
            source = text[i + 1 : end]
            expr = parse_expression(source.strip(), diags, line, col + i + 1 + _lead(source))
            if expr is None or check_expression(expr, scope, diags) is None:
                ok = False
            else:
                parts.append(MessagePart(expr=expr))
            i = end + 1
            continue
        if ch == "}":
            diags.error(
                "bad-message",
                "a '}' in the message has no '{'; write '}}' for a literal brace",
                line,
                col + i,
            )
            return None
        buf.append(ch)
        i += 1
    if buf:
        parts.append(MessagePart(text="".join(buf)))
    return Message(source=text, parts=parts) if ok else None


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def unquote(text: str) -> str | None:
    """The content of a double-quoted string (with `\\"` and `\\\\`), or None."""
    text = text.strip()
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        return None
    return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
