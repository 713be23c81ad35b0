"""The Pages section (§10).

`- NAME [(SET)]: list|detail|form ENTITY [where EXPR] [own] [; OPTION]…`
"""

from __future__ import annotations

import re

from factory.analyst import keywords as kw
from factory.analyst.access import parse_condition
from factory.analyst.blocks import items
from factory.analyst.context import Context
from factory.analyst.entity_checks import check_condition_expr
from factory.analyst.sections import Section
from factory.analyst.text import NamePart, find_top, normalise, split_top
from factory.diagnostics import suggest
from factory.ir.model import Button, Entity, Loc, Page
from factory.reader.model import Text

_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_CRUD_BUTTONS = {
    "create": "create",
    "read": "read",
    "update": "update",
    "delete": "delete",
    "edit": "update",
    "view": "read",
}


def analyse_pages(section: Section | None, ctx: Context) -> list[Page]:
    pages: list[Page] = []
    taken: set[str] = set()
    homes: dict[str, int] = {}
    for item in items(section.blocks if section else []):
        page = _page(item.first, normalise(item.text), ctx, taken)
        if page is None:
            continue
        if page.home:
            for role in page.roles or ["user"]:
                if role in homes:
                    ctx.diags.error(
                        "two-home-pages",
                        f"two home pages for '{role}' (the first is at line {homes[role]})",
                        page.loc.line,
                        page.loc.col,
                    )
                homes.setdefault(role, page.loc.line)
        pages.append(page)
    return pages


def _page(first: Text, text: str, ctx: Context, taken: set[str]) -> Page | None:
    colon = find_top(text, ":")
    if colon < 0:
        ctx.diags.error(
            "bad-page", "expected '- NAME (ROLES): list|detail|form ENTITY'", first.line, first.col
        )
        return None
    head, roles, home = _head(text[:colon], ctx, first)
    if head is None:
        return None
    name = ctx.code_name(head, first, pascal=False, taken=taken, what="page")
    pieces = split_top(text[colon + 1 :], ";")
    base = first.col + colon + 1
    main = pieces[0]
    m = kw.match_start(main.text, kw.PAGE_VIEWS)
    if m is None:
        ctx.diags.error(
            "bad-page",
            f"expected list, detail or form, found '{main.text}'",
            first.line,
            base + main.offset,
            suggestion=suggest(main.text.split(" ")[0], ["list", "detail", "form"]),
        )
        return None
    rest = main.text[m.end :].strip()
    entity_text = rest.split(" ")[0] if rest else ""
    entity = ctx.entity(entity_text)
    col = base + main.offset + m.end + 1
    if entity is None:
        ctx.diags.error(
            "unknown-entity",
            f"unknown entity '{entity_text}'",
            first.line,
            col,
            suggestion=ctx.suggest_entity(entity_text),
        )
        return None
    page = Page(
        name=name,
        display=head.display,
        roles=roles,
        home=home,
        view=m.canonical,  # type: ignore[arg-type]
        entity=entity.name,
        loc=Loc(line=first.line, col=first.col),
    )
    after = rest[len(entity_text) :]
    cond_text = after.strip()
    if cond_text:
        cond_col = col + len(entity_text) + (len(after) - len(after.lstrip()))
        parsed = parse_condition(cond_text, ctx, first, cond_col)
        if parsed is None:
            return None
        if parsed[0]:
            ctx.diags.error(
                "bad-page",
                f"unexpected '{parsed[0]}' after the entity: expected 'where EXPR' or 'own'",
                first.line,
                cond_col,
            )
            return None
        page.condition = parsed[1]
        check_condition_expr(page.condition.where, entity, ctx)
        if page.condition.own and entity.owner_field is None:
            ctx.diags.error(
                "own-without-owner",
                "'own' needs an owner field; did you mean 'where FIELD = me'?",
                first.line,
                cond_col,
            )
    for piece in pieces[1:]:
        _option(page, entity, piece.text, ctx, first, base + piece.offset)
    return page


def _head(text: str, ctx: Context, first: Text) -> tuple[NamePart | None, list[str], bool]:
    """The page's name, code and role set: `Shop (home, anyone)`, `Cart (cart_page) (buyer)`."""
    rest = text.strip()
    groups: list[str] = []
    while (m := _PAREN.search(rest)) and rest[: m.start()].strip():
        groups.insert(0, m.group(1))
        rest = rest[: m.start()].rstrip()
    roles: list[str] = []
    home = False
    code: str | None = None
    for group in groups:
        words = [p.text for p in split_top(group)]
        if all(_role_word(w, ctx) for w in words) and words:
            for w in words:
                if kw.PAGE_WORDS.get(w.lower() if w.isascii() else w) == "home":
                    home = True
                else:
                    role = kw.PSEUDO_ROLES.get(w.lower() if w.isascii() else w) or ctx.role(w)
                    if role and role not in roles:
                        roles.append(role)
        elif code is None and len(words) == 1:
            code = words[0]
        else:
            unknown = next(w for w in words if not _role_word(w, ctx))
            ctx.diags.error(
                "unknown-role",
                f"unknown role '{unknown}'",
                first.line,
                first.col,
                suggestion=ctx.suggest_role(unknown),
            )
            return None, [], False
    if not rest:
        ctx.diags.error("bad-page", "a page needs a name", first.line, first.col)
        return None, [], False
    return NamePart(rest, code, False, 0), roles, home


