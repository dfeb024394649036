"""Putting a report together: scores, statistics, versions, and the report of a draft that
could not be judged."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..analysis import WORD_RE, Analysis, Unit
from ..report import DimensionScore, Report, SentenceLabel, Suggestion
from ..scoring import ScoreSheet
from ..stats import LazyStats, paragraphs, readability
from ..types import Dimension, Stage
from .intake import Prepared


def unjudged_report(p: Prepared, versions: dict[str, str]) -> Report:
    reason = p.verdict or ""
    return Report(
        text=p.draft.text,
        score=None,
        stage=p.context.stage,
        stage_source="given" if p.context.stage is not Stage.AUTO else "not judged",
        dimensions={d.value: DimensionScore(d, None, (), (), reason) for d in Dimension},
        suggestions=(),
        sentences=(),
        stats={"words": len(WORD_RE.findall(p.draft.body)), "sentences": 0, "paragraphs": 0},
        grammar={"backend": "off", "note": "not run: " + reason},
        versions=versions,
        subject_span=p.draft.subject_span,
        body_span=p.draft.body_span,
        source=p.draft.source,
        notes=(reason, *p.caveats),
        context=p.context.to_dict(),
        zones=_zones(p),
        source_map=p.draft.source_map,
    )


def _label(u: Unit) -> SentenceLabel:
    return SentenceLabel(u.start, u.end, u.text, u.move, u.confidence, u.also)


def _empty_note(a: Analysis, sheet: ScoreSheet) -> tuple[str, ...]:
    """What could not be judged when the draft is only a greeting, a sign-off or a subject."""
    if a.prose_units:
        return ()
    cap = f" and the score is capped at {sheet.ceiling:g}" if sheet.ceiling is not None else ""
    return (f"The draft has no sentences of its own between greeting and sign-off: only its form was judged{cap}.",)


def assemble_report(
    p: Prepared,
    a: Analysis,
    suggestions: list[Suggestion],
    failures: list[str],
    sheet: ScoreSheet,
    versions: dict[str, str],
) -> Report:
    draft = p.draft
    prose = " ".join(u.text for u in a.prose_units)
    values: dict[str, Any] = {
        "words": len(WORD_RE.findall(draft.body)),
        "prose_words": a.prose_word_count,
        "sentences": len(a.prose_units),
        "paragraphs": paragraphs(draft.body),
        "score_detail": {
            "weighted_mean": sheet.weighted_mean,
            "weakest": sheet.weakest,
            "error_points": sheet.error_points,
            "content": sheet.content,
            "missing": list(sheet.missing),
            "ceiling": sheet.ceiling,
        },
    }
    stats = LazyStats(values, {"readability": partial(readability, prose)})  # picklable, for workers
    return Report(
        text=draft.text,
        score=sheet.overall,
        stage=a.stage,
        stage_source=a.stage_source,
        dimensions=sheet.dimensions,
        suggestions=tuple(suggestions),
        sentences=tuple(_label(u) for u in a.units),
        stats=stats,
        grammar={"backend": a.grammar_backend, "note": a.grammar_note},
        versions=versions,
        subject_span=draft.subject_span,
        body_span=draft.body_span,
        source=draft.source,
        notes=(*p.caveats, *_empty_note(a, sheet), *failures),
        context=p.context.to_dict(),
        zones=_zones(p),
        source_map=p.draft.source_map,
    )


def _zones(p: Prepared) -> tuple[dict[str, Any], ...]:
    return () if p.message is None else tuple(z.to_dict() for z in p.message.zones)
