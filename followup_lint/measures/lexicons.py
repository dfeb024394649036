"""Loads and validates ``data/measures.toml``: the features' weights and the word lists.

A bad entry fails at load time with the file and the key, like every data file here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..data import DataFileError, load_data

FILE = "measures.toml"

FORMALITY_FEATURES = (
    "contractions",
    "slang",
    "interjections",
    "emoji",
    "exclamations",
    "questions",
    "punctuation_runs",
    "lowercase_starts",
    "lowercase_i",
    "shouting",
    "first_person",
    "second_person",
    "hedges_fillers",
    "initial_conjunctions",
    "missing_end_punctuation",
    "casual_greeting",
    "formal_greeting",
    "casual_signoff",
    "formal_signoff",
    "word_length",
    "long_words",
    "sentence_length",
    "rare_words",
    "latinate_words",
    "readability",
    "title_case",
    "nominal_style",
)

POLITENESS_FEATURES = (
    "gratitude",
    "deference",
    "greeting",
    "apologising",
    "please",
    "please_start",
    "indirect_opener",
    "direct_question",
    "direct_start",
    "counterfactual_modal",
    "indicative_modal",
    "first_person_start",
    "second_person_start",
    "hedges",
    "factuality",
    "positive_words",
    "negative_words",
    "subjunctive",
    "imperative_start",
    "exclamations",
    "questions",
    "shouting",
    "pushy",
    "desperate",
    "frustrated",
    "over_apologetic",
)

WORD_LISTS = (
    "slang",
    "interjections",
    "hedges_fillers",
    "first_person",
    "second_person",
    "initial_conjunctions",
    "casual_greetings",
    "formal_greetings",
    "casual_signoffs",
    "formal_signoffs",
    "latinate_suffixes",
    "gratitude",
    "deference",
    "greetings",
    "apologies",
    "indirect",
    "direct_question_words",
    "direct_start",
    "counterfactual",
    "indicative",
    "hedges",
    "factuality",
    "subjunctive",
    "positive",
    "negative",
    "imperative_verbs",
)

COUNTED_LISTS = (
    "slang",
    "interjections",
    "hedges_fillers",
    "first_person",
    "second_person",
    "gratitude",
    "deference",
    "apologies",
    "indirect",
    "counterfactual",
    "indicative",
    "hedges",
    "factuality",
    "subjunctive",
    "positive",
    "negative",
)
"""The lists whose every occurrence counts (the others are checked at a sentence's start)."""

KINDS = ("count", "level")


class MeasureDataError(DataFileError):
    """``measures.toml`` (or a table given in its place) has a bad entry; names file and key."""


@dataclass(frozen=True)
class Weight:
    """How one feature turns into points: ``weight * clamp(x - ref, -cap, cap)``."""

    kind: str
    weight: float
    cap: float
    ref: float = 0.0

    def points(self, x: float) -> float:
        return self.weight * max(-self.cap, min(self.cap, x - self.ref))


@dataclass(frozen=True)
class Spec:
    """The validated contents of ``measures.toml``."""

    spread: float
    formality: Mapping[str, Weight]
    politeness: Mapping[str, Weight]
    words: Mapping[str, tuple[str, ...]]


def _number(value: Any, file: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MeasureDataError(f"{file}: {key} must be a number, not {value!r}")
    return float(value)


def _table(data: Mapping[str, Any], name: str, file: str) -> Mapping[str, Any]:
    table = data
    for part in name.split("."):
        table = table.get(part) if isinstance(table, Mapping) else None  # type: ignore[assignment]
        if not isinstance(table, Mapping):
            raise MeasureDataError(f"{file}: [{name}] is missing or not a table")
    return table


def _weights(data: Mapping[str, Any], section: str, known: tuple[str, ...], file: str) -> dict[str, Weight]:
    table = _table(data, f"{section}.features", file)
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise MeasureDataError(
            f"{file}: [{section}.features] {unknown[0]}: no such feature (known: {', '.join(known)})"
        )
    out: dict[str, Weight] = {}
    for name in known:
        key = f"[{section}.features] {name}"
        entry = table.get(name)
        if not isinstance(entry, Mapping):
            raise MeasureDataError(f"{file}: {key} is missing or not a table")
        extra = sorted(set(entry) - {"kind", "weight", "cap", "ref"})
        if extra:
            raise MeasureDataError(f"{file}: {key}.{extra[0]}: unknown field")
        kind = entry.get("kind")
        if kind not in KINDS:
            raise MeasureDataError(f"{file}: {key}.kind must be one of {', '.join(KINDS)}, not {kind!r}")
        cap = _number(entry.get("cap"), file, f"{key}.cap")
        if cap <= 0:
            raise MeasureDataError(f"{file}: {key}.cap must be above 0, not {cap:g}")
        ref = _number(entry.get("ref", 0.0), file, f"{key}.ref")
        out[name] = Weight(str(kind), _number(entry.get("weight"), file, f"{key}.weight"), cap, ref)
    return out


def _words(data: Mapping[str, Any], file: str) -> dict[str, tuple[str, ...]]:
    table = _table(data, "words", file)
    unknown = sorted(set(table) - set(WORD_LISTS))
    if unknown:
        raise MeasureDataError(f"{file}: [words] {unknown[0]}: no such word list")
    out: dict[str, tuple[str, ...]] = {}
    for name in WORD_LISTS:
        entries = table.get(name)
        if not isinstance(entries, list) or not entries or not all(isinstance(e, str) and e for e in entries):
            raise MeasureDataError(f"{file}: [words] {name} must be a non-empty list of strings")
        for entry in entries:
            try:
                re.compile(entry)
            except re.error as exc:
                raise MeasureDataError(f"{file}: [words] {name}: {entry!r} is not a valid pattern ({exc})") from None
        out[name] = tuple(entries)
    return out


def validate(data: Mapping[str, Any], file: str = FILE) -> Spec:
    """Check a parsed ``measures.toml`` and return its contents; raises ``MeasureDataError``."""
    spread = _number(_table(data, "scale", file).get("spread"), file, "[scale] spread")
    if spread <= 0:
        raise MeasureDataError(f"{file}: [scale] spread must be above 0, not {spread:g}")
    return Spec(
        spread,
        _weights(data, "formality", FORMALITY_FEATURES, file),
        _weights(data, "politeness", POLITENESS_FEATURES, file),
        _words(data, file),
    )


@cache
def spec() -> Spec:
    """The packaged ``measures.toml``, validated once."""
    return validate(load_data("measures"))


def word_pattern(entries: tuple[str, ...], flags: int = re.I) -> re.Pattern[str]:
    """A list of phrases as one case-insensitive pattern on word boundaries."""
    body = "|".join(f"(?:{e})" for e in sorted(entries, key=len, reverse=True))
    return re.compile(r"(?<![\w'])(?:" + body + r")(?![\w'])", flags)


_UPPER_OUTSIDE_ESCAPE = re.compile(r"(?<!\\)[A-Z]")


_PLAIN = re.compile(r"[a-z']+")
_PHRASE = re.compile(r"[a-z']+(?: [a-z']+)+")


class Matcher:
    """A word list split in two: single plain words, looked up in the text's word counts (one
    dictionary lookup each, far cheaper than a scan), and the phrases and patterns, scanned."""

    def __init__(self, entries: tuple[str, ...], key: str = "") -> None:
        self.key = key
        self.plain = frozenset(e for e in entries if _PLAIN.fullmatch(e))
        self.phrases = tuple(f" {e} " for e in entries if _PHRASE.fullmatch(e))
        self._firsts = tuple(p.split()[0] for p in self.phrases)
        self._heads = tuple(p.rstrip() for p in self.phrases)
        rest = tuple(e for e in entries if e not in self.plain and f" {e} " not in self.phrases)
        self.pattern = word_pattern(rest) if rest else None
        # what a text scan uses: the same pattern without re.I over the lower-cased text, which
        # is about twice as fast; a list with a capital in it keeps re.I on the text as written
        self.lower = not any(_UPPER_OUTSIDE_ESCAPE.search(e) for e in rest)
        self.scan_pattern = (word_pattern(rest, 0) if self.lower else self.pattern) if rest else None

    def count_words(self, counts: Mapping[str, int], joined: str) -> int:
        """Occurrences of the plain words and phrases, given a text's lower-cased word counts
        and its lower-cased words joined by single spaces (with a space at each end); the
        caller scans ``scan_pattern`` for the rest."""
        if len(counts) < len(self.plain):
            n = sum(k for w, k in counts.items() if w in self.plain)
        else:
            n = sum(counts.get(w, 0) for w in self.plain)
        n += sum(joined.count(p) for p, first in zip(self.phrases, self._firsts, strict=True) if first in counts)
        return n

    def fullmatch(self, word: str) -> bool:
        """Whether one lower-case word is on the list."""
        return word in self.plain or bool(self.pattern and self.pattern.fullmatch(word))

    def starts(self, head: str) -> bool:
        """Whether a lower-case text opens with an entry."""
        words = head.split(maxsplit=1)
        if words and words[0].strip(",.!:;") in self.plain:
            return True
        if self._heads and f" {head}".startswith(self._heads):
            return True
        return bool(self.pattern and self.pattern.match(head))


@cache
def words(name: str) -> Matcher:
    """The packaged word list ``name``."""
    return Matcher(spec().words[name], f"words.{name}")


@cache
def lexicon_words(section: str, key: str) -> Matcher:
    """A list from ``lexicon.toml`` (the rules' phrase lists)."""
    return Matcher(tuple(load_data("lexicon")[section][key]), f"lexicon.{section}.{key}")


@cache
def slang() -> Matcher:
    """The rules' slang (``lexicon.toml``) and the measure's own, each word once."""
    rules = [e.partition("=>")[0].strip().lower() for e in load_data("lexicon")["formality"]["slang"]]
    ours = spec().words["slang"]
    entries = dict.fromkeys([*ours, *(e if _PLAIN.fullmatch(e) else re.escape(e) for e in rules)])
    return Matcher(tuple(entries), "slang")


TONE_LISTS = ("pushy", "desperate", "frustrated", "self_deprecating")


@dataclass(frozen=True)
class Index:
    """Every counted list's plain words and phrases by word, so a text finds all its hits in
    one pass over its own words instead of one pass per list."""

    words: Mapping[str, tuple[str, ...]]
    phrases: Mapping[str, tuple[tuple[str, str], ...]]
    keys: frozenset[str]


@cache
def index() -> Index:
    matchers = [words(n) for n in COUNTED_LISTS] + [lexicon_words("tone", k) for k in TONE_LISTS] + [slang()]
    by_word: dict[str, list[str]] = {}
    by_first: dict[str, list[tuple[str, str]]] = {}
    for m in matchers:
        for w in m.plain:
            by_word.setdefault(w, []).append(m.key)
        for phrase, first in zip(m.phrases, m._firsts, strict=True):
            by_first.setdefault(first, []).append((m.key, phrase))
    return Index(
        {w: tuple(k) for w, k in by_word.items()},
        {w: tuple(p) for w, p in by_first.items()},
        frozenset(m.key for m in matchers),
    )
