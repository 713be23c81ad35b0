"""The QA engineer: tests derived from the IR and the semantics, never from the generated code."""

from __future__ import annotations

from factory.qa.expect import QaError
from factory.qa.generate import generate_tests

__all__ = ["QaError", "generate_tests"]
