# Every target sets up .venv itself when needed: a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: all venv demo test lint typecheck check-generated generate pytest fuzz-cli dist bench clean redis-server

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

check-generated: venv
	$(PY) scripts/generate.py --check

pytest: venv redis-server
	$(PY) -m pytest -q

## redis-server: the tests of the shared rate limit run a real Redis. Installed from Debian's
## packages when missing and this user can (root with apt-get); otherwise those tests are
## skipped (under CI they fail): install Redis >= 5 yourself (apt-get install redis-server,
## dnf install redis, brew install redis...).
redis-server:
	@if command -v redis-server >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing redis-server (Debian package) for the shared rate limit's tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends redis-server >/dev/null; \
	else \
		echo "redis-server not found and cannot be installed here: its tests will be skipped" \
			"(install Redis >= 5, e.g. apt-get install redis-server)"; \
	fi

fuzz-cli: venv
	$(PY) scripts/fuzz_cli.py

generate: venv
	$(PY) scripts/generate.py

## dist: build the sdist and, from it, the wheel into dist/ (generated/ must be up to date).
dist: check-generated
	rm -rf dist
	$(PY) -m build --outdir dist .

## bench: what the SDK costs against baselines measured in the same run (not part of test).
## py3cw, the peer compared with, is a benchmark-only dependency.
bench: venv redis-server
	$(PY) -m pip install --quiet --disable-pip-version-check "py3cw>=0.1.1,<0.2"
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/load_server.py
	$(PY) benchmarks/shared_limit.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
