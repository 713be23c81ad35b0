"""Render the generated repository's `tests/` folder."""

from __future__ import annotations

from typing import Any

from factory.artifacts import GeneratedFile
from factory.backend.naming import package
from factory.codecheck import format_python, syntax_errors
from factory.ir.model import Spec
from factory.qa.entity_tests import entity_tests, factories
from factory.qa.expect import QaError
from factory.qa.scenarios import concurrency_tests, scenario_tests
from factory.render import render


def generate_tests(spec: Spec, source_text: str = "") -> list[GeneratedFile]:
    """Every test file; `source_text` (the document) lets failures quote their step."""
    lines = source_text.splitlines()
    common: dict[str, Any] = {
        "package": package(spec),
        "source": spec.source,
        "default_role": spec.default_role.name if spec.default_role and spec.settings.auth == "jwt" else None,
        "paths": {e.name: e.path for e in spec.entities},
    }

    def file(path: str, template: str, origin: str, **data: Any) -> GeneratedFile:
        return GeneratedFile(
            path=path, content=render(template, **common, **data), template=template, source=origin
        )

    files = [
        GeneratedFile(path="tests/__init__.py", content="", source="spec"),
        file("tests/conftest.py", "tests/conftest.py.j2", "spec"),
        file("tests/support.py", "tests/support.py.j2", "spec"),
        file("tests/factories.py", "tests/factories.py.j2", "entities", factories=factories(spec)),
    ]
    for e in entity_tests(spec):
        files.append(
            file(f"tests/test_{e['snake']}.py", "tests/test_entity.py.j2", f"entity:{e['name']}", e=e)
        )
    if spec.scenarios:
        files.append(
            file(
                "tests/test_scenarios.py",
                "tests/test_scenarios.py.j2",
                "scenarios",
                tests=scenario_tests(spec, lines),
            )
        )
    concurrent = concurrency_tests(spec, lines)
    if concurrent:
        files.append(
            file(
                "tests/test_concurrency.py",
                "tests/test_concurrency.py.j2",
                "actions",
                tests=concurrent,
            )
        )
    broken = syntax_errors(files)
    if broken:
        raise QaError("\n".join(d.format() for d in broken))
    return format_python(files)[0]
