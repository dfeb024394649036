"""Applying safe fixes: only those a rule marked safe, never two that overlap."""

from __future__ import annotations

from .report import Report


def apply_safe_fixes(report: Report) -> tuple[str, int]:
    """The report's text with every safe fix applied, and how many were applied.

    Fixes are applied from the end of the text backwards so earlier offsets stay valid; a fix
    that overlaps one already applied is skipped (run again to pick it up).
    """
    text = report.text
    applied = 0
    last_start = len(text) + 1
    for s in sorted(report.suggestions, key=lambda s: (s.span.start, s.span.end), reverse=True):
        edit = s.safe_edit(text)
        if edit is None or s.span.end > last_start:
            continue
        start, end, replacement = edit
        text = text[:start] + replacement + text[end:]
        last_start = start
        applied += 1
    return text, applied
