"""Writing generated files during a run without losing anyone's work."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from factory.artifacts import GeneratedFile
from factory.manifest import load_manifest
from factory.output import inside, write_atomic


def write_generated(
    root: Path, files: list[GeneratedFile], *, force: bool
) -> tuple[list[dict[str, Any]], list[str]]:
    """Write files; one a person edited since the last run is kept, the new version goes beside it.

    Returns the manifest entries and warnings.
    """
    previous = load_manifest(root)
    entries: list[dict[str, Any]] = []
    warnings: list[str] = []
    for f in files:
        target = inside(root, f.path)
        old = previous.get(f.path)
        if target.exists() and old is not None and not force:
            current = hashlib.sha256(target.read_bytes()).hexdigest()
            if current != old["sha256"] and current != f.sha256:
                write_atomic(target.with_name(target.name + ".factory-new"), f.content)
                warnings.append(
                    f"{f.path} was edited by hand: kept it, the new version is {f.path}.factory-new"
                )
                entries.append(
                    {
                        "path": f.path,
                        "sha256": old["sha256"],
                        "template": f.template,
                        "source": f.source,
                    }
                )
                continue
        write_atomic(target, f.content)
        if f.executable:
            target.chmod(0o755)
        entries.append({"path": f.path, "sha256": f.sha256, "template": f.template, "source": f.source})
    return entries, warnings
