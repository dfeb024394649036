"""Signals that rules of more than one dimension read, computed once per draft.

A rule module never imports another rule module; what two dimensions share lives here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import Analysis, Unit, per_draft
from ..lexicon import number, phrases
from ..measures import Measure, evidence_line, measure_sentences
from ..message import find_placeholders
from ..nlp.keyphrases import content_stems, key_phrases, same_stem, stem
from ..scoring import Graded

_WORD = re.compile(r"[A-Za-z0-9]+")


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


@dataclass(frozen=True)
class Topic:
    """Something the interview was about: a context topic, or a key phrase of its notes."""

    text: str
    source: str  # "topics" or "notes"
    stems: tuple[str, ...]
    needed: int  # how many of the stems a sentence must name to mention it


@dataclass(frozen=True)
class TopicMatch:
    start: int
    end: int
    topic: Topic


@per_draft
def context_topics(a: Analysis) -> tuple[Topic, ...]:
    """The context's topics, then the key phrases of its notes that are not already a topic
    and not a name the context gives (the interviewer, the candidate, the company, the role).

    A sentence mentions one when it names all of its words (by stem) when it has one or two,
    and two of them when it has more: "building data pipelines" does not mention "the claims
    pipeline", "the machines are booked in two shifts" mentions "two-shift machine booking"."""
    ctx = a.context
    # a word of the role or a name is no topic: "the design system audit" is not mentioned by
    # "the Product Designer role", nor "grant reporting" by "the Grants Coordinator job"
    named = {s for n in ctx.names for s in content_stems(n)}
    out: list[Topic] = []
    for t in ctx.topics:
        stems = tuple(s for s, w in zip(content_stems(t), _content_words(t)) if len(w) >= 4 and not _in(s, named))
        if stems:
            out.append(Topic(t, "topics", stems, _needed(stems)))
    given = {s for t in out for s in t.stems}
    for phrase in key_phrases(ctx.note_fragments):
        stems = tuple(s for s in content_stems(phrase) if not _in(s, named))
        if not stems or set(stems) <= given:
            continue
        out.append(Topic(phrase, "notes", stems, _needed(stems)))
    return tuple(out)


def _needed(stems: tuple[str, ...]) -> int:
    return min(len(stems), 2)


def _in(stem_: str, stems: set[str]) -> bool:
    return any(same_stem(stem_, s) for s in stems)


def _content_words(text: str) -> list[str]:
    """The words :func:`content_stems` keeps, in the same order (for their lengths)."""
    kept: list[str] = []
    seen: set[str] = set()
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        s = content_stems(w)
        if s and s[0] not in seen:
            seen.add(s[0])
            kept.append(w)
    return kept


@per_draft
def topic_matches(a: Analysis) -> list[TopicMatch]:
    """Where the prose mentions a context topic or a key phrase of the notes, compared by
    stem within one sentence ("event-sourcing migration" in "migrating billing to event
    sourcing"). Read in the view, so a quoted reply never counts."""
    topics = context_topics(a)
    if not topics:
        return []
    seen = a.view or a.text
    units = a.prose_units
    words_ = [[(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(seen, u.start, u.end)] for u in units]
    distinct = [{st for _, _, st in ws} for ws in words_]
    found: list[TopicMatch] = []
    for topic in topics:
        named = [{t for t in topic.stems if any(same_stem(st, t) for st in d)} for d in distinct]
        # one sentence first; then two in a row, since a writer often spreads one topic over
        # the sentence that introduces it and the next ("the school job ... the rooftop units")
        for size in (1, 2):
            windows = [
                i for i in range(len(units) - size + 1) if len(set().union(*named[i : i + size])) >= topic.needed
            ]
            if windows:
                found += [_match(a, topic, units[i : i + size], words_[i : i + size]) for i in windows]
                break
    return sorted(found, key=lambda m: m.start)


def _match(a: Analysis, topic: Topic, units: Sequence[Unit], spans: Sequence[list[tuple[int, int, str]]]) -> TopicMatch:
    """The match in a window of sentences that names enough of the topic's words: the
    topic's own wording where it is there, else from its first word to its last."""
    hits = [(s, e) for ws in spans for s, e, st in ws if any(same_stem(st, t) for t in topic.stems)]
    start_, end_ = units[0].start, units[-1].end
    inside = [(s, e) for s, e in a.mentions(topic.text, where="prose") if start_ <= s < end_]
    start, end = inside[0] if inside else (hits[0][0], hits[-1][1])
    return TopicMatch(start, end, topic)
