"""The frontend engineer: the document's pages as a React + TypeScript app (`frontend/`)."""

from factory.frontend.generate import generate_frontend

__all__ = ["generate_frontend"]
