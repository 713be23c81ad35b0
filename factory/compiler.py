"""The compiler front end as one call: document -> Spec -> design files."""

from __future__ import annotations

from pathlib import Path

from factory.analyst import analyse_file
from factory.architect import design
from factory.diagnostics import Diagnostics
from factory.ir.model import Spec

MODEL_PATH = ".factory/model.json"


def compile_spec(path: Path, display_path: str | None = None) -> tuple[Spec | None, Diagnostics]:
    """Read and analyse a document; the Spec is None when there are errors."""
    return analyse_file(path, display_path)


def model_json(spec: Spec) -> str:
    return spec.model_dump_json(indent=2) + "\n"


def design_files(spec: Spec) -> dict[str, str]:
    """Every design artifact plus the saved model, by relative path."""
    files = dict(design(spec))
    files[MODEL_PATH] = model_json(spec)
    return files


def load_model(root: Path) -> Spec:
    return Spec.model_validate_json((root / MODEL_PATH).read_text(encoding="utf-8"))
