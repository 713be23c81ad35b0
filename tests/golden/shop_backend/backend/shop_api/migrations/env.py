"""Alembic environment of the Shop API."""

from __future__ import annotations

from alembic import context
from shop_api import models  # noqa: F401 - registers the tables
from shop_api.db import Base
from sqlalchemy import engine_from_config, pool

config = context.config
target_metadata = Base.metadata


def run() -> None:
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()
