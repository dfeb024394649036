"""Interest: reaffirm enthusiasm for this role and company, and say why the fit is good."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis, Unit, per_draft
from ..lexicon import phrases
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare, element, units_as_evidence


@per_draft
def interest_units(a: Analysis) -> list[Unit]:
    """Sentences that express enthusiasm for the role (labelled interest, or a clear cue)."""
    cue = phrases("interest", "cues").pattern
    return [
        u
        for u in a.prose_units
        # a sentence may carry interest as its second move ("... and look forward to next steps")
        if u.move == "interest" or (u.move != "pressure" and cue.search(u.text))
    ]


def fit_units(a: Analysis) -> list[Unit]:
    return [u for u in a.prose_units if u.move == "fit" or "fit" in u.also]


declare(
    Dimension.INTEREST,
    evidence=lambda a: (
        units_as_evidence(interest_units(a), "expresses interest") + units_as_evidence(fit_units(a), "says why you fit")
    ),
)
element("interest", lambda a: bool(interest_units(a)) or bool(fit_units(a)))


@rule(
    "IN001",
    "missing-interest",
    # a suggestion: on the corpus drafts it was right on only about a third of the drafts it
    # flagged (interest is often implied), too loud for a warning
    severity="suggestion",
    summary="No sentence says you still want the job.",
    points=55,
    stages=("thank_you",),
)
def missing_interest(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you or status check that never restates interest in the role.

    What it does:
        Looks for a sentence that expresses enthusiasm for this role, team or company. Final
        notes are exempt: they close gracefully rather than pitch.
    Why it matters:
        Reaffirming interest is how the reader knows you still want the job; without it a
        follow-up reads as politeness only.
    Example:
        Dear Dr. Osei,\\n\\nThank you for meeting with me yesterday. Please let me know if
        you need anything else.\\n\\nKind regards,\\nLena Park
    Instead:
        Dear Dr. Osei,\\n\\nThank you for meeting with me yesterday. I left even more excited
        about joining the pharmacy team.\\n\\nKind regards,\\nLena Park
    """
    if a.stage is Stage.FINAL or not a.prose_units or interest_units(a):
        return
    unit = a.prose_units[min(1, len(a.prose_units) - 1)]
    role = f"the {a.context.role} role" if a.context.role else "the role"
    yield Finding(
        unit.start,
        unit.end,
        f"Nothing here says you still want the job; add a sentence on why {role} excites you.",
        replacements=(f"Our conversation left me even more enthusiastic about {role}.",),
    )


@rule(
    "IN002",
    "missing-fit",
    severity="suggestion",
    summary="A thank-you note that never says why you fit.",
)
def missing_fit(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note with no sentence on why you are a good fit.

    What it does:
        In thank-you notes of four or more sentences, looks for one that connects your
        experience or skills to the role.
    Why it matters:
        A short reminder of why you fit turns a courtesy into a case for hiring you.
    Example:
        Context: stage=thank_you
        Dear Ms. Reyes,\\n\\nThank you for the interview on Monday. I enjoyed hearing about
        the new clinic in Tacoma. I am excited about the role. I hope to hear from you soon.
        \\n\\nBest,\\nOmar Haddad
    Instead:
        Context: stage=thank_you
        Dear Ms. Reyes,\\n\\nThank you for the interview on Monday. I enjoyed hearing about
        the new clinic in Tacoma. My five years of triage nursing would help the team open it
        smoothly. I hope to hear from you soon.\\n\\nBest,\\nOmar Haddad
    """
    if a.stage is not Stage.THANK_YOU or len(a.prose_units) < 4 or fit_units(a):
        return
    unit = a.prose_units[-1]
    yield Finding(
        unit.start,
        unit.end,
        "Add one sentence that ties your experience to what the team needs.",
    )
