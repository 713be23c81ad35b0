"""`.factory/manifest.json` (every generated file, its hash and origin) and `.factory/report.json`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from factory.artifacts import GeneratedFile

MANIFEST = ".factory/manifest.json"
REPORT = ".factory/report.json"


def manifest_json(files: list[GeneratedFile]) -> str:
    entries = [
        {"path": f.path, "sha256": f.sha256, "template": f.template, "source": f.source}
        for f in sorted(files, key=lambda f: f.path)
    ]
    return json.dumps({"files": entries}, indent=2, ensure_ascii=False) + "\n"


def load_manifest(root: Path) -> dict[str, dict[str, Any]]:
    path = root / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return {}
    return {e["path"]: e for e in data.get("files", [])}


def edited_files(root: Path) -> list[dict[str, Any]]:
    """Generated files whose content no longer matches the manifest (changed by hand)."""
    changed = []
    for path, entry in sorted(load_manifest(root).items()):
        target = root / path
        if not target.is_file():
            changed.append({**entry, "change": "deleted"})
            continue
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            changed.append({**entry, "change": "edited"})
    return changed


def report_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
