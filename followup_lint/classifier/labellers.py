"""Choosing the move labeller: the trained model when it loads, else the keyword cues.

The fallback is never silent: it is a :class:`FallbackLabeller` whose ``fallback_reason``
says why the model was not used, for the report's notes and standard error.
"""

from __future__ import annotations

import logging

from .keywords import KeywordLabeller
from .protocol import Labeller

log = logging.getLogger(__name__)

LABELLERS = ("auto", "model", "keywords")


class UnknownLabellerError(ValueError):
    """A labeller name that is not one of :data:`LABELLERS` (a configuration error)."""


class FallbackLabeller(KeywordLabeller):
    """The keyword cues, standing in for a model that could not be loaded."""

    def __init__(self, reason: str) -> None:
        self.fallback_reason = reason


def get_labeller(name: str = "auto", *, folder: str | None = None) -> Labeller:
    """``"model"``: the trained classifier (raises FileNotFoundError or ModelIntegrityError if
    it cannot load); ``"keywords"``: the cue-based labeller; ``"auto"``: the model, else a
    :class:`FallbackLabeller` carrying the reason. ``folder`` overrides where the model is."""
    if name not in LABELLERS:
        raise UnknownLabellerError(f"unknown move labeller {name!r} (choose {', '.join(LABELLERS)})")
    if name == "keywords":
        return KeywordLabeller()
    try:
        from .model import load_move_model

        return load_move_model(folder)
    except Exception as exc:  # missing, tampered, wrong shape, numpy absent: all mean "fall back"
        if name == "model":
            raise
        reason = f"the move model could not be loaded ({exc}); sentences were labelled with keyword cues"
        log.warning("%s", reason)
        return FallbackLabeller(reason)
