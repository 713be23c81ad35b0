"""`factory generate`, `run`, `verify` and `serve`: the commands that build whole systems."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

EXIT_OK, EXIT_RED, EXIT_USAGE = 0, 1, 2
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Write into a non-empty folder the factory did not generate."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print a JSON-lines event stream.")]


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"factory: error: {message}", markup=False)
    return typer.Exit(code)


def _prepare(output: Path, force: bool) -> None:
    from factory.output import OutputError, ensure_ours

    try:
        ensure_ours(output, force=force)
    except OutputError as exc:
        raise _fail(str(exc)) from None
    output.mkdir(parents=True, exist_ok=True)
    (output / ".factory").mkdir(exist_ok=True)


def generate(
    spec: Annotated[Path, typer.Argument(help="The requirements document.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The output folder.")],
    force: ForceOpt = False,
) -> None:
    """Write the whole repository (design, backend, frontend, tests, model, manifest) without building it."""
    from factory.artifacts import GeneratedFile
    from factory.backend import BackendError, generate_backend
    from factory.cli import _print_diagnostics, _require_file, _shown
    from factory.compiler import compile_spec, design_files
    from factory.frontend import generate_frontend
    from factory.manifest import MANIFEST, manifest_json
    from factory.output import write_atomic
    from factory.pipeline.files import write_generated
    from factory.qa import QaError, generate_tests
    from factory.qa.ui import generate_ui_tests

    _require_file(spec)
    model, diags = compile_spec(spec, _shown(spec))
    _print_diagnostics(diags, False)
    if model is None:
        raise typer.Exit(EXIT_RED)
    _prepare(output, force)
    try:
        files = [
            GeneratedFile(path=p, content=c, source="spec", template="design")
            for p, c in design_files(model).items()
        ]
        files += generate_backend(model)
        files += generate_frontend(model)
        text = spec.read_text(encoding="utf-8") if spec.suffix != ".docx" else ""
        files += generate_tests(model, text)
        files += generate_ui_tests(model, text) if model.settings.frontend == "web" else []
    except (BackendError, QaError) as exc:
        raise _fail(str(exc), EXIT_RED) from None
    entries, warnings = write_generated(output, files, force=force)
    for w in warnings:
        err.print(f"warning: {w}", markup=False)
    write_atomic(
        output / MANIFEST,
        manifest_json([f for f in files if f.path in {e["path"] for e in entries}]),
    )
    out.print(f"wrote {len(files)} files to {output}", markup=False)


def _printer(as_json: bool) -> Any:
    def show(event: dict[str, Any]) -> None:
        if as_json:
            print(json.dumps(event, ensure_ascii=False), flush=True)
            return
        kind = event.get("event")
        if kind == "stage" and event.get("state") == "finished":
            out.print(f"[green]✓[/green] {event['stage']:<14} {event['seconds']:7.2f} s")
        elif kind == "files":
            out.print(f"  {event['count']} files written", markup=False)
        elif kind == "build":
            how = (
                "reused"
                if event["reused"]
                else ("downloaded wheels" if event["downloaded"] else "from cache")
            )
            out.print(f"  build {'ok' if event['ok'] else 'FAILED'} ({how})", markup=False)
        elif kind == "frontend_build":
            how = (
                "reused"
                if event["reused"]
                else ("downloaded packages" if event["downloaded"] else "from cache")
            )
            out.print(f"  frontend build {'ok' if event['ok'] else 'FAILED'} ({how})", markup=False)
        elif kind == "tests":
            suite = "browser tests" if event.get("suite") == "ui" else "tests"
            out.print(
                f"  {suite}: {event['passed']} passed, {event['failed']} failed, {event['skipped']} skipped",
                markup=False,
            )
        elif kind == "repair":
            out.print(
                f"  repair: {event['action']}" + (f" ({event.get('reason')})" if event.get("reason") else ""),
                markup=False,
            )

    return show


def _summary(state: dict[str, Any], root: Path, as_json: bool) -> int:
    status = state.get("status", "failed")
    if as_json:
        print(
            json.dumps({"event": "done", "status": status, "report": str(root / ".factory/report.json")}),
            flush=True,
        )
        return EXIT_OK if status == "passed" else EXIT_RED
    for d in state.get("diagnostics", []):
        if d.get("severity") == "error":
            where = f"{d.get('file')}:{d.get('line')}:{d.get('col')}" if d.get("line") else d.get("file")
            err.print(f"{where}: error: {d.get('message')}", markup=False)
    for f in (state.get("tests") or {}).get("failures", [])[:20]:
        err.print(
            f"FAILED {f['file']}::{f['name']}  ({f.get('spec_line') or 'no spec line'})",
            markup=False,
        )
    colour = "green" if status == "passed" else "red"
    out.print(f"[{colour}]{status}[/{colour}]: report in {root / '.factory' / 'report.json'}")
    return EXIT_OK if status == "passed" else EXIT_RED


def run(
    spec: Annotated[Path, typer.Argument(help="The requirements document.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Default: generated/<code name>.")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run.")] = False,
    force: ForceOpt = False,
    as_json: JsonOpt = False,
    max_iterations: Annotated[int, typer.Option("--max-iterations", min=1)] = 3,
    max_minutes: Annotated[float, typer.Option("--max-minutes", min=0.1)] = 20.0,
) -> None:
    """Design, generate, build and test a system from a document; exit 0 iff its tests are green."""
    from factory.cli import _print_diagnostics, _require_file, _shown
    from factory.compiler import compile_spec
    from factory.pipeline.context import RunContext
    from factory.pipeline.run import has_checkpoint, run_pipeline

    _require_file(spec)
    if output is None:
        model, diags = compile_spec(spec, _shown(spec))
        if model is None:
            _print_diagnostics(diags, as_json)
            raise typer.Exit(EXIT_RED)
        output = Path("generated") / model.name
    if resume and not has_checkpoint(output):
        raise _fail(f"{output}: there is no interrupted run to resume")
    if not resume:
        _prepare(output, force)
    ctx = RunContext(max_iterations=max_iterations, max_seconds=max_minutes * 60, force=force)
    state = run_pipeline(_shown(spec), output, ctx, resume=resume, on_event=_printer(as_json))
    raise typer.Exit(_summary(state, output, as_json))


def verify(
    root: Annotated[Path, typer.Argument(help="A generated repository.")],
    browser: Annotated[
        bool, typer.Option("--browser/--no-browser", help="Run the browser tests too.")
    ] = True,
) -> None:
    """Build (backend and frontend) and test an existing generated repository; exit 0 iff green."""
    from factory.build import build_frontend, build_local
    from factory.testrun import run_tests
    from factory.testrun.ui import run_ui_tests

    if not (root / "requirements.txt").is_file() or not (root / "tests").is_dir():
        raise _fail(f"{root}: not a generated repository (no requirements.txt and tests/)")
    built = build_local(root)
    if not built.ok:
        err.print(built.log, markup=False)
        raise _fail("build failed", EXIT_RED)
    has_ui = (root / "frontend" / "package.json").is_file()
    if has_ui:
        web = build_frontend(root)
        for step in web.steps:
            out.print(
                f"frontend {step.name}: {'ok' if step.ok else 'FAILED'} ({step.seconds:.1f} s)", markup=False
            )
        if not web.ok:
            err.print(web.log, markup=False)
            raise _fail("frontend build failed", EXIT_RED)
    suites = [("api", *run_tests(root, built.python))]
    if has_ui and browser:
        suites.append(("ui", *run_ui_tests(root, built.python)))
    red = False
    for name, results, output in suites:
        for f in results.failures:
            err.print(f"FAILED {f.file}::{f.name}  ({f.spec_line or 'no spec line'})", markup=False)
        out.print(
            f"{name}: {results.passed} passed, {results.failed} failed, {results.skipped} skipped",
            markup=False,
        )
        if results.failed or not results.passed:
            err.print(output, markup=False)
            red = True
    if red:
        raise typer.Exit(EXIT_RED)


def serve(
    root: Annotated[Path, typer.Argument(help="A generated repository.")],
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    keep_db: Annotated[bool, typer.Option("--keep-db", help="Keep the database between runs.")] = False,
) -> None:
    """Run the generated system on 127.0.0.1 (OpenAPI at /openapi.json, the web UI at /ui/)."""
    from factory.build import build_local

    packages = sorted(p.parent.name for p in (root / "backend").glob("*_api/main.py"))
    if not packages:
        raise _fail(f"{root}: no generated backend in {root / 'backend'}")
    built = build_local(root)
    if not built.ok:
        raise _fail(f"build failed:\n{built.log}", EXIT_RED)
    db = root / ".factory" / "serve.db"
    if not keep_db:
        db.unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db.resolve()}"}
    env.setdefault("ADMIN_PASSWORD", "admin")
    dist = root / "frontend" / "dist"
    if (dist / "index.html").is_file():
        env["FRONTEND_DIST"] = str(dist.resolve())
    out.print(
        f"serving {packages[0]} on http://127.0.0.1:{port}  (admin / {env['ADMIN_PASSWORD']}; "
        f"OpenAPI at http://127.0.0.1:{port}/openapi.json)",
        markup=False,
    )
    if "FRONTEND_DIST" in env and (Path(env["FRONTEND_DIST"]) / "index.html").is_file():
        out.print(f"web UI at http://127.0.0.1:{port}/ui/", markup=False)
    elif (root / "frontend" / "package.json").is_file():
        out.print(
            f"note: the web UI is not built yet (no {dist}); `factory verify {root}` builds it. "
            "Serving the API only.",
            markup=False,
        )
    cmd = [
        built.python,
        "-m",
        "uvicorn",
        f"{packages[0]}.main:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    raise typer.Exit(subprocess.call(cmd, cwd=root / "backend", env=env))


def register(app: typer.Typer) -> None:
    app.command()(generate)
    app.command()(run)
    app.command()(verify)
    app.command()(serve)
