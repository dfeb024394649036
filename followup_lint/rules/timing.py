"""Timing: when the note goes out, relative to the interview, for its stage."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..context import hours_between
from ..lexicon import number
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare


def elapsed_hours(a: Analysis) -> float | None:
    """Hours from the interview to sending; ``None`` when either date is unknown."""
    start, sent = a.context.interview_date, a.context.send_date or a.draft.sent_at
    if start is None or sent is None:
        return None
    return hours_between(start, sent)


declare(
    Dimension.TIMING,
    unjudged=lambda a: None if elapsed_hours(a) is not None else "needs the interview date and the send date",
)


def _anchor(a: Analysis) -> tuple[int, int]:
    if a.draft.subject_span is not None and a.draft.subject_span[1] > a.draft.subject_span[0]:
        return a.draft.subject_span
    if a.units:
        return a.units[0].start, a.units[0].end
    return a.body_start, a.body_end


def _too_soon(a: Analysis, stage: Stage, min_days: str, advice: str) -> Iterator[Finding]:
    """A note of ``stage`` sent sooner than ``[timing] min_days`` after the interview."""
    hours = elapsed_hours(a)
    if a.stage is not stage or hours is None or hours < 0:
        return
    if hours < number("timing", min_days) * 24:
        start, end = _anchor(a)
        yield Finding(start, end, f"Only {_days(hours)} since the interview; {advice}")


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
    Why it matters:
        The note works best while the conversation is fresh: the same or the next day.
    Example:
        Context: stage=thank_you; interview_date=2026-03-02T10:00; send_date=2026-03-09T09:00
        Thank you for meeting with me.
    Instead:
        Context: stage=thank_you; interview_date=2026-03-02T10:00; send_date=2026-03-02T17:00
        Thank you for meeting with me.
    """
    hours = elapsed_hours(a)
    if a.stage is not Stage.THANK_YOU or hours is None:
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
