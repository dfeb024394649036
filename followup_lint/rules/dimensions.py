"""What each dimension declares next to its rules: the passages that support its score, and
when it cannot be judged at all. The analyzer asks this registry and knows no dimension by
name.

    declare(Dimension.TIMING, unjudged=lambda a: None if dates_known(a) else "needs the dates")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..analysis import Analysis, Unit
from ..report import Evidence
from ..scoring import Graded
from ..types import Dimension

EvidenceFn = Callable[[Analysis], list[Evidence]]
ReasonFn = Callable[[Analysis], "str | None"]


GradedFn = Callable[[Analysis], "Graded | None"]


@dataclass(frozen=True)
class DimensionSpec:
    dimension: Dimension
    evidence: EvidenceFn | None = None
    unjudged: ReasonFn | None = None
    note: ReasonFn | None = None
    graded: GradedFn | None = None


SPECS: dict[Dimension, DimensionSpec] = {}


def declare(
    dimension: Dimension,
    *,
    evidence: EvidenceFn | None = None,
    unjudged: ReasonFn | None = None,
    note: ReasonFn | None = None,
    graded: GradedFn | None = None,
) -> None:
    """Declare a dimension's evidence (passages that support its score), why it may not be
    judgeable for a draft, and a note for the report. Called once, from its rules module."""
    SPECS[dimension] = DimensionSpec(dimension, evidence, unjudged, note, graded)


def units_as_evidence(units: Iterable[Unit], label: str) -> list[Evidence]:
    return [Evidence(u.start, u.end, u.text, label) for u in units]


def evidence_of(a: Analysis) -> dict[Dimension, list[Evidence]]:
    return {d: spec.evidence(a) for d, spec in _specs().items() if spec.evidence is not None}


def unjudged_of(a: Analysis) -> dict[Dimension, str]:
    out: dict[Dimension, str] = {}
    for d, spec in _specs().items():
        reason = spec.unjudged(a) if spec.unjudged is not None else None
        if reason:
            out[d] = reason
    return out


def graded_of(a: Analysis) -> dict[Dimension, Graded]:
    out: dict[Dimension, Graded] = {}
    for d, spec in _specs().items():
        graded = spec.graded(a) if spec.graded is not None else None
        if graded is not None:
            out[d] = graded
    return out


def notes_of(a: Analysis) -> dict[Dimension, str]:
    out: dict[Dimension, str] = {}
    for d, spec in _specs().items():
        note = spec.note(a) if spec.note is not None else None
        if note:
            out[d] = note
    return out


def _specs() -> dict[Dimension, DimensionSpec]:
    from . import load_all

    load_all()
    return SPECS


# -- the elements a good note has, which the stage rubrics (data/rubric.toml) ask for ----------
ElementFn = Callable[[Analysis], bool]
ELEMENTS: dict[str, ElementFn] = {}


def element(name: str, present: ElementFn) -> None:
    """Declare how to tell that a note has element ``name`` (e.g. "thanks"); the rubric of
    each stage says what the element is worth."""
    ELEMENTS[name] = present


def elements_of(a: Analysis, names: Iterable[str]) -> dict[str, bool]:
    from . import load_all

    load_all()
    return {n: ELEMENTS[n](a) for n in names}
