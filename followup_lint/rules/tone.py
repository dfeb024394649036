"""Tone: positive and patient; not pushy, desperate, frustrated or over-apologetic."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..lexicon import number, phrases
from ..report import Evidence
from ..scoring import Graded
from ..types import Dimension
from .base import Finding, rule
from .dimensions import declare, units_as_evidence
from .kinds import register_data_rules
from .signals import graded_cap, measures

# TN001 pushy-request, TN002 desperation and TN003 frustration are phrase lists with a
# message: rules written as data (data/rules.toml).
register_data_rules("tone", __name__)


def _graded(a: Analysis) -> Graded | None:
    """Politeness as a graded measure, tied to the move model: each point below the neutral
    band costs the tone dimension 4 (docs/measures.md)."""
    return graded_cap(measures(a)[1], number("tone", "graded_neutral"), 4, "politeness")


def _evidence(a: Analysis) -> list[Evidence]:
    """Sentences the move model reads as pressure, backed by a low politeness of their own."""
    units = a.prose_units
    polite = measures(a)[1].sentences
    low = {u.start for u, m in zip(units, polite) if m.score is not None and m.score < 45}
    pressure = [u for u in a.units_with("pressure", min_confidence=0.5) if u.start in low or u.confidence >= 0.8]
    return units_as_evidence(pressure, "reads as pressure (move model and politeness)")


declare(Dimension.TONE, evidence=_evidence, graded=_graded)


def _phrases(a: Analysis, key: str) -> Iterator[re.Match[str]]:
    yield from a.find(phrases("tone", key).pattern)


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
