"""Formality as a graded measure: how far a sentence or a draft is from a casual register."""

from __future__ import annotations

from collections.abc import Sequence

from . import features as fx
from .lexicons import spec
from .scale import judge, over_sentences, sentence_texts
from .types import Measure


def formality(text: str, tokens: fx.Tokens | None = None) -> Measure:
    """Formality of ``text`` (one sentence or a whole draft's prose) from 0 (casual) to 100.

    ``tokens`` are optional ``(text, fine_tag)`` pairs from spaCy; with them the
    Heylighen-Dewaele share of nouns, adjectives, prepositions and articles counts too.
    """
    return judge(text, tokens, fx.formality, spec().formality)


def formality_of_sentences(sentences: Sequence[str], tokens: Sequence[fx.Tokens | None] | None = None) -> Measure:
    """A draft's formality: the sentences' scores averaged by their length in words.

    ``tokens``, when given, holds one token list per sentence. ``Measure.sentences`` keeps
    each sentence's measure, in order.
    """
    return over_sentences(sentence_texts(sentences, tokens), fx.formality, spec().formality)
