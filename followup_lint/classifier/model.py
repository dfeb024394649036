"""The shipped move model at run time: numpy only, checked against its sha256 sidecar.

Training saves the scikit-learn model with skops (the model of record) and, next to it, the
same linear model's numbers as a numpy archive. Loading skops imports scikit-learn, which
costs seconds here, so the analyzer reads the numpy archive instead; a test checks that both
give the same probabilities.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..types import MOVES
from .features import CUE_NAMES, cues, normalise, word_char_ngrams, word_ngrams

MODEL_NAME = "moves"


class ModelIntegrityError(RuntimeError):
    """A model that must not be used: a checksum that does not match its sidecar (tampered or
    corrupted), or numbers that are not finite or do not fit together."""


def models_dir() -> Path:
    """Where the model lives: inside an installed wheel, else the checkout's ``models/``."""
    packaged = Path(__file__).resolve().parent.parent / "_models"
    if (packaged / f"{MODEL_NAME}.meta.json").is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "models"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_meta(folder: Path | None = None) -> dict[str, Any]:
    folder = folder or models_dir()
    path = folder / f"{MODEL_NAME}.meta.json"
    if not path.is_file():
        raise FileNotFoundError(f"no move model at {folder} (train one with `make train`)")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def verified_path(folder: Path, meta: dict[str, Any], key: str) -> Path:
    """The artifact file named in the sidecar, after checking its sha256."""
    entry = meta["files"][key]
    path: Path = folder / str(entry["name"])
    if not path.is_file():
        raise FileNotFoundError(f"model file {path} is missing")
    actual = sha256_of(path)
    if actual != entry["sha256"]:
        raise ModelIntegrityError(
            f"{path.name}: sha256 {actual[:12]}… does not match the sidecar's {entry['sha256'][:12]}…; "
            "refusing to load a modified model (retrain with `make train` or reinstall)"
        )
    return path


# Words whose character n-gram ids are kept (about 1 MB at this size).
_CHAR_CACHE_WORDS = 20_000


@dataclass(frozen=True)
class _Weights:
    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    cue_mean: np.ndarray
    cue_scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float
    labels: tuple[str, ...]


class MoveModel:
    """Labels sentences with moves and calibrated confidences."""

    name = "model"
    fallback_reason: str | None = None  # the same attribute as the keyword fallback's

    def __init__(self, weights: _Weights, version: str) -> None:
        self.w = weights
        self.version = version
        n_word = len(weights.word_vocab)
        n_char = len(weights.char_vocab)
        # Transposed, one row per feature: gathering a sentence's rows is cheap, columns are not.
        self._word_coef_t = np.ascontiguousarray(weights.coef[:, :n_word].T)
        self._char_coef_t = np.ascontiguousarray(weights.coef[:, n_word : n_word + n_char].T)
        self._cue_coef_t = np.ascontiguousarray(weights.coef[:, n_word + n_char :].T)
        self._char_cache: dict[str, np.ndarray] = {}

    def _word_counts(self, text: str) -> tuple[list[int], list[int]]:
        """The text's known word n-grams: vocabulary ids and how often each occurs."""
        vocab = self.w.word_vocab
        counts: dict[int, int] = {}
        for g in word_ngrams(text):
            j = vocab.get(g)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        return list(counts), list(counts.values())

    def _char_ids(self, text: str) -> np.ndarray:
        """The ids of the text's known character n-grams, with repeats, from each word's
        n-grams, which are looked up once per word and kept: most words of a note have been
        seen in an earlier sentence or draft, and the lookups were a third of the model's time."""
        cache = self._char_cache
        parts = []
        for word in normalise(text).split():
            ids = cache.get(word)
            if ids is None:
                vocab = self.w.char_vocab
                ids = np.fromiter((j for g in word_char_ngrams(word) if (j := vocab.get(g)) is not None), dtype=np.intp)
                if len(cache) >= _CHAR_CACHE_WORDS:
                    cache.clear()  # bounded: a long-running server sees an open vocabulary
                cache[word] = ids
            parts.append(ids)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.intp)

    @staticmethod
    def _scores(
        rows: np.ndarray, idx: np.ndarray, counts: np.ndarray, idf: np.ndarray, coef_t: np.ndarray, n: int
    ) -> np.ndarray:
        """Per sentence, the linear scores of one tf-idf block: sublinear tf times idf,
        L2-normalised per sentence (as scikit-learn's vectorizer), dotted with the block's
        coefficients. ``rows`` (sorted) says which sentence each ``idx``/``counts`` entry is of."""
        out = np.zeros((n, coef_t.shape[1]))
        if not len(idx):
            return out
        values = (1.0 + np.log(counts)) * idf[idx]
        norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n))
        norm = norms[rows]
        values = np.divide(values, norm, out=np.zeros_like(values), where=norm > 0)
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        out[rows[starts]] = np.add.reduceat(coef_t[idx] * values[:, None], starts, axis=0)
        return out

    def decisions(self, texts: Sequence[str], tokens: Sequence[Sequence[tuple[str, str]]]) -> np.ndarray:
        """The linear scores of many sentences at once, one row each: the per-sentence work is
        the Python feature reading; the arithmetic runs once over all of them."""
        w, n = self.w, len(texts)
        if not n:
            return np.zeros((0, len(w.labels)))
        word_rows: list[int] = []
        word_idx: list[int] = []
        word_counts: list[int] = []
        char_keys = []
        n_char = len(w.char_vocab)
        for i, text in enumerate(texts):
            ids, counts = self._word_counts(text)
            word_rows += [i] * len(ids)
            word_idx += ids
            word_counts += counts
            char_keys.append(self._char_ids(text) + i * n_char)
        keys, char_counts = np.unique(
            np.concatenate(char_keys) if char_keys else np.zeros(0, dtype=np.intp), return_counts=True
        )
        char_rows, char_idx = np.divmod(keys, n_char)
        cue = (
            np.array([cues(t, k) for t, k in zip(texts, tokens)], dtype=float).reshape(n, -1) - w.cue_mean
        ) / w.cue_scale
        result: np.ndarray = (
            self._scores(
                np.array(word_rows, dtype=np.intp),
                np.array(word_idx, dtype=np.intp),
                np.array(word_counts, dtype=float),
                w.word_idf,
                self._word_coef_t,
                n,
            )
            + self._scores(char_rows, char_idx, char_counts.astype(float), w.char_idf, self._char_coef_t, n)
            + cue @ self._cue_coef_t
            + w.intercept
        )
        return result

    def probabilities_many(self, texts: Sequence[str], tokens: Sequence[Sequence[tuple[str, str]]]) -> np.ndarray:
        """Calibrated move probabilities, one row per sentence, columns in ``labels`` order."""
        z = self.decisions(texts, tokens) / self.w.temperature
        z = np.exp(z - z.max(axis=1, keepdims=True))
        result: np.ndarray = z / z.sum(axis=1, keepdims=True)
        return result

    def decision(self, text: str, tokens: Sequence[tuple[str, str]]) -> np.ndarray:
        result: np.ndarray = self.decisions([text], [tokens])[0]
        return result

    def probabilities(self, text: str, tokens: Sequence[tuple[str, str]]) -> np.ndarray:
        result: np.ndarray = self.probabilities_many([text], [tokens])[0]
        return result

    def predict(self, text: str, tokens: Sequence[tuple[str, str]]) -> tuple[str, float]:
        p = self.probabilities(text, tokens)
        k = int(p.argmax())
        return self.w.labels[k], float(p[k])

    def label_doc(self, doc: Any, sents: Sequence[Any]) -> list[tuple[str, float]]:
        return [ranking[0] for ranking in self.ranked_doc(doc, sents, top=1)]

    def ranked_doc(self, doc: Any, sents: Sequence[Any], top: int = 3) -> list[list[tuple[str, float]]]:
        """Per sentence, the ``top`` moves by probability, best first (the first is
        :meth:`label_doc`'s answer)."""
        if not sents:
            return []
        probs = self.probabilities_many([s.text for s in sents], [[(t.text, t.tag_) for t in s] for s in sents])
        labels = self.w.labels
        out = []
        for p in probs.tolist():
            order = sorted(range(len(p)), key=lambda k: -p[k])[:top]  # stable: ties keep label order
            out.append([(labels[k], p[k]) for k in order])
        return out


