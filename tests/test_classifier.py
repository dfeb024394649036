"""The shipped move model: integrity, trusted types, runtime parity, reproducible metrics."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import followup_lint as fl
from followup_lint.classifier.model import ModelIntegrityError, load_move_model, models_dir, read_meta
from followup_lint.training.corpus import CHALLENGE_SETS, corpus_dir, load_sentences, split_of
from followup_lint.training.skops_io import TRUSTED_TYPES, load_skops_model
from followup_lint.types import MOVES

MODELS = models_dir()
META = read_meta(MODELS)
METRICS = json.loads((MODELS / "metrics.json").read_text(encoding="utf-8"))


def test_model_files_are_small() -> None:
    total = sum((MODELS / f["name"]).stat().st_size for f in META["files"].values())
    assert total < 5 * 1024 * 1024, total


def test_skops_file_needs_only_reviewed_types() -> None:
    import skops.io as sio

    untrusted = set(sio.get_untrusted_types(file=MODELS / META["files"]["skops"]["name"]))
    assert untrusted <= set(TRUSTED_TYPES), untrusted - set(TRUSTED_TYPES)
    assert sorted(untrusted) == META["untrusted_types"]


def _tampered_copy(tmp_path: Path, key: str) -> Path:
    folder = tmp_path / "models"
    shutil.copytree(MODELS, folder)
    target = folder / META["files"][key]["name"]
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return folder


@pytest.mark.parametrize("key", ["runtime_arrays", "runtime_vocab"])
def test_tampered_runtime_file_is_refused(tmp_path: Path, key: str) -> None:
    folder = _tampered_copy(tmp_path, key)
    with pytest.raises(ModelIntegrityError, match="refusing to load a modified model"):
        load_move_model(str(folder))


def test_tampered_skops_file_is_refused(tmp_path: Path) -> None:
    folder = _tampered_copy(tmp_path, "skops")
    with pytest.raises(ModelIntegrityError, match="sha256"):
        load_skops_model(folder)


def test_runtime_matches_scikit_learn_probabilities() -> None:
    from scipy.sparse import csr_matrix, hstack

    from followup_lint.classifier.features import cues
    from followup_lint.training.fit import tag_texts

    objs = load_skops_model(MODELS)
    runtime = load_move_model()
    texts = [
        "Dear Ms. Okafor,",
        "Thank you for taking the time to walk me through the dispatch system on Tuesday.",
        "How does the team split on-call duties?",
        "i rly need this job pls answer me",
        "I realised I didn't mention my forklift licence.",
        "Best regards,\nJordan Lee",
    ]
    tokens = tag_texts(texts)
    cue = objs["cue_scaler"].transform(np.array([cues(t, k) for t, k in zip(texts, tokens)]))
    x = hstack([objs["word_vectorizer"].transform(texts), objs["char_vectorizer"].transform(texts), csr_matrix(cue)])
    clf = objs["classifier"]
    order = [list(clf.classes_).index(MOVES.index(m)) for m in MOVES]
    z = clf.decision_function(x)[:, order] / objs["temperature"]
    expected = np.exp(z - z.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    got = np.array([runtime.probabilities(t, k) for t, k in zip(texts, tokens)])
    np.testing.assert_allclose(got, expected, atol=1e-9)
    # the analyzer scores a draft's sentences together: the same numbers as one at a time
    np.testing.assert_allclose(runtime.probabilities_many(texts, tokens), expected, atol=1e-9)
    assert runtime.probabilities_many([], []).shape == (0, len(MOVES))


@pytest.mark.slow
def test_held_out_figures_reproduce_and_meet_the_bar() -> None:
    from sklearn.metrics import f1_score

    from followup_lint.training.fit import tag_texts

    root = corpus_dir()
    test = [s for s in load_sentences(root / "sentences") if split_of(s.family) == "test"]
    held = {name: load_sentences(root / "challenge", pattern) for name, pattern in CHALLENGE_SETS.items()}
    model = load_move_model()
    for name, rows in (("test", test), *held.items()):
        tokens = tag_texts([s.text for s in rows])
        pred = [model.predict(s.text, k)[0] for s, k in zip(rows, tokens)]
        f1 = f1_score([s.label for s in rows], pred, labels=list(MOVES), average="macro", zero_division=0)
        assert f1 == pytest.approx(METRICS["model"][name]["macro_f1"], abs=0.002), name
    assert METRICS["model"]["test"]["macro_f1"] >= 0.90
    assert METRICS["model"]["challenge"]["macro_f1"] >= 0.80
    assert METRICS["model"]["challenge_real"]["macro_f1"] >= 0.85
    gap = METRICS["model"]["challenge"]["macro_f1"] - METRICS["baseline"]["challenge"]["macro_f1"]
    assert gap >= 0.10, gap


@pytest.mark.parametrize(
    ("sentence", "move"),
    [
        ("Thanks to my last manager I learned SQL.", "fit"),
        ("I'm curious about your timeline.", "next_steps"),
        ("Sorry to bother you again, but I really need this job.", "pressure"),
        ("Thank you for meeting with me on Tuesday.", "gratitude"),
        ("How does the team split on-call duties?", "question"),
        ("Attached are the writing samples you asked for.", "clarification"),
    ],
)
def test_hard_cases_from_the_labelling_guide(analyzer: fl.Analyzer, sentence: str, move: str) -> None:
    report = analyzer.analyze(f"Hi Sam,\n\n{sentence}\n\nBest,\nAlex")
    body = [s for s in report.sentences if s.text.strip() == sentence]
    assert body and body[0].move == move, [(s.text, s.move, s.confidence) for s in report.sentences]


def test_reports_carry_model_moves_and_confidences(analyzer: fl.Analyzer) -> None:
    report = analyzer.analyze(
        "Dear Maria,\n\nThank you! I look forward to hearing from you.\n\nBest regards,\nJordan Lee"
    )
    moves = [(s.text, s.move) for s in report.sentences]
    assert moves == [
        ("Dear Maria,", "greeting"),
        ("Thank you!", "gratitude"),
        ("I look forward to hearing from you.", "next_steps"),
        ("Best regards,\nJordan Lee", "sign_off"),
    ]
    assert all(0.0 < s.confidence <= 1.0 for s in report.sentences)
    assert report.versions["move_labeller"].startswith("model-")
