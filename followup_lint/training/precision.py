"""Each rule's precision on the corpus drafts, which name every problem a coach would raise.

A rule that fires on a draft tagged with its name is right there; one that fires on a draft
not tagged so is a false alarm. Counted per draft (a rule firing three times on one draft is
one call). ``docs/rules.md`` shows the figures; ``tests/test_rule_precision.py`` holds each
warning- and error-level rule to the floor below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import corpus_dir, load_drafts

PRECISION_FLOOR = 0.6
"""The least precision a warning- or error-level rule may have on the corpus drafts."""
MIN_CALLS = 5
"""Below this many drafts flagged, a rule's precision is shown but not held to the floor."""


@dataclass(frozen=True)
class RulePrecision:
    code: str
    name: str
    flagged: int  # drafts the rule fired on
    right: int  # of those, drafts tagged with its name
    tagged: int  # drafts tagged with its name

    @property
    def precision(self) -> float | None:
        return self.right / self.flagged if self.flagged else None

    @property
    def recall(self) -> float | None:
        return self.right / self.tagged if self.tagged else None


def draft_records(folder: Path | None = None) -> list[dict[str, Any]]:
    return load_drafts(folder or corpus_dir() / "drafts")


def measure(records: Sequence[dict[str, Any]] | None = None) -> dict[str, RulePrecision]:
    from ..analyzer import Analyzer
    from ..context import Context
    from ..draft import Draft
    from ..rules import all_rules

    records = list(records if records is not None else draft_records())
    drafts = [Draft.from_text(str(r["body"]), subject=r.get("subject") or None) for r in records]
    contexts = [Context.from_dict({**dict(r.get("context") or {}), "stage": r.get("stage", "auto")}) for r in records]
    with Analyzer(grammar="builtin") as analyzer:
        reports = analyzer.analyze_many(drafts, contexts)
    out = {}
    for r in all_rules():
        flagged = right = tagged = 0
        for rec, rep in zip(records, reports):
            tags = set(rec.get("problems") or ())
            fired = any(s.code == r.code for s in rep.suggestions)
            tagged += r.name in tags
            flagged += fired
            right += fired and r.name in tags
        out[r.code] = RulePrecision(r.code, r.name, flagged, right, tagged)
    return out
