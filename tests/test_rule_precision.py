"""Each rule is right often enough on the corpus drafts to be worth a writer's trust, and the
rules reference shows the figures the code produces today."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint.docs import rules_markdown
from followup_lint.rules import all_rules
from followup_lint.training.precision import MIN_CALLS, PRECISION_FLOOR, RulePrecision, measure
from followup_lint.types import Severity

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def figures() -> dict[str, RulePrecision]:
    return measure()


# Grammar rules report what the grammar backend finds; they are measured on grammar cases and
# learner sentences (benchmarks/grammar_eval.py), where every error is marked, not on drafts
# whose writers tagged the problems a coach would lead with.
GATED = [r for r in all_rules() if r.severity is not Severity.SUGGESTION and r.dimension.value != "grammar"]


@pytest.mark.parametrize("r", GATED, ids=lambda r: r.code)
def test_warning_and_error_rules_meet_the_precision_floor(r, figures) -> None:  # type: ignore[no-untyped-def]
    p = figures[r.code]
    if p.flagged < MIN_CALLS:
        pytest.skip(f"{r.code} flagged {p.flagged} drafts: too few to measure")
    assert p.precision is not None and p.precision >= PRECISION_FLOOR, (
        f"{r.code} {r.name}: precision {p.precision:.2f} ({p.right}/{p.flagged}) is under {PRECISION_FLOOR}"
    )


def test_rules_reference_is_current(figures) -> None:  # type: ignore[no-untyped-def]
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(figures), "docs/rules.md is stale: run `make docs`"
