"""Golden design artifacts of the example documents.

Refresh after an intended change with `make golden` (python -m tests.golden --update),
then review the diff like any other change.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from factory.compiler import compile_spec, design_files

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CASES = {"shop": "specs/shop.md", "party": "specs/party.zh.md"}


def render(case: str) -> dict[str, str]:
    """The files `factory design` writes for one example, keyed by relative path."""
    spec, diags = compile_spec(ROOT / CASES[case], CASES[case])
    if spec is None:
        raise AssertionError("\n".join(d.format() for d in diags.sorted()))
    return design_files(spec)


def stored(case: str) -> dict[str, str]:
    base = GOLDEN / case
    return {
        p.relative_to(base).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(base.rglob("*"))
        if p.is_file()
    }


def update() -> None:
    for case in CASES:
        target = GOLDEN / case
        shutil.rmtree(target, ignore_errors=True)
        for rel, content in render(case).items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        print(f"updated {target.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the golden files")
    if not parser.parse_args().update:
        parser.print_help()
        sys.exit(2)
    update()
