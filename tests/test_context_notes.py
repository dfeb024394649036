"""Interview notes become key phrases that count as references (RF001, RF007), and RF002
finds another company in the seats a copy-paste leaves it in, but never the writer's own
employer, a client or a tool the notes name. Real spaCy model throughout."""

from __future__ import annotations

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.context import NOTES_LIMIT
from followup_lint.nlp.keyphrases import MAX_PHRASES, key_phrases, same_stem, stem

from .helpers import assert_spans_exact, codes

NOTES = (
    "Great chat, really friendly team. Talked about the event-sourcing migration for billing; "
    "the reconciliation backlog; she asked about my Kotlin experience."
)


def _ctx(**kw: object) -> fl.Context:
    base: dict[str, object] = {
        "interviewer": "Ines Duarte",
        "company": "Tessellate Billing",
        "role": "Backend Engineer",
        "candidate": "Sam Reyes",
        "stage": "thank_you",
    }
    base.update(kw)
    return fl.Context.from_dict(base)


def _draft(middle: str) -> fl.Draft:
    return fl.Draft.from_text(
        "Hi Ines,\n\nThank you for the interview yesterday about the Backend Engineer role. "
        + middle
        + "\n\nI am very interested in the role and look forward to hearing from you.\n\nBest,\nSam Reyes"
    )


def test_notes_are_cut_at_separators_and_bounded() -> None:
    ctx = fl.Context(notes="fraud model; weekend transfers\n- Kotlin migration. Pedro asked about tests")
    assert ctx.note_fragments == ("fraud model", "weekend transfers", "Kotlin migration", "Pedro asked about tests")
    long = fl.Context(notes="ledger work; " * 1000)
    assert sum(len(f) for f in long.note_fragments) <= NOTES_LIMIT


def test_key_phrases_keep_what_was_discussed_and_drop_pleasantries() -> None:
    phrases = key_phrases(fl.Context(notes=NOTES).note_fragments)
    lowered = [p.lower() for p in phrases]
    assert "event-sourcing migration" in lowered
    assert "reconciliation backlog" in lowered
    assert any("kotlin" in p for p in lowered)
    # "great chat" and "friendly team" are how it felt, not what it was about
    assert not any("chat" in p or "team" in p for p in lowered)


def test_key_phrases_are_bounded_on_long_notes() -> None:
    notes = "; ".join(
        f"project {name} rollout"
        for name in [
            "Alpha",
            "Bravo",
            "Delta",
            "Echo",
            "Golf",
            "Hotel",
            "Juliet",
            "Kilo",
            "Lima",
            "Mike",
            "Oscar",
            "Papa",
            "Romeo",
            "Sierra",
        ]
    )
    assert len(key_phrases(fl.Context(notes=notes).note_fragments)) == MAX_PHRASES


def test_stems_match_across_word_forms() -> None:
    assert same_stem(stem("migration"), stem("migrating"))
    assert same_stem(stem("booked"), stem("booking"))
    assert not same_stem(stem("billing"), stem("building"))


def test_a_notes_phrase_in_other_words_is_a_specific_reference(analyzer: Analyzer) -> None:
    ctx = _ctx(notes=NOTES)
    draft = _draft("I keep thinking about migrating billing to event sourcing without double charges.")
    report = analyzer.analyze(draft, context=ctx)
    assert not codes(report) & {"RF001", "RF007"}
    labels = [e.label for e in report.dimensions[fl.Dimension.REFERENCES].evidence]
    assert "names “event-sourcing migration” from your interview notes" in labels
    assert_spans_exact(report)


def test_rf007_fires_when_no_topic_of_the_notes_is_mentioned(analyzer: Analyzer) -> None:
    ctx = _ctx(notes=NOTES)
    draft = _draft("You told me about the new office in Lisbon and the team lunches on Fridays.")
    report = analyzer.analyze(draft, context=ctx)
    found = [s for s in report.suggestions if s.code == "RF007"]
    assert len(found) == 1
    assert "event-sourcing migration" in found[0].message
    assert "RF001" not in codes(report)  # it does recall something, just not from the notes


def test_rf007_stays_quiet_without_topics_or_notes(analyzer: Analyzer) -> None:
    report = analyzer.analyze(_draft("You told me about the new office in Lisbon."), context=_ctx())
    assert "RF007" not in codes(report)


