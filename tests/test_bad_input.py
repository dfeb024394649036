"""Bad input never crashes and never hangs: it gets a clear error or a report that says what
it could not judge."""

from __future__ import annotations

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.draft import Draft

from .helpers import assert_spans_exact


@pytest.mark.parametrize("text", ["", "   \n\t\n", "!!! ??? ...", "😊😊😊"])
def test_empty_drafts_are_not_judged(analyzer: Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    assert report.score is None
    assert "empty" in report.notes[0]
    assert all(d.score is None for d in report.dimensions.values())
    report.to_json()


def test_non_english_is_not_judged(analyzer: Analyzer) -> None:
    text = (
        "Estimada Sra. García,\n\nMuchas gracias por la entrevista de ayer. Me encantó conocer al "
        "equipo y estoy muy entusiasmada con el puesto de analista de datos.\n\nSaludos cordiales,\nLucía"
    )
    report = analyzer.analyze(text)
    assert report.score is None and "English" in report.notes[0]


def test_huge_text_is_cut_with_a_note(analyzer: Analyzer) -> None:
    text = "Dear Sam,\n\n" + ("Thank you for the interview and the tour of the plant. " * 20000)
    assert len(text) > 1_000_000
    report = analyzer.analyze(text)
    assert report.score is not None
    assert any("only the first" in n for n in report.notes)
    assert "LN001" in {s.code for s in report.suggestions}
    assert_spans_exact(report)


def test_html_with_script_is_converted_and_escaped(analyzer: Analyzer) -> None:
    html = "<p>Dear Sam,</p><script>document.write('<b>pwned</b>')</script><p>Thanks <b>a lot</b> u rock</p>"
    report = analyzer.analyze(Draft.from_html(html))
    assert "pwned" not in report.text
    page = report._repr_html_()
    assert "<script" not in page.lower()


def test_user_text_in_html_output_is_escaped(analyzer: Analyzer) -> None:
    text = "Dear <script>alert(1)</script> Sam,\n\nThanks for the [Job Title] chat <img src=x onerror=alert(1)>."
    page = analyzer.analyze(text)._repr_html_()
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_wrong_types_are_clear_errors(analyzer: Analyzer) -> None:
    with pytest.raises(fl.InputError):
        analyzer.analyze(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(fl.ContextError):
        fl.Context(interview_date="next Tuesday")
    with pytest.raises(fl.ContextError):
        fl.Context(stage="thanks-ish")


def test_control_characters_and_odd_whitespace(analyzer: Analyzer) -> None:
    text = "Dear Sam,\r\n\r\nThank\u00a0you for\u200b the interview.\x0b\r\n\r\nBest,\r\nAna"
    report = analyzer.analyze(text)
    assert report.score is not None
    assert_spans_exact(report)


@pytest.mark.parametrize(
    "text",
    ["Dear Ms. Chen,", "Hi Sam,\n\nBest regards,\nJordan Lee\n", "Subject: Thank you\n\nDear Ms. Chen,\n"],
)
def test_a_draft_of_only_a_greeting_or_sign_off_says_so_and_scores_low(analyzer: Analyzer, text: str) -> None:
    report = analyzer.analyze(text)
    assert report.score is not None and report.score <= 40
    assert any("no sentences of its own" in n for n in report.notes), report.notes
