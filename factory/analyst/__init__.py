"""The analyst: a read document in, a checked `Spec` (or only diagnostics) out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factory.diagnostics import Diagnostics
    from factory.ir.model import Spec
    from factory.reader.model import Document

__all__ = ["analyse", "analyse_file", "analyse_text"]


def analyse(doc: Document, diags: Diagnostics) -> Spec | None:
    from factory.analyst.analyse import analyse as run

    return run(doc, diags)


def analyse_text(text: str, path: str = "<input>") -> tuple[Spec | None, Diagnostics]:
    from factory.analyst.analyse import analyse_text as run

    return run(text, path)


def analyse_file(path: Path, display_path: str | None = None) -> tuple[Spec | None, Diagnostics]:
    from factory.analyst.analyse import analyse_file as run

    return run(path, display_path)
