"""Tone: positive and patient; not pushy, desperate, frustrated or over-apologetic."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from .base import Finding, rule
from .lexicon import alternation


def _phrases(a: Analysis, key: str) -> Iterator[re.Match[str]]:
    yield from a.find(alternation("tone", key))


@rule("TN001", "pushy-request", severity="warning", summary="Demands, deadlines or ultimatums.")
def pushy_request(a: Analysis) -> Iterator[Finding]:
    """Flags demands for an answer, deadlines and ultimatums.

    What it does:
        Matches phrases that push the reader: "I need an answer by Friday", "as soon as
        possible", "or I will accept another offer", "when can I start?".
    Why it matters:
        Hiring takes the time it takes; pressure reads as impatience and entitlement, and
        makes the reader less inclined to hurry.
    Example:
        I need an answer by Friday or I will accept another offer.
    Instead:
        I have another offer with a deadline of Friday; if there is any update on your
        timeline, I would be grateful to hear it.
    """
    for m in _phrases(a, "pushy"):
        yield Finding(m.start(), m.end(), "This reads as pushy; ask politely about the timeline instead.")


@rule("TN002", "desperation", severity="warning", summary="Begging or sounding desperate.")
def desperation(a: Analysis) -> Iterator[Finding]:
    """Flags begging and statements of need ("I really need this job").

    What it does:
        Matches phrases of desperation: begging, "last chance", bills and rent, "I'll do
        anything".
    Why it matters:
        Employers hire for fit and value; a plea for sympathy weakens the case you made in
        the interview.
    Example:
        Please, I really need this job, I'll do anything.
    Instead:
        I am confident I could contribute from the first week, and I remain very interested.
    """
    for m in _phrases(a, "desperate"):
        yield Finding(
            m.start(),
            m.end(),
            "This sounds desperate; restate your interest and what you offer instead.",
        )


@rule("TN003", "frustration", severity="warning", summary="Frustration or passive aggression.")
def frustration(a: Analysis) -> Iterator[Finding]:
    """Flags frustrated or passive-aggressive phrasing ("per my last email").

    What it does:
        Matches phrases that reproach the reader: counting your unanswered emails, "still no
        reply", "common courtesy", "unprofessional".
    Why it matters:
        Silence after an interview is common and rarely personal; frustration on the page
        closes the door that a patient note keeps open.
    Example:
        Per my last email, I have written three times and still no reply.
    Instead:
        I wanted to follow up on my note from last week and ask whether there is any update.
    """
    for m in _phrases(a, "frustrated"):
        yield Finding(m.start(), m.end(), "This sounds frustrated; keep the note patient and positive.")


@rule(
    "TN004",
    "over-apologizing",
    severity="suggestion",
    summary="Apologising more than the situation needs.",
)
def over_apologizing(a: Analysis) -> Iterator[Finding]:
    """Flags repeated apologies and apologies for writing at all.

    What it does:
        Flags "sorry to bother you" and "wasting your time", and every apology after the
        first.
    Why it matters:
        A follow-up is normal and welcome; apologising for it undercuts your confidence. One
        apology for a real slip (a late reply, a typo) is fine.
    Example:
        Sorry to bother you again. I apologize for writing, and sorry if this is a bad time.
    Instead:
        I hope you are well. I wanted to ask whether there is any update on the role.
    """
    for m in _phrases(a, "self_deprecating"):
        yield Finding(m.start(), m.end(), "No need to apologise for following up; leave this out.")
    hits = list(_phrases(a, "apologies"))
    self_spans = [m.span() for m in _phrases(a, "self_deprecating")]
    extra = [m for m in hits[1:] if not any(s <= m.start() < e for s, e in self_spans)]
    for m in extra:
        yield Finding(m.start(), m.end(), f"{len(hits)} apologies in one note; keep at most one.")
