"""Recursive-descent parser for expressions (§8), producing `factory.ir.expr` nodes.

Precedence, loosest first: where; or; and; not; comparisons and `in`; `+ -`;
`* /`; unary `-`; paths and calls. Errors become one `expr-syntax` diagnostic.
"""

from __future__ import annotations

from factory.analyst.expressions.lexer import LexError, Token, tokenize
from factory.diagnostics import Diagnostics, suggest
from factory.ir.expr import (
    FUNCTIONS,
    Binary,
    Call,
    Compare,
    Expr,
    Filter,
    In,
    Keyword,
    Literal_,
    Name,
    Path,
    Unary,
)

_COMPARE = ("=", "!=", "<", "<=", ">", ">=")
_KEYWORDS = ("me", "this", "now", "today")
_RESERVED = frozenset({"and", "or", "not", "in", "where", "true", "false", "null"})
MAX_DEPTH = 200


class ParseError(Exception):
    def __init__(
        self, message: str, pos: int, code: str = "expr-syntax", suggestion: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.code = code
        self.suggestion = suggestion


def parse_expression(text: str, diags: Diagnostics, line: int = 1, col: int = 1) -> Expr | None:
    """Parse `text` (which starts at `line`:`col` in the document); None after a diagnostic."""
    try:
        return _Parser(text, line, col).parse()
    except LexError as exc:
        diags.error("expr-syntax", f"{exc.message} in expression '{text.strip()}'", line, col + exc.pos)
    except ParseError as exc:
        diags.error(exc.code, exc.message, line, col + exc.pos, suggestion=exc.suggestion)
    except RecursionError:
        diags.error("expr-syntax", "expression is nested too deeply", line, col)
    return None


class _Parser:
    def __init__(self, text: str, line: int, col: int) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.line = line
        self.col = col
        self.depth = 0

    # ---- helpers ------------------------------------------------------------

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def at(self, *texts: str) -> bool:
        t = self.tok
        return t.kind in ("op", "name") and t.text in texts

    def advance(self) -> Token:
        t = self.tok
        self.i += 1
        return t

    def expect(self, text: str) -> Token:
        if not self.at(text):
            raise ParseError(f"expected '{text}' but found {self.describe()}", self.tok.pos)
        return self.advance()

    def describe(self) -> str:
        t = self.tok
        return "the end of the expression" if t.kind == "eof" else f"'{t.text}'"

    # ---- grammar ------------------------------------------------------------

    def parse(self) -> Expr:
        if self.tok.kind == "eof":
            raise ParseError("expected an expression but found nothing", 0)
        expr = self.where_expr()
        if self.tok.kind != "eof":
            raise ParseError(f"unexpected {self.describe()} after a complete expression", self.tok.pos)
        return expr

    def where_expr(self) -> Expr:
        start = self.tok
        expr = self.or_expr()
        if self.at("where"):
            self.advance()
            cond = self.or_expr()
            if self.at("where"):
                raise ParseError("only one 'where' is allowed here", self.tok.pos)
            return Filter(source=expr, cond=cond, line=self.line, col=self.col + start.pos)
        return expr

    def or_expr(self) -> Expr:
        start = self.tok
        left = self.and_expr()
        while self.at("or"):
            self.advance()
            left = Binary(op="or", left=left, right=self.and_expr(), line=self.line, col=self.col + start.pos)
        return left

    def and_expr(self) -> Expr:
        start = self.tok
        left = self.not_expr()
        while self.at("and"):
            self.advance()
            left = Binary(
                op="and", left=left, right=self.not_expr(), line=self.line, col=self.col + start.pos
            )
        return left

    def not_expr(self) -> Expr:
        if self.at("not"):
            start = self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ParseError("expression is nested too deeply", start.pos)
            return Unary(op="not", operand=self.not_expr(), line=self.line, col=self.col + start.pos)
        return self.comparison()

    def comparison(self) -> Expr:
        start = self.tok
        left = self.additive()
        if self.at(*_COMPARE):
            op = self.advance().text
            right = self.additive()
            if self.at(*_COMPARE) or self.at("in"):
                raise ParseError(
                    "comparisons do not chain: write 'a < b and b < c'",
                    self.tok.pos,
                    code="chained-comparison",
                )
            return Compare(
                op=op,  # type: ignore[arg-type]  # one of _COMPARE
                left=left,
                right=right,
                line=self.line,
                col=self.col + start.pos,
            )
        negated = False
        if self.at("not") and self.tokens[self.i + 1].text == "in":
            self.advance()
            negated = True
        if self.at("in"):
            self.advance()
            self.expect("(")
            items = [self.additive()]
            while self.at(","):
                self.advance()
                items.append(self.additive())
            self.expect(")")
            return In(operand=left, items=items, negated=negated, line=self.line, col=self.col + start.pos)
        if negated:
            raise ParseError(f"expected 'in' after 'not' but found {self.describe()}", self.tok.pos)
        return left

    def additive(self) -> Expr:
        start = self.tok
        left = self.multiplicative()
        while self.at("+", "-"):
            op = self.advance().text
            left = Binary(
                op="+" if op == "+" else "-",
                left=left,
                right=self.multiplicative(),
                line=self.line,
                col=self.col + start.pos,
            )
        return left

    def multiplicative(self) -> Expr:
        start = self.tok
        left = self.unary()
        while self.at("*", "/"):
            op = self.advance().text
            left = Binary(
                op="*" if op == "*" else "/",
                left=left,
                right=self.unary(),
                line=self.line,
                col=self.col + start.pos,
            )
        return left

    def unary(self) -> Expr:
        if self.at("-"):
            start = self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ParseError("expression is nested too deeply", start.pos)
            return Unary(op="-", operand=self.unary(), line=self.line, col=self.col + start.pos)
        return self.postfix()

    def postfix(self) -> Expr:
        start = self.tok
        expr = self.primary()
        fields: list[str] = []
        while self.at("."):
            self.advance()
            if self.tok.kind != "name":
                raise ParseError(f"expected a field name after '.' but found {self.describe()}", self.tok.pos)
            fields.append(self.advance().text)
        if fields:
            if not isinstance(expr, Name | Keyword):
                raise ParseError("only names have fields", start.pos)
            return Path(root=expr, fields=fields, line=self.line, col=self.col + start.pos)
        return expr

    def primary(self) -> Expr:
        tok = self.tok
        if tok.kind == "number":
            self.advance()
            return Literal_(
                lit="decimal" if "." in tok.text else "integer",
                value=tok.text,
                line=self.line,
                col=self.col + tok.pos,
            )
        if tok.kind == "string":
            self.advance()
            return Literal_(lit="string", value=tok.text, line=self.line, col=self.col + tok.pos)
        if self.at("("):
            self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ParseError("expression is nested too deeply", tok.pos)
            inner = self.where_expr()
            self.depth -= 1
            self.expect(")")
            return inner
        if tok.kind == "name":
            return self.name()
        raise ParseError(f"expected a value but found {self.describe()}", tok.pos)

    def name(self) -> Expr:
        tok = self.advance()
        word = tok.text
        if word in ("true", "false"):
            return Literal_(lit="boolean", value=word, line=self.line, col=self.col + tok.pos)
        if word == "null":
            return Literal_(lit="null", value="null", line=self.line, col=self.col + tok.pos)
        if word in _KEYWORDS:
            return Keyword(name=word, line=self.line, col=self.col + tok.pos)  # type: ignore[arg-type]
        if word in _RESERVED:
            raise ParseError(f"expected a value but found '{word}'", tok.pos)
        if self.at("("):
            return self.call(tok)
        return Name(name=word, line=self.line, col=self.col + tok.pos)

    def call(self, tok: Token) -> Expr:
        if tok.text not in FUNCTIONS:
            raise ParseError(
                f"unknown function '{tok.text}'",
                tok.pos,
                code="unknown-function",
                suggestion=suggest(tok.text, sorted(FUNCTIONS)),
            )
        self.expect("(")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError("expression is nested too deeply", tok.pos)
        args: list[Expr] = []
        if not self.at(")"):
            args.append(self.where_expr())
            while self.at(","):
                self.advance()
                args.append(self.where_expr())
        self.depth -= 1
        self.expect(")")
        return Call(func=tok.text, args=args, line=self.line, col=self.col + tok.pos)  # type: ignore[arg-type]
