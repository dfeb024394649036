"""Every rule declares itself properly, and its documented examples behave as documented."""

from __future__ import annotations

import importlib
import os
import re

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.rules import DIMENSION_MODULES, all_rules
from followup_lint.rules.base import SECTIONS, RuleDefinitionError, rule
from followup_lint.types import Dimension

from .helpers import assert_spans_exact

RULES = all_rules()


def test_there_are_rules_for_every_dimension() -> None:
    covered = {r.dimension for r in RULES}
    assert covered == set(Dimension)


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_identity(r: fl.rules.Rule) -> None:  # type: ignore[name-defined]
    assert re.fullmatch(r"[A-Z]{2}\d{3}", r.code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.name)
    assert r.code[:2] == r.dimension.prefix
    module = r.check.__module__.rsplit(".", 1)[-1]
    assert module == r.dimension.value, f"{r.code} lives in {module}.py, not {r.dimension.value}.py"
    assert module in DIMENSION_MODULES
    for section in SECTIONS:
        assert r.sections.get(section, "").strip(), f"{r.code} lacks {section}"
    assert r.summary.endswith("."), r.code
    assert r.examples and r.counter_examples


def test_names_and_codes_unique() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert len({r.code for r in RULES}) == len(RULES)


def test_a_rule_without_examples_is_refused() -> None:
    with pytest.raises(RuleDefinitionError, match="lacks Example, Instead"):

        @rule("GR999", "undocumented", severity="warning", summary="x.")
        def undocumented(a):  # type: ignore[no-untyped-def]
            """What it does: x\nWhy it matters: y"""
            return []


def test_bad_codes_are_refused() -> None:
    with pytest.raises(RuleDefinitionError):
        rule("gr001", "x", severity="warning", summary="x.")
    with pytest.raises(RuleDefinitionError):
        rule("GR001", "Not_Kebab", severity="warning", summary="x.")
    with pytest.raises(ValueError):
        rule("QQ001", "unknown-prefix", severity="warning", summary="x.")


def _lt_required() -> bool:
    return os.environ.get("FOLLOWUP_LINT_REQUIRE_LANGUAGETOOL") == "1"


def _example_analyzer(analyzer: Analyzer, example: fl.rules.base.Example) -> tuple[Analyzer, fl.Context]:  # type: ignore[name-defined]
    ctx_fields = dict(example.context)
    grammar = ctx_fields.pop("grammar", None)
    ctx = fl.Context.from_dict(ctx_fields)
    if grammar == "languagetool":
        lt = importlib.import_module("tests.lt_fixtures")
        return lt.languagetool_analyzer(), ctx
    return analyzer, ctx


@pytest.mark.parametrize("r", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_examples_fire_and_instead_stays_quiet(r, analyzer: Analyzer) -> None:  # type: ignore[no-untyped-def]
    for example in r.examples:
        runner, ctx = _example_analyzer(analyzer, example)
        report = runner.analyze(example.text, ctx, select=(r.code,))
        assert {s.code for s in report.suggestions} == {r.code}, (
            f"{r.code} did not fire on its example:\n{example.text}\n{report.suggestions}"
        )
        assert_spans_exact(report)
    for example in r.counter_examples:
        runner, ctx = _example_analyzer(analyzer, example)
        report = runner.analyze(example.text, ctx, select=(r.code,))
        assert not report.suggestions, f"{r.code} fired on its 'Instead':\n{example.text}\n{report.suggestions}"
