"""Generated code is checked before it is written: syntax errors with their place and template."""

from __future__ import annotations

from pathlib import Path

from factory.artifacts import GeneratedFile
from factory.codecheck import format_python, syntax_errors
from factory.testrun import parse_junit


def test_syntax_errors_name_file_line_and_template() -> None:
    bad = GeneratedFile(
        path="pkg/a.py",
        content="x = 1\ndef f(:\n    return x\n",
        template="backend/a.py.j2",
        source="entity:Thing",
    )
    good = GeneratedFile(path="pkg/b.py", content="y = 2\n")
    errors = syntax_errors([bad, good])
    assert errors and {e.file for e in errors} == {"pkg/a.py"}
    first = errors[0]
    assert first.line == 2 and "backend/a.py.j2" in first.message and "entity:Thing" in first.message
    assert "def f(:" in first.message


def test_format_python_applies_ruff() -> None:
    files, report = format_python([GeneratedFile(path="m.py", content="import os\nx=[1,2 ,3]\n")])
    assert files[0].content == "x = [1, 2, 3]\n" and report == ""


def test_junit_results_carry_spec_lines(tmp_path: Path) -> None:
    xml = tmp_path / "junit.xml"
    xml.write_text(
        '<testsuites><testsuite><testcase classname="tests.test_scenarios" name="test_a"/>'
        '<testcase classname="tests.test_product" name="test_b"><failure message="boom">'
        "AssertionError: specs/shop.md:42: expect pen.stock = 7</failure></testcase>"
        '<testcase classname="tests.test_c" name="test_c"><skipped message="later"/></testcase>'
        "</testsuite></testsuites>",
        encoding="utf-8",
    )
    results = parse_junit(xml, {"test_a": "specs/shop.md:1"})
    assert (results.passed, results.failed, results.skipped) == (1, 1, 1)
    assert results.failures[0].spec_line == "specs/shop.md:42"
    assert results.cases[0].spec_line == "specs/shop.md:1"
