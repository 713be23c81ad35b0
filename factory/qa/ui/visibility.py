"""Who sees which page (spec-semantics §3, §10): navigation, home pages, the roles a page is for."""

from __future__ import annotations

from factory.ir.model import Entity, Page, Permission, Spec

PSEUDO_ROLES = ("user", "anyone")


def declared_roles(spec: Spec) -> list[str]:
    """The roles a user can have, admin last (admin passes every page)."""
    return [r.name for r in spec.roles if r.name != "admin"] + ["admin"]


def granted(entity: Entity, role: str | None, permission: Permission) -> bool:
    """Some Access grant gives `permission` to `role` (None: anonymous), whatever its condition."""
    if role == "admin":
        return True
    applying = {"anyone"} if role is None else {role, "user", "anyone"}
    return any(g.role in applying and permission in g.permissions for g in entity.access)


def page_roles(spec: Spec, page: Page) -> list[str]:
    """A page's role set; without one, the roles that may read its entity (§10)."""
    if page.roles:
        return list(page.roles)
    entity = spec.entity(page.entity)
    if entity is None:
        return []
    return [g.role for g in entity.access if "read" in g.permissions]


def sees(spec: Spec, page: Page, role: str | None) -> bool:
    """The page is for `role` (None: an anonymous visitor)."""
    if spec.settings.auth == "none" or role == "admin":
        return True
    roles = page_roles(spec, page)
    if role is None:
        return "anyone" in roles
    return role in roles or "user" in roles or "anyone" in roles


def nav_pages(spec: Spec, role: str | None) -> list[Page]:
    """The caller's navigation: their list and form pages, in document order."""
    return [p for p in spec.pages if p.view in ("list", "form") and sees(spec, p, role)]


def home_page(spec: Spec, role: str | None) -> Page | None:
    """§10: the home page naming the role, else `user`'s, else `anyone`'s, else the first page."""
    pages = nav_pages(spec, role)
    wanted = ["anyone"] if role is None else [role, "user", "anyone"]
    for name in wanted:
        for page in pages:
            if page.home and name in page_roles(spec, page):
                return page
    return pages[0] if pages else None


def entity_links(spec: Spec) -> list[Entity]:
    """admin's links to the generated admin UI, one per entity (User's link is optional)."""
    return [e for e in spec.entities if not e.builtin]
