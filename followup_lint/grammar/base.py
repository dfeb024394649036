"""What every grammar backend returns, and the errors it may raise."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class GrammarIssue:
    """One problem a grammar backend found.

    ``start``/``end`` are Python character offsets into the text that was checked.
    ``kind`` is one of ``spelling``, ``grammar``, ``confusion``, ``punctuation``,
    ``typography``, ``capitalization``, ``repetition``, ``whitespace``, ``style``; it decides
    the GM rule the issue is reported under. ``source_rule`` is the backend's own rule id
    (LanguageTool's, or ``BUILTIN_...``). ``safe_fix`` says the first replacement may be
    applied without a human looking.
    """

    start: int
    end: int
    message: str
    kind: str
    source_rule: str
    category: str = ""
    replacements: tuple[str, ...] = ()
    safe_fix: bool = False


def add_unless_overlapping(issues: list[GrammarIssue], extra: list[GrammarIssue]) -> list[GrammarIssue]:
    """``issues`` plus those of ``extra`` that overlap none of them, sorted by position: a
    writer never sees two findings on the same words."""
    taken = [(i.start, i.end) for i in issues]
    merged = issues + [i for i in extra if not any(s < i.end and i.start < e for s, e in taken)]
    return sorted(merged, key=lambda i: (i.start, i.end))


KINDS = (
    "spelling",
    "grammar",
    "confusion",
    "punctuation",
    "typography",
    "capitalization",
    "repetition",
    "whitespace",
    "style",
)


class GrammarUnavailable(RuntimeError):
    """The backend cannot run (not installed, failed to start, died, timed out)."""


class GrammarBackend(Protocol):
    name: str

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        """Issues in ``text``; words in ``accepted_words`` (case-insensitive) are never flagged."""
        ...
