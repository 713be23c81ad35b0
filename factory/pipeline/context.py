"""Run configuration: budgets and the agents used (deterministic by default, LLM later)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factory.artifacts import GeneratedFile
from factory.ir.model import Spec


def _backend(spec: Spec) -> list[GeneratedFile]:
    from factory.backend import generate_backend

    return generate_backend(spec)


def _tests(spec: Spec, source: str) -> list[GeneratedFile]:
    from factory.qa import generate_tests

    return generate_tests(spec, source)


def _frontend(spec: Spec) -> list[GeneratedFile]:
    from factory.frontend import generate_frontend

    return generate_frontend(spec)


def _ui_tests(spec: Spec, source: str) -> list[GeneratedFile]:
    from factory.qa.ui import generate_ui_tests

    return generate_ui_tests(spec, source) if spec.settings.frontend == "web" else []


@dataclass(kw_only=True)
class RunContext:
    max_iterations: int = int(os.environ.get("FACTORY_MAX_ITERATIONS", "3"))
    max_seconds: float = float(os.environ.get("FACTORY_MAX_MINUTES", "20")) * 60
    test_timeout: float = 900
    force: bool = False
    backend: Callable[[Spec], list[GeneratedFile]] = _backend
    tests: Callable[[Spec, str], list[GeneratedFile]] = _tests
    frontend: Callable[[Spec], list[GeneratedFile]] = _frontend
    ui_tests: Callable[[Spec, str], list[GeneratedFile]] = _ui_tests
    builder: Callable[[Path], Any] | None = None  # defaults to the local builder
    frontend_builder: Callable[[Path], Any] | None = None  # defaults to npm + vite
    browser_tests: bool = os.environ.get("FACTORY_BROWSER_TESTS", "1") != "0"
    started: float = field(default=0.0)
