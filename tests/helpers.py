"""Small helpers for tests."""

from __future__ import annotations

from followup_lint.report import Report


def codes(report: Report) -> set[str]:
    return {s.code for s in report.suggestions}


def names(report: Report) -> set[str]:
    return {s.name for s in report.suggestions}


def assert_spans_exact(report: Report) -> None:
    for s in report.suggestions:
        assert report.text[s.span.start : s.span.end] == s.text, s
        assert 0 <= s.span.start <= s.span.end <= len(report.text)
        prefix = report.text[: s.span.start]
        assert s.span.utf16_start == len(prefix.encode("utf-16-le")) // 2
    for sent in report.sentences:
        assert report.text[sent.start : sent.end] == sent.text
    for dim in report.dimensions.values():
        for ev in dim.evidence:
            assert report.text[ev.start : ev.end] == ev.text
