"""Render every backend file from its template and prepared view data."""

from __future__ import annotations

from typing import Any

from factory.architect import design
from factory.artifacts import GeneratedFile
from factory.backend.access_view import access_view
from factory.backend.actions_gen import actions_view
from factory.backend.entities_view import entities_view, entity_view
from factory.backend.exprgen import CompileError
from factory.backend.models_view import models_view
from factory.backend.naming import package, safe_identifier
from factory.backend.pages_view import pages_view
from factory.backend.rows_view import rows_view
from factory.backend.schemas_view import schemas_view
from factory.codecheck import format_python, syntax_errors
from factory.diagnostics import Diagnostic, Severity
from factory.ir.model import Spec
from factory.render import render

CORE = ("ops", "errors", "listing", "serialize", "security", "crud")


class BackendError(Exception):
    """Generation failed; `diagnostics` say where (the spec line or the generated file)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


def _common(spec: Spec) -> dict[str, Any]:
    user = spec.entity("User")
    default_role = spec.default_role.name if spec.default_role else "user"
    return {
        "package": package(spec),
        "title": spec.title,
        "source": spec.source,
        "name": spec.name,
        "language": spec.settings.ui_language,
        "page_size": spec.settings.page_size,
        "default_url": f"sqlite:///./{spec.name}.db",
        "has_users": user is not None,
        "default_role": default_role,
        "description": spec.description,
        "postgres": spec.settings.database == "postgres",
        "extra": spec.extra_sections,
        "web": spec.settings.frontend == "web",
    }


def generate_backend(spec: Spec) -> list[GeneratedFile]:
    """Every file of the backend and the repository around it; raises BackendError."""
    if len(spec.services) > 1 and any(s.entities for s in spec.services[1:]):
        raise BackendError(
            [
                Diagnostic(
                    severity=Severity.ERROR,
                    code="services-unsupported",
                    file=spec.source,
                    line=spec.services[1].loc.line,
                    col=1,
                    message="separately deployable services are not generated yet; "
                    "remove the Services section to build one service",
                )
            ]
        )
    try:
        files = _render(spec)
    except CompileError as exc:
        raise BackendError(
            [
                Diagnostic(
                    severity=Severity.ERROR,
                    code="cannot-compile",
                    file=spec.source,
                    message=str(exc),
                )
            ]
        ) from exc
    broken = syntax_errors(files)
    if broken:
        raise BackendError(broken)
    formatted, _ = format_python(files)
    return formatted


def _file(path: str, template: str, origin: str, **data: Any) -> GeneratedFile:
    return GeneratedFile(path=path, content=render(template, **data), template=template, source=origin)


def _render(spec: Spec) -> list[GeneratedFile]:
    common = _common(spec)
    pages = pages_view(spec)
    pkg = f"backend/{common['package']}"
    files = [
        GeneratedFile(path=f"{pkg}/__init__.py", content=f'"""The {spec.title} API."""\n', source="spec"),
        GeneratedFile(
            path=f"{pkg}/core/__init__.py",
            content='"""Shared request flows and helpers."""\n',
            source="spec",
        ),
        GeneratedFile(
            path=f"{pkg}/routers/__init__.py",
            content='"""HTTP operations per entity."""\n',
            source="spec",
        ),
        GeneratedFile(path=f"{pkg}/migrations/versions/__init__.py", content="", source="spec"),
    ]
    for name in CORE:
        files.append(_file(f"{pkg}/core/{name}.py", f"backend/core/{name}.py.j2", "spec", **common))
    files += [
        _file(f"{pkg}/settings.py", "backend/settings.py.j2", "spec:settings", **common),
        _file(f"{pkg}/db.py", "backend/db.py.j2", "spec:settings", **common),
        _file(f"{pkg}/models.py", "backend/models.py.j2", "entities", **common, **models_view(spec)),
        _file(f"{pkg}/schemas.py", "backend/schemas.py.j2", "entities", **common, **schemas_view(spec)),
        _file(f"{pkg}/access.py", "backend/access.py.j2", "access", **common, **access_view(spec)),
        _file(f"{pkg}/rows.py", "backend/rows.py.j2", "entities", **common, **rows_view(spec)),
        _file(f"{pkg}/rules.py", "backend/rules.py.j2", "entities", **common, **rows_view(spec)),
        _file(
            f"{pkg}/entities.py",
            "backend/entities.py.j2",
            "entities",
            **common,
            **entities_view(spec),
        ),
        _file(f"{pkg}/auth.py", "backend/auth.py.j2", "spec:auth", **common),
        _file(f"{pkg}/actions.py", "backend/actions.py.j2", "actions", **common, **actions_view(spec)),
        _file(
            f"{pkg}/actions_router.py",
            "backend/actions_router.py.j2",
            "actions",
            **common,
            **actions_view(spec),
        ),
        _file(
            f"{pkg}/main.py",
            "backend/main.py.j2",
            "spec",
            **common,
            routers=[safe_identifier(e.snake) for e in spec.entities if not e.builtin],
            pages=bool(pages["pages"]),
        ),
        _file(f"{pkg}/alembic.ini", "backend/alembic.ini.j2", "spec", **common),
        _file(f"{pkg}/migrations/env.py", "backend/migrations/env.py.j2", "spec", **common),
        _file(
            f"{pkg}/migrations/script.py.mako",
            "backend/migrations/script.py.mako.j2",
            "spec",
            **common,
        ),
        _file(
            f"{pkg}/migrations/versions/0001_initial.py",
            "backend/migrations/initial.py.j2",
            "entities",
            **common,
        ),
        GeneratedFile(
            path=f"{pkg}/openapi.json",
            content=design(spec)["design/openapi.json"],
            template="design/openapi",
            source="spec",
        ),
    ]
    if pages["pages"]:
        files.append(
            _file(f"{pkg}/pages_router.py", "backend/pages_router.py.j2", "pages", **common, **pages)
        )
    for e in spec.entities:
        if e.builtin:
            continue
        files.append(
            _file(
                f"{pkg}/routers/{safe_identifier(e.snake)}.py",
                "backend/router.py.j2",
                f"entity:{e.name}",
                **common,
                e=entity_view(e, spec),
            )
        )
    files += [
        _file("requirements.txt", "repo/requirements.txt.j2", "spec", **common),
        _file("pyproject.toml", "repo/pyproject.toml.j2", "spec", **common),
        _file("Makefile", "repo/Makefile.j2", "spec", **common),
        _file("README.md", "repo/README.md.j2", "spec", **common, pages=bool(pages["pages"])),
        _file(".github/workflows/ci.yml", "repo/ci.yml.j2", "spec", **common),
        _file(".gitignore", "repo/gitignore.j2", "spec", **common),
    ]
    return files