def _role_word(word: str, ctx: Context) -> bool:
    key = word.lower() if word.isascii() else word
    return key in kw.PSEUDO_ROLES or kw.PAGE_WORDS.get(key) == "home" or ctx.role(word) is not None


def _option(page: Page, entity: Entity, text: str, ctx: Context, first: Text, col: int) -> None:
    m = kw.match_start(text, kw.PAGE_OPTIONS)
    if m is None:
        ctx.diags.error(
            "unknown-page-option",
            f"unknown page option '{text}'",
            first.line,
            col,
            suggestion=suggest(text.split(" ")[0], [k for k in kw.PAGE_OPTIONS if k.isascii()]),
        )
        return
    arg = text[m.end :].strip().removeprefix(":").strip()
    arg_col = col + m.end + 1
    if m.canonical == "search":
        if not any(f.searchable for f in entity.fields):
            ctx.diags.error(
                "no-searchable-field",
                f"'search' needs a searchable field in {entity.name}",
                first.line,
                col,
            )
        page.search = True
    elif m.canonical == "sort":
        desc = arg.startswith("-")
        field = arg.lstrip("-").strip()
        if _field_ok(entity, field, ctx, first, arg_col, "sort"):
            page.sort, page.sort_desc = _code(entity, field), desc
    elif m.canonical == "filter":
        for piece in split_top(arg):
            if _field_ok(entity, piece.text, ctx, first, arg_col + piece.offset, "filter"):
                page.filters.append(_code(entity, piece.text))
    elif m.canonical == "columns":
        for piece in split_top(arg):
            if _field_ok(entity, piece.text, ctx, first, arg_col + piece.offset, None):
                page.columns.append(_code(entity, piece.text))
    else:
        for piece in split_top(arg):
            button = _button(piece.text, entity, ctx, first, arg_col + piece.offset)
            if button is not None:
                page.buttons.append(button)


def _code(entity: Entity, name: str) -> str:
    f = entity.field(name) or next((f for f in entity.fields if f.display == name), None)
    return f.name if f else name


def _field_ok(entity: Entity, name: str, ctx: Context, first: Text, col: int, use: str | None) -> bool:
    f = entity.field(name) or next((f for f in entity.fields if f.display == name), None)
    if f is None:
        ctx.diags.error(
            "unknown-field",
            f"{entity.name} has no field '{name}'",
            first.line,
            col,
            suggestion=suggest(name, [x.name for x in entity.fields]),
        )
        return False
    if use and (f.computed is not None or f.secret or f.type.kind in ("password", "list")):
        ctx.diags.error(
            f"bad-{use}",
            f"cannot {use} by '{f.name}': computed, secret, password and "
            "list fields are not sortable or filterable",
            first.line,
            col,
        )
        return False
    return True


def _button(text: str, entity: Entity, ctx: Context, first: Text, col: int) -> Button | None:
    key = text.lower() if text.isascii() else text
    verb = kw.PERMISSIONS.get(key) or kw.PAGE_WORDS.get(key)
    loc = Loc(line=first.line, col=col)
    if verb in _CRUD_BUTTONS:
        return Button(kind=_CRUD_BUTTONS[verb], name=_CRUD_BUTTONS[verb], label=text, loc=loc)  # type: ignore[arg-type]
    transitions = entity.states.transitions if entity.states else []
    for t in transitions:
        if text in (t.name, t.display):
            return Button(kind="transition", name=t.name, label=text, loc=loc)
    for a in ctx.actions:
        if text in (a.name, a.display) and a.on in (None, entity.name):
            return Button(kind="action", name=a.name, label=text, loc=loc)
    choices = [
        "create",
        "edit",
        "delete",
        "view",
        *[t.name for t in transitions],
        *[a.name for a in ctx.actions],
    ]
    ctx.diags.error(
        "unknown-button",
        f"'{text}' is not a CRUD verb, a transition of {entity.name} or an action",
        first.line,
        col,
        suggestion=suggest(text, choices),
    )
    return None
