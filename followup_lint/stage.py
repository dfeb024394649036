"""Which kind of follow-up a draft is, when the user does not say (``stage="auto"``).

The cue lists are data (``lexicon.toml`` ``[stage]``); dates, when known, outweigh wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .context import Context, hours_between
from .lexicon import phrases
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
    stage, why = infer_stage([u.text for u in units], [u.move for u in units], days_since=days)
    return StageChoice(stage, f"inferred: {why}")


def infer_stage(
    sentences: Sequence[str], moves: Sequence[str], *, days_since: float | None = None
) -> tuple[Stage, str]:
    """The likely stage and a short reason. Dates, when known, outweigh wording."""
    text = " ".join(sentences)
    for stage, key, why in (
        (Stage.WITHDRAWAL, "withdrawal_cues", "withdraws from the process"),
        (Stage.AFTER_REJECTION, "after_rejection_cues", "answers a decision already made"),
        (Stage.OTHER, "other_cues", "does not follow an interview (an application, a networking note)"),
    ):
        if phrases("stage", key).search(text):
            return stage, why
    final = len(phrases("stage", "final_cues").finditer(text))
    status = len(phrases("stage", "status_cues").finditer(text))
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
    if final >= 2 or (final >= 1 and status == 0 and counts["interest"] == 0 and thanks <= 1):
        return Stage.FINAL, "closing language (future openings, staying in touch)"
    if status >= 2 or (status >= 1 and thanks == 0):
        return Stage.STATUS_CHECK, "asks about the timeline or status"
    return Stage.THANK_YOU, "thanks for a recent conversation"
