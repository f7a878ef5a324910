# RI Hub: `make run` serves the platform, `make test` runs the whole test suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench install install-dev lock clean

run: $(VENV)/.runtime
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py create_administrator
	@echo "Serving http://$(HOST):$(PORT)/ with one task worker; Ctrl-C stops both."
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev
	@# The Nu HTML Checker and axe-core come from npm; without npm their checks are skipped.
	@{ [ -f node_modules/vnu-jar/build/dist/vnu.jar ] && [ -f node_modules/axe-core/axe.min.js ]; } \
		|| ! command -v npm >/dev/null || npm ci --no-audit --no-fund --ignore-scripts
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy rihub bench

bench: $(VENV)/.dev
	$(BIN)/python -m bench

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "RI Hub needs Python 3.11 or newer."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Installs exactly the versions in the lock files, checked against their hashes.
$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install -q --require-hashes -r requirements-dev.lock
	touch $@ $(VENV)/.runtime

# Regenerate the lock files after changing the dependencies in pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
		--generate-hashes -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal \
		--python-version 3.11 --generate-hashes -q -o requirements-dev.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
