"""The last node: `.factory/report.json` and `.factory/manifest.json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factory.manifest import MANIFEST, REPORT, edited_files, report_json
from factory.output import inside, write_atomic
from factory.pipeline.agents.common import emit
from factory.pipeline.state import State


def green(state: State) -> bool:
    tests = state.get("tests") or {}
    return (
        bool(state.get("build", {}).get("ok")) and tests.get("failed", 1) == 0 and tests.get("passed", 0) > 0
    )


def report(state: State) -> dict[str, Any]:
    root = Path(state["output"])
    status = "passed" if state.get("status") != "failed" and green(state) else "failed"
    tests = state.get("tests") or {}
    body = {
        "status": status,
        "tests": {k: tests.get(k, 0) for k in ("passed", "failed", "skipped")},
        "suites": tests.get("suites", {}),
        "frontend": (state.get("build") or {}).get("frontend"),
        "iterations": state.get("iterations", 0),
        "timings": state.get("timings", {}),
        "llm": {"calls": 0, "tokens": 0},
        "failures": [
            {
                "test": f["name"],
                "file": f["file"],
                "spec_line": f.get("spec_line"),
                "message": f["message"][:500],
            }
            for f in tests.get("failures", [])
        ],
        "repair": state.get("repair"),
        "edited_files": edited_files(root) if root.exists() else [],
        "diagnostics": [d for d in state.get("diagnostics", []) if d.get("severity") != "note"],
    }
    if root.exists():
        write_atomic(inside(root, REPORT), report_json(body))
        files = {f["path"]: f for f in state.get("files", [])}
        manifest = {"files": [files[p] for p in sorted(files)]}
        write_atomic(inside(root, MANIFEST), json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    emit("report", status=status, tests=body["tests"])
    return {"status": status}
