"""Harper in process: GM codes, exact spans, accepted words, British spelling, merging with
LanguageTool, and every way it can fail without costing the user the report."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.grammar import checker as checker_mod
from followup_lint.grammar import harper as harper_mod
from followup_lint.grammar.base import GrammarIssue, merge_issues
from followup_lint.grammar.builtin import BuiltinChecker
from followup_lint.grammar.checker import GrammarChecker
from followup_lint.grammar.harper import HarperChecker, kind_of

from .helpers import assert_spans_exact
from .lt_fixtures import require_languagetool


@pytest.fixture(scope="module")
def hp() -> Analyzer:
    return Analyzer(fl.Config(grammar="harper"))


def gm(report: fl.Report) -> list[fl.Suggestion]:
    return [s for s in report.suggestions if s.code.startswith("GM")]


def test_findings_land_on_their_gm_rules(hp: Analyzer) -> None:
    text = (
        "Dear Sam,\n\nThank you for the intervew. I has enjoyed the the tour, and i learned a lot. "
        "Their are many reasons I want this role.\n\nBest,\nAna"
    )
    report = hp.analyze(text)
    assert report.grammar["backend"] == "harper" and "Harper" in report.grammar["note"]
    found = {(s.code, s.text) for s in gm(report)}
    assert ("GM001", "intervew") in found
    assert ("GM006", "has") in found
    assert ("GM002", "the the") in found
    assert ("GM003", "i") in found
    assert any(code == "GM005" and text.startswith("Their") for code, text in found)
    spelling = next(s for s in gm(report) if s.code == "GM001")
    assert spelling.source_rule == "SpellCheck" and "interview" in spelling.replacements
    repeat = next(s for s in gm(report) if s.code == "GM002")
    assert repeat.fix == "the"  # a doubled word has one safe fix
    assert_spans_exact(report)


def test_kind_mapping() -> None:
    assert kind_of("SpellCheck", "Spelling") == "spelling"
    assert kind_of("PronounVerbAgreement", "Agreement") == "grammar"
    assert kind_of("ThenThan", "Miscellaneous") == "confusion"
    assert kind_of("RepeatedWords", "Repetition") == "repetition"
    assert kind_of("Spaces", "Formatting") == "whitespace"
    assert kind_of("SentenceCapitalization", "Capitalization") == "capitalization"
    assert kind_of("Excellent", "Enhancement") == "style"


def test_spans_after_astral_characters(hp: Analyzer) -> None:
    text = "Dear Sam 😊👍🏽,\n\nThank you 🙏 for the tour 𝒜𝒷. I has enjoyed it 🎉 and the the team.\n\nBest,\nAna"
    report = hp.analyze(text)
    found = {s.code: s for s in gm(report)}
    assert found["GM006"].text == "has" and found["GM002"].text == "the the"
    for s in found.values():
        assert s.span.utf16_start == len(text[: s.span.start].encode("utf-16-le")) // 2
    assert_spans_exact(report)
    raw = HarperChecker().check("🙏𝒜 I has it.")
    assert [(i.start, i.end) for i in raw if i.kind == "grammar"] == [(5, 8)]


def test_names_vocabulary_and_british_spelling_are_accepted(hp: Analyzer) -> None:
    ctx = fl.Context(interviewer="Siobhan Nguyen-Okafor", company="Zyxtronix", topics=["Kubeflow pipelines"])
    text = (
        "Dear Siobhan,\n\nThank you for showing me how Zyxtronix runs Kubeflow pipelines. I realised the "
        "organisation's colour-coded programme suits my favourite way of working. Terraformix is next.\n\nBest,\nAna"
    )
    report = hp.analyze(text, ctx, vocabulary=("Terraformix",))
    assert not [s for s in gm(report) if s.code == "GM001"], gm(report)


def test_accepted_words_reach_the_backend() -> None:
    issues = HarperChecker().check("We use zorblatt daily.")
    assert [i.source_rule for i in issues] == ["SpellCheck"]
    assert HarperChecker().check("We use zorblatt daily.", accepted_words={"Zorblatt"}) == []


def test_a_chosen_dialect_spells_for_that_dialect_only() -> None:
    text = "The organisation uses colour and the organization uses color."
    assert [i for i in HarperChecker().check(text) if i.kind == "spelling"] == []
    american = {text[i.start : i.end] for i in HarperChecker("american").check(text) if i.kind == "spelling"}
    assert american == {"organisation", "colour"}
    british = {text[i.start : i.end] for i in HarperChecker("british").check(text) if i.kind == "spelling"}
    assert "colour" not in british and "organisation" not in british


def test_misspellings_that_look_like_british_endings_are_still_found() -> None:
    # British words pass because Harper's British dictionary knows them, not because their
    # ending can be rewritten: "-ement" -> "-ment" or "ae" -> "e" would pass these misspellings.
    # "familes" draws Harper's SplitWords rather than SpellCheck: still not a British word.
    text = (
        "Our arguement about the developement plan took a yaer. Its acknowledgements were kind to familes, "
        "and the data was anonymised."
    )
    found = {text[i.start : i.end] for i in HarperChecker().check(text) if i.kind == "spelling"}
    assert found == {"arguement", "developement", "yaer", "familes"}


def test_prefixed_forms_of_known_words_are_not_misspellings() -> None:
    text = "The call went unreturned, so we hired non-specialists and the recertification went ahead."
    assert [text[i.start : i.end] for i in HarperChecker().check(text) if i.kind == "spelling"] == []
    # the word after the prefix must be known: a misspelling behind a prefix is still one
    typo = "The mail went unreturnd."
    assert [typo[i.start : i.end] for i in HarperChecker().check(typo)] == ["unreturnd"]


def test_hyphenated_prefixes_are_style_and_spaced_ones_spelling() -> None:
    hyphen = HarperChecker().check("It was a non-stop week.")
    assert [(i.source_rule, i.kind) for i in hyphen] == [("DisjointPrefixes", "style")]
    spaced = HarperChecker().check("We dis agreed on the plan.")
    assert [(i.source_rule, i.kind) for i in spaced] == [("DisjointPrefixes", "spelling")]


def test_acronyms_and_names_are_not_merged_words() -> None:
    assert [i for i in HarperChecker().check("She is an ENT specialist at the clinic.") if i.kind != "style"] == []
    merged = HarperChecker().check("I agree whole heartedly with the plan.")
    assert [i.source_rule for i in merged] == ["MergeWords"]


def test_a_copular_sentence_is_not_missing_a_preposition() -> None:
    assert HarperChecker().check("Lawyers are young people.") == []


def test_a_whole_email_with_names_times_and_addresses_is_clean(hp: Analyzer) -> None:
    text = (
        "Dear Ms. Achterberg,\n\nThank you for meeting with me on Tuesday at 3:30pm about the Data Analyst role. "
        "I enjoyed hearing how your team moved its dashboards to Looker, and I am excited about the "
        "next steps.\n\nBest regards,\nTomás Aguilar\n+1 (512) 555-0147\ntomas.aguilar@example.com\n"
        "linkedin.com/in/tomas-aguilar"
    )
    report = hp.analyze(text, fl.Context(interviewer="Ms. Achterberg"))
    assert gm(report) == [], gm(report)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sam,\n\nThanks again.\n\nCheers\nAna Lopez",
        "Thanks,\nana",
        "Hi Sam -\n\nThanks!\n-Ana\nSent from my iPhone",
        "My GitHub is github.com/ana-l and my cell is 555.123.4567; see you at 10:30 a.m. on 3/14.",
        "I led SMED, Kaizen and 5S rollouts using SAP, Jira and PowerBI; my KPIs improved 12% QoQ.",
    ],
)
def test_no_false_alarms_on_email_furniture(text: str) -> None:
    # Without the analyzer's accepted words: the backend alone stays quiet on these.
    assert [i for i in HarperChecker().check(text) if i.kind != "style"] == []


def test_a_misspelling_is_still_found_at_a_sentence_start() -> None:
    text = "Dear Sam,\n\nThank you. Tommorow works for me."
    assert [text[i.start : i.end] for i in HarperChecker().check(text)] == ["Tommorow"]


def test_our_own_rules_are_not_repeated(hp: Analyzer) -> None:
    report = hp.analyze("Hey Sam,\n\nThanks!!! I REALLY want this job, thx 🙌 [Job Title].\n\nBest,\nAna")
    word_level = [s for s in report.suggestions if s.code in ("FM001", "FM002", "FM003", "FM004", "FM006", "ST003")]
    assert len(word_level) >= 3
    for s in word_level:
        echoes = [g for g in gm(report) if g.span.start < s.span.end and s.span.start < g.span.end]
        assert not echoes, (s, echoes)


def test_one_linter_is_shared_and_safe_across_threads() -> None:
    text = "I has enjoyed the the tour. " * 20
    expected = HarperChecker().check(text)
    results: list[list[GrammarIssue]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(HarperChecker().check(text))
        except BaseException as exc:  # collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 6 and all(r == expected for r in results)
    assert len(harper_mod._linters) >= 1


def test_import_does_not_load_harper() -> None:
    code = "import sys, followup_lint; print('harper' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_linter_starts_building_before_spacy_loads() -> None:
    # A fresh interpreter: record, when the spaCy pipeline starts loading, whether Harper's
    # linter is already on its way (so the two loads overlap in a cold CLI run).
    code = (
        "import followup_lint as fl, followup_lint.nlp.loading as L, followup_lint.grammar.harper as H\n"
        "real = L.load_pipeline; seen = []\n"
        "def spy(*a, **k):\n"
        "    seen.append(bool(H._preloading or H._linters)); return real(*a, **k)\n"
        "L.load_pipeline = spy\n"
        "fl.Analyzer(grammar='harper').analyze('Thank you for the interview.')\n"
        "print(seen)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[True]"


def test_pathological_input_is_bounded() -> None:
    text = "x" * 100_000 + " I has it."  # one huge word: Harper alone would ask for gigabytes
    result = HarperChecker().run(text)
    assert result.note and "characters" in result.note
    slow = HarperChecker(time_budget=0.0).run("I has enjoyed the tour.\n\n" * 400)
    assert "took too long" in slow.note


def test_import_failure_falls_back_to_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    # A platform without a Harper wheel: the real library cannot be made to fail to import.
    monkeypatch.setattr(harper_mod, "_linters", {})
    monkeypatch.setitem(sys.modules, "harper", None)
    for mode in ("harper", "auto"):
        monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", "/nonexistent-followup-lint")
        run = GrammarChecker(mode).check("Thank you for the the interview.")
        if mode == "auto" and run.backend == "languagetool":
            continue  # LanguageTool ran; Harper's absence is in the note
        assert run.backend == "builtin" and "Harper could not be loaded" in run.note
        assert [i.kind for i in run.issues] == ["repetition"]


class _Raising:
    def organized_lints(self, text: str, **options: Any) -> dict[str, Any]:
        raise RuntimeError("simulated panic")


def test_a_raising_linter_leaves_the_report_intact(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fake linter: the real one cannot be made to raise on purpose.
    import harper

    monkeypatch.setattr(harper_mod, "_linters", {"": (harper, _Raising())})
    report = Analyzer(fl.Config(grammar="harper")).analyze("Dear Sam,\n\nThank you for the the tour.\n\nBest,\nAna")
    assert report.grammar["backend"] == "builtin"
    assert "Harper failed during the check" in report.grammar["note"]
    assert report.score is not None and "GM002" in {s.code for s in report.suggestions}


def test_languagetool_is_retried_after_a_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    checker = GrammarChecker("languagetool", languagetool_url=f"http://127.0.0.1:{port}/", timeout=1.0)
    attempts = []
    real = checker._languagetool

    def counted() -> object:
        attempts.append(1)
        return real()

    monkeypatch.setattr(checker, "_languagetool", counted)
    assert checker.check("Thank you for the the tour.").backend == "builtin"
    checker.check("Thank you for the the tour.")
    assert len(attempts) == 1  # a fresh failure is not retried at once
    checker._failed_at -= checker_mod.RETRY_AFTER
    checker.check("Thank you for the the tour.")
    assert len(attempts) == 2


def test_builtin_double_spaces_are_whitespace_with_a_safe_fix() -> None:
    issues = BuiltinChecker().check("Thank you  for the tour , and the lunch.  \nBest")
    kinds = {(i.source_rule, i.kind, i.safe_fix) for i in issues}
    assert ("BUILTIN_DOUBLE_SPACE", "whitespace", True) in kinds
    assert ("BUILTIN_TRAILING_SPACE", "whitespace", True) in kinds
    assert ("BUILTIN_SPACE_BEFORE_PUNCTUATION", "punctuation", True) in kinds


def test_merge_counts_each_problem_once() -> None:
    lt = [GrammarIssue(2, 5, "LT agreement", "grammar", "LT_A"), GrammarIssue(10, 14, "LT style", "style", "LT_S")]
    hp = [
        GrammarIssue(2, 5, "Harper agreement", "grammar", "H_A", replacements=("have",)),  # same span
        GrammarIssue(11, 13, "Harper style", "style", "H_S"),  # overlapping, same kind, narrower
        GrammarIssue(12, 15, "Harper spelling", "spelling", "H_SP"),  # overlapping, other kind: kept
        GrammarIssue(20, 22, "Harper only", "grammar", "H_O"),
    ]
    merged = merge_issues(lt, hp)
    assert [i.source_rule for i in merged] == ["H_A", "H_S", "H_SP", "H_O"]


@pytest.mark.languagetool
def test_auto_merges_languagetool_and_harper_without_doubles() -> None:
    require_languagetool()
    analyzer = Analyzer(fl.Config(grammar="auto"))
    text = "Dear Sam,\n\nI has enjoyed the the tour and the intervew. Thank you for you're time.\n\nBest,\nAna"
    report = analyzer.analyze(text)
    assert report.grammar["backend"] == "languagetool+harper", report.grammar
    found = gm(report)
    spans = [(s.span.start, s.span.end) for s in found]
    assert len(spans) == len(set(spans)), found
    for a in found:
        for b in found:
            if a is not b and a.code == b.code:
                assert not (a.span.start < b.span.end and b.span.start < a.span.end), (a, b)
    texts = {s.text for s in found}
    assert {"has", "the the", "intervew"} <= texts and any("you" in t for t in texts)
    assert_spans_exact(report)


def test_looking_forward_to_hear_is_found_and_stdout_stays_a_clean_report(tmp_path: Any) -> None:
    # harper-py 0.2's rule for it printed a debugging line to file descriptor 1; it is off, and the tag check reports the error
    draft = tmp_path / "note.txt"
    draft.write_text(
        "Dear Ms. Chen,\n\nThank you for the interview. I am looking forward to hear from you.\n\nBest,\nSam Reyes",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", str(draft), "--grammar", "harper", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    import json

    records = json.loads(run.stdout)  # the whole of standard output is the report
    rules = [s["source_rule"] for s in records[0]["suggestions"] if s["code"].startswith("GM")]
    assert "TAG_FORWARD_TO_BASE" in rules  # Harper's own rule for it printed to standard output


def test_only_the_kept_rules_run() -> None:
    import harper

    linter = harper.Linter()
    config = harper_mod._lint_config(linter)
    kept = set(harper_mod._kept_rules())
    assert {"SpellCheck", "AnA", "LookingForwardTo"} <= kept
    assert config["SpellCheck"] is None and config["Akimbo"] is False  # an idiom rule that never fires here
    assert all(config[name] is False for name in harper_mod.DISABLED_RULES if name in config)
    assert sum(v is None for v in config.values()) == len(kept - set(harper_mod.DISABLED_RULES))
