"""One line per draft, for a class's batch: a terminal table and CSV."""

from __future__ import annotations

import csv
import io

from ..types import Severity
from .registry import Items, RenderOptions, register


@register("summary")
def render_summary(items: Items, options: RenderOptions) -> str:
    width = max((len(n) for n, _ in items), default=10)
    lines = [f"{'draft':<{width}}  score  stage         top findings"]
    for name, r in items:
        top = sorted(r.suggestions, key=lambda s: -s.severity.rank)[:3]
        shown = "not judged" if r.score is None else f"{r.score:5.0f}"
        lines.append(f"{name:<{width}}  {shown}  {r.stage.value:<12}  {', '.join(s.name for s in top)}")
    judged = [r.score for _, r in items if r.score is not None]
    if judged:
        lines.append(f"\n{len(items)} drafts, mean score {sum(judged) / len(judged):.0f}")
    return "\n".join(lines) + "\n"


@register("csv")
def render_csv(items: Items, options: RenderOptions) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    dims = list(items[0][1].dimensions) if items else []
    w.writerow(["path", "score", "stage", *dims, "errors", "warnings", "suggestions"])
    for name, r in items:
        counts = [
            sum(1 for s in r.suggestions if s.severity is sev)
            for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
        ]
        w.writerow([name, r.score, r.stage.value, *(r.dimensions[d].score for d in dims), *counts])
    return out.getvalue()
