# Every target sets up .venv itself when needed: a fresh machine needs only python3 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The docs extra (Sphinx, furo, MyST, selenium) is installed only by the targets that need it.
DOCS_STAMP := $(VENV)/.docs-installed-stamp
DOCS_OUT   := build/docs/html

.PHONY: all help venv demo test unit lint typecheck check-generated generate generate-sync pytest pytest-main pytest-fuzz fuzz-cli dist bench clean redis-server docs docs-check chromium

# The tests `make unit` leaves out: those marked slow, fuzz or dist (see pyproject.toml), and the
# modules whose collection alone takes seconds (their tests are all marked).
UNIT_MARKERS := not slow and not fuzz and not dist
UNIT_SKIPPED := test_fuzz.py test_properties.py test_dist.py
# pytest-xdist workers: one a core by default (`make test TEST_WORKERS=0` runs in one process).
# A test file runs whole in one worker (--dist loadfile): some share what a module-scoped fixture
# made or counted (the fuzzing tallies each operation's statuses and then wants a 2xx for each;
# the wheel tests share one build).
TEST_WORKERS ?= auto
# pytest-main runs two workers a core: about half of its time is spent waiting (fleets of OS
# processes on a real Redis, servers on a scaled real-time clock, a browser, subprocesses), and
# the core's other worker computes meanwhile. With TEST_WORKERS set, that number is used.
MAIN_WORKERS ?= $(if $(filter auto,$(TEST_WORKERS)),$(shell $(PYTHON) -c 'import os; print(2 * (os.cpu_count() or 1))'),$(TEST_WORKERS))
# schemathesis' tests run in one process of their own: in an xdist worker, schemathesis 4.32
# collects each operation's tests as far fewer items, and the fuzzing then misses operations.
FUZZ_TESTS := tests/contract/test_fuzz.py
# pytest with its bytecode cached, whatever the shell says. pytest rewrites the asserts of the
# tests and of every plugin's package (hypothesis, schemathesis, this SDK: several hundred
# modules) and keeps the result beside the bytecode; with PYTHONDONTWRITEBYTECODE set, as in
# some shells and CI, each process (every xdist worker, every subprocess a test starts) would
# rewrite and compile them all again: about 5 s of CPU each.
PYTEST := PYTHONDONTWRITEBYTECODE= $(PY) -m pytest

## all: the same as test.
all: test

## help: list the targets, one line each.
help:
	@awk 'match($$0, /^## [A-Za-z0-9_-]+:/) { \
		printf "  %-16s %s\n", substr($$0, 4, RLENGTH - 4), substr($$0, RLENGTH + 2) }' \
		$(firstword $(MAKEFILE_LIST))

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

## venv: create .venv and install the project with its dev extra (when pyproject.toml changed).
venv: $(STAMP)

## demo: close a trade through the CLI against the recorded-responses server, print the result.
## (It starts the server, closes trade 1047934729 of SmartTrade 12345678, stops the server.)
demo: venv
	$(PY) scripts/demo.py

## test: the full check: lint, type check, generator check, every test with fuzzing, schemathesis CLI,
## the docs site built and tried in a browser (docs-check: skipped, said in one line, without a
## browser; not under CI).
## Each step's time is printed at the end, so that a slower suite is seen.
test: venv
	@$(PY) scripts/timed.py lint typecheck check-generated pytest-main 'pytest-fuzz+fuzz-cli+docs-check'

## unit: the fast part of the tests (nothing slow, no fuzzing, no wheel build), in seconds.
# schemathesis' pytest plugin is left unloaded: none of these tests fuzz, and its hooks cost about
# a second of CPU over the run. anyio's is too: no test here is an anyio one, and loading it
# imports trio in each process.
unit: venv $(DOCS_STAMP)
	$(PYTEST) -q -n $(TEST_WORKERS) --dist loadfile -p no:schemathesis -p no:anyio -m "$(UNIT_MARKERS)" $(UNIT_SKIPPED:%=--ignore-glob='*/%')

## lint: ruff check and ruff format --check.
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## typecheck: mypy --strict on overlay/.
typecheck: venv
	$(BIN)/mypy overlay

## check-generated: generated/ is what the spec produces, and every sync module under
## overlay/threecommas/_sync is what scripts/unasync.py writes from its async source.
check-generated: venv
	$(PY) scripts/generate.py --check
	$(PY) scripts/unasync.py --check

