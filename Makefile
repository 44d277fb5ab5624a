# The two commands of the README. Everything else they need, they install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FTZ_DATA_DIR ?= var

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# htmx comes from a registry package (django-htmx ships it as a static file); --no-deps
# because we serve the file and do not use Django.
# [sm]: SM2/SM3 through GmSSL (gmssl-pyx wheel) for SM2 checkpoint lines and enterprise keys.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[sm]"
	$(BIN)/pip install --quiet --no-deps "django-htmx==1.29.0"
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed-run
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.installed-run
	$(BIN)/ftz db upgrade
	$(BIN)/ftz demo load
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/ftz serve --host 127.0.0.1 --port 8000

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests migrations bench
	$(BIN)/ruff format --check src tests migrations bench
	$(BIN)/mypy src

# Two workers (pytest-xdist), whole files per worker so a file's fixtures stay together.
TEST_WORKERS ?= 2
test: lint
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --durations=20

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
