"""Train the sentence-move model from ``corpus/`` (deterministic; fixed seed).

    python -m followup_lint.training [--out models]

Steps: split sentences by family (70/10/20); pick the regularisation on the validation split;
fit a temperature on it so probabilities are calibrated; refit on train + validation; measure
on the held-out test split and on the challenge set (never used for fitting or choosing), next
to the keyword baseline; save the model with skops plus its numpy export, a sidecar with
checksums and metrics, and the metrics section of the model card.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..classifier.features import CUE_NAMES, char_ngrams, cues, word_ngrams
from ..types import MOVES
from .card import draft_scores, write_card_metrics
from .corpus import CHALLENGE_SETS, Sentence, corpus_dir, corpus_hash, load_sentences, split_of
from .evaluate import evaluate, expected_calibration_error, fit_temperature, keyword_predictions, softmax
from .export import export_runtime
from .skops_io import TRUSTED_TYPES

SEED = 13
C_GRID = (0.1, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0)
VERSION = "1"


def tag_texts(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
    """(token, fine tag) pairs from the same spaCy pipeline the analyzer uses."""
    from ..nlp.loading import load_pipeline

    nlp = load_pipeline(labeller="keywords")
    with nlp.select_pipes(disable=["followup_moves", "followup_line_breaks"]):
        return [[(t.text, t.tag_) for t in doc] for doc in nlp.pipe(texts, batch_size=256)]


class Featurizer:
    """The scikit-learn side of the features: two TF-IDF blocks and scaled cues."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import StandardScaler

        self.word = TfidfVectorizer(analyzer=word_ngrams, sublinear_tf=True, min_df=2, dtype=np.float64)
        self.char = TfidfVectorizer(analyzer=char_ngrams, sublinear_tf=True, min_df=2, dtype=np.float64)
        self.scaler = StandardScaler()

    def fit(self, texts: Sequence[str], tokens: Sequence[Sequence[tuple[str, str]]]) -> Featurizer:
        self.word.fit(texts)
        self.char.fit(texts)
        self.scaler.fit(np.array([cues(t, k) for t, k in zip(texts, tokens)]))
        return self

    def transform(self, texts: Sequence[str], tokens: Sequence[Sequence[tuple[str, str]]]) -> Any:
        from scipy.sparse import csr_matrix, hstack

        cue = self.scaler.transform(np.array([cues(t, k) for t, k in zip(texts, tokens)]))
        return hstack([self.word.transform(texts), self.char.transform(texts), csr_matrix(cue)]).tocsr()


def _classifier(c: float) -> Any:
    # A linear SVM (one-vs-rest) generalised better to unseen families than logistic regression
    # on the validation split; its margins become probabilities through the fitted temperature.
    from sklearn.svm import LinearSVC

    return LinearSVC(C=c, class_weight="balanced", max_iter=20000, random_state=SEED)


