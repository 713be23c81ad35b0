"""QA's browser tests: Playwright tests of the generated UI, derived from the IR (never from the UI code).

The contract with the UI is docs/frontend-contract.md (routes, test ids, how a system starts).
"""

from __future__ import annotations

from factory.qa.ui.generate import generate_ui_tests

__all__ = ["generate_ui_tests"]
