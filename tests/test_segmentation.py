"""Units: a line break ends a sentence, the greeting line and the sign-off block stay whole."""

from __future__ import annotations

import pytest

from followup_lint.analyzer import Analyzer
from followup_lint.message import read_message
from followup_lint.nlp.segment import is_closing_line, is_greeting_line
from followup_lint.stage import infer_stage
from followup_lint.types import Stage


def units(analyzer: Analyzer, text: str) -> list[tuple[str, str]]:
    return [(s.text, s.move) for s in analyzer.analyze(text).sentences]


def test_signoff_line_with_name_is_one_unit(analyzer: Analyzer) -> None:
    got = units(analyzer, "Dear Sam,\n\nThank you for the tour.\n\nBest regards, Jordan Lee")
    assert got[-1] == ("Best regards, Jordan Lee", "sign_off")


def test_signoff_block_with_contact_lines_is_one_unit(analyzer: Analyzer) -> None:
    text = "Hi Sam,\n\nThanks again for the interview.\n\nKind regards,\nPriya Raman, CPA\npriya@example.com\n+44 7700 900123"
    got = units(analyzer, text)
    assert got[-1] == ("Kind regards,\nPriya Raman, CPA\npriya@example.com\n+44 7700 900123", "sign_off")
    assert got[0] == ("Hi Sam,", "greeting")


def test_two_sentences_on_one_line_are_two_units(analyzer: Analyzer) -> None:
    got = units(analyzer, "Dear Sam,\n\nThank you! I look forward to hearing from you.\n\nBest,\nAna")
    texts = [t for t, _ in got]
    assert "Thank you!" in texts and "I look forward to hearing from you." in texts


def test_a_line_break_ends_a_sentence_without_punctuation(analyzer: Analyzer) -> None:
    got = units(analyzer, "hi sam\nthanks for the chat\ni enjoyed it\ncheers\nleo")
    assert [t for t, _ in got][:3] == ["hi sam", "thanks for the chat", "i enjoyed it"]


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("Best regards,", True),
        ("Thanks again, Priya", True),
        ("Cheers", True),
        ("Sincerely yours,", True),
        ("Thanks for meeting me yesterday", False),
        ("Best of all, the team was kind.", False),
        ("Looking forward to hearing from you.", False),
    ],
)
def test_closing_lines(line: str, closing: bool) -> None:
    assert is_closing_line(line) is closing


@pytest.mark.parametrize(
    ("line", "greeting"),
    [
        ("Dear Ms. Chen,", True),
        ("Hello hiring team,", True),
        ("Hey Jake!!", True),
        ("Good morning,", True),
        ("Hi Ana, hope you're well!", True),
        (
            "Dear hiring manager I am writing to thank you for the interview today "
            "and to tell you more about my background.",
            False,
        ),
    ],
)
def test_greeting_lines(line: str, greeting: bool) -> None:
    assert is_greeting_line(line) is greeting


def test_lone_name_ends_a_terse_note() -> None:
    text = "Sam,\nThanks for the time today. Really enjoyed it.\nAna Ruiz"
    m = read_message(text)
    assert [text[z.start : z.end] for z in m.zone("signature")] == ["Ana Ruiz"]
    assert [text[z.start : z.end] for z in m.zone("greeting")] == ["Sam,"]


@pytest.mark.parametrize(
    ("text", "days", "stage"),
    [
        ("Thank you for meeting with me yesterday about the role.", None, Stage.THANK_YOU),
        (
            "I wanted to follow up on my interview last week and ask whether there is any update on the timeline.",
            None,
            Stage.STATUS_CHECK,
        ),
        (
            "I haven't heard back, so I assume you moved forward with other candidates. Please keep me in mind for "
            "future openings.",
            None,
            Stage.FINAL,
        ),
        ("Thank you again. I am still very interested.", 9, Stage.STATUS_CHECK),
        ("Thank you for your time today.", 0.3, Stage.THANK_YOU),
        ("Thank you again for considering me. I hope our paths cross again; please keep me in mind.", 21, Stage.FINAL),
    ],
)
def test_stage_inference(text: str, days: float | None, stage: Stage) -> None:
    assert infer_stage([text], ["other"], days_since=days)[0] is stage
