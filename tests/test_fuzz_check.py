"""Property: `factory check` never raises or hangs; it exits 0 or 1 and explains a 1."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factory.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    (ROOT / "specs" / name).read_text(encoding="utf-8").splitlines() for name in ("shop.md", "party.zh.md")
]
runner = CliRunner()
SNIPPETS = [
    "|",
    "||",
    "| --- |",
    "- ",
    "  - ",
    "### ",
    "## ",
    "# ",
    ":",
    "：",
    "(",
    ")",
    "（",
    '"',
    "“",
    "->",
    "→",
    " where ",
    " own",
    ",",
    "，",
    ";",
    "{",
    "}",
    "{{",
    "\\|",
    "列表",
    "由",
    "作为",
    "computed: ",
    "sum(",
    "count(",
    "enum(",
    "text(",
    "\t",
    "\x00",
    "\ufeff",
    "😀",
    "🀄",
]


def _mutate(lines: list[str], rnd: random.Random, steps: int) -> str:
    lines = list(lines)
    for _ in range(steps):
        op = rnd.randrange(6)
        i = rnd.randrange(len(lines)) if lines else 0
        if not lines:
            lines.append(rnd.choice(SNIPPETS))
        elif op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif op == 2:
            j = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:j] + rnd.choice(SNIPPETS) + lines[i][j:]
        elif op == 3:
            j = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:j]
        elif op == 4:
            k = rnd.randrange(len(lines))
            lines[i], lines[k] = lines[k], lines[i]
        else:
            words = lines[i].split(" ")
            w = rnd.randrange(len(words))
            words[w] = words[w][::-1]
            lines[i] = " ".join(words)
    return "\n".join(lines) + "\n"


def _check(tmp: Path, data: bytes) -> None:
    spec = tmp / "fuzz.md"
    spec.write_bytes(data)
    result = runner.invoke(app, ["check", str(spec), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert '"severity": "error"' in result.stdout


FUZZ = settings(
    max_examples=150, deadline=10_000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(seed=st.integers(0, 2**32), steps=st.integers(1, 12), which=st.integers(0, 1))
def test_mutated_examples(tmp_path: Path, seed: int, steps: int, which: int) -> None:
    text = _mutate(EXAMPLES[which], random.Random(seed), steps)
    _check(tmp_path, text.encode("utf-8"))


@FUZZ
@given(parts=st.lists(st.sampled_from([*SNIPPETS, *"abc 12\n#|-*."]), max_size=120))
def test_random_spec_shaped_text(tmp_path: Path, parts: list[str]) -> None:
    _check(tmp_path, "".join(parts).encode("utf-8"))


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, data)
