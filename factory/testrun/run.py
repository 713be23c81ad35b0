"""Run the generated tests in the repo's own virtualenv, with a JUnit report."""

from __future__ import annotations

import subprocess
from pathlib import Path

from factory.testrun.junit import TestResults, parse_junit, spec_lines_of_tests

JUNIT = ".factory/junit.xml"


def run_tests(root: Path, python: str, timeout: float = 900) -> tuple[TestResults, str]:
    """(results, the tail of pytest's output)."""
    root = root.resolve()
    report = root / JUNIT
    report.parent.mkdir(parents=True, exist_ok=True)
    report.unlink(missing_ok=True)
    cmd = [
        python,
        "-m",
        "pytest",
        "tests",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--junitxml={JUNIT}",
        "-W",
        "ignore::DeprecationWarning",
    ]
    try:
        done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=timeout, check=False)
        output = done.stdout + done.stderr
    except subprocess.TimeoutExpired as exc:
        partial = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        output = f"tests timed out after {timeout:.0f} s\n{partial}"
    results = parse_junit(report, spec_lines_of_tests(root / "tests"))
    return results, "\n".join(output.strip().splitlines()[-40:])
