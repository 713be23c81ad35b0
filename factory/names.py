"""Code names (spec-semantics §2 and §5): derivation, case conversion, plurals, mangling."""

from __future__ import annotations

import keyword
import re
import unicodedata

from pypinyin import lazy_pinyin

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
APP_CODE = re.compile(r"[a-z][a-z0-9_]*")

# Letters that NFKD would mangle or drop; everything else falls back to NFKD + ASCII.
_LATIN = {
    "ß": "ss",
    "ẞ": "SS",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "TH",
    "ł": "l",
    "Ł": "L",
    "ı": "i",
    "ŋ": "ng",
    "Ŋ": "NG",
}


def is_identifier(text: str) -> bool:
    return IDENTIFIER.fullmatch(text) is not None


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def transliterate(text: str) -> str:
    """Chinese to toneless pinyin (one word per character), other letters by a fixed table."""
    out: list[str] = []
    for run in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+", text):
        if _is_cjk(run[0]):
            out.append(" " + " ".join(lazy_pinyin(run)) + " ")
            continue
        for ch in run:
            if ch in _LATIN:
                out.append(_LATIN[ch])
            elif ch.isascii():
                out.append(ch)
            else:
                base = unicodedata.normalize("NFKD", ch)
                out.append("".join(c for c in base if c.isascii()) or " ")
    return "".join(out)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^A-Za-z0-9]+", transliterate(text)) if w]


def derive_snake(display: str) -> str:
    """`add to cart` -> `add_to_cart`, `Über Größe` -> `uber_grosse`, `客户` -> `ke_hu`."""
    name = "_".join(w.lower() for w in _words(display))
    if not name:
        return "name"
    return name if not name[0].isdigit() else "n_" + name


def derive_pascal(display: str) -> str:
    """`ke hu` -> `KeHu`; keeps inner capitals of words that already have them."""
    name = "".join(w[:1].upper() + w[1:] for w in _words(display))
    if not name:
        return "Entity"
    return name if not name[0].isdigit() else "E" + name


def app_code(title: str) -> str:
    """The app's code name derived from its title (§2)."""
    slug = re.sub(r"[^a-z0-9]+", "_", transliterate(title).lower()).strip("_")
    if not slug or slug[0].isdigit():
        slug = "app_" + slug if slug else "app"
    return slug


def snake_case(name: str) -> str:
    """`CartItem` -> `cart_item`: `_` before a capital that follows a lower-case letter or digit."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def plural(word: str) -> str:
    """English plural per §5: consonant+y -> ies; s/x/z/ch/sh -> es; else s."""
    if len(word) >= 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


_SQL_KEYWORDS = frozenset(
    [
        "all",
        "and",
        "any",
        "as",
        "asc",
        "between",
        "by",
        "case",
        "cast",
        "check",
        "column",
        "constraint",
        "create",
        "cross",
        "current",
        "default",
        "delete",
        "desc",
        "distinct",
        "drop",
        "else",
        "end",
        "except",
        "exists",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "full",
        "grant",
        "group",
        "having",
        "in",
        "index",
        "inner",
        "insert",
        "intersect",
        "into",
        "is",
        "join",
        "key",
        "left",
        "like",
        "limit",
        "natural",
        "not",
        "null",
        "offset",
        "on",
        "or",
        "order",
        "outer",
        "primary",
        "references",
        "right",
        "select",
        "session",
        "set",
        "some",
        "table",
        "then",
        "to",
        "true",
        "union",
        "unique",
        "update",
        "user",
        "using",
        "values",
        "when",
        "where",
        "window",
        "with",
    ]
)
_TS_KEYWORDS = frozenset(
    [
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "let",
        "static",
        "yield",
        "await",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
        "any",
        "boolean",
        "number",
        "string",
        "symbol",
        "type",
        "of",
    ]
)
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | _SQL_KEYWORDS | _TS_KEYWORDS


def safe_identifier(name: str) -> str:
    """A name usable in Python, SQL and TypeScript code: keywords get a trailing `_`."""
    return name + "_" if name.lower() in RESERVED or name in RESERVED else name


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name_2`, `name_3`, ... when taken (§2 collisions, in document order)."""
    if name not in taken:
        return name
    n = 2
    while f"{name}_{n}" in taken:
        n += 1
    return f"{name}_{n}"
