"""The JSON report follows its published schema, round-trips, and its spans are exact."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import followup_lint as fl
from followup_lint.analyzer import Analyzer

from .helpers import assert_spans_exact

SCHEMA = json.loads(resources.files("followup_lint.data").joinpath("report.schema.json").read_text())

DRAFT = (
    "Subject: Thanks!!\n\nHey Maria 👋,\n\nThx for the interview, i'm gonna be honest: I REALLY want this "
    "job at [Company Name]. Its been great.\n\nCheers"
)


def test_report_matches_schema_and_round_trips(analyzer: Analyzer) -> None:
    ctx = fl.Context(
        interviewer="Maria Chen",
        company="Lumen Health",
        interview_date="2026-03-02",
        send_date="2026-03-09",
    )
    report = analyzer.analyze(DRAFT, ctx)
    data = report.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == fl.SCHEMA_VERSION
    again = fl.Report.from_json(report.to_json())
    assert again.to_dict() == data
    assert_spans_exact(report)
    fields = {s["span"]["field"] for s in data["suggestions"]}
    assert fields == {"subject", "body"}


def test_unjudged_report_matches_schema(analyzer: Analyzer) -> None:
    jsonschema.validate(analyzer.analyze("").to_dict(), SCHEMA)


def test_utf16_offsets_count_astral_characters(analyzer: Analyzer) -> None:
    report = analyzer.analyze("Hi Sam 😊😊,\n\nthx for the chat.")
    thx = next(s for s in report.suggestions if s.text == "thx")
    assert thx.span.utf16_start == thx.span.start + 2


def test_a_newer_major_schema_is_refused(analyzer: Analyzer) -> None:
    data = analyzer.analyze("Hi Sam,\n\nThanks.").to_dict()
    data["schema_version"] = "2.0"
    with pytest.raises(ValueError, match="unsupported report schema"):
        fl.Report.from_dict(data)


_pieces = st.sampled_from(
    [
        "Dear Ms. Chen,",
        "hey jake!!",
        "Thank you for your time.",
        "i REALLY need this job 😊",
        "[Job Title]",
        "Best regards,\nJordan",
        "\n\n",
        "\r\n",
        " ",
        "Its been great, thx.",
        "café naïve résumé",
        "𝒳 math",
        "Sorry, sorry, sorry.",
        "Please respond ASAP!!!",
        "<b>bold</b>",
        "Subject: hi\n",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_pieces, min_size=1, max_size=12).map("".join))
def test_spans_are_exact_on_any_mix(analyzer: Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    assert_spans_exact(report)
    jsonschema.validate(report.to_dict(), SCHEMA)
