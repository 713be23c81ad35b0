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
BACKEND = {"shop_backend": "specs/shop.md"}


def render(case: str) -> dict[str, str]:
    """The files `factory design` writes for one example, keyed by relative path."""
    spec, diags = compile_spec(ROOT / CASES[case], CASES[case])
    if spec is None:
        raise AssertionError("\n".join(d.format() for d in diags.sorted()))
    return design_files(spec)


def render_backend(case: str) -> dict[str, str]:
    """The generated backend and tests of an example (the golden record of the generated code)."""
    from factory.backend import generate_backend
    from factory.qa import generate_tests

    path = BACKEND[case]
    spec, diags = compile_spec(ROOT / path, path)
    if spec is None:
        raise AssertionError("\n".join(d.format() for d in diags.sorted()))
    text = (ROOT / path).read_text(encoding="utf-8")
    return {f.path: f.content for f in generate_backend(spec) + generate_tests(spec, text)}


def stored(case: str) -> dict[str, str]:
    base = GOLDEN / case
    return {
        p.relative_to(base).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(base.rglob("*"))
        if p.is_file()
    }


def update() -> None:
    for case in [*CASES, *BACKEND]:
        target = GOLDEN / case
        shutil.rmtree(target, ignore_errors=True)
        files = render(case) if case in CASES else render_backend(case)
        for rel, content in files.items():
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
