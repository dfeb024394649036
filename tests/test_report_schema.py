"""The JSON report follows its published schema, round-trips, and its spans are exact."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

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


GOLDEN = sorted((Path(__file__).resolve().parent / "golden").glob("*.json"))
# The command adds these two in front of Report.to_dict(); the schema names them as optional.
RECORD_ONLY = {"path", "min_severity", "panel"}


def _checked(data: object) -> None:
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_every_golden_record_matches_the_schema(golden: Path) -> None:
    _, _, body = golden.read_text("utf-8").partition("\n")  # the first line is the exit code
    for record in json.loads(body):
        _checked(record)
        assert record["schema_version"] == fl.SCHEMA_VERSION == "1.2"
        assert record["min_severity"] == "suggestion"


def _keys(schema: dict[str, Any]) -> set[str]:
    return set(schema["properties"])


def test_schema_names_exactly_what_to_dict_writes(analyzer: Analyzer) -> None:
    """Each fixed-shape object in the schema lists the keys to_dict writes, no more, no fewer."""
    defs = SCHEMA["$defs"]
    report = analyzer.analyze(DRAFT, fl.Context(interviewer="Maria Chen", send_date="2026-03-09"))
    data = report.to_dict()
    assert set(data) == _keys(SCHEMA) - RECORD_ONLY
    assert set(data["context"]) == _keys(defs["context"])
    assert set(data["stats"]) == _keys(SCHEMA["properties"]["stats"])
    assert set(data["stats"]["readability"]) == _keys(defs["readability"])
    assert set(data["stats"]["score_detail"]) == _keys(defs["score_detail"])
    assert set(data["grammar"]) == _keys(SCHEMA["properties"]["grammar"])
    for s in data["suggestions"]:
        assert set(s) == _keys(defs["suggestion"]) and set(s["span"]) == _keys(defs["suggestion"]["properties"]["span"])
    for s in data["sentences"]:
        assert set(s) == _keys(SCHEMA["properties"]["sentences"]["items"])
    dims = data["dimensions"].values()
    assert {k for d in dims for k in d} == _keys(defs["dimension"])
    measure = defs["dimension"]["properties"]["measure"]
    features = [f for d in dims if "measure" in d for f in d["measure"]["features"]]
    assert features and all(set(f) == _keys(measure["properties"]["features"]["items"]) for f in features)


@pytest.mark.parametrize(
    ("where", "key"),
    [((), "surprise"), (("context",), "mood"), (("stats", "score_detail"), "bonus"), (("stats", "readability"), "x")],
)
def test_an_unknown_field_is_refused(analyzer: Analyzer, where: tuple[str, ...], key: str) -> None:
    data = analyzer.analyze(DRAFT).to_dict()
    target = data
    for part in where:
        target = target[part]
    target[key] = 1
    with pytest.raises(jsonschema.ValidationError):
        _checked(data)


HOSTILE = {
    "empty": "",
    "whitespace": " \n\t\r\n ",
    "emoji only": "😊" * 40,
    "lone surrogate": "Hi Sam,\n\nThanks \ud800 for the chat.\n\nBest,\nJo",
    "not english": "Hola Marta,\n\nGracias por la entrevista de ayer. Me encantó conocer al equipo.\n\nSaludos,\nJo",
    "controls": "Hi\x00 Sam,\x07\n\nthx\x1b[31m for the chat",
    "one long line": "thanks so much " * 2000,
    "html": "<html><body><p>hey maria!!</p><blockquote>old</blockquote></body></html>",
    "eml": "Subject: =?utf-8?q?Hi_=F0=9F=98=8A?=\nFrom: a@b.c\nTo: d@e.f\n\nhey maria, thx!!\n",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_inputs_give_records_the_schema_accepts(analyzer: Analyzer, name: str) -> None:
    raw = HOSTILE[name]
    if name == "html":
        draft = fl.Draft.from_html(raw)
    elif name == "eml":
        draft = fl.Draft.from_eml(raw.encode())
    else:
        draft = fl.Draft.from_text(raw)
    data = analyzer.analyze(draft).to_dict()
    _checked(data)
    assert fl.Report.from_dict(data).to_dict() == data


@pytest.mark.parametrize("stage", [s.value for s in fl.Stage if s.value != "auto"])
def test_a_report_of_every_stage_matches_the_schema(analyzer: Analyzer, stage: str) -> None:
    text = "Dear Ms. Chen,\n\nThank you for your note and for your time.\n\nBest regards,\nJordan Lee\n"
    _checked(analyzer.analyze(text, fl.Context(stage=stage)).to_dict())


def test_check_panel_records_match_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from followup_lint.cli import main

    folder = Path(__file__).parent / "fixtures" / "panel" / "copies"
    code = main(["check-panel", *map(str, sorted(folder.glob("*.txt"))), "--grammar", "builtin", "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and records and all(r["panel"]["copies"] for r in records)
    for r in records:
        _checked(r)
