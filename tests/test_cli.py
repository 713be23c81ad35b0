"""The `factory` command: exit codes, diagnostics output, and what `design` writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from factory.cli import app
from factory.ir.model import Spec

ROOT = Path(__file__).resolve().parents[1]
SHOP = ROOT / "specs" / "shop.md"
runner = CliRunner()

BAD = """# Bad

## Entities

### Thing
| Field | Type |
| --- | --- |
| size | intger |
"""


def test_check_valid_document_exits_0() -> None:
    result = runner.invoke(app, ["check", str(SHOP)])
    assert result.exit_code == 0, result.output
    assert "ok" in result.stdout


def test_check_reports_like_a_compiler_and_exits_1(tmp_path: Path) -> None:
    spec = tmp_path / "bad.md"
    spec.write_text(BAD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(spec)])
    assert result.exit_code == 1
    assert f"{spec}:8:10: error: unknown type 'intger' (did you mean 'integer'?)" in result.stderr


def test_check_json(tmp_path: Path) -> None:
    spec = tmp_path / "bad.md"
    spec.write_text(BAD, encoding="utf-8")
    result = runner.invoke(app, ["check", str(spec), "--json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    first = payload["diagnostics"][0]
    assert (first["code"], first["line"], first["col"]) == ("unknown-type", 8, 10)
    assert first["suggestion"] == "integer"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", str(tmp_path / "missing.md")]).exit_code == 2
    assert runner.invoke(app, ["check", str(SHOP), "--bogus"]).exit_code == 2
    assert runner.invoke(app, ["design", str(SHOP)]).exit_code == 2  # no -o


def test_design_writes_artifacts_and_model(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["design", str(SHOP), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for rel in ["design/openapi.json", "design/architecture.md", "design/traceability.md"]:
        assert (out / rel).is_file(), rel
    model = (out / ".factory" / "model.json").read_text(encoding="utf-8")
    spec = Spec.model_validate_json(model)
    assert spec.name == "shop"
    assert spec.model_dump_json(indent=2) + "\n" == model  # round trip is lossless
    again = runner.invoke(app, ["design", str(SHOP), "-o", str(out)])
    assert again.exit_code == 0  # a folder the factory generated may be rewritten
    assert not list(out.rglob("*.tmp"))


def test_design_refuses_a_foreign_folder(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my work", encoding="utf-8")
    result = runner.invoke(app, ["design", str(SHOP), "-o", str(out)])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    forced = runner.invoke(app, ["design", str(SHOP), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my work"


def test_design_with_errors_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "bad.md"
    spec.write_text(BAD, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["design", str(spec), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()


def test_console_script_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "factory.cli", "check", "specs/party.zh.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
