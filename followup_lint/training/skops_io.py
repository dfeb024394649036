"""Loading the skops model of record with an explicit, reviewed list of trusted types.

skops refuses to build any type not named as trusted; this list is what we reviewed. The
training script refuses to save a model that would need anything else, and a test checks the
shipped file against it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TRUSTED_TYPES: tuple[str, ...] = (
    "followup_lint.classifier.features.char_ngrams",
    "followup_lint.classifier.features.word_ngrams",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.ndarray",
    "builtins.float",
    "builtins.int",
    "builtins.str",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.svm._classes.LinearSVC",
    "sklearn.preprocessing._data.StandardScaler",
)


def load_skops_model(folder: Path | None = None) -> dict[str, Any]:
    """The scikit-learn objects of the shipped model, after the sha256 check (slow: imports
    scikit-learn; the analyzer uses the numpy export instead)."""
    import skops.io as sio

    from ..classifier.model import models_dir, read_meta, verified_path

    base = folder or models_dir()
    meta = read_meta(base)
    path = verified_path(base, meta, "skops")
    obj: dict[str, Any] = sio.load(path, trusted=list(TRUSTED_TYPES))
    return obj
