"""The `factory` command line: the only place that turns diagnostics into text and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from factory.diagnostics import Diagnostic, Diagnostics, Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="The software factory: requirements document in, designed and tested system out.",
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2

SpecArg = Annotated[Path, typer.Argument(help="The requirements document (.md, .txt or .docx).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")]


def _shown(path: Path) -> str:
    """The path as the user typed it, relative when it is under the working folder."""
    try:
        return os.path.relpath(path) if not path.is_absolute() else str(path)
    except ValueError:
        return str(path)


def _require_file(spec: Path) -> None:
    if not spec.exists():
        err.print(f"factory: error: no such file: {spec}")
        raise typer.Exit(EXIT_USAGE)
    if not spec.is_file():
        err.print(f"factory: error: not a file: {spec}")
        raise typer.Exit(EXIT_USAGE)


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}


def _print_diagnostics(diags: Diagnostics, as_json: bool, *, ok_message: str | None = None) -> None:
    items = diags.sorted()
    if as_json:
        payload = {
            "ok": not diags.has_errors,
            "diagnostics": [d.model_dump(mode="json") for d in items],
        }
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    for d in items:
        err.print(_render(d), markup=False, style=_STYLE[d.severity])
    counts = {s: sum(1 for d in items if d.severity is s) for s in Severity}
    summary = f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s)"
    if diags.has_errors:
        err.print(summary, markup=False)
    elif ok_message:
        out.print(f"{ok_message} ({summary})", markup=False)


def _render(d: Diagnostic) -> str:
    return d.format()


@app.command()
def check(spec: SpecArg, as_json: JsonOpt = False) -> None:
    """Check a requirements document and print its diagnostics (exit 1 on errors)."""
    from factory.compiler import compile_spec

    _require_file(spec)
    model, diags = compile_spec(spec, _shown(spec))
    _print_diagnostics(diags, as_json, ok_message=f"{_shown(spec)}: ok" if model else None)
    raise typer.Exit(EXIT_OK if model is not None else EXIT_ERRORS)


@app.command()
def design(
    spec: SpecArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="The output folder.")],
    force: Annotated[bool, typer.Option("--force", help="Write into a non-empty foreign folder.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Compile a document and write DIR/design/* and DIR/.factory/model.json."""
    from factory.compiler import compile_spec, design_files
    from factory.output import OutputError, ensure_ours, write_tree

    _require_file(spec)
    try:
        ensure_ours(output, force=force)
    except OutputError as exc:
        err.print(f"factory: error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    model, diags = compile_spec(spec, _shown(spec))
    _print_diagnostics(diags, as_json)
    if model is None:
        raise typer.Exit(EXIT_ERRORS)
    try:
        written = write_tree(output, design_files(model))
    except (OutputError, OSError) as exc:
        err.print(f"factory: error: {exc}", markup=False)
        raise typer.Exit(EXIT_ERRORS) from None
    if not as_json:
        out.print(f"wrote {len(written)} files to {output}", markup=False)


def _register() -> None:
    from factory.cli_run import register

    register(app)


_register()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
