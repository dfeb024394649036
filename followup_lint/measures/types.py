"""The result objects of the graded measures: a score and the features that moved it."""

from __future__ import annotations

from dataclasses import dataclass

MEASURE_VERSION = 2
"""Bumped whenever a feature, a weight or the scale changes, so stored scores stay comparable."""


@dataclass(frozen=True)
class Feature:
    """One feature of a measure.

    ``value`` is what was observed (a count, or a level such as the average word length);
    ``weight`` is the points per unit from ``measures.toml``; ``contribution`` is how many
    score points the feature moved the score from the neutral 50 (the contributions of a
    measure add up to ``score - 50``).
    """

    name: str
    value: float
    weight: float
    contribution: float

    def __repr__(self) -> str:
        return f"Feature({self.name}={self.value:g}, {self.contribution:+.1f})"


@dataclass(frozen=True)
class Measure:
    """A graded score from 0 to 100, or ``None`` with the reason it cannot be judged.

    ``sentences`` holds the per-sentence measures when the score is a length-weighted
    average over sentences (``formality_of_sentences``, ``politeness_of_sentences``).
    """

    score: float | None
    features: tuple[Feature, ...]
    reason: str = ""
    sentences: tuple[Measure, ...] = ()
    version: int = MEASURE_VERSION

    def feature(self, name: str) -> Feature | None:
        """The feature called ``name``, if it moved the score."""
        return next((f for f in self.features if f.name == name), None)

    def __repr__(self) -> str:
        if self.score is None:
            return f"Measure(None, reason={self.reason!r})"
        top = ", ".join(repr(f) for f in self.features[:3])
        return f"Measure({self.score:.1f}, [{top}])"
