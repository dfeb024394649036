"""Shared fixtures. The real spaCy model runs everywhere; grammar is built-in unless a test
asks for LanguageTool (see lt_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One analyzer for the session: loading spaCy per test would dominate the suite."""
    return Analyzer(fl.Config(grammar="builtin"))


@pytest.fixture(scope="session")
def analyzer_keywords() -> Analyzer:
    return Analyzer(fl.Config(grammar="builtin", labeller="keywords"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
