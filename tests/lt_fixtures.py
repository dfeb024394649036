"""LanguageTool for tests: the real server, shared by the whole session.

Without LanguageTool installed the tests that need it skip, or fail when
FOLLOWUP_LINT_REQUIRE_LANGUAGETOOL=1 (as CI sets it).
"""

from __future__ import annotations

import os
import shutil

import pytest

from followup_lint.analyzer import Analyzer
from followup_lint.config import Config

_shared: Analyzer | None = None


def require_languagetool() -> None:
    from followup_lint.grammar.install import find_installation

    problem = None
    if shutil.which("java") is None:
        problem = "Java is not installed"
    elif find_installation() is None:
        problem = "LanguageTool is not installed (run `followup-lint grammar install`)"
    if problem:
        if os.environ.get("FOLLOWUP_LINT_REQUIRE_LANGUAGETOOL") == "1":
            pytest.fail(f"{problem}, and FOLLOWUP_LINT_REQUIRE_LANGUAGETOOL=1 makes it required")
        pytest.skip(problem)


def languagetool_analyzer() -> Analyzer:
    """A shared analyzer whose grammar backend is a running LanguageTool server."""
    global _shared
    require_languagetool()
    if _shared is None:
        analyzer = Analyzer(Config(grammar="languagetool"))
        probe = analyzer.analyze("Dear Sam,\n\nThank you for the interview.\n\nBest,\nAna")
        if probe.grammar["backend"] != "languagetool":
            pytest.fail(f"LanguageTool is installed but did not run: {probe.grammar['note']}")
        _shared = analyzer
    return _shared
