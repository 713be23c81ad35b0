"""`ruff format` and `ruff check --fix` over generated Python, in a scratch folder."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from factory.artifacts import GeneratedFile

RUFF_CONFIG = """line-length = 110
target-version = "py311"

[lint]
select = ["E", "F", "W", "I", "B", "UP"]
ignore = ["F403", "F405", "E501"]
"""


def format_python(files: list[GeneratedFile]) -> tuple[list[GeneratedFile], str]:
    """The files with their Python formatted and auto-fixed, plus ruff's remaining findings."""
    python = [f for f in files if f.path.endswith(".py")]
    if not python:
        return files, ""
    with tempfile.TemporaryDirectory(prefix="factory-ruff-") as tmp:
        root = Path(tmp)
        (root / "ruff.toml").write_text(RUFF_CONFIG, encoding="utf-8")
        for f in python:
            target = root / f.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f.content, encoding="utf-8")
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run(
            [*ruff, "check", "--fix", "--quiet", "--exit-zero", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        subprocess.run(
            [*ruff, "format", "--quiet", "."], cwd=root, capture_output=True, text=True, check=False
        )
        report = subprocess.run(
            [*ruff, "check", "--quiet", "--output-format", "concise", "."],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        formatted = {f.path: (root / f.path).read_text(encoding="utf-8") for f in python}
    return [
        f.model_copy(update={"content": formatted[f.path]}) if f.path in formatted else f for f in files
    ], report
