"""Rules, one module per dimension. Importing :func:`load_all` registers every rule."""

from __future__ import annotations

import importlib

from .base import REGISTRY, Finding, Rule, all_rules, get_rule, rule

DIMENSION_MODULES = (
    "gratitude",
    "interest",
    "references",
    "length",
    "formality",
    "tone",
    "grammar",
    "structure",
    "timing",
)

__all__ = [
    "DIMENSION_MODULES",
    "REGISTRY",
    "Finding",
    "Rule",
    "all_rules",
    "get_rule",
    "load_all",
    "rule",
]

_loaded = False


def load_all() -> None:
    global _loaded
    if _loaded:
        return
    for name in DIMENSION_MODULES:
        importlib.import_module(f"{__name__}.{name}")
    _loaded = True
