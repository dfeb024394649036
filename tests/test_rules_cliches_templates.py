"""FM008 cliche-buzzword, RF006 generic-template (with RF001 no-specific-reference) and the
widened tone rules, on whole drafts with the real model: each fires where a coach would and
stays quiet on the notes that would make a writer stop trusting it."""

from __future__ import annotations

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer

from .helpers import assert_spans_exact, codes

THANKS = fl.Context(
    interviewer="Dana Whitfield",
    company="Brightline Logistics",
    role="Account Manager",
    topics=["the Midwest carrier accounts"],
    candidate="Tyler Brooks",
    stage="thank_you",
)
STATUS = fl.Context(interviewer="Rachel Green", company="Summit Couriers", role="Dispatcher", stage="status_check")


def run(analyzer: Analyzer, text: str, ctx: fl.Context) -> fl.Report:
    report = analyzer.analyze(text, ctx)
    assert_spans_exact(report)
    return report


def found(report: fl.Report, code: str) -> list[fl.Suggestion]:
    return [s for s in report.suggestions if s.code == code]


# ---- FM008 cliche-buzzword ------------------------------------------------------------------

BUZZY = """Dear Ms. Whitfield,

Thank you for meeting with me today about the Account Manager role. I keep thinking about
the Midwest carrier accounts you described. As a results-driven team player I always give
110%, and I would hit the ground running.

I look forward to hearing from you.

Best regards,
Tyler Brooks"""


def test_cliches_are_flagged_one_by_one_with_what_to_write(analyzer: Analyzer) -> None:
    report = run(analyzer, BUZZY, THANKS)
    hits = found(report, "FM008")
    assert [s.text for s in hits] == ["results-driven", "team player", "give\n110%", "hit the ground running"]
    running = hits[-1]
    assert running.fix == "start contributing quickly"  # a literal phrase: a safe fix
    assert "“give 110%”" in hits[2].message  # the message reads the wrapped phrase as one line
    assert hits[0].fix is None and "result" in hits[0].message  # advice, not a synonym
    assert report.dimensions["formality"].score is not None and report.dimensions["formality"].score < 100


def test_several_cliches_cost_more_than_one_but_the_cost_is_capped(analyzer: Analyzer) -> None:
    one = run(analyzer, BUZZY.replace("As a results-driven team player I always give\n110%, and I", "I"), THANKS)
    four = run(analyzer, BUZZY, THANKS)
    more = run(
        analyzer,
        BUZZY.replace("and I would hit", "I think outside the box, bring synergy, move the needle and hit"),
        THANKS,
    )
    f1, f4, f7 = (r.dimensions["formality"].score for r in (one, four, more))
    assert f1 is not None and f4 is not None and f7 is not None
    assert len(found(one, "FM008")) == 1 and len(found(more, "FM008")) == 7
    assert f4 < f1 and f7 == f4  # capped at twice the rule's points


def test_ordinary_words_and_a_lone_buzzword_stay_quiet(analyzer: Analyzer) -> None:
    text = BUZZY.replace(
        "As a results-driven team player I always give\n110%, and I would hit the ground running.",
        "The results your team showed me were impressive, and it was good to meet such a dynamic team.",
    )
    assert "FM008" not in codes(run(analyzer, text, THANKS))


def test_buzzwords_in_buzzword_company_are_flagged(analyzer: Analyzer) -> None:
    text = BUZZY.replace(
        "As a results-driven team player I always give\n110%, and I would hit the ground running.",
        "I am a dynamic professional who would leverage world-class tools.",
    )
    assert [s.text for s in found(run(analyzer, text, THANKS), "FM008")] == ["dynamic", "leverage", "world-class"]


def test_cliches_in_a_signature_or_a_quoted_reply_are_not_linted(analyzer: Analyzer) -> None:
    text = (
        BUZZY.replace("As a results-driven team player I always give\n110%, and I would hit the ground running.", "")
        + "\nAccount Manager | Results-driven team player\n\n"
        + "On Mon, Apr 6, 2026 at 9:04 AM Tyler Brooks <tb@mail.example> wrote:\n"
        + "> I think outside the box and always give 110%.\n"
    )
    assert "FM008" not in codes(run(analyzer, text, THANKS))


# ---- RF006 generic-template and RF001 no-specific-reference -----------------------------------

TEMPLATE = """Dear Ms. Whitfield,

Thank you for taking the time to meet with me today about the Account Manager position at
Brightline Logistics. It was a pleasure meeting you and learning more about the company.

I believe my skills and experience make me a great fit for this role. Please let me know if
you need any further information. I look forward to hearing from you soon.

Sincerely,
Tyler Brooks"""


def test_a_note_of_stock_sentences_gets_one_finding_not_two(analyzer: Analyzer) -> None:
    report = run(analyzer, TEMPLATE, THANKS)
    assert "RF006" in codes(report)
    assert "RF001" not in codes(report)  # the same problem, told once
    (finding,) = found(report, "RF006")
    assert finding.text.startswith("Thank you for taking the time") and finding.text.endswith("from you soon.")
    assert "5 of 5" in finding.message


