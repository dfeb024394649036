"""Running the enabled rules over one analysis: findings become suggestions.

The runner clamps spans to the text, drops a rule's repeated finding on the same words,
applies the configured severity, hides grammar findings on words that a more specific rule
already reports (slang, an emoji, a placeholder), and sorts by position. One faulty rule
costs its own findings, never the report.
"""

from __future__ import annotations

import logging

from ..analysis import Analysis
from ..report import Span, Suggestion, Utf16Index
from ..types import Dimension
from .base import Finding, Rule
from .selection import Selection

log = logging.getLogger(__name__)


def run_rules(a: Analysis, selection: Selection) -> tuple[list[Suggestion], list[str]]:
    """The suggestions, sorted by position, and a note for each rule that failed."""
    out: list[Suggestion] = []
    failures: list[str] = []
    seen: set[tuple[str, int, int]] = set()
    index = Utf16Index(a.text)
    for r in selection.rules:
        if r.stages is not None and a.stage not in r.stages:
            continue  # a rule about another kind of note
        try:
            findings = list(r.check(a))
        except Exception as exc:  # one faulty rule must not cost the user the whole report
            log.exception("rule %s failed", r.code)
            failures.append(f"rule {r.code} {r.name} could not run ({type(exc).__name__}: {exc})")
            continue
        for f in findings:
            key = (r.code, f.start, f.end)
            if key in seen:
                continue
            seen.add(key)
            out.append(_suggestion(a, r, f, selection, index))
    masking = {r.code for r in selection.rules if r.masks_grammar}
    out = _drop_grammar_echoes(out, masking)
    out.sort(key=lambda s: (s.span.start, s.span.end, s.code))
    return out, failures


def _suggestion(a: Analysis, r: Rule, f: Finding, selection: Selection, index: Utf16Index) -> Suggestion:
    text = a.text
    start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
    start, end = min(start, end), max(start, end)
    subj = a.draft.subject_span
    in_subject = subj is not None and (start < a.body_start or (subj[0] <= start and end <= subj[1]))
    severity = selection.severity(r, f.severity)
    return Suggestion(
        code=r.code,
        name=r.name,
        dimension=r.dimension,
        severity=severity,
        message=f.message,
        why=f.why or r.why,
        span=Span.of(index, start, end, "subject" if in_subject else "body"),
        text=text[start:end],
        fix=f.fix,
        replacements=tuple(x for x in f.replacements if x is not None),
        source_rule=f.source_rule,
    )


def _drop_grammar_echoes(found: list[Suggestion], masking: set[str]) -> list[Suggestion]:
    """A grammar finding on words another rule already flagged says the same thing twice;
    keep the more specific one."""
    word_level = [(s.span.start, s.span.end) for s in found if s.code in masking]
    return [
        s
        for s in found
        if s.dimension is not Dimension.GRAMMAR or not any(a < s.span.end and s.span.start < b for a, b in word_level)
    ]
