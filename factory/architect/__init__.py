"""The architect's design stage: design artifacts from the IR, byte-identical for the same IR."""

from __future__ import annotations

from factory.architect.docs import architecture, traceability
from factory.architect.openapi import openapi_document
from factory.architect.schema_sql import ddl
from factory.ir.model import Spec

__all__ = ["design"]


def design(spec: Spec) -> dict[str, str]:
    """Relative path -> content of every design artifact."""
    openapi = openapi_document(spec)
    return {
        "design/openapi.json": openapi,
        "design/schema.sqlite.sql": ddl(spec, "sqlite"),
        "design/schema.postgres.sql": ddl(spec, "postgres"),
        "design/architecture.md": architecture(spec),
        "design/traceability.md": traceability(spec, openapi),
    }
