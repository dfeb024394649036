"""Turns observations into a score: points per feature, a smooth squash into 0-100, and the
length-weighted average over sentences."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from . import features as fx
from .lexicons import Weight, spec
from .types import Feature, Measure

NEUTRAL = 50.0

Observe = Callable[[fx.Text], dict[str, fx.Observation]]


def judge(text: str, tokens: fx.Tokens | None, observe: Observe, weights: Mapping[str, Weight]) -> Measure:
    """One text as one unit; ``None`` with a reason when there is nothing to judge."""
    return _judge(fx.Text(text, tokens), observe, weights)


def _judge(t: fx.Text, observe: Observe, weights: Mapping[str, Weight]) -> Measure:
    if not t.words and not t.emoji:
        return Measure(None, (), _why_not(t.raw))
    m = _measure(observe(t), weights)
    if not m.features and not t.words:
        return Measure(None, (), "no words to judge (only emoji)")
    if not m.features and len(t.words) < fx.MIN_WORDS_FOR_LEVELS:
        word = t.words[0] if len(t.words[0]) <= 30 else t.words[0][:30] + "…"
        return Measure(None, (), f"one word ({word!r}) is too short to judge")
    return m


def _why_not(text: str) -> str:
    if not text.strip():
        return "empty text"
    return "no words to judge (only punctuation, digits or symbols)"


def _measure(observed: Mapping[str, fx.Observation], weights: Mapping[str, Weight]) -> Measure:
    points = {name: weights[name].points(x) for name, (_, x) in observed.items()}
    raw = sum(points.values())
    score = NEUTRAL + NEUTRAL * math.tanh(raw / spec().spread)
    # the squash shrinks every feature's points by the same factor, so they still add up
    shrink = (score - NEUTRAL) / raw if raw else 1.0
    feats = [
        Feature(name, observed[name][0], weights[name].weight, round(p * shrink, 2)) for name, p in points.items() if p
    ]
    feats.sort(key=lambda f: (-abs(f.contribution), f.name))
    return Measure(round(score, 2), tuple(feats))


def sentence_texts(sentences: Sequence[str], tokens: Sequence[fx.Tokens | None] | None) -> list[fx.Text]:
    """The sentences of one draft, sharing one scan of each pattern."""
    if tokens is not None and len(tokens) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(tokens)} token lists")
    batch = fx.Batch(sentences)
    return [fx.Text(s, tokens[i] if tokens is not None else None, batch, i) for i, s in enumerate(sentences)]


def over_sentences(texts: Sequence[fx.Text], observe: Observe, weights: Mapping[str, Weight]) -> Measure:
    """The length-weighted average of the sentences' measures, keeping each sentence's."""
    each = tuple(_judge(t, observe, weights) for t in texts)
    judged = [(m, max(1, len(t.words))) for t, m in zip(texts, each, strict=True) if m.score is not None]
    if not judged:
        reason = each[0].reason if len(each) == 1 else "no sentence could be judged"
        return Measure(None, (), reason or "no sentences", each)
    total = sum(n for _, n in judged)
    score = sum(m.score * n for m, n in judged if m.score is not None) / total
    contribution: dict[str, float] = {}
    value: dict[str, float] = {}
    for m, n in judged:
        for f in m.features:
            contribution[f.name] = contribution.get(f.name, 0.0) + f.contribution * n / total
            if weights[f.name].kind == "count":
                value[f.name] = value.get(f.name, 0.0) + f.value
            else:
                value[f.name] = value.get(f.name, 0.0) + f.value * n / total
    feats = [
        Feature(name, round(value[name], 2), weights[name].weight, round(c, 2))
        for name, c in contribution.items()
        if round(c, 2)
    ]
    feats.sort(key=lambda f: (-abs(f.contribution), f.name))
    return Measure(round(score, 2), tuple(feats), "", each)
