"""With no dates in the context, relative dates in the text tell a thank-you from a status
check or a final note, and the stage's source says which words the inference rests on.
Whole drafts in the shapes people send, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.stage import infer_stage, relative_dates
from followup_lint.types import Stage

CTX = fl.Context(interviewer="Dana Okoro", company="Brightwell Foods", role="Production Planner")

DRAFTS = [
    (
        "status_check",
        "Hi Dana,\n\nI hope you are well. It has been ten days since our interview for the\nProduction Planner "
        "role, and I wanted to check in on the timeline.\nI am still very interested.\n\nBest regards,\nLeo Martins",
        "ten days",
    ),
    (
        "status_check",
        "Dear Ms. Okoro,\n\nI interviewed for the Production Planner position two weeks ago and I\nwould like to "
        "ask if there is any news on your decision.\n\nKind regards,\nPriya Shah",
        "two weeks ago",
    ),
    (
        "status_check",
        "Dear Ms. Okoro,\n\nI am writing to follow up since our interview on March 3. Is there any\nupdate about "
        "the planner job? I remain available.\n\nThank you and regards\nAhmed Saleh",
        "since our interview on March 3",
    ),
    (
        "status_check",
        "Dana,\n\nWe spoke last week about the Production Planner role and I wanted to\ntouch base on where "
        "things stand.\n\nThanks,\nMia Lund",
        "last week",
    ),
    (
        "status_check",
        "Hello Ms. Okoro,\n\nGood day. Kindly, it's been over a week since we met and I am just\nchecking in about "
        "the status of my application.\n\nRespectfully,\nJoseph Mensah",
        "over a week",
    ),
    (
        "status_check",
        "Dear Ms. Okoro,\n\nThank you again for meeting me a couple of weeks ago. I wanted to follow\nup on the "
        "position and ask whether you have an update.\n\nSincerely,\nNora Klein",
        "a couple of weeks",
    ),
    (
        "status_check",
        "Hi Dana,\n\nI know we spoke yesterday, but I wanted to see if you had any updates\non the planner "
        "role.\n\nLeo",
        "yesterday",
    ),
    (
        "final",
        "Dear Ms. Okoro,\n\nIt has been a month since we met, and I understand the role may have\nbeen filled. "
        "Please keep me in mind for future openings.\n\nWarm regards,\nOwen Price",
        "a month",
    ),
    (
        "final",
        "Dear Ms. Okoro,\n\nI interviewed for the planner post four weeks ago and have not heard\nback, so I "
        "assume you moved forward with other candidates. I wish you\nand the team all the best.\n\nRegards,\n"
        "Elif Yilmaz",
        "four weeks ago",
    ),
    (
        "thank_you",
        "Hi Dana,\n\nThank you for meeting with me yesterday. The tour of the packing line\nwas the best part, and "
        "I am very interested in the role.\n\nBest,\nLeo Martins",
        "yesterday",
    ),
    (
        "thank_you",
        "Dear Ms. Okoro,\n\nThank you for your time this morning and for explaining the weekly\nproduction plan. "
        "I look forward to hearing from you.\n\nKind regards,\nPriya Shah",
        "this morning",
    ),
    (
        "thank_you",
        "Dear Ms. Okoro,\n\nThank you very much for the interview this afternoon. I learnt a lot\nabout the "
        "forecasting meeting.\n\nRegards,\nAhmed Saleh",
        "this afternoon",
    ),
    (
        "thank_you",
        "Hi Dana,\n\nSorry for the slow reply. Thank you for meeting with me last week about\nthe Production "
        "Planner role; the changeover matrix you showed me was clever.\n\nBest,\nMia Lund",
        "last week",
    ),
    (
        "thank_you",
        "Dear Ms. Okoro,\n\nI finished my forecasting course last week. Thank you for the interview\ntoday and "
        "for your time.\n\nSincerely,\nNora Klein",
        "today",
    ),
]


@pytest.mark.parametrize(("stage", "text", "phrase"), DRAFTS, ids=[f"{d[0]}-{i}" for i, d in enumerate(DRAFTS)])
def test_relative_dates_decide_the_stage(analyzer: Analyzer, stage: str, text: str, phrase: str) -> None:
    report = analyzer.analyze(fl.Draft.from_text(text), context=CTX)
    assert report.stage is Stage(stage), report.stage_source
    assert report.stage_source.startswith("inferred: ")
    assert f"“{phrase}”" in report.stage_source


def test_a_relative_date_about_something_else_is_not_the_interview() -> None:
    assert relative_dates(["I finished my forecasting course last week."]) == []


def test_since_a_named_date_counts_days_from_the_send_date() -> None:
    found = relative_dates(["It has been quiet since our interview on March 3."], sent_on=date(2026, 3, 17))
    assert [(d.phrase, d.days) for d in found] == [("since our interview on March 3", 14.0)]
    stage, why = infer_stage(
        ["I am following up since our interview on March 3.", "Is there any update?"],
        ["next_steps", "question"],
        sent_on=date(2026, 3, 17),
    )
    assert stage is Stage.STATUS_CHECK and "about 14 days" in why


def test_dates_in_the_context_outweigh_the_text() -> None:
    stage, why = infer_stage(["Thank you for meeting with me yesterday."], ["gratitude"], days_since=9)
    assert stage is Stage.THANK_YOU and "yesterday" not in why


def test_a_status_check_asking_about_your_decision_is_not_an_answer_to_one(analyzer: Analyzer) -> None:
    text = "Dear Ms. Okoro,\n\nIt has been two weeks since my interview. Is there any news on your decision?\n\nRegards,\nAli"
    assert analyzer.analyze(fl.Draft.from_text(text), context=CTX).stage is Stage.STATUS_CHECK


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # told of the decision, not asking about it
        (
            "Thank you for telling me so kindly about your decision. I learned a lot on the trial shift.",
            "after_rejection",
        ),
        ("Thanks for informing me of the decision; I enjoyed meeting the team.", "after_rejection"),
        # a networking note that names a meeting a week ago is no late thank-you
        (
            "We met briefly at the design meetup last week. Do you know if Fernhill is hiring? Could you refer me?",
            "other",
        ),
        # the same words inside a thank-you or a status check do not move it
        ("Thank you for meeting me yesterday. I am glad the team is hiring two more analysts.", "thank_you"),
        ("We spoke two weeks ago. Is there any news about your decision?", "status_check"),
    ],
)
def test_told_decisions_and_networking_notes(text: str, stage: str) -> None:
    assert infer_stage([text], ["other"])[0] is Stage(stage)
