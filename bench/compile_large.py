"""Benchmark: compile a 400-entity, 12,000-field document (goal: under 10 s on a 2-core machine).

Prints the document size, the time of each stage and the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import time

from factory.analyst import analyse_text
from factory.architect import design

ENTITIES = 400
FIELDS = 30  # per entity: 12,000 in all

_TYPES = [
    ("text(80)", "required, searchable"),
    ("long text", ""),
    ("integer", "min 0, default 0"),
    ("money", "min 0"),
    ("decimal(10,3)", ""),
    ("float", ""),
    ("boolean", "default false"),
    ("date", ""),
    ("datetime", ""),
    ("email", "unique"),
    ("url", ""),
    ("phone", ""),
    ("enum(new, open, closed)", "default new"),
    ("text", "index, length 1..200"),
    ("uuid", ""),
]


def document() -> str:
    lines = ["# Large (large)", "", "A generated benchmark document.", "", "## Entities", ""]
    for e in range(ENTITIES):
        lines += [
            f"### Thing{e}",
            "",
            "| Field | Type | Rules | Description |",
            "| --- | --- | --- | --- |",
        ]
        for f in range(FIELDS - 3):
            typ, rules = _TYPES[f % len(_TYPES)]
            lines.append(f"| f{f} | {typ} | {rules} | field {f} |")
        ref = f"Thing{e - 1}" if e else "Thing0"
        lines.append(f"| parent | {ref} | optional | |")
        lines.append("| owner_user | User | owner | |")
        lines.append("| score | integer | computed: f2 * 2 + 1 | |")
        lines += [
            "",
            "Access:",
            "- anyone: read where f12 = open",
            "- user: create; update, delete own",
            "",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = document()
    t0 = time.perf_counter()
    spec, diags = analyse_text(text, "large.md")
    t1 = time.perf_counter()
    if spec is None:
        raise SystemExit("\n".join(d.format() for d in diags.sorted()[:20]))
    files = design(spec)
    t2 = time.perf_counter()
    fields = sum(len(e.fields) for e in spec.entities if not e.builtin)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"document: {len(text.splitlines())} lines, {len(spec.entities) - 1} entities, {fields} fields")
    print(f"analyse: {t1 - t0:6.2f} s")
    print(f"design:  {t2 - t1:6.2f} s ({sum(len(c) for c in files.values()) // 1024} KiB written)")
    print(f"total:   {t2 - t0:6.2f} s (goal < 10 s: {(t2 - t0) / 10:.0%} of the budget)")


if __name__ == "__main__":
    main()
