# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SPEC   ?= specs/shop.md
OUT    ?= generated/shop

.PHONY: setup system-deps run design test unit lint golden bench bench-run clean

setup: $(VENV)/.installed

## Node.js, npm, Chromium and PostgreSQL from Debian when missing (the UI and its browser tests).
system-deps:
	bash .ci/system-deps

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

## The main job on the embedded defaults: the shop example into a built, tested system (green).
run: setup system-deps
	$(BIN)/factory run $(SPEC) -o $(OUT) --force

## Only the design artifacts of a document.
design: setup
	$(BIN)/factory design $(SPEC) -o $(OUT)

## Lint, type-check and run every test.
test: lint unit

unit: setup system-deps
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check factory tests bench
	$(BIN)/ruff format --check factory tests bench
	$(BIN)/mypy

## Refresh the golden design artifacts after an intended change (review the diff!).
golden: setup
	$(BIN)/python -m tests.golden --update

bench: setup
	$(BIN)/python bench/compile_large.py

bench-run: setup system-deps
	$(BIN)/python bench/run_shop.py

clean:
	rm -rf $(VENV) generated/* .pytest_cache .ruff_cache .mypy_cache