def test_a_topic_only_in_the_quoted_reply_is_not_mentioned(analyzer: Analyzer) -> None:
    text = (
        "Hi Ines,\n\nThank you for your time today. I enjoyed meeting you and hope to hear back.\n\nBest,\nSam Reyes"
        "\n\nOn Tue, 14 Apr 2026 at 09:12, Ines Duarte <ines@example.com> wrote:\n"
        "> Thanks Sam. As discussed, the reconciliation backlog is our first priority.\n"
    )
    report = analyzer.analyze(fl.Draft.from_text(text), context=_ctx(topics=["reconciliation backlog"]))
    # the note recalls nothing, so RF001 is the one finding and it names the topic
    (found,) = [s for s in report.suggestions if s.code in {"RF001", "RF007"}]
    assert found.code == "RF001"
    assert "“reconciliation backlog”" in found.message
    assert found.replacements == ("I keep thinking about what you said about the reconciliation backlog.",)


def test_a_topic_word_that_is_the_roles_word_is_not_a_mention(analyzer: Analyzer) -> None:
    # "Backend" in "the Backend Engineer role" does not mention "the backend rewrite"
    draft = _draft("It was great to meet you. You told me about the new office in Lisbon.")
    report = analyzer.analyze(draft, context=_ctx(topics=["the backend rewrite"]))
    assert "RF007" in codes(report)


# Eight ways a recycled note names another company where Tessellate Billing belongs.
WRONG = [
    ("I enjoyed my interview at Paystream and the questions about ledgers.", "Paystream"),
    ("It was a pleasure to meet the team at Paystream Labs yesterday.", "Paystream Labs"),
    ("Quillpay's mission to make invoices painless speaks to me.", "Quillpay"),
    ("I would be proud joining Paystream this spring.", "Paystream"),
    ("I admire your work at Paystream on the reconciliation backlog.", "Paystream"),
    ("At Paystream Labs we could clear the reconciliation backlog in a quarter.", "Paystream Labs"),
    ("Paystream Labs and its customers deserve invoices that are never sent twice.", "Paystream Labs"),
    ("I would be glad to grow with the people at Ledgerly Systems.", "Ledgerly Systems"),
]


@pytest.mark.parametrize(("sentence", "name"), WRONG, ids=[w[1] + str(i) for i, w in enumerate(WRONG)])
def test_rf002_finds_another_company(analyzer: Analyzer, sentence: str, name: str) -> None:
    report = analyzer.analyze(_draft(sentence), context=_ctx())
    found = [s for s in report.suggestions if s.code == "RF002"]
    assert [s.text for s in found] == [name]
    assert found[0].replacements == ("Tessellate Billing",)


def test_rf002_finds_a_signature_signed_for_another_company(analyzer: Analyzer) -> None:
    text = (
        "Hi Ines,\n\nThank you for the interview yesterday. The reconciliation backlog you described is a "
        "problem I know well.\n\nBest regards,\nSam Reyes\nCandidate, Backend Engineer – Paystream Labs"
    )
    report = analyzer.analyze(fl.Draft.from_text(text), context=_ctx())
    assert [s.text for s in report.suggestions if s.code == "RF002"] == ["Paystream Labs"]


TRAPS = [
    "In my current role at Quillsoft we moved invoicing onto an event log.",
    "At Quillsoft, where I work now, we cleared a similar backlog in a quarter.",
    "I currently work at Quillsoft Labs, and our team at Quillsoft Labs runs a similar ledger.",
    "My previous team at Northwind Systems ran the same migration.",
    "I am excited about Paylane and the webhook work you described.",  # a tool from the notes
    "Harlow Logistics and its customers came up often; I liked how you handle that account.",  # a client topic
    "At Tessellate Billing we could clear the backlog together.",
    "I am excited about the Kotlin migration.",
]


@pytest.mark.parametrize("sentence", TRAPS)
def test_rf002_spares_own_employer_clients_and_tools(analyzer: Analyzer, sentence: str) -> None:
    ctx = _ctx(topics=["Harlow Logistics account"], notes="They bill through Paylane; Kotlin migration")
    report = analyzer.analyze(_draft(sentence), context=ctx)
    assert "RF002" not in codes(report), [s.text for s in report.suggestions if s.code == "RF002"]


def test_a_y_word_and_its_inflections_share_a_stem() -> None:
    assert stem("juried") == stem("jury") == stem("jurying")
    assert stem("studied") == stem("study")


def test_a_topic_spread_over_two_sentences_in_a_row_is_mentioned(analyzer: Analyzer) -> None:
    ctx = _ctx(topics=["the school rooftop job"])
    spread = _draft(
        "Riding along to the school this morning was great. Seeing the crew swap the rooftop units was impressive."
    )
    assert not codes(analyzer.analyze(spread, context=ctx)) & {"RF001", "RF007"}
    # the same two words far apart in the note are not one topic
    apart = fl.Draft.from_text(
        "Hi Ines,\n\nRiding along to the school this morning was great. The crew was friendly. I learned a lot "
        "about scheduling. I am very interested in the role.\n\nThe rooftop view was lovely.\n\nBest,\nSam Reyes"
    )
    assert codes(analyzer.analyze(apart, context=ctx)) & {"RF001", "RF007"}
