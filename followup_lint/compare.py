"""Before and after: which dimensions moved, which findings were fixed and which are new."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .report import Report, Suggestion


@dataclass(frozen=True)
class Comparison:
    before: Report
    after: Report
    score_change: float | None
    dimension_changes: dict[str, float | None]
    fixed: tuple[Suggestion, ...]
    new: tuple[Suggestion, ...]
    kept: tuple[Suggestion, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score_before": self.before.score,
            "score_after": self.after.score,
            "score_change": self.score_change,
            "dimension_changes": self.dimension_changes,
            "fixed": [s.to_dict() for s in self.fixed],
            "new": [s.to_dict() for s in self.new],
            "kept": [s.to_dict() for s in self.kept],
        }


def _key(s: Suggestion) -> tuple[str, str]:
    # Offsets move between versions; the rule and the flagged words identify a finding.
    return s.code, s.text.strip().lower()


def compare_reports(before: Report, after: Report) -> Comparison:
    """What changed from ``before`` to ``after``."""
    before_keys = {_key(s) for s in before.suggestions}
    after_keys = {_key(s) for s in after.suggestions}
    changes: dict[str, float | None] = {}
    for name, dim in after.dimensions.items():
        old = before.dimensions[name].score if name in before.dimensions else None
        changes[name] = None if dim.score is None or old is None else round(dim.score - old, 1)
    score_change = None if before.score is None or after.score is None else round(after.score - before.score, 1)
    return Comparison(
        before=before,
        after=after,
        score_change=score_change,
        dimension_changes=changes,
        fixed=tuple(s for s in before.suggestions if _key(s) not in after_keys),
        new=tuple(s for s in after.suggestions if _key(s) not in before_keys),
        kept=tuple(s for s in after.suggestions if _key(s) in before_keys),
    )
