# The two commands of the quick start: `make demo` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test setup setup-dev browser lint typecheck unit check-fast docs languagetool train bench quality clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.setup: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.setup-dev: pyproject.toml $(VENV)/.setup
	$(PIP) install -e ".[dev,notebook,server,spark]"
	@touch $@

setup: $(VENV)/.setup
setup-dev: $(VENV)/.setup-dev

## demo: set up, then analyse a bundled example draft and print the report
demo: setup
	$(BIN)/followup-lint examples/thank_you_draft.txt --context examples/thank_you_draft.toml --verbose || test $$? -eq 1

## languagetool: install LanguageTool from Maven Central into the user cache
languagetool: setup
	$(BIN)/followup-lint grammar install

lint: setup-dev
	$(BIN)/ruff check followup_lint tests benchmarks
	$(BIN)/ruff format --check followup_lint tests benchmarks
	$(BIN)/lint-imports

## check-fast: the quick loop: lint, types and the unit tests that need no LanguageTool, browser or Spark
check-fast: setup-dev
	$(BIN)/ruff check followup_lint tests benchmarks
	$(BIN)/mypy followup_lint
	$(BIN)/python -m pytest -q -m "not languagetool and not slow and not spark and not browser" -x

## docs: regenerate docs/rules.md from the rules (and their measured precision on the corpus)
docs: setup-dev
	$(BIN)/python -m followup_lint.docs > docs/rules.md

typecheck: setup-dev
	$(BIN)/mypy followup_lint

unit: setup-dev
	$(BIN)/python -m pytest

## browser: Debian's Chromium for the page's browser tests (Playwright never downloads one)
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

## test: set up everything the tests need, then lint, type check and run the whole suite
test: setup-dev languagetool browser lint typecheck unit

## train: retrain the sentence-move model from corpus/ (deterministic)
train: setup-dev
	$(BIN)/python -m followup_lint.training

## bench: measure speed and memory against peers; writes benchmarks/REPORT.md
bench: setup-dev
	$(BIN)/python benchmarks/run.py

## quality: how far the judgement agrees with people (reads ../shared/data when it is there)
quality: setup-dev
	$(BIN)/python benchmarks/quality.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
