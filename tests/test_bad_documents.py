"""A corpus of broken documents: each gives its exact diagnostic code and position, and no model.

`tests/cases/bad/expected.tsv` lists `file  code  line  col` for every document in the folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factory.compiler import compile_spec
from factory.diagnostics import Severity

BAD = Path(__file__).parent / "cases" / "bad"


def _expected() -> dict[str, tuple[str, int, int]]:
    rows: dict[str, tuple[str, int, int]] = {}
    for line in (BAD / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, row, col = line.split("\t")
            rows[name] = (code, int(row), int(col))
    return rows


EXPECTED = _expected()


def test_every_document_has_an_expectation() -> None:
    documents = {p.name for p in BAD.iterdir() if p.suffix in {".md", ".txt", ".docx"}}
    assert documents == set(EXPECTED)
    assert len(documents) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_document(name: str) -> None:
    code, line, col = EXPECTED[name]
    spec, diags = compile_spec(BAD / name, name)
    assert spec is None, f"{name} compiled without errors"
    errors = [d for d in diags.sorted() if d.severity is Severity.ERROR]
    found = [(d.code, d.line, d.col) for d in errors]
    assert (code, line, col) in found, "\n".join(d.format() for d in errors)
    assert all(d.file == name for d in diags.items)
