"""From findings to scores: every point taken off is listed, and weights are data.

Each dimension starts at 100. Each finding takes its rule's points (declared with the rule,
else its severity's in ``scoring.toml``) off its dimension; a rule firing again takes half as
much each further time, never more than twice its points in all. The overall score blends
the stage-weighted mean of the dimensions that could be judged with the weakest of them
(``weakest_share``), less a fixed cost per error-severity finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .data import load_data
from .report import DimensionScore, Evidence, Penalty, Suggestion
from .types import Dimension, Severity, Stage


@dataclass(frozen=True)
class Graded:
    """A graded measure that caps a dimension's score: ``cap`` (0-100) is the most the rule
    findings may leave, ``line`` says which features moved it, ``detail`` is the measure."""

    cap: float
    line: str
    detail: dict[str, object]


@dataclass(frozen=True)
class ScoreSheet:
    overall: float
    dimensions: dict[str, DimensionScore]
    weighted_mean: float
    weakest: float
    error_points: float
    content: float = 1.0  # share of the stage rubric's worth the note has
    missing: tuple[str, ...] = ()  # the rubric's elements the note lacks
    ceiling: float | None = None  # a cap for notes with almost no prose


def rubric(stage: Stage) -> dict[str, float]:
    """The elements a good note of ``stage`` has and their worth (data/rubric.toml)."""
    table = load_data("rubric")["stages"]
    key = stage.value if stage.value in table else Stage.THANK_YOU.value
    return {k: float(v) for k, v in table[key].items()}


def content_share(stage: Stage, present: Mapping[str, bool]) -> tuple[float, tuple[str, ...]]:
    worth = rubric(stage)
    total = sum(worth.values())
    if not total:
        return 1.0, ()
    have = sum(v for k, v in worth.items() if present.get(k))
    return have / total, tuple(k for k in worth if not present.get(k))


def severity_points(severity: Severity) -> float:
    return float(load_data("scoring")["severity_points"][severity.value])


def penalty_for(count: int, points: float) -> float:
    """Full points the first time, half each further time, capped at twice the points."""
    total = sum(points * (0.5 ** min(i, 1)) for i in range(count))
    return min(total, 2 * points)


def stage_weights(stage: Stage, overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    table = load_data("scoring")["weights"]
    key = stage.value if stage.value in table else Stage.THANK_YOU.value
    weights = {k: float(v) for k, v in table[key].items()}
    weights.update(overrides or {})
    return weights


def score(
    suggestions: Sequence[Suggestion],
    *,
    stage: Stage,
    evidence: Mapping[Dimension, Sequence[Evidence]],
    unjudged: Mapping[Dimension, str],
    notes: Mapping[Dimension, str] | None = None,
    weight_overrides: Mapping[str, float] | None = None,
    points: Mapping[str, float | None] | None = None,
    elements: Mapping[str, bool] | None = None,
    prose_words: int | None = None,
    graded: Mapping[Dimension, Graded] | None = None,
) -> ScoreSheet:
    """Score the findings; ``points`` maps a rule code to the points it declared."""
    by_rule: dict[Dimension, dict[str, list[Suggestion]]] = defaultdict(lambda: defaultdict(list))
    for s in suggestions:
        by_rule[s.dimension][s.code].append(s)
    dims: dict[str, DimensionScore] = {}
    for dim in Dimension:
        if dim in unjudged:
            dims[dim.value] = DimensionScore(dim, None, tuple(evidence.get(dim, ())), (), unjudged[dim])
            continue
        penalties = []
        for code, found in sorted(by_rule[dim].items()):
            severity = max((s.severity for s in found), key=lambda sev: sev.rank)
            declared = (points or {}).get(code)
            cost = severity_points(severity) if declared is None else float(declared)
            pts = round(penalty_for(len(found), cost), 1)
            penalties.append(Penalty(code, found[0].name, pts, len(found)))
        value = max(0.0, 100.0 - sum(p.points for p in penalties))
        note = (notes or {}).get(dim, "")
        measure = None
        grade = (graded or {}).get(dim)
        if grade is not None:
            value = min(value, grade.cap)  # a phrase the rules flagged is not charged twice
            note = "; ".join(x for x in (note, grade.line) if x)
            measure = grade.detail
        dims[dim.value] = DimensionScore(
            dim, round(value, 1), tuple(evidence.get(dim, ())), tuple(penalties), note, measure
        )
    weights = stage_weights(stage, weight_overrides)
    judged = {k: d.score for k, d in dims.items() if d.score is not None and weights.get(k, 0) > 0}
    total_w = sum(weights[k] for k in judged)
    mean = sum(weights[k] * v for k, v in judged.items()) / total_w if total_w else 0.0
    weakest = min(judged.values(), default=0.0)
    share = float(load_data("scoring")["weakest_share"])
    errors = sum(1 for s in suggestions if s.severity is Severity.ERROR)
    error_points = float(load_data("scoring")["error_overall_points"]) * errors
    overall = max(0.0, min(100.0, (1 - share) * mean + share * weakest - error_points))
    content, missing = content_share(stage, elements) if elements is not None else (1.0, ())
    data = load_data("rubric")
    floor = float(data["floor"])
    overall *= floor + (1 - floor) * content
    ceiling = None
    if prose_words is not None and prose_words < int(data["min_prose_words"]):
        ceiling = float(data["short_ceiling"])
        overall = min(overall, ceiling)
    return ScoreSheet(
        round(overall, 1), dims, round(mean, 1), round(weakest, 1), error_points, round(content, 3), missing, ceiling
    )
