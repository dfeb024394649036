"""The corpus meets its datasheet: size, breadth, clean splits, valid drafts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import followup_lint as fl
from followup_lint.training.corpus import load_drafts, load_sentences, split_of
from followup_lint.training.datasheet import counts_markdown
from followup_lint.types import MOVES

ROOT = Path(__file__).resolve().parent.parent / "corpus"
SENTENCES = load_sentences(ROOT / "sentences")
CHALLENGE = load_sentences(ROOT / "challenge")  # both sets: c* (other phrasing) and r* (real-mail shapes)
DRAFTS = load_drafts(ROOT / "drafts")


def test_size_and_label_balance() -> None:
    assert len(SENTENCES) >= 4000
    counts = Counter(s.label for s in SENTENCES)
    assert set(counts) == set(MOVES)
    assert min(counts.values()) >= 200, counts


def test_breadth() -> None:
    assert len({s.industry for s in SENTENCES} - {"general"}) >= 15
    assert {s.register for s in SENTENCES} >= {"formal", "neutral", "casual", "clumsy"}
    assert {s.stage for s in SENTENCES} >= {"thank_you", "status_check", "final"}
    assert sum(s.hard for s in SENTENCES) >= 300


def test_families_are_small_and_splits_disjoint() -> None:
    sizes = Counter(s.family for s in SENTENCES)
    assert max(sizes.values()) <= 6
    by_text: dict[str, set[str]] = {}
    for s in SENTENCES:
        by_text.setdefault(s.text.strip().lower(), set()).add(split_of(s.family))
    leaks = [t for t, splits in by_text.items() if len(splits) > 1]
    assert not leaks, leaks[:5]


def test_challenge_is_separate_and_balanced() -> None:
    assert len(CHALLENGE) >= 300
    counts = Counter(s.label for s in CHALLENGE)
    assert set(counts) == set(MOVES) and min(counts.values()) >= 20
    training = {s.text.strip().lower() for s in SENTENCES}
    assert not [s.text for s in CHALLENGE if s.text.strip().lower() in training]


def test_drafts_are_valid() -> None:
    from followup_lint.rules import all_rules

    # problems no rule covers yet are named too (the rules to come are measured against them)
    names = {r.name for r in all_rules()} | {
        "re-pitch-in-final",
        "topics-not-mentioned",
        "generic-template",
        "panel-copy",
        "cliche",
        "title-case-shouting",
        "did-you-get-my-email",
        "asks-to-reconsider",
        "unfinished-draft",
        "unclear-withdrawal",
    }
    assert len(DRAFTS) >= 150
    assert Counter(str(d["quality"]) for d in DRAFTS).keys() == {"good", "weak", "bad"}
    assert {str(d["stage"]) for d in DRAFTS} <= {s.value for s in fl.Stage if s is not fl.Stage.AUTO}
    for d in DRAFTS:
        fl.Context.from_dict({**d["context"], "stage": d["stage"]})  # type: ignore[dict-item]
        unknown = set(d["problems"]) - names  # type: ignore[arg-type]
        assert not unknown, (d["id"], unknown)
        assert isinstance(d["body"], str) and d["body"].strip()


def test_datasheet_counts_are_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert counts_markdown(ROOT) in readme, "run `python -m followup_lint.training.datasheet`"


@pytest.mark.slow
def test_scores_rank_good_above_weak_above_bad() -> None:
    metrics = json.loads((ROOT.parent / "models" / "metrics.json").read_text())
    analyzer = fl.Analyzer(grammar="builtin")
    drafts = [fl.Draft.from_text(str(d["body"]), subject=d.get("subject") or None) for d in DRAFTS]  # type: ignore[arg-type]
    contexts = [fl.Context.from_dict({**d["context"], "stage": d["stage"]}) for d in DRAFTS]  # type: ignore[dict-item]
    reports = analyzer.analyze_many(drafts, contexts)
    means = {}
    for quality in ("good", "weak", "bad"):
        scores = [r.score for d, r in zip(DRAFTS, reports) if d["quality"] == quality and r.score is not None]
        means[quality] = sum(scores) / len(scores)
    assert means["good"] > means["weak"] > means["bad"], means
    recorded = {q: v["mean"] for q, v in metrics["drafts"]["model"].items()}
    assert recorded == {q: round(v, 1) for q, v in means.items()}, (
        "run `python -m followup_lint.training.card` to refresh the model card"
    )
