"""Choosing and running a grammar backend, falling back to the built-in checker on failure."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from .base import GrammarIssue, GrammarUnavailable
from .builtin import BuiltinChecker

FULL_CHECKER_HINT = "run `followup-lint grammar install` for LanguageTool's full grammar check"


@dataclass
class GrammarRun:
    """The outcome of one check: which backend ran, a note for the report, the issues."""

    backend: str
    note: str
    issues: list[GrammarIssue] = field(default_factory=list)


class GrammarChecker:
    """Runs the configured backend; never raises for a backend failure (it falls back)."""

    def __init__(self, mode: str = "auto", *, languagetool_url: str | None = None, timeout: float = 5.0) -> None:
        self.mode = mode
        self.languagetool_url = languagetool_url
        self.timeout = timeout
        self._builtin = BuiltinChecker()

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> GrammarRun:
        if self.mode == "off":
            return GrammarRun("off", "grammar checking is off")
        if self.mode in ("auto", "languagetool"):
            try:
                from .languagetool import check_with_languagetool
            except ImportError:
                check_with_languagetool = None  # type: ignore[assignment]
            if check_with_languagetool is not None:
                try:
                    issues, note = check_with_languagetool(
                        text,
                        accepted_words=accepted_words,
                        url=self.languagetool_url,
                        timeout=self.timeout,
                        required=self.mode == "languagetool",
                    )
                    return GrammarRun("languagetool", note, issues)
                except GrammarUnavailable as exc:
                    reason = str(exc)
            else:
                reason = "LanguageTool support is not available"
            issues = self._builtin.check(text, accepted_words=accepted_words)
            return GrammarRun("builtin", f"built-in checker ({reason}); {FULL_CHECKER_HINT}", issues)
        issues = self._builtin.check(text, accepted_words=accepted_words)
        return GrammarRun(
            "builtin",
            f"built-in checker (spelling, confusions, mechanics); {FULL_CHECKER_HINT}",
            issues,
        )

    def close(self) -> None:
        """Release resources (nothing for the built-in checker)."""
