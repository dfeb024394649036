"""What the pipeline needs of a move labeller (the trained model, or the keyword cues)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Labeller(Protocol):
    name: str
    version: str

    def label_doc(self, doc: Doc, sents: Sequence[Span]) -> list[tuple[str, float]]:
        """One ``(move, confidence)`` per sentence."""
        ...
