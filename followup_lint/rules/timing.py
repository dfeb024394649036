"""Timing: when the note goes out, relative to the interview, for its stage."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis, per_draft
from ..context import hours_between
from ..lexicon import number
from ..stage import RelativeDate, relative_dates
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare


def elapsed_hours(a: Analysis) -> float | None:
    """Hours from the interview to sending; ``None`` when either date is unknown."""
    start, sent = a.context.interview_date, a.context.send_date or a.draft.sent_at
    if start is None or sent is None:
        return None
    return hours_between(start, sent)


@per_draft
def said_when(a: Analysis) -> RelativeDate | None:
    """Without dates, what the prose says of the interview's day ("we spoke yesterday",
    "since our interview two weeks ago"): the oldest such date, as the stage inference reads
    it. A date the text cannot count ("since March 3" with no send date) is not one."""
    if elapsed_hours(a) is not None:
        return None
    dated = [d for d in relative_dates([" ".join(u.text.split()) for u in a.prose_units]) if d.counted]
    return max(dated, key=lambda d: d.days) if dated else None


def _unjudged(a: Analysis) -> str | None:
    if elapsed_hours(a) is not None or said_when(a) is not None:
        return None
    return "needs the interview date and the send date"


def _note(a: Analysis) -> str | None:
    said = said_when(a)
    return f"no dates given; judged from {said} in the text" if said is not None else None


declare(Dimension.TIMING, unjudged=_unjudged, note=_note)


def _anchor(a: Analysis) -> tuple[int, int]:
    if a.draft.subject_span is not None and a.draft.subject_span[1] > a.draft.subject_span[0]:
        return a.draft.subject_span
    if a.units:
        return a.units[0].start, a.units[0].end
    return a.body_start, a.body_end


def _too_soon(a: Analysis, stage: Stage, min_days: str, advice: str) -> Iterator[Finding]:
    """A note of ``stage`` sent sooner than ``[timing] min_days`` after the interview. From
    a date the text gives, only when it is under half of that: "a few days ago" is too rough
    a count to hold against a five-day rule, "yesterday" is not."""
    if a.stage is not stage:
        return
    hours = elapsed_hours(a)
    if hours is not None:
        if 0 <= hours < number("timing", min_days) * 24:
            start, end = _anchor(a)
            yield Finding(start, end, f"Only {_days(hours)} since the interview; {advice}")
        return
    said = said_when(a)
    if said is not None and said.days < number("timing", min_days) / 2:
        start, end = _said_span(a, said)
        yield Finding(start, end, f"“{said.phrase}” puts this {_when(said.days)}; {advice}")


def _said_span(a: Analysis, said: RelativeDate) -> tuple[int, int]:
    """Where the prose says the relative date (its words may be hard-wrapped)."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in said.phrase.split()), re.I)
    found = next(iter(a.find(pattern, where="prose")), None)
    return found.span() if found is not None else _anchor(a)


def _when(days: float) -> str:
    if days < 1:
        return "on the day of the interview"
    if days < 2:
        return "the day after the interview"
    return f"about {days:.0f} days after the interview"


def _days(hours: float) -> str:
    days = hours / 24
    return f"{days:.0f} days" if days >= 2 else f"{hours:.0f} hours"


