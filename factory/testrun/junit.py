"""JUnit XML (as pytest writes it) into typed results, with the spec line of each failure."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pydantic import BaseModel

_SPEC_LINE = re.compile(r"([\w./\\-]+\.(?:md|markdown|txt|docx)):(\d+)")


class TestCase(BaseModel):
    name: str
    file: str
    status: str  # passed, failed, skipped
    message: str = ""
    spec_line: str | None = None


class TestResults(BaseModel):
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    cases: list[TestCase] = []

    @property
    def failures(self) -> list[TestCase]:
        return [c for c in self.cases if c.status == "failed"]


def parse_junit(path: Path, docstrings: dict[str, str] | None = None) -> TestResults:
    """Read a JUnit file; `docstrings` maps test names to their `spec: FILE:LINE` when known."""
    results = TestResults()
    if not path.is_file():
        return results
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return results
    for case in root.iter("testcase"):
        name = case.get("name", "")
        file = (case.get("classname") or "").replace(".", "/")
        status, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                status, message = "failed", (child.get("message") or "") + "\n" + (child.text or "")
            elif child.tag == "skipped":
                status, message = "skipped", child.get("message") or ""
        found = _SPEC_LINE.search(message) if message else None
        spec_line = (
            f"{found.group(1)}:{found.group(2)}" if found else (docstrings or {}).get(name.split("[")[0])
        )
        results.cases.append(
            TestCase(
                name=name,
                file=file,
                status=status,
                message=message.strip()[:2000],
                spec_line=spec_line,
            )
        )
    results.passed = sum(1 for c in results.cases if c.status == "passed")
    results.failed = sum(1 for c in results.cases if c.status == "failed")
    results.skipped = sum(1 for c in results.cases if c.status == "skipped")
    return results


def spec_lines_of_tests(tests_dir: Path) -> dict[str, str]:
    """`test name -> FILE:LINE` from the `spec: FILE:LINE` docstrings of generated tests."""
    found: dict[str, str] = {}
    pattern = re.compile(r'def (test_\w+)\(.*?\n\s+"""[^"]*?(?:spec: )?([\w./-]+\.(?:md|txt|docx):\d+)', re.S)
    for path in sorted(tests_dir.glob("test_*.py")):
        for name, line in pattern.findall(path.read_text(encoding="utf-8")):
            found[name] = line
    return found
