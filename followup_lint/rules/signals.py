"""Signals that rules of more than one dimension read, computed once per draft.

A rule module never imports another rule module; what two dimensions share lives here.
"""

from __future__ import annotations

from ..analysis import Analysis, per_draft
from ..lexicon import number, phrases
from ..measures import Measure, evidence_line, measure_sentences
from ..message import find_placeholders
from ..scoring import Graded


@per_draft
def all_lowercase(a: Analysis) -> bool:
    """The draft is written (almost) wholly in lower case: then FM005 reports it once, and
    the capitalisation rules of the grammar dimension stay quiet."""
    letters = [ch for ch in a.body if ch.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    starts = [u.text.lstrip()[:1] for u in a.units if u.text.strip()[:1].isalpha()]
    lower_starts = sum(1 for s in starts if s.islower())
    share = number("formality", "lowercase_share")
    return bool(starts) and lower_starts / len(starts) >= share and upper / len(letters) < 0.02


@per_draft
def placeholder_spans(a: Analysis) -> list[tuple[int, int]]:
    """Template leftovers in the subject and body (the message reader's placeholder and
    instruction zones): never a name, a company or shouting."""
    spans = a.zones("placeholder") + a.zones("instruction")
    subject = a.draft.subject_span
    if subject is not None:
        spans += [(s, e) for s, e, _ in find_placeholders(a.text, subject[0], subject[1])]
    if a.doc is None or a.doc._.followup_message is None:  # an analysis built without the reader
        found = phrases("structure", "placeholders")
        spans += [m.span() for m in a.find(found.pattern)]
    return sorted(set(spans))


def in_placeholder(a: Analysis, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in placeholder_spans(a))


@per_draft
def measures(a: Analysis) -> tuple[Measure, Measure]:
    """The graded formality and politeness of the prose, each sentence read once."""
    units = a.prose_units
    tokens = None
    if a.doc is not None:
        base = a.body_start
        spans = [a.doc.char_span(u.start - base, u.end - base, alignment_mode="expand") for u in units]
        tokens = [None if sp is None else [(t.text, t.tag_) for t in sp] for sp in spans]
    return measure_sentences([u.text for u in units], tokens)


def measure_detail(m: Measure) -> dict[str, object]:
    return {
        "version": m.version,
        "score": None if m.score is None else round(m.score, 1),
        "reason": m.reason,
        "features": [
            {"name": f.name, "value": round(f.value, 3), "weight": f.weight, "contribution": round(f.contribution, 1)}
            for f in m.features
            if f.contribution
        ],
    }


def graded_cap(m: Measure, neutral: float, slope: float, label: str) -> Graded | None:
    """A measure as a cap on its dimension: nothing at or above ``neutral``, ``slope`` points
    off per point below it (docs/measures.md)."""
    if m.score is None:
        return None
    cap = max(0.0, min(100.0, 100 - slope * (neutral - m.score)))
    return Graded(cap, f"{label} {m.score:.0f}/100: {evidence_line(m)}", measure_detail(m))
