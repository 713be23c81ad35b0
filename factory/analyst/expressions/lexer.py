"""Tokens of the expression language (§8). Full-width punctuation counts as ASCII."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["number", "string", "name", "op", "eof"]

_FULL_WIDTH = {"（": "(", "）": ")", "，": ",", "“": '"', "”": '"', "：": ":", "；": ";"}
_TWO_CHAR = ("!=", "<=", ">=", "->")
_ONE_CHAR = "+-*/=<>(),.{}:;"
_SYNONYMS = {"满足": "where"}  # §12: 满足 means where everywhere, inside expressions too


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str  # the token's text; for strings, the unescaped value
    pos: int  # offset in the expression text


class LexError(Exception):
    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


def _is_name_start(ch: str) -> bool:
    return ch == "_" or ch.isalpha()


def _is_name_char(ch: str) -> bool:
    return ch == "_" or ch.isalnum()


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = _FULL_WIDTH.get(text[i], text[i])
        if ch.isspace():
            i += 1
        elif ch == '"':
            i = _string(text, i, tokens)
        elif ch.isdigit():
            start = i
            while i < n and text[i].isdigit():
                i += 1
            if i + 1 < n and text[i] == "." and text[i + 1].isdigit():
                i += 1
                while i < n and text[i].isdigit():
                    i += 1
            tokens.append(Token("number", text[start:i], start))
        elif _is_name_start(ch):
            start = i
            while i < n and _is_name_char(text[i]):
                i += 1
            word = text[start:i]
            tokens.append(Token("name", _SYNONYMS.get(word, word), start))
        elif text.startswith(_TWO_CHAR, i):
            tokens.append(Token("op", text[i : i + 2], i))
            i += 2
        elif ch in _ONE_CHAR:
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise LexError(f"unexpected character '{text[i]}'", i)
    tokens.append(Token("eof", "", n))
    return tokens


def _string(text: str, start: int, tokens: list[Token]) -> int:
    i = start + 1
    out: list[str] = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in '"\\':
            out.append(text[i + 1])
            i += 2
            continue
        if ch in '"”':
            tokens.append(Token("string", "".join(out), start))
            return i + 1
        out.append(ch)
        i += 1
    raise LexError("unterminated string: a closing '\"' is missing", start)
