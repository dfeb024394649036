"""Gratitude: thank the interviewer for their time, early, sincerely, once or twice."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis, Unit, per_draft
from ..lexicon import number, phrases, words
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare, element, units_as_evidence


@per_draft
def gratitude_units(a: Analysis) -> list[Unit]:
    """Prose sentences that thank the reader: the move labeller's word, backed by a cue.

    A cue alone is not enough ("Thanks to my mentor I learned SQL"), and the label alone is
    trusted only when confident, so that neither a keyword nor a guess decides by itself.
    """
    thanks = phrases("gratitude", "thanks").pattern
    out = []
    for unit in a.prose_units:
        cue = bool(thanks.search(unit.text))
        if cue and unit.move not in ("fit", "clarification", "pressure"):
            out.append(unit)
            continue
        if (unit.move == "gratitude" and (cue or unit.confidence >= 0.8)) or (
            cue and unit.move in ("gratitude", "other", "next_steps", "interest") and unit.confidence < 0.6
        ):
            out.append(unit)
    return out


def _first_prose(a: Analysis) -> tuple[int, int]:
    units = a.prose_units or a.units
    if units:
        return units[0].start, units[0].end
    return a.body_start, a.body_end


declare(Dimension.GRATITUDE, evidence=lambda a: units_as_evidence(gratitude_units(a), "thanks the reader"))
element("thanks", lambda a: bool(gratitude_units(a)))


def _addressed(name: str) -> str:
    """How to name the interviewer in advice: "Maria" for "Maria Chen", but "Dr. Osei" for
    "Dr. Osei" (a title is never left alone: "thanking Ms. for ...")."""
    parts = name.split()
    titles = words("references", "titles")
    if len(parts) > 1 and parts[0].lower().rstrip(".") in titles:
        return f"{parts[0]} {parts[-1]}"
    return parts[0] if parts else "the interviewer"


@rule(
    "GR001",
    "missing-thanks",
    severity="warning",
    summary="The draft never thanks the reader.",
    points=70,
    stages=("thank_you", "final", "withdrawal", "after_rejection"),
)
def missing_thanks(a: Analysis) -> Iterator[Finding]:
    """Flags a follow-up that contains no thanks to the interviewer.

    What it does:
        Looks for a sentence that thanks the reader (for their time, the interview, their
        consideration). When there is none, it points at the first sentence, where thanks
        belong.
    Why it matters:
        Saying thank you is the first purpose of a follow-up; most hiring managers expect it,
        and a note without it reads as a demand for news.
    Example:
        Context: stage=thank_you
        Dear Ms. Chen,\\n\\nI am writing about the Data Engineer role. I would like to know
        whether you have made a decision.\\n\\nBest regards,\\nJordan Lee
    Instead:
        Dear Ms. Chen,\\n\\nThank you for meeting with me on Tuesday about the Data Engineer
        role. I would welcome any update on the timeline.\\n\\nBest regards,\\nJordan Lee
    """
    if not a.prose_units or gratitude_units(a):
        return
    start, end = _first_prose(a)
    stage_word = {
        Stage.STATUS_CHECK: "again for the interview",
        Stage.FINAL: "for their time and consideration",
    }
    what = stage_word.get(a.stage, "for their time")
    who = _addressed(a.context.interviewers[0]) if a.context.interviewers else "the interviewer"
    yield Finding(
        start,
        end,
        f"The note never thanks the reader. Open by thanking {who} {what}.",
        replacements=("Thank you for taking the time to meet with me.",),
    )


@rule(
    "GR002",
    "excessive-thanks",
    severity="suggestion",
    summary="Thanks repeated so often it reads as grovelling.",
    data="gratitude",
)
def excessive_thanks(a: Analysis) -> Iterator[Finding]:
    """Flags thanks repeated more than ${max_thanks} times.

    What it does:
        Counts the expressions of thanks in the body (the sign-off excluded) and flags the
        ones past number ${max_thanks}.
    Why it matters:
        Thanks once or twice is sincere; four times reads as grovelling and pushes the
        substance of the note out of view.
    Example:
        Thank you for your time. Thanks so much for the tour. I really appreciate the
        chance. Thank you again for everything. Thanks again!
    Instead:
        Thank you for your time and for the tour of the plant. I look forward to hearing
        from you.
    """
    limit = int(number("gratitude", "max_thanks"))
    hits = list(a.find(phrases("gratitude", "thanks").pattern, where="prose"))
    for m in hits[limit:]:
        yield Finding(
            m.start(),
            m.end(),
            f"This is thanks number {hits.index(m) + 1}; keep one or two sincere thanks and cut the rest.",
        )


@rule(
    "GR003",
    "thanks-buried",
    severity="suggestion",
    summary="In a thank-you note, the thanks come late.",
)
def thanks_buried(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note whose first thanks come in its second half.

    What it does:
        In a thank-you note, finds the first sentence that thanks the reader and flags it when
        it sits past the middle of the note.
    Why it matters:
        The reader should see the purpose of the note first; thanks placed at the end read as
        an afterthought.
    Example:
        Context: stage=thank_you
        Dear Sam,\\n\\nI have been thinking about the warehouse layout you showed me. My
        background in lean logistics fits the role well. I also led a team of twelve pickers.
        Thank you for your time.\\n\\nBest,\\nAna Ruiz
    Instead:
        Context: stage=thank_you
        Dear Sam,\\n\\nThank you for your time on Monday. I have been thinking about the
        warehouse layout you showed me. My background in lean logistics fits the role well.
        \\n\\nBest,\\nAna Ruiz
    """
    if a.stage is not Stage.THANK_YOU:
        return
    units = a.prose_units
    found = gratitude_units(a)
    if len(units) < 4 or not found:
        return
    first = found[0]
    position = units.index(first) if first in units else 0
    if position / len(units) > number("gratitude", "early_share"):
        yield Finding(
            first.start,
            first.end,
            "The thanks come late; move this sentence to the start of the note.",
        )
