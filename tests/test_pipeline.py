"""The whole pipeline end to end: generate, build in a virtualenv, run the derived tests.

These build real virtualenvs from the shared wheel cache (the first run downloads wheels).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factory.artifacts import GeneratedFile
from factory.cli import app
from factory.ir.model import Spec
from factory.pipeline.context import RunContext
from factory.pipeline.run import run_pipeline

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("spec", "scenarios"), [("specs/shop.md", 5), ("specs/party.zh.md", 1), ("specs/notes.md", 1)]
)
def test_run_is_green_with_every_scenario(tmp_path: Path, spec: str, scenarios: int) -> None:
    out = tmp_path / "out"
    as_json = spec.endswith(".zh.md")  # one run shows the live view, the other the JSON-lines stream
    result = runner.invoke(app, ["run", str(ROOT / spec), "-o", str(out), *(["--json"] if as_json else [])])
    assert result.exit_code == 0, result.output
    if as_json:
        events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert events[-1]["event"] == "done" and events[-1]["status"] == "passed"
        assert {"stage", "files", "build", "tests", "report"} <= {e["event"] for e in events}
    else:
        assert "tests: " in result.stdout and "passed" in result.stdout
    report = json.loads((out / ".factory" / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "passed" and report["tests"]["failed"] == 0
    assert set(report) >= {"status", "tests", "iterations", "timings", "llm"}
    assert {"analyst", "architect", "backend", "frontend", "qa", "build", "test"} <= set(report["timings"])
    # The web UI is built (tsc, eslint, vite) and its browser tests ran green, with screenshots.
    assert report["frontend"]["ok"] and {s["name"] for s in report["frontend"]["steps"]} == {
        "install",
        "typecheck",
        "lint",
        "build",
    }
    assert report["suites"]["ui"]["passed"] > 0 and report["suites"]["ui"]["failed"] == 0
    assert {"frontend_build", "ui_test"} <= set(report["timings"])
    assert list((out / ".factory" / "screenshots").glob("*.png"))
    junit = (out / ".factory" / "junit.xml").read_text(encoding="utf-8")
    assert junit.count('classname="tests.test_scenarios"') == scenarios
    manifest = json.loads((out / ".factory" / "manifest.json").read_text(encoding="utf-8"))
    paths = {f["path"] for f in manifest["files"]}
    assert {
        "design/openapi.json",
        ".factory/model.json",
        "requirements.txt",
        "tests/test_scenarios.py",
    } <= paths
    assert all(f["sha256"] and f["source"] for f in manifest["files"])


def _broken_backend(spec: Spec) -> list[GeneratedFile]:
    """The real backend with a deliberate bug: creating a product answers 200 instead of 201."""
    from factory.backend import generate_backend

    files = generate_backend(spec)
    return [
        f.model_copy(
            update={
                "content": f.content.replace(
                    '@router.post("", status_code=201)', '@router.post("", status_code=200)'
                )
            }
        )
        if f.path.endswith("routers/product.py")
        else f
        for f in files
    ]


def _api_only(**options: Any) -> RunContext:
    """A run without the web UI, for tests about the backend half of the loop."""
    return RunContext(frontend=lambda spec: [], ui_tests=lambda spec, text: [], **options)


def test_a_broken_file_ends_red_with_spec_lines_within_budget(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    ctx = _api_only(max_iterations=2, backend=_broken_backend)
    state = run_pipeline(str(ROOT / "specs/shop.md"), out, ctx)
    assert state["status"] == "failed"
    assert state["iterations"] <= 2
    report = json.loads((out / ".factory" / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "failed" and report["tests"]["failed"] > 0
    lines = {f["spec_line"] for f in report["failures"]}
    assert any(line and line.endswith(("shop.md:28", "shop.md:154", "shop.md:167")) for line in lines), lines
    assert report["repair"]["action"] == "none"


def test_hand_edits_are_kept_and_reported(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    spec = str(ROOT / "specs/party.zh.md")
    assert run_pipeline(spec, out, _api_only())["status"] == "passed"
    edited = next(out.glob("backend/*/routers/dish.py"))
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("status_code=201", "status_code=202"),
        encoding="utf-8",
    )
    state = run_pipeline(spec, out, _api_only(max_iterations=1))
    assert "status_code=202" in edited.read_text(encoding="utf-8")  # a person's work is never overwritten
    assert edited.with_name("dish.py.factory-new").is_file()
    assert state["status"] == "failed"
    report = json.loads((out / ".factory" / "report.json").read_text(encoding="utf-8"))
    assert [e["path"] for e in report["edited_files"]] == [str(edited.relative_to(out))]
    assert report["edited_files"][0]["source"] == "entity:Dish"


def test_resume_continues_from_the_checkpoint(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    spec = str(ROOT / "specs/party.zh.md")
    events: list[dict[str, object]] = []
    first = run_pipeline(spec, out, _api_only(), on_event=events.append, interrupt_after=["backend"])
    assert "status" not in first and not (out / "tests").exists()
    events.clear()
    state = run_pipeline(spec, out, _api_only(), resume=True, on_event=events.append)
    assert state["status"] == "passed"
    stages = [e["stage"] for e in events if e.get("event") == "stage" and e.get("state") == "started"]
    assert stages == ["frontend", "qa", "build", "test"]


def test_verify_and_generate_commands(tmp_path: Path) -> None:
    out = tmp_path / "gen"
    result = runner.invoke(app, ["generate", str(ROOT / "specs/party.zh.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / ".factory" / "manifest.json").is_file() and (out / "tests" / "test_scenarios.py").is_file()
    assert (out / "frontend" / "src" / "app" / "pages.ts").is_file()
    verified = runner.invoke(app, ["verify", str(out), "--no-browser"])
    assert verified.exit_code == 0, verified.output
    assert runner.invoke(app, ["verify", str(tmp_path)]).exit_code == 2
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    assert runner.invoke(app, ["run", str(ROOT / "specs/shop.md"), "-o", str(mine)]).exit_code == 2
    assert (
        runner.invoke(
            app, ["run", str(ROOT / "specs/shop.md"), "-o", str(tmp_path / "x"), "--resume"]
        ).exit_code
        == 2
    )


def test_check_does_not_import_the_pipeline() -> None:
    code = (
        "import sys, runpy; sys.argv=['factory','check','specs/shop.md'];\n"
        "try:\n    runpy.run_module('factory.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('langgraph' in sys.modules, 'fastapi' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False False"


def test_database_postgres_runs_on_postgres(tmp_path: Path) -> None:
    """`database: postgres` generates a backend whose derived tests pass on a real PostgreSQL."""
    from factory.build import build_local
    from tests.postgres import postgres_server, sqlalchemy_url

    spec = tmp_path / "shop_pg.md"
    spec.write_text(
        (ROOT / "specs/shop.md")
        .read_text(encoding="utf-8")
        .replace("- database: sqlite", "- database: postgres"),
        encoding="utf-8",
    )
    out = tmp_path / "gen"
    assert runner.invoke(app, ["generate", str(spec), "-o", str(out)]).exit_code == 0
    assert "psycopg" in (out / "requirements.txt").read_text(encoding="utf-8")
    built = build_local(out)
    assert built.ok, built.log
    with postgres_server() as psql:
        env = {**os.environ, "TEST_DATABASE_URL": sqlalchemy_url(psql)}
        done = subprocess.run(
            [built.python, "-m", "pytest", "tests", "-q", "-p", "no:cacheprovider"],
            cwd=out,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
