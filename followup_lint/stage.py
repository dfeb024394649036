"""Which kind of follow-up a draft is, when the user does not say (``stage="auto"``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .types import Stage

_FINAL_CUES = re.compile(
    r"\b(?:haven't heard|have not heard|not heard back|no longer|moved forward with|other candidates?|"
    r"filled the (?:role|position)|future (?:roles|openings|opportunities|positions)|keep me in mind|"
    r"stay in touch|paths cross|close the loop|wish you (?:and the team )?(?:all the best|the best|well)|"
    r"best of luck|if (?:the|this) (?:role|position) (?:has been|is) filled)\b",
    re.I,
)
_STATUS_CUES = re.compile(
    r"\b(?:checking in|check in|follow(?:ing)? up on|touch base|any (?:update|news)|an update|"
    r"the status|where things stand|timeline|decision|still (?:very )?(?:interested|keen|excited)|"
    r"last week|(?:two|2|a couple of) weeks ago|(?:several|few) days ago|since (?:we|our))\b",
    re.I,
)
_THANKS_CUES = re.compile(
    r"\b(?:yesterday|today|this morning|this afternoon|earlier today|meeting (?:with )?me|"
    r"taking the time|for your time|the interview|our conversation|speaking with me)\b",
    re.I,
)


def infer_stage(
    sentences: Sequence[str], moves: Sequence[str], *, days_since: float | None = None
) -> tuple[Stage, str]:
    """The likely stage and a short reason. Dates, when known, outweigh wording."""
    text = " ".join(sentences)
    final = len(_FINAL_CUES.findall(text))
    status = len(_STATUS_CUES.findall(text))
    thanks = len(_THANKS_CUES.findall(text))
    counts = Counter(moves)
    if days_since is not None:
        if days_since >= 14 and final >= 1:
            return Stage.FINAL, f"{days_since:.0f} days after the interview, with closing language"
        if days_since >= 3 and (status >= 1 or counts["next_steps"] >= 1):
            if final >= 2:
                return (
                    Stage.FINAL,
                    f"{days_since:.0f} days after the interview, with closing language",
                )
            return Stage.STATUS_CHECK, f"{days_since:.0f} days after the interview, asking for news"
        if days_since < 3:
            return Stage.THANK_YOU, "sent within days of the interview"
    if final >= 2 or (final >= 1 and status == 0 and counts["interest"] == 0 and thanks <= 1):
        return Stage.FINAL, "closing language (future openings, staying in touch)"
    if status >= 2 or (status >= 1 and thanks == 0):
        return Stage.STATUS_CHECK, "asks about the timeline or status"
    return Stage.THANK_YOU, "thanks for a recent conversation"