def test_near_copies_of_a_template_count_as_stock(analyzer: Analyzer) -> None:
    text = TEMPLATE.replace(
        "I believe my skills and experience make me a great fit for this role.",
        "I truly believe that my skills and my experience would make me a great fit for the role.",
    )
    assert "RF006" in codes(run(analyzer, text, THANKS))


def test_one_specific_detail_is_enough_to_stay_quiet(analyzer: Analyzer) -> None:
    text = TEMPLATE.replace(
        "learning more about the company.",
        "learning how your drivers plan the Thursday loads around the rail yard.",
    )
    report = run(analyzer, text, THANKS)
    assert not {"RF006", "RF001"} & codes(report)


def test_pleasantries_are_not_references(analyzer: Analyzer) -> None:
    # two sentences: too few for RF006, so RF001 reports the generic note; before, "learning
    # about Brightline Logistics" passed for a reference
    text = (
        "Dear Ms. Whitfield,\n\nThanks for the interview yesterday for the Account Manager role. It was great to "
        "meet you, and I enjoyed learning about Brightline Logistics.\n\nBest,\nTyler Brooks"
    )
    assert "RF001" in codes(run(analyzer, text, THANKS))


def test_the_roles_own_words_are_not_a_topic_mention(analyzer: Analyzer) -> None:
    ctx = fl.Context(
        interviewer="Paul Dubois",
        company="Lakeshore Mutual",
        role="Claims Adjuster",
        topics=["the storm claims backlog"],
        stage="thank_you",
    )
    text = (
        "Dear Mr. Dubois,\n\nThank you for speaking with me about the Claims Adjuster position. I enjoyed our "
        "conversation and I am very interested in the role.\n\nSincerely,\nGrace Kim"
    )
    assert "RF001" in codes(run(analyzer, text, ctx))


def test_a_template_leftover_is_not_a_reference_but_a_real_detail_beside_one_is(analyzer: Analyzer) -> None:
    leftover = TEMPLATE.replace("learning more about the company.", "our discussion about [TOPIC].")
    assert "RF006" in codes(run(analyzer, leftover, THANKS))
    beside = TEMPLATE.replace(
        "learning more about the company.",
        "hearing how the Midwest carrier accounts are split, and (ADD MORE HERE).",
    )
    assert not {"RF006", "RF001"} & codes(run(analyzer, beside, THANKS))


# ---- TN001-TN003, widened ---------------------------------------------------------------------


def status(body: str) -> str:
    return f"Dear Ms. Green,\n\n{body}\n\nBest regards,\nOmar Haddad"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("I am ready to take any shift, any pay rate, whatever else you have.", "TN002"),
        ("I would even accept a lower salary just to prove myself.", "TN002"),
        ("This is my fourth email about the Dispatcher role.", "TN003"),
        ("Three emails and two voicemails so far, and nobody has bothered to answer.", "TN003"),
        ("I have had no news. Not even a phone call after three weeks.", "TN003"),
        ("Waiting for a positive reply.", "TN001"),
        ("Please let me know within the next week whether I am still in the running.", "TN001"),
    ],
)
def test_general_forms_of_begging_reproach_and_deadlines(analyzer: Analyzer, body: str, code: str) -> None:
    assert code in codes(run(analyzer, status(body), STATUS))


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Honestly I am surprised, since I was told a decision would come last week.", "TN003"),
        ("My family is counting on me, so please give me this chance.", "TN002"),
    ],
)
def test_a_confident_pressure_sentence_with_a_cue_is_flagged_without_a_phrase(
    analyzer: Analyzer, sentence: str, code: str
) -> None:
    # no phrase of the list matches; the move model reads the sentence as pressure and a cue
    # ("honestly", "family") names the kind, so the finding covers the sentence
    report = run(analyzer, status(sentence), STATUS)
    (label,) = [s for s in report.sentences if s.text == sentence]
    assert label.move == "pressure" and label.confidence >= 0.95
    assert [s.text for s in found(report, code)] == [sentence]


@pytest.mark.parametrize(
    "body",
    [
        "I wanted to follow up on my interview for the Dispatcher role. If the role has moved in a different "
        "direction, please don't worry about a detailed reply; a short note would be plenty.",
        "I completely understand that hiring takes time, and there is no rush on my side. If the team has "
        "decided to go another way, please don't feel you owe me a long explanation.",
        "I am available for any shift pattern you need, including early starts, and I remain keen to join "
        "Summit Couriers.",
        "I hope to hear within the next week or so, but I know these things take time.",
    ],
)
def test_gracious_lines_are_not_flagged(analyzer: Analyzer, body: str) -> None:
    assert not {"TN001", "TN002", "TN003"} & codes(run(analyzer, status(body), STATUS))
