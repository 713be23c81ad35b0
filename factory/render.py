"""The project's one Jinja environment. Templates only render prepared data.

Spec text reaches templates only as variable values (never as template source),
so `{{ 7*7 }}` in a document is printed as written. Filters escape it for the
target syntax.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: no line breaks, `|` escaped."""
    text = " ".join(str(value).split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def md_text(value: object) -> str:
    """Free text for a Markdown paragraph: HTML-like markup neutralised."""
    return str(value).replace("<", "&lt;").replace(">", "&gt;")


def mermaid_label(value: object) -> str:
    """Text inside a double-quoted Mermaid label."""
    text = " ".join(str(value).split())
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def code(value: object) -> str:
    """Inline code: backticks inside are doubled away with a longer fence."""
    text = " ".join(str(value).split())
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if text else ""


def pyrepr(value: object) -> str:
    """A Python literal of a value (spec text in generated code is always a literal)."""
    return repr(value)


def ts(value: object) -> str:
    """A TypeScript literal of JSON data (strings, numbers, booleans, null, lists, objects)."""
    return json.dumps(value, ensure_ascii=False)


def ts_comment(value: object) -> str:
    """Text for a `//` comment: one line."""
    return " ".join(str(value).split())


FILTERS: dict[str, Callable[..., Any]] = {
    "ts": ts,
    "ts_comment": ts_comment,
    "pyrepr": pyrepr,
    "md_cell": md_cell,
    "md_text": md_text,
    "mermaid": mermaid_label,
    "code": code,
}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
