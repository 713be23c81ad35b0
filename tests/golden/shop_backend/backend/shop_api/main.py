"""The Shop API: `create_app()` builds the FastAPI application.

The HTTP contract is `design/openapi.json`, served as-is at /openapi.json.
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

from shop_api import actions_router, pages_router
from shop_api.auth import bootstrap_admin
from shop_api.auth import router as auth_router
from shop_api.auth import users as users_router
from shop_api.core import errors
from shop_api.db import make_engine, make_sessions
from shop_api.routers import cart_item, category, order, order_item, product
from shop_api.settings import Settings, load_settings

HERE = Path(__file__).resolve().parent


def migrate(url: str) -> None:
    """Bring the database schema up to date (Alembic `upgrade head`)."""
    config = Config(str(HERE / "alembic.ini"))
    config.set_main_option("script_location", str(HERE / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


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
    return app
