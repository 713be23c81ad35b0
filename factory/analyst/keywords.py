"""English and Chinese keywords (spec-language tables, spec-semantics §12).

Each table maps a spelling (lower-case for ASCII) to its canonical English
meaning. Chinese keywords are whole tokens: bounded by whitespace, punctuation
or the ends of the text, never matched inside a longer run of CJK characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass


def _table(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {spelling: canonical for canonical, spellings in pairs.items() for spelling in spellings}


SECTIONS = _table(
    {
        "settings": ("settings", "设置"),
        "roles": ("roles", "角色"),
        "services": ("services", "服务"),
        "entities": ("entities", "data model", "实体", "数据模型"),
        "actions": ("actions", "operations", "操作"),
        "pages": ("pages", "页面"),
        "scenarios": ("scenarios", "acceptance", "场景", "验收"),
    }
)
SETTING_KEYS = _table(
    {
        "database": ("database", "数据库"),
        "auth": ("auth", "认证"),
        "ui_language": ("ui language", "界面语言"),
        "primary_color": ("primary color", "主色"),
        "layout": ("layout", "布局"),
        "page_size": ("page size", "每页条数"),
        "frontend": ("frontend", "前端"),
    }
)
SETTING_VALUES = {"侧边栏": "sidebar", "顶栏": "topbar", "无": "none"}
TABLE_HEADERS = _table(
    {
        "field": ("field", "字段"),
        "type": ("type", "类型"),
        "rules": ("rules", "规则"),
        "description": ("description", "说明"),
    }
)
TYPES = _table(
    {
        "text": ("text", "文本"),
        "long_text": ("long text", "长文本"),
        "integer": ("integer", "int", "整数"),
        "decimal": ("decimal", "小数"),
        "money": ("money", "金额"),
        "float": ("float", "浮点数"),
        "boolean": ("boolean", "bool", "布尔"),
        "date": ("date", "日期"),
        "datetime": ("datetime", "日期时间"),
        "email": ("email", "邮箱"),
        "url": ("url", "网址"),
        "phone": ("phone", "电话"),
        "uuid": ("uuid",),
        "json": ("json",),
        "password": ("password", "密码"),
        "enum": ("enum", "枚举"),
    }
)
LIST_OF = ("list of",)
LIST_SUFFIX = "列表"
RULES = _table(
    {
        "required": ("required", "必填"),
        "optional": ("optional", "可选"),
        "unique": ("unique", "唯一"),
        "default": ("default", "默认"),
        "readonly": ("readonly", "只读"),
        "owner": ("owner", "所有者"),
        "secret": ("secret", "保密"),
        "searchable": ("searchable", "可搜索"),
        "index": ("index", "索引"),
        "computed": ("computed", "计算"),
        "min": ("min", "最小"),
        "max": ("max", "最大"),
        "length": ("length", "长度"),
        "pattern": ("pattern", "格式"),
    }
)
PERMISSIONS = _table(
    {
        "create": ("create", "创建"),
        "read": ("read", "读取"),
        "update": ("update", "更新"),
        "delete": ("delete", "删除"),
        "all": ("all", "全部"),
    }
)
CONDITIONS = _table({"own": ("own", "自己的"), "where": ("where", "满足")})
PSEUDO_ROLES = _table({"anyone": ("anyone", "任何人"), "user": ("user", "用户")})
DEFAULT_MARK = _table({"default": ("default", "默认")})
ENTITY_HEADERS = _table({"access": ("access", "权限"), "states_of": ("states of", "状态流转")})
ACTION_HEADERS = _table({"who": ("who", "执行者"), "on": ("on", "对象"), "input": ("input", "输入")})
BY = _table({"by": ("by", "由")})
STEPS = _table(
    {
        "let": ("let", "令"),
        "require": ("require", "要求"),
        "create": ("create", "创建"),
        "set": ("set", "设置"),
        "increase": ("increase", "增加"),
        "decrease": ("decrease", "减少"),
        "delete": ("delete", "删除"),
        "for_each": ("for each", "对每个"),
        "return": ("return", "返回"),
        "transition": ("transition", "流转"),
    }
)
STEP_PARTS = _table(
    {
        "else": ("else", "否则"),
        "as": ("as", "为"),
        "with": ("with", "其中"),
        "by": ("by",),
        "in": ("in", "在"),
        "to": ("to", "到"),
    }
)
PAGE_VIEWS = _table({"list": ("list", "列表"), "detail": ("detail", "详情"), "form": ("form", "表单")})
PAGE_OPTIONS = _table(
    {
        "search": ("search", "搜索"),
        "sort": ("sort", "排序"),
        "filter": ("filter", "筛选"),
        "columns": ("columns", "列"),
        "buttons": ("buttons", "按钮"),
    }
)
PAGE_WORDS = _table({"home": ("home", "首页"), "edit": ("edit", "编辑"), "view": ("view", "查看")})
SCENARIO_WORDS = _table(
    {
        "sign_up": ("sign up", "注册"),
        "as_actor": ("as", "作为"),
        "bind": ("as", "为"),
        "fails_with": ("fails with", "失败"),
        "expect": ("expect", "期望"),
    }
)
CRUD_VERBS = _table(
    {
        "create": ("create", "创建"),
        "read": ("read", "读取"),
        "update": ("update", "更新"),
        "delete": ("delete", "删除"),
        "list": ("list", "列表"),
    }
)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_word_char(ch: str) -> bool:
    """Characters that glue to a keyword: letters (incl. CJK), digits, `_`."""
    return ch == "_" or unicodedata.category(ch)[0] in ("L", "N")


@dataclass(frozen=True)
class Match:
    canonical: str
    spelling: str
    start: int
    end: int  # index just after the keyword


def match_at(text: str, pos: int, table: Mapping[str, str]) -> Match | None:
    """The longest keyword of `table` starting at `pos` as a whole token, or None."""
    if pos > 0 and _is_word_char(text[pos - 1]) and _is_word_char(text[pos]):
        return None
    best: Match | None = None
    for spelling, canonical in table.items():
        end = pos + len(spelling)
        candidate = text[pos:end]
        if candidate.lower() != spelling:
            continue
        if end < len(text) and _is_word_char(text[end]) and _is_word_char(spelling[-1]):
            continue
        if best is None or end > best.end:
            best = Match(canonical, candidate, pos, end)
    return best


def match_start(text: str, table: Mapping[str, str]) -> Match | None:
    """A keyword at the start of `text` (after leading spaces)."""
    stripped = len(text) - len(text.lstrip())
    if stripped >= len(text):
        return None
    return match_at(text, stripped, table)


def match_whole(text: str, table: Mapping[str, str]) -> str | None:
    """The canonical meaning when the whole (stripped) text is one keyword."""
    return table.get(text.strip().lower())


def find_keyword(text: str, table: Mapping[str, str], start: int = 0) -> Match | None:
    """The first whole-token keyword of `table` at or after `start`, outside double quotes."""
    in_quote = False
    for i in range(start, len(text)):
        ch = text[i]
        if ch == '"':
            in_quote = not in_quote
            continue
        if in_quote:
            continue
        m = match_at(text, i, table)
        if m is not None:
            return m
    return None


def glued_keyword(word: str, table: Mapping[str, str]) -> str | None:
    """`由亲友` -> `由 亲友`: a Chinese keyword glued to a following name, as a suggestion."""
    for spelling in sorted(table, key=len, reverse=True):
        if is_cjk(spelling[0]) and word.startswith(spelling) and len(word) > len(spelling):
            return f"{spelling} {word[len(spelling) :]}"
    return None


def is_chinese(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)
