"""followup-lint: scores a post-interview follow-up email draft and says exactly what to change.

>>> import followup_lint as fl
>>> report = fl.analyze("Dear Ms. Chen,\\n\\nThank you for your time today.\\n\\nBest,\\nJordan",
...                     grammar="builtin")
>>> 0 <= report.score <= 100
True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import Config
from .context import Context
from .draft import Draft
from .errors import ConfigError, ContextError, FollowupLintError, InputError
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
    from typing_extensions import Unpack

    from .analyzer import Analyzer, DraftInput
    from .options import Options
    from .panel import PanelReport, check_panel

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
    "FollowupLintError",
    "InputError",
    "PanelReport",
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
    "check_panel",
]

# One shared Analyzer per distinct option set, the least recently used let go past this many:
# a long-running server called with many vocabularies must not grow without limit.
DEFAULT_ANALYZERS = 8
_default: OrderedDict[tuple[tuple[str, str], ...], Analyzer] = OrderedDict()
_default_lock = threading.Lock()


def _analyzer(options: dict[str, Any]) -> Analyzer:
    from .analyzer import Analyzer

    config = Config().with_(**options)
    key = config.key()
    with _default_lock:
        found = _default.get(key)
        if found is None:
            found = Analyzer(config)
            if _default:
                found._share(next(reversed(_default.values())))
            _default[key] = found
            while len(_default) > DEFAULT_ANALYZERS:
                _, old = _default.popitem(last=False)
                old.close()
        _default.move_to_end(key)
        return found


def analyze(text: DraftInput, context: Context | None = None, **options: Unpack[Options]) -> Report:
    """Analyse one draft with a shared default analyzer.

    ``options`` are :class:`Config` fields, e.g. ``grammar="builtin"``, ``ignore=("LN",)``.
    """
    return _analyzer(dict(options)).analyze(text, context)


def analyze_many(
    texts: Sequence[DraftInput],
    contexts: Sequence[Context | None] | None = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    **options: Unpack[Options],
) -> list[Report]:
    """Analyse many drafts in batches (faster than calling :func:`analyze` in a loop)."""
    return _analyzer(dict(options)).analyze_many(texts, contexts, batch_size=batch_size, n_process=n_process)


def __getattr__(name: str) -> Any:
    # Analyzer is imported lazily so that `import followup_lint` stays fast.
    if name == "Analyzer":
        from .analyzer import Analyzer

        return Analyzer
    if name in ("check_panel", "PanelReport"):  # the panel check: notes to several interviewers
        from . import panel

        return getattr(panel, name)
    raise AttributeError(f"module 'followup_lint' has no attribute {name!r}")
