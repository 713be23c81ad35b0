"""The backend engineer: the IR into a FastAPI + SQLAlchemy + Alembic package and repo files."""

from __future__ import annotations

from factory.backend.generate import BackendError, generate_backend

__all__ = ["BackendError", "generate_backend"]
