"""Politeness as a graded measure: the strategies of Danescu-Niculescu-Mizil et al. (2013)
plus the follow-up tone signals (pushy, desperate, frustrated, over-apologetic)."""

from __future__ import annotations

from collections.abc import Sequence

from . import features as fx
from .lexicons import spec
from .scale import judge, over_sentences, sentence_texts
from .types import Measure


def politeness(text: str, tokens: fx.Tokens | None = None) -> Measure:
    """Politeness of ``text`` from 0 (rude or demanding) to 100 (very polite); 50 is neutral.

    ``tokens`` are optional ``(text, fine_tag)`` pairs from spaCy; with them a sentence that
    opens with a base-form verb (tag ``VB``) counts as an order, instead of a verb list.
    """
    return judge(text, tokens, fx.politeness, spec().politeness)


def politeness_of_sentences(sentences: Sequence[str], tokens: Sequence[fx.Tokens | None] | None = None) -> Measure:
    """A draft's politeness: the sentences' scores averaged by their length in words."""
    return over_sentences(sentence_texts(sentences, tokens), fx.politeness, spec().politeness)


def measure_sentences(
    sentences: Sequence[str], tokens: Sequence[fx.Tokens | None] | None = None
) -> tuple[Measure, Measure]:
    """``(formality_of_sentences(...), politeness_of_sentences(...))`` for one draft, reading
    each sentence once for both (what a report needs, at about two thirds of the cost)."""
    texts = sentence_texts(sentences, tokens)
    return over_sentences(texts, fx.formality, spec().formality), over_sentences(
        texts, fx.politeness, spec().politeness
    )
