# Every target sets up .venv itself when needed: a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: all venv demo test lint typecheck check-generated generate generate-sync pytest fuzz-cli dist bench clean

all: test

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

## demo: start the recorded-responses server, close trade 1047934729 of SmartTrade 12345678
## through the CLI, print the result, stop the server.
demo: venv
	$(PY) scripts/demo.py

## test: lint, type check, generator check, unit/end-to-end tests with fuzzing, schemathesis CLI.
test: lint typecheck check-generated pytest fuzz-cli

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy overlay

## check-generated: generated/ is what the spec produces, and every sync module under
## overlay/threecommas/_sync is what scripts/unasync.py writes from its async source.
check-generated: venv
	$(PY) scripts/generate.py --check
	$(PY) scripts/unasync.py --check

pytest: venv
	$(PY) -m pytest -q

fuzz-cli: venv
	$(PY) scripts/fuzz_cli.py

generate: venv
	$(PY) scripts/generate.py

## generate-sync: write the sync clients and resources (overlay/threecommas/_sync) from their
## async sources (overlay/threecommas/_async); edit those, never _sync.
generate-sync: venv
	$(PY) scripts/unasync.py

## dist: build the sdist and, from it, the wheel into dist/ (generated/ must be up to date).
dist: check-generated
	rm -rf dist
	$(PY) -m build --outdir dist .

## bench: what the SDK costs against baselines measured in the same run (not part of test).
## py3cw, the peer compared with, is a benchmark-only dependency.
bench: venv
	$(PY) -m pip install --quiet --disable-pip-version-check "py3cw>=0.1.1,<0.2"
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/load_server.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
