"""The analyst agent: the document into the typed model, or diagnostics."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factory.compiler import compile_spec
from factory.pipeline.agents.common import emit, stage
from factory.pipeline.state import State


def analyst(state: State) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with stage("analyst", timings):
        spec, diags = compile_spec(Path(state["spec_path"]), state["spec_path"])
    items = [d.model_dump(mode="json") for d in diags.sorted()]
    emit("diagnostics", count=len(items), errors=sum(1 for d in items if d["severity"] == "error"))
    if spec is None:
        return {"diagnostics": items, "timings": timings, "status": "failed"}
    return {"spec": spec.model_dump_json(), "diagnostics": items, "timings": timings}
