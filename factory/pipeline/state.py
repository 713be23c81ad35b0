"""The graph's state. Everything in it is plain JSON so checkpoints stay readable and portable."""

from __future__ import annotations

import operator
from typing import Annotated, Any, TypedDict


class InputState(TypedDict):
    spec_path: str  # the document, as the user named it
    output: str  # the output folder


class State(InputState, total=False):
    spec: str  # the analysed model (Spec as JSON)
    diagnostics: Annotated[list[dict[str, Any]], operator.add]
    files: Annotated[list[dict[str, Any]], operator.add]  # generated files: path, sha256, template, source
    build: dict[str, Any]  # the last build's result
    tests: dict[str, Any]  # the last test run's results
    iterations: int  # build → test rounds so far
    failed_sets: list[list[str]]  # failing test names per round, for the repeated-failure detector
    repair: dict[str, Any]  # what the repairer did or why it stopped
    timings: Annotated[dict[str, float], lambda a, b: {**a, **b}]
    status: str  # passed | failed
