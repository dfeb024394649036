"""One short line that says which features moved a measure."""

from __future__ import annotations

from .types import Measure

LABELS = {
    "word_length": "average word length",
    "sentence_length": "words per sentence",
    "rare_words": "rare words %",
    "latinate_words": "Latinate words %",
    "readability": "reading ease",
    "nominal_style": "F-score",
}


def evidence_line(m: Measure, top: int = 3) -> str:
    """E.g. ``"contractions 4, slang 1, average word length 3.9"``; the reason when unjudged."""
    if m.score is None:
        return m.reason
    parts = []
    for f in m.features[:top]:
        label = LABELS.get(f.name, f.name.replace("_", " "))
        value = f"{f.value:g}" if f.value == int(f.value) else f"{f.value:.1f}"
        parts.append(f"{label} {value}")
    return ", ".join(parts)
