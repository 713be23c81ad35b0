"""The builder agent (local virtualenv by default) and the tester agent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from factory.build import build_local
from factory.pipeline.agents.common import emit, stage
from factory.pipeline.context import RunContext
from factory.pipeline.state import State
from factory.testrun import run_tests


def build(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("build", timings):
        builder = runtime.context.builder or build_local
        result = builder(Path(state["output"]))
    emit("build", ok=result.ok, reused=result.reused, downloaded=result.downloaded)
    return {
        "build": {
            "ok": result.ok,
            "python": result.python,
            "log": result.log,
            "reused": result.reused,
            "downloaded": result.downloaded,
        },
        "timings": {"build": timings["build"] + state.get("timings", {}).get("build", 0.0)},
    }


def test(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    iterations = state.get("iterations", 0) + 1
    if not state.get("build", {}).get("ok"):
        return {
            "iterations": iterations,
            "tests": {
                "passed": 0,
                "failed": 0,
                "skipped": 0,
                "failures": [],
                "output": state.get("build", {}).get("log", ""),
            },
        }
    with stage("test", timings):
        results, output = run_tests(
            Path(state["output"]), state["build"]["python"], runtime.context.test_timeout
        )
    failures = [c.model_dump() for c in results.failures]
    emit("tests", passed=results.passed, failed=results.failed, skipped=results.skipped)
    failed_sets = [*state.get("failed_sets", []), sorted(c["name"] for c in failures)]
    return {
        "iterations": iterations,
        "failed_sets": failed_sets,
        "tests": {
            "passed": results.passed,
            "failed": results.failed,
            "skipped": results.skipped,
            "failures": failures,
            "output": output if results.failed or not results.cases else "",
        },
        "timings": {"test": timings["test"] + state.get("timings", {}).get("test", 0.0)},
    }
