"""The tag checks (grammar/syntax.py): agreement and verb-form errors read from spaCy's
part-of-speech tags, added to Harper's and LanguageTool's findings, quiet on e-mail English."""

from __future__ import annotations

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.grammar.syntax import ing_form, tag_issues

from .helpers import assert_spans_exact


@pytest.fixture(scope="module")
def hp() -> Analyzer:
    return Analyzer(fl.Config(grammar="harper"))


def tag_findings(report: fl.Report) -> list[tuple[str, str, str]]:
    return [
        (s.code, s.source_rule or "", s.text) for s in report.suggestions if (s.source_rule or "").startswith("TAG_")
    ]


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("One reason is that endangered animals is losing their homes.", "TAG_PLURAL_SUBJECT", "animals is"),
        ("So the school try to teach us everything.", "TAG_SINGULAR_SUBJECT", "school try"),
        ("I will not to give up.", "TAG_MODAL_TO", "will not to"),
        ("She gave me a reasons to stay.", "TAG_ARTICLE_PLURAL", "a reasons"),
        ("I think advertisements are make products seem better.", "TAG_BE_BARE_VERB", "are make"),
        ("There are several reason to apply.", "TAG_COUNT_SINGULAR", "several reason"),
        ("I am looking forward to hear from you.", "TAG_FORWARD_TO_BASE", "to hear"),
        ("We look forward to meet you in person.", "TAG_FORWARD_TO_BASE", "to meet"),
    ],
)
def test_each_tag_check_fires_as_grammar(hp: Analyzer, text: str, rule: str, flagged: str) -> None:
    report = hp.analyze(text)
    assert ("GM006", rule, flagged) in tag_findings(report)
    assert_spans_exact(report)


@pytest.mark.parametrize(
    "text",
    [
        "It was clear how much you and your staff care about patients.",  # a compound subject
        "I am grateful for the time you and the panel have given me.",
        "My family depend on it.",  # a collective noun with a plural verb (British)
        "Thank you for meeting with me; the team seem great.",
        "As a results-driven team player, I thrive.",  # a plural noun inside a compound modifier
        "I'm a people person.",
        "I worked at a tenants' advice centre.",
        "I will hear back in a few days.",
        "One of the students is my friend.",  # the subject is "One"
        "Living in big cities is hard.",  # the plural noun is the object of "in"
        "Sales grew two percent last year.",
        "The data show a clear trend.",
        "Thank you for the interview on Tuesday. I enjoyed meeting the whole team and hearing about the roadmap.",
    ],
)
def test_quiet_on_correct_english(hp: Analyzer, text: str) -> None:
    assert tag_findings(hp.analyze(text)) == []


def test_the_built_in_checker_stays_as_it_was() -> None:
    report = Analyzer(fl.Config(grammar="builtin")).analyze("There are several reason to apply.")
    assert tag_findings(report) == []


def test_tokens_as_triples_need_no_spacy() -> None:
    tokens = [(0, "There", "EX"), (6, "are", "VBP"), (10, "several", "JJ"), (18, "reason", "NN"), (24, ".", ".")]
    [issue] = tag_issues(tokens)
    assert (issue.start, issue.end, issue.kind, issue.source_rule) == (10, 24, "grammar", "TAG_COUNT_SINGULAR")


def test_forward_to_suggests_the_ing_form_and_leaves_nouns_alone(hp: Analyzer) -> None:
    report = hp.analyze("Dear Ana,\n\nI look forward to discuss the role. Looking forward to it.\n\nBest,\nSam")
    found = [s for s in report.suggestions if s.source_rule == "TAG_FORWARD_TO_BASE"]
    assert [(s.text, s.replacements) for s in found] == [("to discuss", ("to discussing",))]
    quiet = hp.analyze("I look forward to the next steps and to working with you.")
    assert not [s for s in quiet.suggestions if s.source_rule == "TAG_FORWARD_TO_BASE"]


@pytest.mark.parametrize(
    ("verb", "form"),
    [
        ("hear", "hearing"),
        ("meet", "meeting"),
        ("make", "making"),
        ("see", "seeing"),
        ("be", "being"),
        ("get", "getting"),
        ("visit", "visiting"),
        ("admit", "admitting"),
        ("die", "dying"),
        ("Join", "Joining"),
    ],
)
def test_ing_form(verb: str, form: str) -> None:
    assert ing_form(verb) == form
