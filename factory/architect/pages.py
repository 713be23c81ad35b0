"""Page endpoints: `GET /pages/<page>` for every list page whose rows are narrowed (§10).

A list page with `own` or `where` shows fewer rows than the entity's list; the backend
serves those rows at `/pages/<code name>` (`/pages/Cart`, `/pages/my_orders`), so the UI
never filters on the client. Page code names are distinct identifiers (§2), so are the paths.
"""

from __future__ import annotations

from dataclasses import dataclass

from factory.ir.model import Page, Spec


@dataclass(frozen=True)
class PageEndpoint:
    page: Page
    slug: str  # the last segment of the path, the page's code name; names the operation too

    @property
    def path(self) -> str:
        return f"/pages/{self.slug}"

    @property
    def operation_id(self) -> str:
        return f"page_{self.slug}"

    @property
    def clause(self) -> str:
        """The page's main clause as the document writes it: `list CartItem own`."""
        c = self.page.condition
        text = f"list {self.page.entity}"
        if c.where_source:
            text += f" where {c.where_source}"
        if c.own:
            text += " own"
        return text


def is_narrowed(page: Page) -> bool:
    return page.view == "list" and (page.condition.own or page.condition.where is not None)


def page_endpoints(spec: Spec) -> list[PageEndpoint]:
    """The narrowed list pages and their endpoints, in document order.

    The analyst does not refuse two pages written with the same code name; the second
    such page gets `_2` (and so on) rather than a clashing route.
    """
    out: list[PageEndpoint] = []
    taken = {p.name for p in spec.pages}
    seen: set[str] = set()
    for page in spec.pages:
        if not is_narrowed(page):
            continue
        slug, n = page.name, 1
        while slug in seen or (n > 1 and slug in taken):
            n += 1
            slug = f"{page.name}_{n}"
        seen.add(slug)
        out.append(PageEndpoint(page, slug))
    return out


def page_path(spec: Spec, page: Page) -> str | None:
    """`/pages/<code name>` for a narrowed list page of `spec.pages`; None when the UI should use
    the entity's own list."""
    return next((p.path for p in page_endpoints(spec) if p.page is page), None)
