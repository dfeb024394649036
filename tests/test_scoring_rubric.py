"""The score ranks notes as a coach would: content-free and one-line notes stay low, a
complete and specific note scores high, and a polite template lands in between."""

from __future__ import annotations

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer

CTX = fl.Context(interviewer="Maria Chen", company="Lumen Health", role="Senior Data Engineer", candidate="Jordan Lee")

COMPLETE = (
    "Dear Ms. Chen,\n\nThank you for taking the time to meet with me yesterday about the Senior Data Engineer "
    "role. I enjoyed hearing how your team rebuilt the claims pipeline, and I left even more excited about "
    "joining Lumen Health.\n\nMy five years building data pipelines at Northwind map closely onto the "
    "reliability work you described.\n\nI look forward to hearing about next steps.\n\nBest regards,\nJordan Lee"
)
TEMPLATE = (
    "Dear Ms. Chen,\n\nThank you for taking the time to meet with me. It was a pleasure learning more about the "
    "company. I am very interested in the position and believe I would be a great fit.\n\nI look forward to "
    "hearing from you.\n\nBest regards,\nJordan Lee"
)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Maria,\n\nThanks!\n\nJordan",
        "hey",
        "Hi, I Know We Spoke Yesterday, But Wanted to See if You Had Any Updates!",
        "Hi Ms. Chen, I'm just following up to see if you received my last email?",
    ],
)
def test_a_note_with_nothing_in_it_scores_low(analyzer: Analyzer, text: str) -> None:
    report = analyzer.analyze(text, CTX)
    assert report.score is not None and report.score <= 40, (report.score, report.stats["score_detail"])


def test_a_complete_specific_note_scores_high_and_a_template_in_between(analyzer: Analyzer) -> None:
    complete = analyzer.analyze(COMPLETE, CTX.with_(stage="thank_you"))
    template = analyzer.analyze(TEMPLATE, CTX.with_(stage="thank_you"))
    assert complete.score is not None and complete.score >= 90, complete.stats["score_detail"]
    assert template.score is not None and 50 <= template.score <= 75, template.stats["score_detail"]
    assert "reference" in template.stats["score_detail"]["missing"]


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Dear Ms. Chen,\n\nThank you for your time. I have accepted another offer and would like to withdraw "
            "my application. I wish you and the team every success.\n\nBest,\nJordan",
            "withdrawal",
        ),
        (
            "Dear Ms. Chen,\n\nThank you for letting me know your decision. Please keep me in mind for future "
            "openings.\n\nBest,\nJordan",
            "after_rejection",
        ),
        (
            "Dear Ms. Chen,\n\nI am writing to apply for the analyst opening posted on your site.\n\nBest,\nJordan",
            "other",
        ),
    ],
)
def test_notes_that_are_not_thank_you_notes_get_their_stage(analyzer: Analyzer, text: str, stage: str) -> None:
    report = analyzer.analyze(text)
    assert report.stage.value == stage and report.stage_source.startswith("inferred")
    # a withdrawal is not told to say why the role excites you
    assert "IN001" not in {s.code for s in report.suggestions}


def test_only_quoted_text_is_not_judged(analyzer: Analyzer) -> None:
    report = analyzer.analyze("On Mon, Maria Chen <maria@lumen.example> wrote:\n> Hi Jordan,\n> See you tomorrow.\n")
    assert report.score is None and "quoted" in report.notes[0]


def test_every_missing_element_is_a_finding_with_advice() -> None:
    """The score never drops for a missing element without a finding that says so."""
    from followup_lint.data import load_data

    advice = load_data("rubric")["advice"]
    note = (
        "Hi,\n\nI interviewed for the analyst role two weeks ago and wanted to check in. "
        "Is there any update on the timeline?\n\nBest,\nJordan\n"
    )
    report = fl.analyze(note, fl.Context(stage="status_check"), grammar="off")
    missing = report.stats["score_detail"]["missing"]
    assert set(missing) >= {"thanks", "greeting_name", "interest"}
    codes = [s.code for s in report.suggestions]
    for element in missing:
        covered = set(advice[element]["covered_by"]) & set(codes)
        said = [s for s in report.suggestions if s.code == "ST009" and advice[element]["message"][:20] in s.message]
        assert covered or said, (element, codes)
    thanks = next(s for s in report.suggestions if s.code == "ST009" and "Thank them" in s.message)
    assert thanks.replacements and "15" in thanks.message