## pytest: every test, fuzzing and wheel builds included.
pytest: pytest-main pytest-fuzz

## pytest-main: every test but the schemathesis module, in parallel (the docs extra, Redis and
## the browser installed first: their tests run, not skip).
pytest-main: venv $(DOCS_STAMP) redis-server chromium
	$(PYTEST) -q -n $(MAIN_WORKERS) --dist loadfile --no-loadscope-reorder --durations=10 \
		--ignore=$(FUZZ_TESTS)

## pytest-fuzz: the schemathesis module, in one process of its own.
pytest-fuzz: venv
	$(PYTEST) -q -p no:xdist $(FUZZ_TESTS)

## redis-server: the tests of the shared rate limit run a real Redis. Installed from Debian's
## packages when missing and this user can (root with apt-get); otherwise, or when apt-get
## cannot install it (no package mirror), those tests are skipped, said in one line, except
## under CI (`CI` set, as tests/redis_server.py reads it), where this fails. Install Redis >= 5
## yourself (apt-get install redis-server, dnf install redis, brew install redis...).
redis-server:
	@if command -v redis-server >/dev/null 2>&1; then exit 0; fi; \
	skipped="the shared rate limit's tests will be skipped (install Redis >= 5)"; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		printf '%s' "redis-server is missing: installing the Debian package... "; \
		if log=$$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install \
			-y -qq --no-install-recommends redis-server >/dev/null; } 2>&1); then \
			echo "done"; exit 0; fi; \
		why="apt-get failed (no package mirror?)"; \
	else \
		log=""; why="redis-server is missing and installing it needs root and apt-get"; \
	fi; \
	if [ -n "$$CI" ]; then \
		echo "$$why"; [ -z "$$log" ] || printf '%s\n' "$$log" >&2; \
		echo "make redis-server: under CI (CI=$$CI) the shared rate limit's tests must run" >&2; \
		exit 1; \
	fi; \
	echo "$$why: $$skipped"

## fuzz-cli: the schemathesis command line against the recorded-responses server.
fuzz-cli: venv
	$(PY) scripts/fuzz_cli.py

## generate: regenerate generated/threecommas_api from the spec.
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
bench: venv redis-server
	$(PY) -m pip install --quiet --disable-pip-version-check "py3cw>=0.1.1,<0.2"
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/load_server.py
	$(PY) benchmarks/shared_limit.py
	$(PY) benchmarks/watch.py
	$(PY) benchmarks/market.py --every-tick 200
	$(PY) benchmarks/backtest.py

$(DOCS_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,docs]'
	@touch $(DOCS_STAMP)

## docs: build the documentation site into build/docs/html (open index.html; it works from a
## folder). Nitpicky, every warning an error: a broken cross-reference or a public name without a
## docstring fails it.
docs: $(DOCS_STAMP)
	$(BIN)/sphinx-build -q -n -W --keep-going -b html docs $(DOCS_OUT)

## docs-check: open the built site in a real browser (Debian's chromium, see `make chromium`):
## every internal link and anchor, the search, no console error; screenshots in
## build/docs-screenshots/. Without a browser it says so in one line and passes, except under CI.
docs-check: docs
	@$(MAKE) --no-print-directory chromium CHROMIUM_QUIET=1
	$(PY) scripts/docs_check.py $(DOCS_OUT)

## chromium: install Debian's chromium and chromium-driver when missing and this user can (root
## with apt-get); otherwise say so in one line (under CI, fail). For the browser tests.
chromium:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		printf '%s' "chromium is missing: installing the Debian packages... "; \
		if log=$$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install \
			-y -qq --no-install-recommends chromium chromium-driver >/dev/null; } 2>&1); then \
			echo "done"; exit 0; fi; \
		why="apt-get failed (no package mirror?)"; \
	else \
		log=""; why="chromium is missing and installing it needs root and apt-get"; \
	fi; \
	if [ -n "$$CI" ]; then \
		echo "$$why"; [ -z "$$log" ] || printf '%s\n' "$$log" >&2; \
		echo "make chromium: under CI (CI=$$CI) the browser tests must run" >&2; \
		exit 1; \
	fi; \
	[ -n "$(CHROMIUM_QUIET)" ] || \
	echo "$$why: the browser tests will be skipped (install chromium and chromium-driver)"

## clean: remove .venv, dist/, build/ and the caches.
clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
