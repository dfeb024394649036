"""Graded formality and politeness measures from interpretable features (docs/measures.md).

>>> from followup_lint.measures import formality, evidence_line
>>> m = formality("gonna be there lol")
>>> m.score < 50
True
"""

from __future__ import annotations

from .evidence import evidence_line
from .features import Tokens
from .formality import formality, formality_of_sentences
from .lexicons import MeasureDataError, validate
from .politeness import measure_sentences, politeness, politeness_of_sentences
from .types import MEASURE_VERSION, Feature, Measure

__all__ = [
    "MEASURE_VERSION",
    "Feature",
    "Measure",
    "MeasureDataError",
    "Tokens",
    "evidence_line",
    "formality",
    "formality_of_sentences",
    "measure_sentences",
    "politeness",
    "politeness_of_sentences",
    "validate",
]
