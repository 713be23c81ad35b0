"""The examples' design artifacts match the checked-in golden files byte for byte."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

from tests.golden import BACKEND, CASES, render, render_backend, stored


@pytest.mark.parametrize("case", sorted(CASES))
def test_design_matches_golden(case: str) -> None:
    expected = stored(case)
    assert expected, f"no golden files for {case}: run `make golden`"
    actual = render(case)
    assert sorted(actual) == sorted(expected), "set of generated files changed: run `make golden`"
    for rel, content in expected.items():
        assert actual[rel] == content, f"{case}/{rel} differs from golden: run `make golden` and review"


@pytest.mark.parametrize("case", sorted(CASES))
def test_openapi_validates(case: str) -> None:
    validate(json.loads(render(case)["design/openapi.json"]))


@pytest.mark.parametrize("case", sorted(CASES))
def test_design_is_deterministic(case: str) -> None:
    assert render(case) == render(case)


@pytest.mark.parametrize("case", sorted(BACKEND))
def test_generated_backend_matches_golden_record(case: str) -> None:
    expected = stored(case)
    assert expected, f"no golden record for {case}: run `make golden`"
    actual = render_backend(case)
    assert sorted(actual) == sorted(expected), "set of generated files changed: run `make golden`"
    for rel, content in expected.items():
        assert actual[rel] == content, f"{case}/{rel} differs from the golden record: run `make golden`"
