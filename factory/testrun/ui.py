"""Run a generated repo's browser tests (Playwright, `DIR/frontend`) and read their JUnit report."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from factory.testrun.junit import TestResults, parse_junit

JUNIT_UI = ".factory/junit-ui.xml"
# Test titles end with `(spec: FILE:LINE)`; the title of a failing step starts with its own line.
_SPEC_LINE = re.compile(r"([\w./\\-]+\.(?:md|markdown|txt|docx)):(\d+)")


def with_spec_lines(results: TestResults) -> TestResults:
    """Fill each case's spec line from its title when its failure message names none; name its file."""
    for case in results.cases:
        if case.file.endswith("/spec/ts"):  # parse_junit reads a pytest classname; this one is a file name
            case.file = "frontend/e2e/" + case.file.replace("/", ".")
        if case.spec_line is None:
            found = _SPEC_LINE.search(case.name)
            case.spec_line = f"{found.group(1)}:{found.group(2)}" if found else None
    return results


def run_ui_tests(root: Path, python: str, timeout: float = 900) -> tuple[TestResults, str]:
    """(results, the tail of Playwright's output). `python` runs each test file's system (uvicorn)."""
    root = root.resolve()
    report = root / JUNIT_UI
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    env = {
        **os.environ,
        "E2E_PYTHON": python,
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
        "CI": "1",
        "FORCE_COLOR": "0",
    }
    cmd = ["npx", "--no-install", "playwright", "test"]
    try:
        done = subprocess.run(
            cmd, cwd=root / "frontend", env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired as exc:
        partial = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        output = f"browser tests timed out after {timeout:.0f} s\n{partial}"
    except FileNotFoundError as exc:
        output = f"cannot run the browser tests: {exc}"
    results = with_spec_lines(parse_junit(report))
    return results, "\n".join(output.strip().splitlines()[-40:])