@rule(
    "TM001",
    "late-thank-you",
    severity="warning",
    summary="A thank-you note sent days after the interview.",
    data="timing",
)
def late_thank_you(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note sent more than ${thank_you_late_hours} hours after the interview.

    What it does:
        With the interview and send dates known, flags a thank-you note sent after ${thank_you_late_hours} hours.
        Without them, a date the note gives ("since we spoke last week") stands in when it
        is at least twice that.
    Why it matters:
        The note works best while the conversation is fresh: the same or the next day.
    Example:
        Context: stage=thank_you; interview_date=2026-03-02T10:00; send_date=2026-03-09T09:00
        Thank you for meeting with me.
    Instead:
        Context: stage=thank_you; interview_date=2026-03-02T10:00; send_date=2026-03-02T17:00
        Thank you for meeting with me.
    """
    if a.stage is not Stage.THANK_YOU:
        return
    hours = elapsed_hours(a)
    said = said_when(a)
    if hours is None and said is not None and said.days * 24 >= 2 * number("timing", "thank_you_late_hours"):
        # from the text, only when clearly late ("last week", "two weeks ago")
        start, end = _said_span(a, said)
        yield Finding(
            start,
            end,
            f"“{said.phrase}” puts this {_when(said.days)}; send thank-you notes the "
            "same or the next day (late is still better than never).",
        )
        return
    if hours is None:
        return
    if hours > number("timing", "thank_you_late_hours"):
        start, end = _anchor(a)
        yield Finding(
            start,
            end,
            f"Sent {_days(hours)} after the interview; send thank-you notes the same or the next day "
            "(late is still better than never).",
        )


@rule("TM002", "status-check-too-soon", severity="warning", summary="Asking for news too soon.", data="timing")
def status_check_too_soon(a: Analysis) -> Iterator[Finding]:
    """Flags a status check sent less than about a week after the interview.

    What it does:
        With dates known, flags a status check sent under ${status_check_min_days} days after the interview.
        Without them, a date the note gives ("we spoke yesterday") stands in when it is under
        half of that.
    Why it matters:
        Hiring teams need time; a status check after a day or two reads as impatience. Wait
        for the date they gave you, or about a week.
    Example:
        Context: stage=status_check; interview_date=2026-03-02T10:00; send_date=2026-03-03T09:00
        I wanted to check on the status of my application.
    Instead:
        Context: stage=status_check; interview_date=2026-03-02T10:00; send_date=2026-03-10T09:00
        I wanted to check on the status of my application.
    """
    yield from _too_soon(
        a, Stage.STATUS_CHECK, "status_check_min_days", "wait for the decision date they gave, or about a week."
    )


@rule(
    "TM003",
    "final-note-too-soon",
    severity="warning",
    summary="Closing the door before two weeks of silence.",
    data="timing",
)
def final_note_too_soon(a: Analysis) -> Iterator[Finding]:
    """Flags a gracious final note sent before two weeks have passed.

    What it does:
        With dates known, flags a final note sent under ${final_min_days} days after the interview.
        Without them, a date the note gives stands in when it is under half of that.
    Why it matters:
        Silence for a few days is normal; a final note is for after two or three weeks with
        no word, once a status check has gone unanswered.
    Example:
        Context: stage=final; interview_date=2026-03-02T10:00; send_date=2026-03-06T09:00
        Thank you again for considering me. Please keep me in mind for future openings.
    Instead:
        Context: stage=final; interview_date=2026-03-02T10:00; send_date=2026-03-23T09:00
        Thank you again for considering me. Please keep me in mind for future openings.
    """
    yield from _too_soon(
        a,
        Stage.FINAL,
        "final_min_days",
        "send a status check first and keep a final note for after two or three weeks of silence.",
    )


@rule(
    "TM004",
    "sent-before-interview",
    severity="warning",
    summary="The send date is before the interview.",
)
def sent_before_interview(a: Analysis) -> Iterator[Finding]:
    """Flags a send date earlier than the interview date.

    What it does:
        With both dates known, flags a send date before the interview (usually a typo in the
        dates, or a note drafted for the wrong interview).
    Why it matters:
        Timing advice is only as good as the dates behind it.
    Example:
        Context: interview_date=2026-03-10T10:00; send_date=2026-03-02T09:00
        Thank you for meeting with me.
    Instead:
        Context: interview_date=2026-03-02T10:00; send_date=2026-03-02T17:00
        Thank you for meeting with me.
    """
    hours = elapsed_hours(a)
    if hours is not None and hours < -1:
        start, end = _anchor(a)
        yield Finding(start, end, "The send date is before the interview date; check the dates.")
