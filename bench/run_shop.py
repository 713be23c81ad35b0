"""Benchmark: `generate` time, warm `factory run` time for specs/shop.md, and the frontend's share.

Goals on a 2-core machine: generate < 1 s, warm run < 60 s. The first run fills the
wheel cache and the virtualenv; the timed run reuses them, as a developer's second run does.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from factory.backend import generate_backend
from factory.compiler import compile_spec, design_files
from factory.frontend import generate_frontend
from factory.pipeline.context import RunContext
from factory.pipeline.run import run_pipeline
from factory.qa import generate_tests

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "shop.md"


def generate_seconds() -> float:
    start = time.perf_counter()
    spec, _ = compile_spec(SPEC, "specs/shop.md")
    assert spec is not None
    design_files(spec)
    generate_backend(spec)
    generate_frontend(spec)
    generate_tests(spec, SPEC.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    gen = [generate_seconds() for _ in range(5)]
    print(
        f"generate: median {statistics.median(gen):.2f} s over 5 runs (goal < 1 s: "
        f"{statistics.median(gen):.0%} of the budget)"
    )
    out = Path(tempfile.mkdtemp(prefix="factory-bench-"))
    try:
        first = run_pipeline(str(SPEC), out, RunContext())
        assert first["status"] == "passed", first.get("tests")
        start = time.perf_counter()
        warm = run_pipeline(str(SPEC), out, RunContext())
        total = time.perf_counter() - start
        assert warm["status"] == "passed"
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in warm["timings"].items())
        print(f"warm run: {total:.1f} s (goal < 60 s: {total / 60:.0%} of the budget); {stages}")
        print(f"tests: {warm['tests']['passed']} passed ({warm['tests'].get('suites', {})})")
        timings = warm["timings"]
        web = {k: timings.get(k, 0.0) for k in ("frontend", "frontend_build", "ui_test")}
        share = sum(web.values()) / total
        print(
            f"frontend share of the warm run: {share:.0%} "
            f"(generate {web['frontend']:.2f} s, build {web['frontend_build']:.1f} s, "
            f"browser tests {web['ui_test']:.1f} s of {total:.1f} s)"
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
