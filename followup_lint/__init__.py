"""followup-lint: scores a post-interview follow-up email draft and says exactly what to change.

>>> import followup_lint as fl
>>> report = fl.analyze("Dear Ms. Chen,\\n\\nThank you for your time today.\\n\\nBest,\\nJordan",
...                     grammar="builtin")
>>> 0 <= report.score <= 100
True
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import Config, ConfigError
from .context import Context, ContextError
from .draft import Draft, InputError
from .report import (
    SCHEMA_VERSION,
    DimensionScore,
    Evidence,
    Penalty,
    Report,
    SentenceLabel,
    Span,
    Suggestion,
)
from .types import MOVES, Dimension, Severity, Stage

if TYPE_CHECKING:
    from .analyzer import Analyzer, DraftInput

__all__ = [
    "MOVES",
    "SCHEMA_VERSION",
    "Analyzer",
    "Config",
    "ConfigError",
    "Context",
    "ContextError",
    "Dimension",
    "DimensionScore",
    "Draft",
    "Evidence",
    "InputError",
    "Penalty",
    "Report",
    "SentenceLabel",
    "Severity",
    "Span",
    "Stage",
    "Suggestion",
    "__version__",
    "analyze",
    "analyze_many",
]

_default: dict[tuple[Any, ...], Analyzer] = {}
_default_lock = threading.Lock()


def _analyzer(options: dict[str, Any]) -> Analyzer:
    from .analyzer import Analyzer

    key = tuple(sorted((k, repr(v)) for k, v in options.items()))
    with _default_lock:
        if key not in _default:
            _default[key] = Analyzer(Config().with_(**options))
        return _default[key]


def analyze(text: DraftInput, context: Context | None = None, **options: Any) -> Report:
    """Analyse one draft with a shared default analyzer.

    ``options`` are :class:`Config` fields, e.g. ``grammar="builtin"``, ``ignore=("LN",)``.
    """
    return _analyzer(options).analyze(text, context)


def analyze_many(
    texts: list[DraftInput] | tuple[DraftInput, ...],
    contexts: list[Context | None] | None = None,
    **options: Any,
) -> list[Report]:
    """Analyse many drafts in batches (faster than calling :func:`analyze` in a loop)."""
    return _analyzer(options).analyze_many(texts, contexts)


def __getattr__(name: str) -> Any:
    # Analyzer is imported lazily so that `import followup_lint` stays fast.
    if name == "Analyzer":
        from .analyzer import Analyzer

        return Analyzer
    raise AttributeError(f"module 'followup_lint' has no attribute {name!r}")
