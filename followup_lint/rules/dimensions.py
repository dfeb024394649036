"""What each dimension declares next to its rules: the passages that support its score, and
when it cannot be judged at all. The analyzer asks this registry and knows no dimension by
name.

    declare(Dimension.TIMING, unjudged=lambda a: None if dates_known(a) else "needs the dates")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..analysis import Analysis, Unit, per_draft
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


def _declared(a: Analysis, field: str) -> dict[Dimension, Any]:
    """What each dimension's ``field`` function says of ``a``, where it says anything."""
    out: dict[Dimension, Any] = {}
    for d, spec in _specs().items():
        fn = getattr(spec, field)
        value = fn(a) if fn is not None else None
        if value:
            out[d] = value
    return out


def unjudged_of(a: Analysis) -> dict[Dimension, str]:
    return _declared(a, "unjudged")


def graded_of(a: Analysis) -> dict[Dimension, Graded]:
    return _declared(a, "graded")


def notes_of(a: Analysis) -> dict[Dimension, str]:
    return _declared(a, "note")


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


@per_draft
def stage_elements(a: Analysis) -> dict[str, bool]:
    """Which elements of its stage's rubric the note has (the scorer, LN002 and ST009 read
    it: computed once per draft)."""
    from ..scoring import rubric

    return elements_of(a, rubric(a.stage))
