"""The builder agent (local virtualenv, then the frontend) and the tester agent (pytest, then browsers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from factory.build import build_frontend, build_local
from factory.pipeline.agents.common import emit, stage
from factory.pipeline.context import RunContext
from factory.pipeline.state import State
from factory.testrun import TestResults, run_tests
from factory.testrun.ui import run_ui_tests


def _has_frontend(root: Path) -> bool:
    return (root / "frontend" / "package.json").is_file()


def _added(state: State, timings: dict[str, float], name: str) -> dict[str, float]:
    return (
        {name: round(timings[name] + state.get("timings", {}).get(name, 0.0), 3)} if name in timings else {}
    )


def build(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    root = Path(state["output"])
    with stage("build", timings):
        builder = runtime.context.builder or build_local
        result = builder(root)
    emit("build", ok=result.ok, reused=result.reused, downloaded=result.downloaded)
    summary: dict[str, Any] = {
        "ok": result.ok,
        "python": result.python,
        "log": result.log,
        "reused": result.reused,
        "downloaded": result.downloaded,
    }
    if result.ok and _has_frontend(root):
        with stage("frontend_build", timings):
            web = (runtime.context.frontend_builder or build_frontend)(root)
        emit("frontend_build", ok=web.ok, reused=web.reused, downloaded=web.downloaded)
        summary["frontend"] = {
            "ok": web.ok,
            "reused": web.reused,
            "downloaded": web.downloaded,
            "steps": [{"name": s.name, "ok": s.ok, "seconds": s.seconds} for s in web.steps],
        }
        if not web.ok:
            summary.update(ok=False, log=web.log)
    return {
        "build": summary,
        "timings": {**_added(state, timings, "build"), **_added(state, timings, "frontend_build")},
    }


def _suite(results: TestResults) -> dict[str, int]:
    return {"passed": results.passed, "failed": results.failed, "skipped": results.skipped}


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
    root = Path(state["output"])
    python = state["build"]["python"]
    with stage("test", timings):
        results, output = run_tests(root, python, runtime.context.test_timeout)
    emit("tests", suite="api", passed=results.passed, failed=results.failed, skipped=results.skipped)
    suites = {"api": _suite(results)}
    cases = list(results.cases)
    if _has_frontend(root) and runtime.context.browser_tests:
        with stage("ui_test", timings):
            ui, ui_output = run_ui_tests(root, python, runtime.context.test_timeout)
        emit("tests", suite="ui", passed=ui.passed, failed=ui.failed, skipped=ui.skipped)
        suites["ui"] = _suite(ui)
        cases += ui.cases
        if ui.failed or not ui.cases:
            output = f"{output}\n{ui_output}".strip()
    failures = [c.model_dump() for c in cases if c.status == "failed"]
    failed_sets = [*state.get("failed_sets", []), sorted(c["name"] for c in failures)]
    totals = {k: sum(s[k] for s in suites.values()) for k in ("passed", "failed", "skipped")}
    return {
        "iterations": iterations,
        "failed_sets": failed_sets,
        "tests": {
            **totals,
            "suites": suites,
            "failures": failures,
            "output": output if totals["failed"] or not cases else "",
        },
        "timings": {**_added(state, timings, "test"), **_added(state, timings, "ui_test")},
    }
