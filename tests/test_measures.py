"""The graded formality and politeness measures: ordering on sentences written for these
tests, cannot-judge cases, bounded hostile input and the validation of measures.toml."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from followup_lint import Context, Stage
from followup_lint.analyzer import Analyzer
from followup_lint.data import load_data
from followup_lint.measures import (
    Measure,
    MeasureDataError,
    evidence_line,
    formality,
    formality_of_sentences,
    measure_sentences,
    politeness,
    politeness_of_sentences,
    validate,
)
from followup_lint.measures.features import Text
from followup_lint.measures.features import formality as fx_formality
from followup_lint.measures.lexicons import COUNTED_LISTS, Matcher, spec
from followup_lint.nlp.loading import find_model

ROOT = Path(__file__).resolve().parent.parent

CASUAL = "hey so i'm gonna be around tmrw lol, u still want the notes??"
NEUTRAL = "I can send the notes tomorrow if you still want them."
FORMAL = (
    "The committee will circulate the revised proposal, together with the supporting "
    "documentation, before the quarterly review."
)
DEMAND = "Send me the offer letter today."
REQUEST = "Could you please let me know when you expect to reach a decision? Thank you."


def score(m: Measure) -> float:
    assert m.score is not None, m.reason
    return m.score


def test_formality_orders_casual_neutral_formal() -> None:
    assert score(formality(CASUAL)) < score(formality(NEUTRAL)) < score(formality(FORMAL))


def test_formality_stays_within_bounds_and_its_features_add_up() -> None:
    for text in (CASUAL, NEUTRAL, FORMAL):
        m = formality(text)
        assert 0 <= score(m) <= 100
        assert sum(f.contribution for f in m.features) == pytest.approx(score(m) - 50, abs=0.1)


def test_casual_evidence_names_what_moved_it() -> None:
    m = formality(CASUAL)
    names = {f.name for f in m.features}
    assert {"contractions", "slang", "lowercase_i"} <= names
    line = evidence_line(m, top=10)
    assert "slang" in line and "contractions 1" in line


def test_evidence_line_formats_levels_with_their_label() -> None:
    line = evidence_line(formality(FORMAL), top=10)
    assert "average word length" in line


@pytest.mark.parametrize(
    ("worse", "better"),
    [
        (DEMAND, REQUEST),
        ("Why haven't you answered my email?", "I wanted to ask whether there is any update on the role."),
        ("Can you send the schedule?", "Could you send the schedule?"),
        (
            "Per my last email, I have written three times and still no reply.",
            "I hope you are well; I would be grateful for any news on the timeline.",
        ),
        ("Sorry to bother you again, sorry, I apologise for writing.", "Sorry for the late reply."),
    ],
)
def test_politeness_orders_requests(worse: str, better: str) -> None:
    assert score(politeness(worse)) < score(politeness(better))


def test_politeness_of_a_pushy_note_is_below_neutral() -> None:
    m = politeness("I need an answer by Friday or I will accept another offer.")
    assert score(m) < 50
    assert m.feature("pushy") is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("!" * 50, "no words"),
        ("12345 678", "no words"),
        ("Tuesday.", "too short"),
    ],
)
def test_cannot_judge_says_why(text: str, reason: str) -> None:
    for m in (formality(text), politeness(text)):
        assert m.score is None
        assert reason in m.reason
        assert evidence_line(m) == m.reason


def test_a_line_of_emoji_is_judged_informal() -> None:
    m = formality("😊🎉👍")
    assert score(m) < 50 and m.feature("emoji") is not None


def test_an_all_caps_paragraph_is_shouting() -> None:
    text = "I REALLY NEED THIS JOB AND I AM WAITING FOR YOUR ANSWER. PLEASE RESPOND TODAY."
    calm = "I really need this job and I am waiting for your answer. Please respond today."
    assert score(formality(text)) < score(formality(calm))
    assert politeness(text).feature("shouting") is not None


def test_draft_level_is_length_weighted_with_detail() -> None:
    sentences = [CASUAL, FORMAL]
    m = formality_of_sentences(sentences)
    each = [score(s) for s in m.sentences]
    assert len(m.sentences) == 2
    assert min(each) < score(m) < max(each)
    # the longer, formal sentence weighs more than a plain average would give it
    assert score(m) > sum(each) / 2
    assert sum(f.contribution for f in m.features) == pytest.approx(score(m) - 50, abs=0.2)


def test_draft_level_skips_sentences_it_cannot_judge() -> None:
    m = politeness_of_sentences(["!!!", REQUEST])
    assert m.sentences[0].score is None
    assert m.score == m.sentences[1].score
    none = formality_of_sentences(["", "???"])
    assert none.score is None and none.reason


def test_draft_level_needs_one_token_list_per_sentence() -> None:
    with pytest.raises(ValueError, match="2 sentences but 1"):
        formality_of_sentences([CASUAL, FORMAL], tokens=[[("hey", "UH")]])


def test_spacy_tags_find_an_order_the_verb_list_does_not_know() -> None:
    import spacy

    nlp = spacy.load(find_model(), exclude=["parser", "ner", "lemmatizer", "attribute_ruler"])
    text = "Arrange a call with the manager."
    tokens = [(t.text, t.tag_) for t in nlp(text)]
    assert politeness(text).feature("imperative_start") is None
    assert politeness(text, tokens).feature("imperative_start") is not None


def test_no_counted_word_list_counts_one_phrase_twice() -> None:
    # entries of a counted list must not overlap: each plain entry, alone, counts exactly once
    for name in COUNTED_LISTS:
        matcher = Matcher(spec().words[name])
        for entry in [*matcher.plain, *(p.strip() for p in matcher.phrases)]:
            t = Text(entry)
            assert t.count(matcher) == 1, (name, entry)


HOSTILE = """
import json, sys
from followup_lint.measures import formality, politeness, formality_of_sentences
cases = {
    "one word": "Thanks.",
    "emoji": "😊🎉👍🙏" * 500,
    "caps": "I REALLY NEED AN ANSWER ABOUT THIS JOB TODAY. PLEASE RESPOND. " * 200,
    "bangs": "!" * 5000,
    "long": "Thank you for the interview, I enjoyed it and would welcome any update. " * 770,
    "no spaces": "a" * 100000,
    "apostrophes": "'" * 20000 + "x",
    "dots": ". " * 20000,
}
out = {}
for name, text in cases.items():
    f, p = formality(text), politeness(text)
    out[name] = [f.score, f.reason, p.score, p.reason]
