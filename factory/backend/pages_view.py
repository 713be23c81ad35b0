"""View data for `pages_router.py`: list pages whose `own`/`where` narrow the rows (§10)."""

from __future__ import annotations

from typing import Any

from factory.architect.pages import page_endpoints
from factory.backend.access_view import condition_sql
from factory.ir.model import Spec


def _doc(text: str) -> str:
    """Spec text inside a generated docstring, on one line."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def pages_view(spec: Spec) -> dict[str, Any]:
    pages = []
    for p in page_endpoints(spec):
        e = spec.entity(p.page.entity)
        assert e is not None
        pages.append(
            {
                "slug": p.slug,
                "path": p.path,
                "doc": _doc(f"{p.page.display} ({spec.source}:{p.page.loc.line}): {p.clause}."),
                "api": e.snake.upper(),
                "user": e.builtin and e.name == "User",
                "condition": condition_sql(p.page.condition, e, spec),
            }
        )
    return {"pages": pages}
