"""The graph: analyst → architect → backend → frontend → qa → build → test → repair? → build …, report."""

from __future__ import annotations

import time
from typing import Literal

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from factory.pipeline.agents.analyst import analyst
from factory.pipeline.agents.build import build, test
from factory.pipeline.agents.generate import architect, backend, frontend, qa
from factory.pipeline.agents.repair import repair
from factory.pipeline.agents.report import green, report
from factory.pipeline.context import RunContext
from factory.pipeline.state import InputState, State


def after_analyst(state: State) -> Literal["architect", "report"]:
    return "report" if state.get("status") == "failed" else "architect"


def after_backend(state: State) -> Literal["frontend", "report"]:
    return "report" if state.get("status") == "failed" else "frontend"


def after_test(state: State, runtime: Runtime[RunContext]) -> Literal["repair", "report"]:
    """Green → done; red → repair, unless the budget is spent or the same tests fail twice."""
    if green(state):
        return "report"
    ctx = runtime.context
    if state.get("iterations", 0) >= ctx.max_iterations:
        return "report"
    if ctx.started and time.monotonic() - ctx.started > ctx.max_seconds:
        return "report"
    sets = state.get("failed_sets", [])
    if len(sets) >= 2 and sets[-1] and sets[-1] == sets[-2]:
        return "report"
    return "repair"


def after_repair(state: State) -> Literal["build", "report"]:
    return "build" if (state.get("repair") or {}).get("action") not in (None, "none") else "report"


def builder() -> StateGraph[State, RunContext, InputState, State]:
    g = StateGraph(State, input_schema=InputState, context_schema=RunContext)
    for name, node in [
        ("analyst", analyst),
        ("architect", architect),
        ("backend", backend),
        ("frontend", frontend),
        ("qa", qa),
        ("build", build),
        ("test", test),
        ("repair", repair),
        ("report", report),
    ]:
        g.add_node(name, node)  # type: ignore[call-overload]
    g.add_edge(START, "analyst")
    g.add_conditional_edges("analyst", after_analyst)
    g.add_edge("architect", "backend")
    g.add_conditional_edges("backend", after_backend)
    g.add_edge("frontend", "qa")
    g.add_edge("qa", "build")
    g.add_edge("build", "test")
    g.add_conditional_edges("test", after_test)
    g.add_conditional_edges("repair", after_repair)
    g.add_edge("report", END)
    return g
