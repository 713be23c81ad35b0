"""The initial schema of Shop, as declared in `specs/shop.md`.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op
from shop_api import models  # noqa: F401 - registers the tables
from shop_api.db import Base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table of the model (see design/schema.*.sql for the DDL)."""
    Base.metadata.create_all(op.get_bind())


def downgrade() -> None:
    Base.metadata.drop_all(op.get_bind())
