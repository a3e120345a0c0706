# The two commands a fresh machine needs: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.test-installed
BUILD_SYSTEM_STAMP := $(VENV)/.system-build-installed
TEST_SYSTEM_STAMP := $(VENV)/.system-test-installed

.PHONY: build test check lint install install-test bench clean

build: $(STAMP) $(BUILD_SYSTEM_STAMP)
	$(BIN)/coursebook check .
	$(BIN)/coursebook build .

check: $(STAMP)
	$(BIN)/coursebook check --strict .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(STAMP)

# Debian packages the site and PDFs need: Pango, HarfBuzz-Subset and fonts for WeasyPrint.
# The stamps depend on the script, so a change to its package lists runs it again.
$(BUILD_SYSTEM_STAMP): scripts/install-system-deps.sh | $(VENV)/bin/python
	bash scripts/install-system-deps.sh --build
	touch $@

# What the tests add: Chromium for the browser tests, poppler for PDF pages.
$(TEST_SYSTEM_STAMP): scripts/install-system-deps.sh | $(VENV)/bin/python
	bash scripts/install-system-deps.sh --test
	touch $@

$(TEST_STAMP): pyproject.toml $(STAMP) $(BUILD_SYSTEM_STAMP) $(TEST_SYSTEM_STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install-test: $(TEST_STAMP)

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check coursebook tests scripts
	$(BIN)/mypy coursebook

bench: $(STAMP) $(BUILD_SYSTEM_STAMP)
	$(BIN)/python scripts/bench.py --size full

clean:
	rm -rf site build .coursebook-cache
