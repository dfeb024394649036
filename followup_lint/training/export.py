"""Exporting the fitted linear model as plain arrays, read at run time without scikit-learn."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from ..types import MOVES


def export_runtime(out: Path, feat: Any, clf: Any, temperature: float) -> tuple[Path, Path]:
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
