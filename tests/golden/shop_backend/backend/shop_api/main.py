"""The Shop API: `create_app()` builds the FastAPI application.

The HTTP contract is `design/openapi.json`, served as-is at /openapi.json.
When the built web UI exists (`FRONTEND_DIST`, else `frontend/dist` of the repository),
it is served from the same origin at /ui/ (and / redirects there).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from fastapi.responses import FileResponse, RedirectResponse

from shop_api import actions_router, pages_router
from shop_api.auth import bootstrap_admin
from shop_api.auth import router as auth_router
from shop_api.auth import users as users_router
from shop_api.core import errors
from shop_api.db import make_engine, make_sessions
from shop_api.routers import cart_item, category, order, order_item, product
from shop_api.settings import Settings, load_settings

HERE = Path(__file__).resolve().parent

# Types of the files a Vite build writes; others are guessed from the file name.
MEDIA_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
}


def migrate(url: str) -> None:
    """Bring the database schema up to date (Alembic `upgrade head`)."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


def serve_frontend(app: FastAPI, dist: Path) -> None:
    """The built UI at /ui/: its files, else index.html (client-side routes); / redirects to /ui/."""
    root = dist.resolve()
    index = root / "index.html"

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    @app.api_route("/ui", methods=["GET", "HEAD"], include_in_schema=False)
    def ui_root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    @app.api_route("/ui/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def ui(path: str) -> FileResponse:
        try:
            target = (root / path).resolve()
            found = path != "" and target.is_relative_to(root) and target.is_file()
        except (OSError, ValueError):  # a null byte, a name too long
            found = False
        if not found or target == index:
            return FileResponse(index, media_type="text/html", headers={"Cache-Control": "no-cache"})
        return FileResponse(target, media_type=MEDIA_TYPES.get(target.suffix.lower()))


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    engine = make_engine(settings.database_url)
    sessions = make_sessions(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        migrate(settings.database_url)
        with sessions() as session:
            bootstrap_admin(session, settings.admin_username, settings.admin_password, settings.admin_email)
        yield
        engine.dispose()

    app = FastAPI(title="Shop", version="1.0.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.sessions = sessions
    errors.install(app)
    app.include_router(auth_router)
    app.include_router(users_router)
    app.include_router(category.router)
    app.include_router(product.router)
    app.include_router(cart_item.router)
    app.include_router(order.router)
    app.include_router(order_item.router)
    app.include_router(actions_router.router)
    app.include_router(pages_router.router)
    contract: dict[str, Any] = json.loads(
        resources.files("shop_api").joinpath("openapi.json").read_text("utf-8")
    )
    app.openapi = lambda: contract  # type: ignore[method-assign]
    if settings.frontend_dist is not None and (settings.frontend_dist / "index.html").is_file():
        serve_frontend(app, settings.frontend_dist)
    return app
