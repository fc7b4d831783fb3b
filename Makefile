# Alliances — one command per job. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ALLIANCES := $(BIN)/alliances
HOST ?= 127.0.0.1
PORT ?= 8000
# Local development defaults; override them in the environment or in .env.
export DEBUG ?= 1
# The demo administrator signs in without setting up a second factor on a laptop.
export MFA_REQUIRED_FOR_PRIVILEGED ?= 0

.DEFAULT_GOAL := help
.PHONY: help install run test test-browser accessibility-audit test-postgres lint format check-migrations messages bench clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Alliances needs Python 3.11 or newer (found " + sys.version.split()[0] + "). Set PYTHON=python3.x.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalls only when the declared or locked dependencies change.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/lock.txt
	$(BIN)/python -m pip install --quiet -c requirements/lock.txt -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create the virtual environment and install (only when needed)

run: install ## Migrate a local SQLite database, load reference and demo data, serve on http://127.0.0.1:8000
	$(ALLIANCES) migrate --noinput
	$(ALLIANCES) load_reference
	$(ALLIANCES) load_demo
	@echo ""
	@echo "  Alliances is served on http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/)"
	@$(ALLIANCES) load_demo --print-login
	@echo ""
	$(ALLIANCES) runserver $(HOST):$(PORT)

test: install ## Run the whole test suite (SQLite unless TEST_DATABASE_URL is set)
	$(BIN)/pytest

test-browser: install ## Accessibility (axe-core), keyboard, reflow, motion, screenshots and HTML validity in Chromium
	$(BIN)/pytest tests/browser -m browser --no-cov

accessibility-audit: install ## Run the browser suite and write the audit the accessibility statement shows
	ACCESSIBILITY_AUDIT=alliances/web/data/accessibility-audit.json $(BIN)/pytest tests/browser -m browser --no-cov

test-postgres: install ## Run the test suite against the local PostgreSQL server
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/alliances} $(BIN)/pytest

lint: install ## Lint and check formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Fix lint findings and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install ## Fail when a model change has no migration
	DEBUG=1 $(ALLIANCES) makemigrations --check --dry-run

messages: install ## Extract translatable strings into the French catalogue and compile it
	cd alliances && ../$(ALLIANCES) makemessages --locale fr --no-obsolete --add-location file
	cd alliances && ../$(ALLIANCES) compilemessages --locale fr

# The whole set on both engines in about 40 minutes on a quiet 2-core machine (docs/benchmarks.md).
BENCH_SCALE ?= 0.01
BENCH_DB ?= alliances_bench
BENCH_PSQL := psql -h 127.0.0.1 -U postgres -q
# The served benchmarks (B2, B3) share their cache between workers as production does (Redis).
BENCH_CACHE_URL ?= rediscache://127.0.0.1:6379/5
BENCH_SET = "bench_reference_load" \
	"bench_import_rna --scale $(BENCH_SCALE)" \
	"bench_export --scale $(BENCH_SCALE)" \
	"bench_diagnostic --scale $(BENCH_SCALE)" \
	"bench_network --scale $(BENCH_SCALE)" \
	"bench_pages --scale $(BENCH_SCALE)"
bench: install ## National-scale benchmarks on SQLite, then PostgreSQL (BENCH_SCALE=0.01; a fresh database BENCH_DB each)
	@set -e; \
	trap '$(BENCH_PSQL) -c "DROP DATABASE IF EXISTS $(BENCH_DB)" >/dev/null 2>&1 || true' EXIT; \
	for bench in $(BENCH_SET); do \
	  echo "== SQLite: $$bench"; \
	  CACHE_URL=$(BENCH_CACHE_URL) $(BIN)/python -m benchmarks.$$bench; \
	done; \
	for bench in $(BENCH_SET); do \
	  echo "== PostgreSQL ($(BENCH_DB)): $$bench"; \
	  $(BENCH_PSQL) -c "DROP DATABASE IF EXISTS $(BENCH_DB)" -c "CREATE DATABASE $(BENCH_DB)"; \
	  DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) CACHE_URL=$(BENCH_CACHE_URL) \
	    $(BIN)/python -m benchmarks.$$bench; \
	done

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var
