"""What the navigation shows per caller, as page keys: `Shop` (nav-Shop / page-Shop) or `e-products`."""

from __future__ import annotations

from factory.ir.model import Spec
from factory.qa.ui.visibility import entity_links, granted, home_page, nav_pages


def nav_keys(spec: Spec, role: str | None) -> list[str]:
    """The page keys of the caller's navigation links, in document order (`nav-KEY` opens `page-KEY`)."""
    if spec.pages:
        keys = [p.name for p in nav_pages(spec, role)]
        if role == "admin":
            keys += [f"e-{e.plural}" for e in entity_links(spec)]
        return keys
    # Without a Pages section the generated entity pages are the whole UI, for the roles that may read them.
    return [
        f"e-{e.plural}"
        for e in entity_links(spec)
        if spec.settings.auth == "none" or role == "admin" or granted(e, role, "read")
    ]


def optional_keys(spec: Spec, role: str | None) -> list[str]:
    """Links the contract leaves open: the built-in User's admin page."""
    return [f"e-{e.plural}" for e in spec.entities if e.builtin] if role == "admin" else []


def home_key(spec: Spec, role: str | None) -> str | None:
    """§10's home page; None when the caller starts on the log-in page."""
    if spec.pages:
        page = home_page(spec, role)
        return page.name if page is not None else None
    keys = nav_keys(spec, role)
    return keys[0] if keys else None
