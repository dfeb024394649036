"""The spaCy line-breaks component takes its units from the message reader's zones."""

from __future__ import annotations

import pytest
from spacy.language import Language

from followup_lint.message import read_message
from followup_lint.nlp.components import message_doc
from followup_lint.nlp.loading import load_pipeline

WRAPPED = """Dear Ms. Alvarez,

Thank you for taking the time to meet with me yesterday about the Senior
Accountant position. I enjoyed learning how your team closes the books in
five days, and I was glad to hear that the new reconciliation tool is
already paying off.

Best regards,
Jordan Lee
(555) 010-2231

On Tue, Mar 3, 2026 at 9:12 AM Maria Chen <maria@lumen.example> wrote:
> we are SO excited!!! lol
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(labeller="keywords")


def units(nlp: Language, text: str) -> list[tuple[str, str]]:
    message = read_message(text)
    doc = nlp(message_doc(nlp, message))
    # as the analyzer makes units: the sentence's text in the view, stripped
    return [(s.text.strip(), s._.move) for s in doc.sents if s.text.strip()]


def test_a_hard_wrap_starts_no_sentence(nlp: Language) -> None:
    got = [t for t, _ in units(nlp, WRAPPED)]
    assert "Thank you for taking the time to meet with me yesterday about the Senior Accountant position." in got
    assert not any(t.startswith(("Accountant", "five days", "already")) for t in got)


def test_quoted_reply_makes_no_unit_and_signoff_is_one(nlp: Language) -> None:
    got = units(nlp, WRAPPED)
    assert not any("lol" in t or "Maria" in t for t, _ in got)
    assert got[0] == ("Dear Ms. Alvarez,", "greeting")
    assert got[-1] == ("Best regards,\nJordan Lee", "sign_off")  # the phone line is blank in the view


def test_inline_greeting_is_its_own_unit(nlp: Language) -> None:
    got = units(nlp, "Hi Ms. Alvarez, I'm just following up to see if you received my last email?")
    assert got[0] == ("Hi Ms. Alvarez,", "greeting")
    assert got[1][0] == "I'm just following up to see if you received my last email?"
    assert got[1][1] != "greeting"


def test_single_newline_paragraphs_are_units(nlp: Language) -> None:
    text = "Hi Karen,\nThank you for meeting with me on Wednesday.\nI enjoyed hearing about the campaign.\nBest,\nLuis"
    got = units(nlp, text)
    assert [t for t, _ in got][:3] == [
        "Hi Karen,",
        "Thank you for meeting with me on Wednesday.",
        "I enjoyed hearing about the campaign.",
    ]
    assert got[-1] == ("Best,\nLuis", "sign_off")


def test_signoff_start_is_relative_to_the_doc(nlp: Language) -> None:
    text = "Subject: Thanks\n\nHi Sam,\n\nThanks for today.\n\nBest,\nAna"
    message = read_message(text, start=17)
    doc = nlp(message_doc(nlp, message))
    assert doc.text[doc._.signoff_start :].startswith("Best,")
    assert doc._.followup_greeting == (0, len("Hi Sam,"))


def test_a_cut_doc_keeps_its_offsets(nlp: Language) -> None:
    message = read_message(WRAPPED)
    cut = WRAPPED.index("Best regards")
    doc = nlp(message_doc(nlp, message, end=cut))
    assert doc.text == message.view[:cut]
    assert doc._.signoff_start is not None and doc._.signoff_start >= len(doc.text)


def test_a_postscript_below_the_signoff_is_prose(nlp: Language) -> None:
    text = "Hi Sam,\n\nThanks for today.\n\nBest,\nAna\n\nP.S. I attached the budget I mentioned."
    got = units(nlp, text)
    assert ("Best,\nAna", "sign_off") in got
    assert got[-1][0] == "P.S. I attached the budget I mentioned." and got[-1][1] != "sign_off"