def train(out: Path, *, quiet: bool = False) -> dict[str, Any]:
    import sklearn
    import skops
    import skops.io as sio

    def say(msg: str) -> None:
        if not quiet:
            print(msg, file=sys.stderr)

    started = time.perf_counter()
    root = corpus_dir()
    sentences = load_sentences(root / "sentences")
    held: dict[str, list[Sentence]] = {
        name: load_sentences(root / "challenge", pattern) if (root / "challenge").is_dir() else []
        for name, pattern in CHALLENGE_SETS.items()
    }
    challenge = [s for rows in held.values() for s in rows]
    say(f"{len(sentences)} labelled sentences, {len(challenge)} challenge sentences")
    parts = {name: [s for s in sentences if split_of(s.family) == name] for name in ("train", "validation", "test")}
    all_texts = [s.text for s in sentences] + [s.text for s in challenge]
    tagged = dict(zip(all_texts, tag_texts(all_texts)))

    def xy(rows: Sequence[Sentence]) -> tuple[list[str], list[list[tuple[str, str]]], np.ndarray]:
        return (
            [r.text for r in rows],
            [tagged[r.text] for r in rows],
            np.array([MOVES.index(r.label) for r in rows]),
        )

    tr_t, tr_k, tr_y = xy(parts["train"])
    va_t, va_k, va_y = xy(parts["validation"])
    feat = Featurizer().fit(tr_t, tr_k)
    x_tr, x_va = feat.transform(tr_t, tr_k), feat.transform(va_t, va_k)
    scores = {}
    from sklearn.metrics import f1_score

    for c in C_GRID:
        clf = _classifier(c).fit(x_tr, tr_y)
        scores[c] = f1_score(va_y, clf.predict(x_va), average="macro")
        say(f"  C={c:<5} validation macro-F1 {scores[c]:.4f}")
    best_c = max(C_GRID, key=lambda c: (round(scores[c], 4), -c))
    clf = _classifier(best_c).fit(x_tr, tr_y)
    temperature = fit_temperature(clf.decision_function(x_va), va_y)
    say(f"chosen C={best_c}, temperature={temperature:.3f}")

    # The shipped model: refit on train + validation; test and challenge stay unseen.
    fit_rows = parts["train"] + parts["validation"]
    f_t, f_k, f_y = xy(fit_rows)
    feat = Featurizer().fit(f_t, f_k)
    clf = _classifier(best_c).fit(feat.transform(f_t, f_k), f_y)

    metrics: dict[str, Any] = {
        "C": best_c,
        "temperature": temperature,
        "trained_on": len(fit_rows),
        "splits": {k: len(v) for k, v in parts.items()},
        "model": {},
        "baseline": {},
    }
    for name, rows in (("test", parts["test"]), *held.items()):
        if not rows:
            continue
        t, k, y = xy(rows)
        dec = clf.decision_function(feat.transform(t, k))
        pred = [MOVES[i] for i in dec.argmax(axis=1)]
        metrics["model"][name] = evaluate([r.label for r in rows], pred)
        metrics["baseline"][name] = evaluate([r.label for r in rows], keyword_predictions(rows))
        if name == "test":
            metrics["ece_before"] = expected_calibration_error(softmax(dec), y)
            metrics["ece_after"] = expected_calibration_error(softmax(dec / temperature), y)
        say(
            f"{name}: model macro-F1 {metrics['model'][name]['macro_f1']:.3f}, "
            f"keywords {metrics['baseline'][name]['macro_f1']:.3f}"
        )

    out.mkdir(parents=True, exist_ok=True)
    for vectorizer in (feat.word, feat.char):
        # every n-gram cut by min_df, kept only for introspection (older scikit-learn)
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
    skops_path = out / "moves.skops"
    sio.dump(
        {
            "word_vectorizer": feat.word,
            "char_vectorizer": feat.char,
            "cue_scaler": feat.scaler,
            "classifier": clf,
            "labels": list(MOVES),
            "cue_names": list(CUE_NAMES),
            "temperature": temperature,
        },
        skops_path,
        compression=zipfile.ZIP_DEFLATED,
        compresslevel=9,
    )
    untrusted = sorted(sio.get_untrusted_types(file=skops_path))
    unexpected = set(untrusted) - set(TRUSTED_TYPES)
    if unexpected:
        raise RuntimeError(f"the saved model needs types outside the reviewed list: {sorted(unexpected)}")
    arrays, vocab = export_runtime(out, feat, clf, temperature)
    from ..classifier.model import sha256_of

    meta = {
        "name": "moves",
        "version": VERSION,
        "labels": list(MOVES),
        "cue_names": list(CUE_NAMES),
        "seed": SEED,
        "files": {
            "skops": {
                "name": skops_path.name,
                "sha256": sha256_of(skops_path),
                "bytes": skops_path.stat().st_size,
            },
            "runtime_arrays": {
                "name": arrays.name,
                "sha256": sha256_of(arrays),
                "bytes": arrays.stat().st_size,
            },
            "runtime_vocab": {
                "name": vocab.name,
                "sha256": sha256_of(vocab),
                "bytes": vocab.stat().st_size,
            },
        },
        "untrusted_types": untrusted,
        "corpus_sha256": corpus_hash([root / "sentences", root / "challenge"]),
        "versions": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "skops": skops.__version__,
            "numpy": np.__version__,
        },
        "metrics": {
            "test_macro_f1": metrics["model"]["test"]["macro_f1"],
            "challenge_macro_f1": metrics["model"].get("challenge", {}).get("macro_f1"),
            "baseline_test_macro_f1": metrics["baseline"]["test"]["macro_f1"],
            "baseline_challenge_macro_f1": metrics["baseline"].get("challenge", {}).get("macro_f1"),
            "challenge_real_macro_f1": metrics["model"].get("challenge_real", {}).get("macro_f1"),
        },
    }
    (out / "moves.meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    from ..classifier.model import load_move_model

    load_move_model.cache_clear()
    metrics["drafts"] = draft_scores(out, root / "drafts")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_card_metrics(out / "README.md", metrics)
    say(f"saved to {out} in {time.perf_counter() - started:.0f} s")
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m followup_lint.training", description=__doc__)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "models")
    args = p.parse_args(argv)
    train(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
