"""Key phrases from interview notes, stems for comparing them with a draft, and entity labels
for a few words of a draft.

The notes are not the draft: they are read once per distinct text by the model's tagger and
entity recogniser (:func:`~followup_lint.nlp.loading.load_reader`), never by the draft's
pipeline. A key phrase is a run of nouns with their modifiers and numbers (what a parser's
noun chunk would be, read from the fine tags, which is all the tagger gives), less the
pleasantries, the nouns every interview has, people's names and dates
(``lexicon.toml [notes]``).

Entity labels for a draft reuse its tokens: the words of one sentence go to the recogniser
as they are, with no second tokenisation or tagging.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import words

MAX_PHRASES = 12
"""At most this many key phrases from one context's notes: past that, notes are a transcript
and a draft cannot be asked to mention any particular part of it."""

MIN_LONE_NOUN = 6
"""Letters a key phrase of one common noun needs (proper nouns and numbers need none)."""

_NOUN = frozenset({"NN", "NNS", "NNP", "NNPS", "FW"})
_MODIFIER = frozenset({"JJ", "JJR", "JJS", "VBG", "VBN", "CD", "HYPH"})
_DROPPED_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL"})
_WORD = re.compile(r"[a-z0-9]+")


def _ignored() -> frozenset[str]:
    return words("notes", "pleasantries") | words("notes", "generic_nouns") | words("references", "stop_words")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A word without its inflection or derivation suffix, lower-cased: "migrating" and
    "migration" both give "migrat"; the stem keeps at least four letters."""
    w = word.lower()
    for suffix in _suffixes():
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    # a stem the suffix rule left on "i" is a "y" word: "juried" is "jury", as "jurying" is
    return w[:-1] + "y" if w.endswith("i") and len(w) >= 4 else w


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(words("notes", "suffixes"), key=len, reverse=True))


def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the words that carry a phrase's meaning (no stop words, pleasantries or
    nouns every interview has), in order, each once."""
    ignored = _ignored()
    out: list[str] = []
    for w in _WORD.findall(text.lower()):
        if w in ignored or (len(w) < 3 and not w.isdigit()):
            continue
        s = stem(w)
        if s not in out:
            out.append(s)
    return tuple(out)


def same_stem(a: str, b: str) -> bool:
    """Two stems name the same word: equal, or one a prefix of the other with five letters in
    common ("sourc" / "sourcing", "schedul" / "schedule")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long_.startswith(short)


@lru_cache(maxsize=256)
def key_phrases(fragments: tuple[str, ...]) -> tuple[str, ...]:
    """The key phrases of interview notes already cut into fragments
    (:attr:`~followup_lint.context.Context.note_fragments`), at most :data:`MAX_PHRASES`."""
    if not fragments:
        return ()
    from .loading import load_reader

    nlp = load_reader()
    found: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for doc in nlp.pipe(fragments):
        dropped = {t.i for e in doc.ents if e.label_ in _DROPPED_ENTITIES for t in e}
        run: list[int] = []
        for i in [*range(len(doc)), len(doc)]:
            tok = doc[i] if i < len(doc) else None
            usable = tok is not None and i not in dropped and (tok.tag_ in _NOUN or tok.tag_ in _MODIFIER)
            if usable and tok is not None and tok.lower_ in words("notes", "pleasantries"):
                usable = False
            if usable:
                run.append(i)
                continue
            # a run ends at its last noun or number ("the reconciliation backlog", "3%")
            while run and doc[run[-1]].tag_ not in _NOUN and doc[run[-1]].tag_ != "CD":
                run.pop()
            while run and doc[run[0]].tag_ == "HYPH":
                run.pop(0)
            if run:
                phrase = doc[run[0] : run[-1] + 1].text
                stems = content_stems(phrase)
                one = len(run) == 1 and doc[run[0]].tag_ not in ("NNP", "NNPS", "CD")
                # a lone common noun must be a long one: "billing" is a topic, "hand" is not
                if stems and not (one and len(phrase) < MIN_LONE_NOUN) and stems not in seen:
                    seen.add(stems)
                    found.append(phrase)
            run = []
            if len(found) >= MAX_PHRASES:
                return tuple(found)
    return tuple(found)


def entity_labels(words_: Sequence[str], spaces: Sequence[bool], start: int, end: int) -> frozenset[str]:
    """The entity labels the recogniser gives tokens ``start:end`` of a sentence given as its
    words (a draft's own tokens, so nothing is tokenised or tagged twice)."""
    return _labels(tuple(words_), tuple(spaces), start, end)


@lru_cache(maxsize=1024)
def _labels(words_: tuple[str, ...], spaces: tuple[bool, ...], start: int, end: int) -> frozenset[str]:
    from spacy.tokens import Doc

    from .loading import load_reader

    nlp = load_reader()
    doc = nlp.get_pipe("ner")(Doc(nlp.vocab, words=list(words_), spaces=list(spaces)))
    return frozenset(e.label_ for e in doc.ents if e.start < end and start < e.end)
