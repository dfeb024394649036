"""What every grammar backend returns, and the errors it may raise."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class GrammarIssue:
    """One problem a grammar backend found.

    ``start``/``end`` are Python character offsets into the text that was checked.
    ``kind`` is one of ``spelling``, ``grammar``, ``confusion``, ``punctuation``,
    ``typography``, ``capitalization``, ``repetition``, ``whitespace``, ``style``; it decides
    the GM rule the issue is reported under (``whitespace``: a doubled or trailing space,
    harmless enough to cost nothing). ``source_rule`` is the backend's own rule id
    (LanguageTool's, Harper's, or ``BUILTIN_...``). ``safe_fix`` says the first replacement may be
    applied without a human looking.
    """

    start: int
    end: int
    message: str
    kind: str
    source_rule: str
    replacements: tuple[str, ...] = ()
    safe_fix: bool = False


def add_unless_overlapping(issues: list[GrammarIssue], extra: list[GrammarIssue]) -> list[GrammarIssue]:
    """``issues`` plus those of ``extra`` that overlap none of them, sorted by position: a
    writer never sees two findings on the same words."""
    taken = [(i.start, i.end) for i in issues]
    merged = issues + [i for i in extra if not any(s < i.end and i.start < e for s, e in taken)]
    return sorted(merged, key=lambda i: (i.start, i.end))


def merge_issues(first: list[GrammarIssue], second: list[GrammarIssue]) -> list[GrammarIssue]:
    """Two backends' findings with each problem once: findings on the same span, or
    overlapping findings of the same kind, are one problem. Of such a pair the more specific
    stays: the one that offers a replacement, else the one on fewer characters, else the one
    from ``first``."""
    kept = list(first)
    for issue in second:
        clash = [
            i
            for i, other in enumerate(kept)
            if (other.start, other.end) == (issue.start, issue.end)
            or (other.kind == issue.kind and other.start < issue.end and issue.start < other.end)
        ]
        if not clash:
            kept.append(issue)
            continue
        if all(_specificity(issue) > _specificity(kept[i]) for i in clash):
            for i in reversed(clash):
                del kept[i]
            kept.append(issue)
    return sorted(kept, key=lambda i: (i.start, i.end))


def _specificity(issue: GrammarIssue) -> tuple[bool, int]:
    return (bool(issue.replacements), -(issue.end - issue.start))


class GrammarUnavailable(RuntimeError):
    """The backend cannot run (not installed, failed to start, died, timed out)."""


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs under ``limit`` characters, cut at paragraph (else line, else
    space) breaks: how a backend checks a long text in bounded requests."""
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


_OPENING = frozenset(" \t\"“'(")


def sentence_initial(text: str, start: int) -> bool:
    """The word at ``start`` opens a sentence or a line: only spaces, quotes or a bracket
    stand between it and the text's start or a ``.!?:`` or line break. Looks back over those
    characters only, never copying the text before it (which made a long draft quadratic)."""
    i = start
    while i > 0 and text[i - 1] in _OPENING:
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:"
