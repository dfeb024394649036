"""The keyword labeller: regular-expression cues per move.

It runs when the trained model cannot be loaded, and it is the baseline that the model's
model card compares against on the same splits.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..data import load_data
from ..types import MOVES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class _Cue:
    move: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _cues() -> tuple[_Cue, ...]:
    data = load_data("moves")
    cues = []
    for move, spec in data.items():
        if move not in MOVES:
            raise ValueError(f"moves.toml: unknown move {move!r}")
        cues.append(_Cue(move, float(spec["weight"]), tuple(re.compile(p, re.I) for p in spec["patterns"])))
    return tuple(cues)


def keyword_scores(text: str, moves: Collection[str] | None = None) -> dict[str, float]:
    """Cue score per move for one sentence (of ``moves`` only, when given: each move's
    patterns cost a search each)."""
    stripped = text.strip()
    scores: dict[str, float] = {}
    for cue in _cues():
        if moves is not None and cue.move not in moves:
            continue
        hits = sum(1 for p in cue.patterns if p.search(stripped))
        if hits:
            scores[cue.move] = cue.weight * hits
    return scores


def keyword_label(text: str, *, in_signoff: bool = False, is_first: bool = False) -> tuple[str, float]:
    """The move and a rough confidence for one sentence."""
    if in_signoff:
        return "sign_off", 0.95
    scores = keyword_scores(text)
    if is_first and "greeting" in scores:
        return "greeting", 0.9
    if not scores:
        return "other", 0.4
    order = {m: i for i, m in enumerate(c.move for c in _cues())}
    best = max(scores, key=lambda m: (scores[m], -order[m]))
    total = sum(scores.values())
    return best, round(0.4 + 0.5 * scores[best] / total, 4)


class KeywordLabeller:
    """Labeller interface over :func:`keyword_label`."""

    name = "keywords"
    version = "1"

    def label_doc(self, doc: Doc, sents: Sequence[Span]) -> list[tuple[str, float]]:
        sign = doc._.signoff_start
        block = doc._.followup_signoff  # a P.S. may follow the block
        stop = block[1] if block else float("inf")
        return [
            keyword_label(s.text, in_signoff=sign is not None and sign <= s.start_char < stop, is_first=(i == 0))
            for i, s in enumerate(sents)
        ]
