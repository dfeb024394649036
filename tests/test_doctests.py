"""The examples in docstrings run, so the documentation cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import followup_lint

# Modules that import optional extras at the top are skipped when the extra is missing.
_SUBMODULES = pkgutil.walk_packages(followup_lint.__path__, "followup_lint.")
MODULES = ["followup_lint", *sorted(m.name for m in _SUBMODULES if not m.name.endswith("__main__"))]


def _with_examples() -> list[str]:
    out = []
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if doctest.DocTestFinder().find(module) and any(t.examples for t in doctest.DocTestFinder().find(module)):
            out.append(name)
    return out


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_the_examples_are_found() -> None:
    assert {"followup_lint", "followup_lint.analyzer"} <= set(_with_examples())
