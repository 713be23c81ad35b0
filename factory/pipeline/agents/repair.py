"""The repairer. Deterministic by default: it fixes only what needs no judgement.

A failed build is retried with a fresh install. Failing tests are traced to files
that changed since they were generated (the manifest keeps their hashes); such
files are a person's work and are never overwritten, so the run stops red with a
report naming them, the failing tests and their spec lines. An LLM-backed repairer
can take this seam later (RunContext.repairer).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factory.build.local import STAMP
from factory.manifest import edited_files
from factory.pipeline.agents.common import emit
from factory.pipeline.state import State


def repair(state: State) -> dict[str, Any]:
    root = Path(state["output"])
    if not state.get("build", {}).get("ok"):
        (root / ".venv" / STAMP).unlink(missing_ok=True)
        emit("repair", action="rebuild")
        return {"repair": {"action": "rebuild", "reason": "the build failed; installing again"}}
    edited = edited_files(root)
    failures = state.get("tests", {}).get("failures", [])
    reason = "no deterministic fix for the failing tests; an LLM repairer could propose one"
    if edited:
        reason = "generated files were changed by hand; they are kept as they are: " + ", ".join(
            f"{e['path']} ({e['change']}, from {e['source']})" for e in edited
        )
    emit("repair", action="none", reason=reason)
    return {
        "repair": {
            "action": "none",
            "reason": reason,
            "edited": edited,
            "failing": [{"test": f["name"], "spec_line": f.get("spec_line")} for f in failures],
        }
    }