def load_arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:  # never unpickle: arrays only
        return {k: data[k] for k in data.files}


@lru_cache(maxsize=2)
def load_move_model(folder: str | None = None) -> MoveModel:
    """The shipped model, verified. Raises FileNotFoundError or ModelIntegrityError."""
    base = Path(folder) if folder else models_dir()
    meta = read_meta(base)
    arrays = load_arrays(verified_path(base, meta, "runtime_arrays"))
    vocab = json.loads(verified_path(base, meta, "runtime_vocab").read_text(encoding="utf-8"))
    labels = tuple(meta["labels"])
    if set(labels) != set(MOVES):
        raise ModelIntegrityError(f"model labels {labels} differ from this version's moves")
    try:
        weights = _Weights(
            word_vocab=dict(vocab["word"]),
            char_vocab=dict(vocab["char"]),
            word_idf=arrays["word_idf"],
            char_idf=arrays["char_idf"],
            cue_mean=arrays["cue_mean"],
            cue_scale=arrays["cue_scale"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            temperature=float(arrays["temperature"]),
            labels=labels,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelIntegrityError(f"model arrays are incomplete or malformed ({exc!r})") from None
    _validate(weights)
    return MoveModel(weights, version=str(meta.get("version", "?")))


def _validate(w: _Weights) -> None:
    """Shapes that fit together and finite numbers. A checksum only says the file is the one
    the sidecar names; someone who edits both would otherwise put NaN into every report."""
    n_word, n_char, n_cue = len(w.word_vocab), len(w.char_vocab), len(CUE_NAMES)
    expected = {
        "coef": (len(w.labels), n_word + n_char + n_cue),
        "intercept": (len(w.labels),),
        "word_idf": (n_word,),
        "char_idf": (n_char,),
        "cue_mean": (n_cue,),
        "cue_scale": (n_cue,),
    }
    for name, shape in expected.items():
        array = getattr(w, name)
        if not isinstance(array, np.ndarray) or array.shape != shape:
            got = getattr(array, "shape", type(array).__name__)
            raise ModelIntegrityError(f"model array {name} has shape {got}, expected {shape}")
        if not np.issubdtype(array.dtype, np.number) or not np.isfinite(array).all():
            raise ModelIntegrityError(f"model array {name} holds values that are not finite numbers")
    if not np.all(w.cue_scale != 0):
        raise ModelIntegrityError("model array cue_scale holds zeros (every cue would divide by zero)")
    if not (np.isfinite(w.temperature) and w.temperature > 0):
        raise ModelIntegrityError(f"model temperature {w.temperature!r} is not a finite positive number")
    for kind, vocab, size in (("word", w.word_vocab, n_word), ("char", w.char_vocab, n_char)):
        if any(not isinstance(j, int) or isinstance(j, bool) or not 0 <= j < size for j in vocab.values()):
            raise ModelIntegrityError(f"model {kind} vocabulary has indices outside 0..{size - 1}")
