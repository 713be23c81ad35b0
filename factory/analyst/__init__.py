"""The analyst: a read document in, a checked `Spec` (or only diagnostics) out."""

from __future__ import annotations

from factory.analyst.analyse import analyse, analyse_file, analyse_text

__all__ = ["analyse", "analyse_file", "analyse_text"]
