"""The pipeline multiplies with numpy's BLAS instead of thinc's default: the same tags and
sentence starts as spaCy's own load, and other pipelines in the process keep their backend."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from thinc.api import get_current_ops

from followup_lint.analyzer import Analyzer
from followup_lint.nlp.loading import _EXCLUDE, find_model

ROOT = Path(__file__).resolve().parents[1]


def drafts(n: int = 40) -> list[str]:
    """The first ``n`` corpus draft bodies: real-mail shapes, written for the project."""
    out = []
    for path in sorted((ROOT / "corpus" / "drafts").glob("*.jsonl")):
        out += [json.loads(line)["body"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out[:n]


def test_tags_and_sentences_match_spacy_default_backend(analyzer: Analyzer) -> None:
    ours = analyzer.nlp
    stock = spacy.load(find_model(), exclude=list(_EXCLUDE))
    stock.enable_pipe("senter")
    texts = drafts()
    assert len(texts) == 40
    for text in texts:
        a = stock(text)
        b = ours.make_doc(text)
        for name, pipe in ours.pipeline:
            if name in ("tok2vec", "tagger"):
                b = pipe(b)
        assert [t.tag_ for t in a] == [t.tag_ for t in b]
    nodes = [n for _, pipe in ours.pipeline if hasattr(pipe, "model") for n in pipe.model.walk()]
    assert nodes and all(getattr(n.ops, "use_blis", None) is False for n in nodes)
    # scoped to our models: the process default is left as it was
    stock_nodes = [n for _, pipe in stock.pipeline if hasattr(pipe, "model") for n in pipe.model.walk()]
    assert all(type(n.ops) is type(get_current_ops()) for n in stock_nodes)
    assert getattr(get_current_ops(), "use_blis", True) is not False


def test_senter_starts_match_spacy_default_backend(analyzer: Analyzer) -> None:
    stock = spacy.load(find_model(), exclude=list(_EXCLUDE))
    stock.enable_pipe("senter")
    nlp = analyzer.nlp
    for text in drafts():
        a = stock(text)
        b = nlp.make_doc(text)
        for name in ("tok2vec", "tagger", "senter"):
            b = nlp.get_pipe(name)(b)
        assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b]
