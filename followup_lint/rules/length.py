"""Length and readability: short, scannable notes with short sentences and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import WORD_RE, Analysis
from ..lexicon import number, threshold
from ..scoring import rubric
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare, stage_elements

_STAGE_WORD = {
    Stage.THANK_YOU: "thank-you note",
    Stage.STATUS_CHECK: "status check",
    Stage.FINAL: "final note",
}


# What the words a short note lacks should say, by rubric element.
_ADD = {
    "thanks": "your thanks",
    "reference": "a specific detail from the conversation",
    "interest": "why the role appeals to you",
    "look_ahead": "a look ahead",
    "question": "one polite question about the timeline",
    "door_open": "a line that leaves the door open",
    "role": "the role",
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def length_limits(stage: Stage) -> dict[str, int]:
    table = threshold("length")
    key = stage.value if isinstance(table.get(stage.value), dict) else Stage.THANK_YOU.value
    return {k: int(v) for k, v in table[key].items()}


declare(Dimension.LENGTH, evidence=lambda a: [])


@rule(
    "LN001",
    "too-long",
    severity="warning",
    summary="Longer than the stage calls for.",
    data="length",
    stages=("thank_you", "status_check", "final", "withdrawal", "after_rejection"),
)
def too_long(a: Analysis) -> Iterator[Finding]:
    """Flags a note whose prose runs past the length its stage calls for.

    What it does:
        Counts the words between the greeting and the sign-off and compares them with the
        stage's limit (${thank_you.max} for a thank-you note, ${status_check.max} for a status check,
        ${final.max} for a final note).
        The span covers the sentences past the limit.
    Why it matters:
        Hiring managers skim; a short, scannable note gets read to the end, a long one gets
        postponed.
    Example:
        Context: stage=status_check
        Thank you again for meeting me. I wanted to check in on the timeline for the role. I
        know these things take time and I completely understand that there are many
        candidates and many moving parts in any hiring process, especially at a company of
        your size with so many teams. In the meantime I have been reading about your new
        product line and thinking about how my experience in retail operations, supply chain
        work and customer service could contribute to its launch, since I spent four years
        managing a store and two years running the logistics desk at a regional wholesaler.
        I also completed a certificate in data analysis this spring, which taught me to build
        weekly sales dashboards, and I would be glad to share examples of those dashboards if
        they would be useful to you or the team. I remain very interested in the position and
        would be glad to provide any further information you might need from me, including
        references from my previous managers and colleagues.
    Instead:
        Context: stage=status_check
        Thank you again for meeting me last week. I remain very interested in the role and
        wanted to ask whether there is an update on the timeline.
    """
    limits = length_limits(a.stage)
    total = a.prose_word_count
    if total <= limits["max"]:
        return
    count = 0
    for unit in a.prose_units:
        count += len(WORD_RE.findall(unit.text))
        if count > limits["max"]:
            last = a.prose_units[-1]
            yield Finding(
                unit.start,
                last.end,
                f"{total} words is long for a {_STAGE_WORD.get(a.stage, 'follow-up')}; aim for "
                f"{limits['ideal_min']}–{limits['ideal_max']}. Cut from here on.",
            )
            return


@rule(
    "LN002",
    "too-short",
    severity="warning",
    summary="Too short to thank, recall and look ahead.",
    data="length",
    stages=("thank_you", "status_check", "final"),
)
def too_short(a: Analysis) -> Iterator[Finding]:
    """Flags a note too short to do its job.

    What it does:
        Counts the words between the greeting and the sign-off and flags fewer than the
        stage's minimum (${thank_you.min} for a thank-you note, ${status_check.min} for a status
        check, ${final.min} for a final note) when the note also lacks something its stage
        calls for (thanks, a specific detail, a look ahead...): a short note that has all of
        it is complete. The message says what the missing words should carry.
    Why it matters:
        A one-line note cannot thank, recall something specific and look ahead; it reads as
        an obligation ticked off.
    Example:
        Context: stage=thank_you
        Hi Ana,\\n\\nThanks for the interview.\\n\\nBest,\\nTom
    Instead:
        Context: stage=thank_you
        Hi Ana,\\n\\nThank you for the interview on Tuesday and for walking me through the
        spring schedule. Hearing how the team plans its menus around local farms made me even
        keener on the sous chef role. My years running a farm-to-table line would help from
        day one. I look forward to hearing about next steps.\\n\\nBest,\\nTom
    """
    if not a.prose_units:
        return
    limits = length_limits(a.stage)
    total = a.prose_word_count
    if total >= limits["min"]:
        return
    # Length serves content: a short note that already has every element of its stage's
    # rubric is complete, not too short; otherwise say what the missing words should carry.
    worth = rubric(a.stage)
    present = stage_elements(a)
    wanted = [_ADD[k] for k in worth if not present[k] and k in _ADD]
    if not wanted:
        return
    first, last = a.prose_units[0], a.prose_units[-1]
    yield Finding(
        first.start,
        last.end,
        f"Only {total} words; a {_STAGE_WORD.get(a.stage, 'follow-up')} reads best at "
        f"{limits['ideal_min']}–{limits['ideal_max']}. Add {_and(wanted)}.",
    )


@rule("LN003", "long-sentence", severity="suggestion", summary="A sentence too long to scan.", data="length")
def long_sentence(a: Analysis) -> Iterator[Finding]:
    """Flags sentences longer than ${long_sentence_words} words.

    What it does:
        Counts the words of each sentence and flags those over ${long_sentence_words}.
    Why it matters:
        Long sentences are hard to follow on a phone, where many follow-ups are read.
    Example:
        I wanted to thank you for the conversation yesterday about the role and the team and
        the plans for next year, which I found fascinating because they match so well what I
        have been doing at my current job for the last three years in the regional office.
    Instead:
        Thank you for the conversation yesterday. Your plans for next year match what I have
        been doing in the regional office for three years.
    """
    limit = int(number("length", "long_sentence_words"))
    for unit in a.prose_units:
        n = len(WORD_RE.findall(unit.text))
        if n > limit:
            yield Finding(unit.start, unit.end, f"This sentence has {n} words; split it in two.")


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


@rule("LN004", "long-paragraph", severity="suggestion", summary="A wall of text.", data="length")
def long_paragraph(a: Analysis) -> Iterator[Finding]:
    """Flags paragraphs longer than about ${long_paragraph_words} words.

    What it does:
        Splits the body at blank lines and flags paragraphs over the limit.
    Why it matters:
        Short paragraphs make a note scannable; a block of text hides the point.
    Example:
        Thank you for the interview yesterday. I enjoyed learning about the claims team and
        the way it works with the analysts in Leeds. I have spent five years in claims and I
        know how much a clean intake process matters to the people downstream. At my current
        employer I rebuilt the intake forms and cut rework by a third, which freed the team
        to clear a backlog that had built up over two years. I would bring the same attention
        to detail to your team, and I would be glad to share the before and after figures
        from that project. I also enjoyed meeting Priya and hearing about the new tooling
        that the team plans to adopt next year. I look forward to hearing from you.
    Instead:
        Thank you for the interview yesterday. I enjoyed learning about the claims team.\\n
        \\nAt my current employer I rebuilt the intake forms and cut rework by a third.\\n
        \\nI look forward to hearing from you.
    """
    limit = int(number("length", "long_paragraph_words"))
    body, base = a.body, a.body_start
    sign = a.signoff.start - base if a.signoff else len(body)
    pos = 0
    for part in [*_PARA_BREAK.split(body[:sign])]:
        start = body.find(part, pos)
        pos = start + len(part)
        n = len(WORD_RE.findall(part))
        stripped = part.strip()
        if n > limit and stripped:
            lead = part.find(stripped)
            yield Finding(
                base + start + lead,
                base + start + lead + len(stripped),
                f"This paragraph has {n} words; break it into two or three short ones.",
            )
