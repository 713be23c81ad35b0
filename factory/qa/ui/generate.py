"""Render the generated repository's browser tests: `frontend/playwright.config.ts` and `frontend/e2e/`."""

from __future__ import annotations

from typing import Any

from factory.artifacts import GeneratedFile
from factory.backend.naming import package
from factory.ir.model import Entity, Spec
from factory.qa.ui.suites import auth_tests, crud_tests, page_tests, scenario_tests
from factory.render import render

SUPPORT = ("api", "compare", "run", "system", "ui")


def _label(entity: Entity) -> str | None:
    """§10: a reference shows the target's first required text field (User: `username`)."""
    if entity.builtin:
        return "username"
    return next((f.name for f in entity.fields if f.required and f.type.kind == "text"), None)


def model_data(spec: Spec) -> dict[str, Any]:
    return {
        "app": spec.name,
        "package": package(spec),
        "source": spec.source,
        "auth": spec.settings.auth,
        "defaultRole": spec.default_role.name if spec.default_role and spec.settings.auth == "jwt" else None,
        "roles": {r.name: r.display for r in spec.roles},
        "entities": {e.name: {"path": e.path, "label": _label(e)} for e in spec.entities},
    }


def generate_ui_tests(spec: Spec, source_text: str) -> list[GeneratedFile]:
    """The Playwright config, its support code and one test file per concern (and per scenario)."""
    lines = source_text.splitlines()
    common: dict[str, Any] = {"source": spec.source}

    def file(path: str, template: str, origin: str, **data: Any) -> GeneratedFile:
        content = render(template, **common, **data)
        return GeneratedFile(path=f"frontend/{path}", content=content, template=template, source=origin)

    locale = "zh-CN" if spec.settings.ui_language == "zh" else "en-US"
    files = [
        file("playwright.config.ts", "e2e/playwright.config.ts.j2", "spec", locale=locale),
        file("e2e/support/model.ts", "e2e/support/model.ts.j2", "spec", model=model_data(spec)),
    ]
    files += [file(f"e2e/support/{name}.ts", f"e2e/support/{name}.ts.j2", "spec") for name in SUPPORT]
    files.append(file("e2e/auth.spec.ts", "e2e/auth.spec.ts.j2", "roles", **auth_tests(spec)))
    pages = page_tests(spec, lines)
    if pages:
        files.append(file("e2e/pages.spec.ts", "e2e/pages.spec.ts.j2", "pages", tests=pages))
    crud = crud_tests(spec)
    if crud["trips"] or crud["invalid"]:
        files.append(file("e2e/crud.spec.ts", "e2e/crud.spec.ts.j2", "pages", **crud))
    for sc in scenario_tests(spec, lines):
        files.append(file(f"e2e/{sc['file']}", "e2e/scenario.spec.ts.j2", "scenarios", test=sc))
    return files
