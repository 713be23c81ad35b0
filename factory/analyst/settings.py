"""The Settings section (§3): `- key: value` items."""

from __future__ import annotations

import re

from factory.analyst import keywords as kw
from factory.analyst.blocks import items
from factory.analyst.colors import CSS_COLORS
from factory.analyst.context import Context
from factory.analyst.sections import Section
from factory.analyst.text import normalise
from factory.diagnostics import suggest
from factory.ir.model import Settings

_CHOICES = {
    "database": ("sqlite", "postgres"),
    "auth": ("jwt", "none"),
    "ui_language": ("en", "zh"),
    "layout": ("sidebar", "topbar"),
    "frontend": ("web", "none"),
}
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def analyse_settings(section: Section | None, ctx: Context) -> Settings:
    values: dict[str, object] = {"ui_language": "zh" if ctx.chinese else "en"}
    if section is None:
        return Settings.model_validate(values)
    seen: dict[str, int] = {}
    for item in items(section.blocks):
        first = item.first
        text = normalise(item.text)
        key_text, colon, value = text.partition(":")
        key_norm = " ".join(key_text.replace("_", " ").split()).lower()
        if not colon:
            ctx.diags.error(
                "bad-setting",
                f"expected '- key: value', found '{item.text}'",
                first.line,
                first.col,
            )
            continue
        key = kw.SETTING_KEYS.get(key_norm)
        if key is None:
            ctx.diags.warning(
                "unknown-setting",
                f"unknown setting '{key_text.strip()}' is ignored",
                first.line,
                first.col,
                suggestion=suggest(key_norm, [k for k in kw.SETTING_KEYS if k.isascii()]),
            )
            continue
        if key in seen:
            ctx.diags.error(
                "duplicate-setting",
                f"setting '{key_text.strip()}' is given twice (first at line {seen[key]})",
                first.line,
                first.col,
            )
            continue
        seen[key] = first.line
        col = first.col + len(key_text) + 1 + (len(value) - len(value.lstrip()))
        parsed = _value(key, value.strip(), ctx, first.line, col)
        if parsed is not None:
            values[key] = parsed
    return Settings.model_validate(values)


def _value(key: str, raw: str, ctx: Context, line: int, col: int) -> object | None:
    value = kw.SETTING_VALUES.get(raw, raw)
    if key in _CHOICES:
        lowered = value.lower()
        if lowered in _CHOICES[key]:
            return lowered
        allowed = ", ".join(_CHOICES[key])
        ctx.diags.error(
            "bad-setting-value",
            f"'{raw}' is not a valid {key.replace('_', ' ')}: expected one of {allowed}",
            line,
            col,
            suggestion=suggest(lowered, _CHOICES[key]),
        )
        return None
    if key == "page_size":
        if value.isdigit() and 1 <= int(value) <= 100:
            return int(value)
        ctx.diags.error(
            "bad-setting-value",
            f"page size must be a whole number from 1 to 100, not '{raw}'",
            line,
            col,
        )
        return None
    if _HEX.fullmatch(value) or value.lower() in CSS_COLORS:
        return value
    ctx.diags.error(
        "bad-setting-value",
        f"'{raw}' is not a colour: use #rgb, #rrggbb or a CSS colour name",
        line,
        col,
        suggestion=suggest(value.lower(), sorted(CSS_COLORS)),
    )
    return None
