"""Settings of the Shop API, read from environment variables when the app is created."""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

# The repository's built web UI: backend/shop_api/settings.py -> frontend/dist.
FRONTEND_DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


@dataclass(frozen=True)
class Settings:
    database_url: str
    jwt_secret: str
    jwt_expire_minutes: int
    admin_username: str
    admin_password: str
    admin_email: str
    frontend_dist: Path | None = None  # the built web UI served at /ui/, if it exists


def load_settings() -> Settings:
    secret = os.environ.get("JWT_SECRET")
    if not secret:
        secret = secrets.token_urlsafe(32)
        print("warning: JWT_SECRET is not set; tokens last until the process ends", file=sys.stderr)
    password = os.environ.get("ADMIN_PASSWORD")
    if not password:
        password = secrets.token_urlsafe(12)
        print(f"bootstrap admin password (set ADMIN_PASSWORD to choose it): {password}", file=sys.stderr)
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///./shop.db"),
        jwt_secret=secret,
        jwt_expire_minutes=int(os.environ.get("JWT_EXPIRE_MINUTES", "60")),
        admin_username=os.environ.get("ADMIN_USERNAME", "admin"),
        admin_password=password,
        admin_email=os.environ.get("ADMIN_EMAIL", "admin@example.test"),
        frontend_dist=Path(os.environ.get("FRONTEND_DIST") or FRONTEND_DIST),
    )
