"""Train the sentence-move model from ``corpus/`` (deterministic; fixed seed).

    python -m followup_lint.classifier.train [--out models]

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
import re
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..types import MOVES
from .corpus import Sentence, corpus_dir, corpus_hash, load_drafts, load_sentences, split_of
from .features import CUE_NAMES, char_ngrams, cues, word_ngrams
from .keywords import keyword_label
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


def _fit_temperature(decision: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises validation log-loss (a one-parameter calibration)."""
    best_t, best_loss = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.02), np.log(4.0), 121)):
        z = decision / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -float(logp[np.arange(len(y)), y].mean())
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def expected_calibration_error(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    ece = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        mask = (conf > lo) & (conf <= lo + 1 / bins)
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return round(float(ece), 4)


def evaluate(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

    labels = list(MOVES)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "n": len(y_true),
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "accuracy": round(float(np.mean(np.array(y_true) == np.array(y_pred))), 4),
        "per_label": {
            lab: {
                "precision": round(float(p[i]), 3),
                "recall": round(float(r[i]), 3),
                "f1": round(float(f[i]), 3),
                "support": int(s[i]),
            }
            for i, lab in enumerate(labels)
        },
        "confusion": {
            "labels": labels,
            "matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        },
    }


def keyword_predictions(sentences: Sequence[Sentence]) -> list[str]:
    return [keyword_label(s.text)[0] for s in sentences]


def export_runtime(out: Path, feat: Featurizer, clf: Any, temperature: float) -> tuple[Path, Path]:
    """The linear model as plain arrays (read without scikit-learn at run time)."""
    # the classifier was fitted on indices into MOVES; put its rows in MOVES order
    classes = [int(x) for x in clf.classes_]
    order = [classes.index(i) for i in range(len(MOVES))]
    arrays = out / "moves.runtime.npz"
    vocab = out / "moves.vocab.json"
    np.savez_compressed(
        arrays,
        word_idf=feat.word.idf_,
        char_idf=feat.char.idf_,
        cue_mean=feat.scaler.mean_,
        cue_scale=np.where(feat.scaler.scale_ == 0, 1.0, feat.scaler.scale_),
        coef=clf.coef_[order],
        intercept=clf.intercept_[order],
        temperature=np.array(temperature),
    )
    vocab.write_text(
        json.dumps(
            {"word": _ordered(feat.word.vocabulary_), "char": _ordered(feat.char.vocabulary_)},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    return arrays, vocab


def _ordered(vocab: dict[str, Any]) -> dict[str, int]:
    return {k: int(v) for k, v in sorted(vocab.items(), key=lambda kv: int(kv[1]))}


def draft_scores(folder: Path, drafts_dir: Path) -> dict[str, Any]:
    """Mean overall score per document label (good, weak, bad) with the new model."""
    from .. import Config, Context
    from ..analyzer import Analyzer
    from ..draft import Draft

    records = load_drafts(drafts_dir)
    if not records:
        return {}
    out: dict[str, Any] = {}
    for labeller in ("model", "keywords"):
        analyzer = Analyzer(Config(grammar="builtin", labeller=labeller))
        texts = [Draft.from_text(str(r["body"]), subject=r.get("subject") or None) for r in records]  # type: ignore[arg-type]
        contexts = []
        for r in records:
            ctx = dict(r.get("context") or {})  # type: ignore[call-overload]
            ctx["stage"] = r.get("stage", "auto")
            contexts.append(Context.from_dict(ctx))
        reports = analyzer.analyze_many(texts, contexts)
        by: dict[str, list[float]] = {}
        for r, rep in zip(records, reports):
            if rep.score is not None:
                by.setdefault(str(r["quality"]), []).append(rep.score)
        out[labeller] = {q: {"n": len(v), "mean": round(float(np.mean(v)), 1)} for q, v in sorted(by.items())}
    return out


def write_card_metrics(card: Path, metrics: dict[str, Any]) -> None:
    """Replace the generated block of the model card, so its figures match the shipped model."""
    start, end = "<!-- metrics:start -->", "<!-- metrics:end -->"
    if not card.is_file():
        return
    text = card.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return
    block = render_metrics_markdown(metrics)
    text = re.sub(
        re.escape(start) + r".*?" + re.escape(end),
        lambda _: f"{start}\n{block}\n{end}",
        text,
        flags=re.S,
    )
    card.write_text(text, encoding="utf-8")


def render_metrics_markdown(m: dict[str, Any]) -> str:
    lines = [
        f"Trained {m['trained_on']} sentences; C = {m['C']}, temperature = {m['temperature']:.3f}.",
        "",
        "| split | n | model macro-F1 | model accuracy | keyword baseline macro-F1 |",
        "|---|---|---|---|---|",
    ]
    for split in ("test", "challenge"):
        if split in m["model"]:
            lines.append(
                f"| {split} | {m['model'][split]['n']} | {m['model'][split]['macro_f1']:.3f} | "
                f"{m['model'][split]['accuracy']:.3f} | {m['baseline'][split]['macro_f1']:.3f} |"
            )
    lines += [
        "",
        f"Calibration (expected calibration error, test): before {m['ece_before']:.3f}, "
        f"after temperature {m['ece_after']:.3f}.",
        "",
    ]
    for split in ("test", "challenge"):
        if split not in m["model"]:
            continue
        lines += [
            f"Per label, {split}:",
            "",
            "| label | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
        ]
        for lab, v in m["model"][split]["per_label"].items():
            lines.append(f"| {lab} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1']:.2f} | {v['support']} |")
        lines.append("")
    cm = m["model"]["test"]["confusion"]
    short = [lab[:5] for lab in cm["labels"]]
    lines += [
        "Confusion matrix, test (rows: true, columns: predicted):",
        "",
        "| | " + " | ".join(short) + " |",
        "|---" * (len(short) + 1) + "|",
    ]
    for lab, row in zip(short, cm["matrix"]):
        lines.append(f"| {lab} | " + " | ".join(str(x) for x in row) + " |")
    if m.get("drafts"):
        lines += [
            "",
            "Whole drafts, mean overall score by document label (`grammar=builtin`):",
            "",
            "| labeller | good | weak | bad |",
            "|---|---|---|---|",
        ]
        for lab, row in m["drafts"].items():
            cells = [f"{row[q]['mean']:.1f} (n={row[q]['n']})" if q in row else "—" for q in ("good", "weak", "bad")]
            lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


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
    challenge = load_sentences(root / "challenge") if (root / "challenge").is_dir() else []
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
    temperature = _fit_temperature(clf.decision_function(x_va), va_y)
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
    for name, rows in (("test", parts["test"]), ("challenge", challenge)):
        if not rows:
            continue
        t, k, y = xy(rows)
        dec = clf.decision_function(feat.transform(t, k))
        pred = [MOVES[i] for i in dec.argmax(axis=1)]
        metrics["model"][name] = evaluate([r.label for r in rows], pred)
        metrics["baseline"][name] = evaluate([r.label for r in rows], keyword_predictions(rows))
        if name == "test":
            metrics["ece_before"] = expected_calibration_error(_softmax(dec), y)
            metrics["ece_after"] = expected_calibration_error(_softmax(dec / temperature), y)
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
    from .model import sha256_of

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
        },
    }
    (out / "moves.meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    from .model import load_move_model

    load_move_model.cache_clear()
    metrics["drafts"] = draft_scores(out, root / "drafts")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_card_metrics(out / "README.md", metrics)
    say(f"saved to {out} in {time.perf_counter() - started:.0f} s")
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m followup_lint.classifier.train", description=__doc__)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "models")
    args = p.parse_args(argv)
    train(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
