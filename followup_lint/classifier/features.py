"""Sentence features shared by training and run time: n-gram analyzers and spaCy cues.

The same functions feed scikit-learn's ``TfidfVectorizer`` (as ``analyzer=``) during training
and the numpy scorer at run time, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import pairwise

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
_DIGITS = re.compile(r"\d")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

CHAR_RANGE = (3, 5)

_FIRST_PERSON = {"i", "me", "my", "mine", "we", "our", "us", "myself", "i'm", "i've", "i'd", "i'll"}
_SECOND_PERSON = {"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"}

CUE_NAMES: tuple[str, ...] = (
    "first_person",
    "second_person",
    "modal",
    "past_tense",
    "question_mark",
    "exclamation",
    "log_words",
    "starts_upper",
    "all_lower",
    "has_digit",
    "has_contact",
    "ends_comma",
    "proper_noun_share",
    "title_case_share",
    "starts_with_i",
    "imperative_start",
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, digits folded (phone numbers and years look alike)."""
    return _DIGITS.sub("0", text.translate(_QUOTES).lower())


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of the normalised text."""
    tokens = _TOKEN.findall(normalise(text))
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def char_ngrams(text: str) -> list[str]:
    """Character n-grams inside words, padded with a space at each edge of a word."""
    grams: list[str] = []
    for word in normalise(text).split():
        grams.extend(word_char_ngrams(word))
    return grams


def word_char_ngrams(word: str) -> list[str]:
    """The character n-grams of one normalised word (:func:`char_ngrams` is these, word by word)."""
    lo, hi = CHAR_RANGE
    padded = f" {word} "
    if len(padded) <= lo:
        return [padded]
    grams: list[str] = []
    for n in range(lo, min(hi, len(padded)) + 1):
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def cues(text: str, tokens: Sequence[tuple[str, str]]) -> list[float]:
    """Shape and grammar cues of one sentence from its ``(text, fine_tag)`` tokens."""
    words = [(t, tag) for t, tag in tokens if any(ch.isalnum() for ch in t)]
    n = max(1, len(words))
    lowered = [t.lower() for t, _ in words]
    stripped = text.strip()
    alpha = [w for w, _ in words if w[:1].isalpha()]
    first = words[0] if words else ("", "")
    return [
        sum(1 for w in lowered if w in _FIRST_PERSON) / n,
        sum(1 for w in lowered if w in _SECOND_PERSON) / n,
        1.0 if any(tag == "MD" for _, tag in words) else 0.0,
        1.0 if any(tag in ("VBD", "VBN") for _, tag in words) else 0.0,
        1.0 if stripped.endswith("?") else 0.0,
        1.0 if "!" in stripped else 0.0,
        math.log1p(len(words)),
        1.0 if stripped[:1].isupper() else 0.0,
        1.0 if stripped and stripped == stripped.lower() and any(c.isalpha() for c in stripped) else 0.0,
        1.0 if any(c.isdigit() for c in stripped) else 0.0,
        1.0 if re.search(r"@|https?://|www\.|linkedin\.com|\+?\d[\d ().-]{7,}\d", stripped) else 0.0,
        1.0 if stripped.endswith(",") else 0.0,
        sum(1 for _, tag in words if tag in ("NNP", "NNPS")) / n,
        (sum(1 for w in alpha if w[:1].isupper()) / len(alpha)) if alpha else 0.0,
        1.0 if first[0] in ("I", "i") else 0.0,
        1.0 if first[1] in ("VB", "UH") else 0.0,
    ]