out["sentences"] = formality_of_sentences(["Thank you, Sam."] * 5000).score
print(json.dumps(out))
"""


def test_hostile_input_is_bounded_and_graded_or_explained() -> None:
    # a generous deadline: the point is that nothing is quadratic or hangs
    done = subprocess.run([sys.executable, "-c", HOSTILE], capture_output=True, text=True, timeout=120, check=True)
    out: dict[str, Any] = json.loads(done.stdout)
    for name in ("caps", "long"):
        f_score, _, p_score, _ = out[name]
        assert 0 <= f_score <= 100 and 0 <= p_score <= 100, name
    assert out["no spaces"][2] is None and len(out["no spaces"][3]) < 80
    assert out["emoji"][0] < 50 and out["emoji"][2] is None and "no words" in out["emoji"][3]
    assert out["bangs"][0] is None and "no words" in out["bangs"][1]
    assert out["caps"][0] < 30  # shouting
    assert out["long"][2] > 50  # thanks and hopes, ten thousand times
    assert 0 <= out["sentences"] <= 100


# -------------------------------------------------------------------- data-file validation


def packaged() -> dict[str, Any]:
    return copy.deepcopy(load_data("measures"))


def bad(mutate: Any) -> str:
    data = packaged()
    mutate(data)
    with pytest.raises(MeasureDataError) as err:
        validate(data, "measures.toml")
    return str(err.value)


def test_packaged_data_is_valid() -> None:
    s = validate(packaged())
    assert s.formality["contractions"].weight < 0 < s.politeness["gratitude"].weight


def test_unknown_feature_is_named() -> None:
    msg = bad(lambda d: d["formality"]["features"].update(sarcasm={"kind": "count", "weight": 1, "cap": 1}))
    assert "measures.toml" in msg and "[formality.features] sarcasm" in msg


def test_missing_feature_is_named() -> None:
    msg = bad(lambda d: d["politeness"]["features"].pop("gratitude"))
    assert "[politeness.features] gratitude is missing" in msg


def test_bad_weight_is_named() -> None:
    msg = bad(lambda d: d["formality"]["features"]["slang"].update(weight="a lot"))
    assert "[formality.features] slang.weight must be a number" in msg


def test_bad_kind_and_cap_are_named() -> None:
    assert "slang.kind" in bad(lambda d: d["formality"]["features"]["slang"].update(kind="ratio"))
    assert "slang.cap must be above 0" in bad(lambda d: d["formality"]["features"]["slang"].update(cap=0))
    assert "slang.wieght: unknown field" in bad(lambda d: d["formality"]["features"]["slang"].update(wieght=1))


def test_bad_word_list_is_named() -> None:
    assert "[words] hedges: '(maybe' is not a valid pattern" in bad(lambda d: d["words"]["hedges"].append("(maybe"))
    assert "[words] negative must be a non-empty list" in bad(lambda d: d["words"].update(negative=[]))
    assert "[words] swearing: no such word list" in bad(lambda d: d["words"].update(swearing=["x"]))


def test_bad_scale_is_named() -> None:
    assert "[scale] spread must be above 0" in bad(lambda d: d["scale"].update(spread=-1))
    assert "[scale] is missing" in bad(lambda d: d.pop("scale"))


def test_draft_level_sentences_equal_single_sentence_measures() -> None:
    # one scan over all sentences must count exactly what a scan of each sentence counts
    sentences = [CASUAL, "Per my last email: still no reply!", REQUEST, FORMAL, "I'm sorry, sorry again."]
    f, p = measure_sentences(sentences)
    assert f == formality_of_sentences(sentences) and p == politeness_of_sentences(sentences)
    for s, fm, pm in zip(sentences, f.sentences, p.sentences, strict=True):
        assert fm == formality(s) and pm == politeness(s)


# ------------------------------------------------------------- what version 2 changed


def test_a_dotted_abbreviation_or_a_capital_letter_is_not_text_speak() -> None:
    # "U.S." once read as the text-speak "u" (slang and second person), "R" as "r"
    m = formality("The U.S. Senate and the R Street Institute met in Washington last week.")
    assert m.feature("slang") is None and m.feature("second_person") is None
    assert formality("u coming tmrw?").feature("slang") is not None  # lower case still is


def test_sentence_length_stops_counting_past_about_32_words() -> None:
    # raters hear no difference between a 40- and a 64-word sentence; a 16-word one is
    # clearly less formal than a 32-word one
    weight = spec().formality["sentence_length"]

    def points(n: int) -> float:
        observed = fx_formality(Text(" ".join(["word"] * (n - 1)) + " end."))
        return weight.points(observed["sentence_length"][1])

    assert points(40) == points(64)
    assert points(16) < points(32)


def test_a_direct_start_reads_ruder_than_a_direct_question() -> None:
    # Danescu-Niculescu-Mizil et al. 2013: a request that opens "So," is among the least polite
    assert score(politeness("So, when will you decide?")) < score(politeness("When will you decide?"))


def test_a_plain_note_in_short_full_sentences_is_formal_enough(analyzer: Analyzer) -> None:
    text = (
        "Subject: Data analyst interview\n\nDear Mr. Okafor,\n\nThank you for the interview on "
        "Monday. I enjoyed meeting the team. I remain interested in the role.\n\nBest regards,\nLee Park"
    )
    report = analyzer.analyze(text, Context(stage=Stage.THANK_YOU))
    assert report.dimensions["formality"].score == 100


def test_lower_casing_that_changes_length_keeps_matches_in_their_sentence() -> None:
    # "İ" lower-cases to two characters: the lower-cased batch keeps its own offsets
    sentences = ["İİİİ İSTANBUL İZMİR.", "Perhaps we could meet.", "Thank you."]
    _, p = measure_sentences(sentences)
    for s, pm in zip(sentences, p.sentences, strict=True):
        assert pm == politeness(s)


# --------------------------------------------- against people (only when the data is there)


def shared_data() -> Path | None:
    for candidate in (os.environ.get("FOLLOWUP_LINT_DATA"), str(ROOT.parent / "shared" / "data")):
        if candidate and (Path(candidate) / "formality").is_dir() and (Path(candidate) / "politeness").is_dir():
            return Path(candidate)
    return None


@pytest.mark.slow
def test_held_out_figures_against_human_ratings() -> None:
    # The figures of benchmarks/REPORT.md on the two thirds no weight was chosen on; the
    # ratings are read where they lie and never copied (skipped in a clone without them).
    data = shared_data()
    if data is None:
        pytest.skip("shared data folder not found (set FOLLOWUP_LINT_DATA)")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality_measures as q

    rho = {}
    for domain in q.DOMAINS:
        _, held = q.split(q.load_formality(data, domain))
        rho[domain] = q.spearman([q._score(formality(t)) for t, _ in held], [h for _, h in held])
    assert rho["answers"] >= 0.65 and rho["blog"] >= 0.65 and rho["news"] >= 0.44, rho
    _, held = q.split(q.load_politeness(data))
    top, bottom = q.quartiles(held)
    auc = q.auc([q._score(politeness(t)) for t in top], [q._score(politeness(t)) for t in bottom])
    assert auc >= 0.85, auc
