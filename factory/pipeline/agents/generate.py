"""The architect, backend engineer, frontend engineer and QA agents: they write the repository's files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langgraph.runtime import Runtime

from factory.architect import design
from factory.artifacts import GeneratedFile
from factory.backend import BackendError
from factory.compiler import MODEL_PATH, model_json
from factory.pipeline.agents.common import emit, spec_of, stage
from factory.pipeline.context import RunContext
from factory.pipeline.files import write_generated
from factory.pipeline.state import State


def _write(state: State, files: list[GeneratedFile], force: bool) -> dict[str, Any]:
    entries, warnings = write_generated(Path(state["output"]), files, force=force)
    emit("files", count=len(entries))
    diags = [
        {
            "severity": "warning",
            "code": "edited-file",
            "message": w,
            "file": "",
            "line": 0,
            "col": 0,
            "suggestion": None,
        }
        for w in warnings
    ]
    return {"files": entries, "diagnostics": diags}


def architect(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("architect", timings):
        spec = spec_of(state)
        files = [
            GeneratedFile(path=p, content=c, template="design", source="spec")
            for p, c in design(spec).items()
        ]
        files.append(GeneratedFile(path=MODEL_PATH, content=model_json(spec), source="spec"))
        out = _write(state, files, runtime.context.force)
    return {**out, "timings": timings}


def backend(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("backend", timings):
        try:
            files = runtime.context.backend(spec_of(state))
        except BackendError as exc:
            return {
                "diagnostics": [d.model_dump(mode="json") for d in exc.diagnostics],
                "status": "failed",
                "timings": timings,
            }
        out = _write(state, files, runtime.context.force)
    return {**out, "timings": timings}


def frontend(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("frontend", timings):
        files = runtime.context.frontend(spec_of(state))
        out = _write(state, files, runtime.context.force)
    return {**out, "timings": timings}


def qa(state: State, runtime: Runtime[RunContext]) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("qa", timings):
        source = Path(state["spec_path"])
        text = source.read_text(encoding="utf-8") if source.suffix != ".docx" else ""
        spec = spec_of(state)
        files = [*runtime.context.tests(spec, text), *runtime.context.ui_tests(spec, text)]
        out = _write(state, files, runtime.context.force)
    return {**out, "timings": timings}
