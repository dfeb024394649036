"""Choosing the move labeller: the trained model when it loads, else the keyword cues."""

from __future__ import annotations

import logging

from .keywords import KeywordLabeller
from .protocol import Labeller

log = logging.getLogger(__name__)


def get_labeller(name: str = "auto", *, model_dir: str | None = None) -> Labeller:
    """``"model"``: the trained classifier (errors if it cannot load); ``"keywords"``: the
    cue-based fallback; ``"auto"``: the model, falling back to keywords with a warning."""
    if name == "keywords":
        return KeywordLabeller()
    if name not in ("auto", "model"):
        raise ValueError(f"unknown move labeller {name!r} (auto, model, keywords)")
    try:
        from .model import load_move_model
    except ImportError:
        if name == "model":
            raise
        return KeywordLabeller()
    try:
        return load_move_model(model_dir)
    except FileNotFoundError:
        if name == "model":
            raise
        return KeywordLabeller()
    except Exception as exc:
        if name == "model":
            raise
        log.warning("move model could not be loaded (%s); using keyword cues", exc)
        return KeywordLabeller()
