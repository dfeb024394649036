"""Which kind of follow-up a draft is, when the user does not say (``stage="auto"``).

The cue lists are data (``lexicon.toml`` ``[stage]``); dates, when known, outweigh wording.
When the context gives no dates, a relative date in the text that points at the interview
("we spoke last week", "it has been ten days", ``[stage_dates]``) stands in for them, and the
stage's source names it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from .context import Context, hours_between
from .lexicon import phrases, substitutions
from .types import Stage

if TYPE_CHECKING:
    from .analysis import Unit


@dataclass(frozen=True)
class StageChoice:
    stage: Stage
    source: str  # "given", or "inferred: <what it rests on>"


def resolve_stage(ctx: Context, units: Sequence[Unit]) -> StageChoice:
    """The context's stage, or one inferred from the dates and the wording."""
    if ctx.stage is not Stage.AUTO:
        return StageChoice(ctx.stage, "given")
    days = None
    if ctx.interview_date and ctx.send_date:
        days = hours_between(ctx.interview_date, ctx.send_date) / 24
    sent = ctx.send_date.date() if ctx.send_date and not ctx.interview_date else None
    stage, why = infer_stage([u.text for u in units], [u.move for u in units], days_since=days, sent_on=sent)
    return StageChoice(stage, f"inferred: {why}")


@dataclass(frozen=True)
class RelativeDate:
    """A phrase of the text that says how long ago the interview was."""

    phrase: str
    days: float
    start: int  # offsets into the sentences joined by single spaces
    end: int
    counted: bool = True  # False: "since our interview on March 3" with no send date to count from

    def __str__(self) -> str:
        if not self.counted:
            return f"“{self.phrase}” (counts the days since the interview)"
        if self.days < 1:
            return f"“{self.phrase}” (the day of the interview)"
        return f"“{self.phrase}” (about {self.days:.0f} day{'' if self.days == 1 else 's'} after the interview)"


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
}
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SINCE_DATE = re.compile(
    r"\bsince\b[^.?!]{0,40}?\b(?:on|of)\s+(?:(?P<m1>" + _MONTH + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|"
    r"(?:the\s+)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH + r"))\b",
    re.I,
)


@cache
def _counted() -> re.Pattern[str]:
    """ "ten days ago", "it has been 2 weeks", "over three weeks since"."""
    number = substitutions("stage_dates", "number_words").pattern.pattern
    return re.compile(
        r"(?i)\b(?P<n>\d{1,2}|" + number + r")\s+(?P<unit>days?|weeks?|months?)\b"
        r"(?:\s+ago\b|(?=\s+(?:since|now|have|has)\b|[^.?!]{0,3}$|[,.;]))"
    )


def relative_dates(sentences: Sequence[str], *, sent_on: date | None = None) -> list[RelativeDate]:
    """Relative dates that point at the interview: in a sentence that also speaks of it
    (``[stage_dates] interview_words``: "since our interview", "we spoke", "for your time").
    "Since our interview on March 3" counts as a week when the send date is unknown."""
    tied = phrases("stage_dates", "interview_words")
    fixed = substitutions("stage_dates", "relative")
    numbers = substitutions("stage_dates", "number_words").table
    found: list[RelativeDate] = []
    offset = 0
    for sentence in sentences:
        if tied.search(sentence):
            for m in fixed.pattern.finditer(sentence):
                found.append(
                    RelativeDate(
                        m.group(), float(fixed.table[m.group().lower()][1]), offset + m.start(), offset + m.end()
                    )
                )
            for m in _counted().finditer(sentence):
                raw = m.group("n").lower()
                n = float(raw) if raw.isdigit() else float(numbers[" ".join(raw.split())][1])
                unit = m.group("unit").lower()
                per = 30.0 if unit.startswith("month") else 7.0 if unit.startswith("week") else 1.0
                found.append(RelativeDate(m.group().strip(), n * per, offset + m.start(), offset + m.end()))
            for m in _SINCE_DATE.finditer(sentence):
                days = _since(m, sent_on)
                found.append(
                    RelativeDate(
                        m.group(), 7.0 if days is None else days, offset + m.start(), offset + m.end(), days is not None
                    )
                )
        offset += len(sentence) + 1
    return found


