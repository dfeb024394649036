"""The options every entry point takes (``analyze``, ``analyze_many``, ``Analyzer``), typed so
that a type checker catches ``grammer="builtin"``; at run time an unknown or ill-typed option
is a :class:`~followup_lint.ConfigError` naming the closest option."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TypedDict

from .types import Severity


class Options(TypedDict, total=False):
    """Fields of :class:`~followup_lint.Config`, as keyword options."""

    select: Sequence[str] | str
    ignore: Sequence[str] | str
    severity: Mapping[str, str | Severity]
    vocabulary: Sequence[str] | str
    grammar: Literal["auto", "languagetool", "harper", "builtin", "off"]
    languagetool_url: str | None
    allow_remote: bool
    weights: Mapping[str, float]
    labeller: Literal["auto", "model", "keywords"]
    model_dir: str | None
    max_chars: int
    spacy_model: str | None
    min_severity: str | Severity
    fail_under: float | None