def _since(m: re.Match[str], sent_on: date | None) -> float | None:
    month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
    day = int(m.group("d1") or m.group("d2"))
    if sent_on is None:
        return None
    try:
        then = date(sent_on.year, month, day)
    except ValueError:
        return None
    if then > sent_on:
        then = then.replace(year=sent_on.year - 1)
    return float((sent_on - then).days)


def infer_stage(
    sentences: Sequence[str],
    moves: Sequence[str],
    *,
    days_since: float | None = None,
    sent_on: date | datetime | None = None,
) -> tuple[Stage, str]:
    """The likely stage and a short reason. Dates, when known, outweigh wording; without
    them, a relative date in the text ("two weeks ago") stands in (``sent_on``, the send
    date, turns "since our interview on March 3" into days)."""
    # a hard-wrapped sentence breaks its lines anywhere ("any\nupdate"); cues are read on words
    sentences = [" ".join(s.split()) for s in sentences]
    text = " ".join(sentences)
    for stage, key, why in (
        (Stage.WITHDRAWAL, "withdrawal_cues", "withdraws from the process"),
        (Stage.AFTER_REJECTION, "after_rejection_cues", "answers a decision already made"),
        (Stage.OTHER, "other_cues", "does not follow an interview (an application, a networking note)"),
    ):
        if phrases("stage", key).search(text):
            return stage, why
    if isinstance(sent_on, datetime):
        sent_on = sent_on.date()
    dated = relative_dates(sentences, sent_on=sent_on) if days_since is None else []
    final = len(phrases("stage", "final_cues").finditer(text))
    # a relative date is a status cue ("last week") only as wording; once read as a date it
    # must not count twice ("thank you for meeting me last week" is a late thank-you)
    status = sum(
        1
        for m in phrases("stage", "status_cues").finditer(text)
        if not any(d.start < m.end() and m.start() < d.end for d in dated)
    )
    thanks = len(phrases("stage", "thank_you_cues").finditer(text))
    counts = Counter(moves)
    if days_since is not None:
        if days_since >= 14 and final >= 1:
            return Stage.FINAL, f"{days_since:.0f} days after the interview, with closing language"
        if days_since >= 3 and (status >= 1 or counts["next_steps"] >= 1):
            if final >= 2:
                return Stage.FINAL, f"{days_since:.0f} days after the interview, with closing language"
            return Stage.STATUS_CHECK, f"{days_since:.0f} days after the interview, asking for news"
        if days_since < 3:
            return Stage.THANK_YOU, "sent within days of the interview"
    said = ""
    if dated:
        # the oldest event the text names is the interview ("two weeks ago"), not a later one
        d = max(dated, key=lambda d: d.days)
        said = str(d)
        if d.days >= 14 and final >= 1:
            return Stage.FINAL, f"{said} with closing language: a final note"
        if d.days >= 3 and status >= 1:
            if final >= 2:
                return Stage.FINAL, f"{said} with closing language: a final note"
            return Stage.STATUS_CHECK, f"{said} and asks for news: a status check"
        if d.days < 3:
            # "we spoke yesterday, but any updates?": asking, not thanking (the thank-you cues
            # are loose, "the interview"; the move model says whether a sentence thanks)
            if status >= 1 and counts["gratitude"] == 0 and not phrases("gratitude", "thanks").search(text):
                return Stage.STATUS_CHECK, f"{said} and asks for news without thanks: a status check"
            return Stage.THANK_YOU, f"{said}: a thank-you"
    stage, why = _by_wording(final, status, thanks, counts)
    if said and stage is Stage.THANK_YOU:
        return stage, f"{said}, thanks without asking for news: a thank-you"
    return stage, f"{said}, but {why}" if said else why


def _by_wording(final: int, status: int, thanks: int, counts: Counter[str]) -> tuple[Stage, str]:
    if final >= 2 or (final >= 1 and status == 0 and counts["interest"] == 0 and thanks <= 1):
        return Stage.FINAL, "closing language (future openings, staying in touch)"
    if status >= 2 or (status >= 1 and thanks == 0):
        return Stage.STATUS_CHECK, "asks about the timeline or status"
    return Stage.THANK_YOU, "thanks for a recent conversation"
