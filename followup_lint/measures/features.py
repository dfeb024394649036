"""What the measures observe in a text: counts and levels, from regular expressions and,
when the caller has them, spaCy's fine tags.

Every function here is linear in the text: each pattern is one scan without nested
quantifiers, and word frequencies are looked up once per distinct word.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .lexicons import Matcher, index, lexicon_words, slang, spec, words

Tokens = Sequence[tuple[str, str]]
"""``(text, fine_tag)`` pairs, e.g. from spaCy: ``[(t.text, t.tag_) for t in doc]``."""

Observation = tuple[float, float]
"""``(value, x)``: what is reported, and what the weight applies to (often the same)."""

COUNT_BASE = 20
"""Counts are taken per this many words; a shorter text counts as this long."""

MIN_WORDS_FOR_LEVELS = 2
"""Word and sentence length, rare and Latinate words and reading ease say nothing about a
single word ("Thanks."): below this, only the counted features judge."""

# a dotted abbreviation ("U.S.", "e.g.") is one word, so its letters are not read as
# text-speak ("U") or as short words
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:'[^\W\d_]+)*")
_BREAK = re.compile(r"[.!?…][\"')\]]*\s+|\n+")
# a full stop after a title, an initial or a common abbreviation does not end a sentence
_ABBREVIATION = re.compile(
    r"(?:^|[\s(.])(?:[A-Za-z]|Mr|Ms|Mrs|Dr|St|Jr|Sr|vs|Co|Mt|etc|Inc|Ltd|Sen|Gov|Rep|Gen|Col|Lt|Sgt|Insp|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|approx|dept)\.$"
)
_APOSTROPHE_S = frozenset(
    ["it", "that", "there", "here", "what", "who", "where", "how", "he", "she", "let", "everything"]
)
_NO_APOSTROPHE = frozenset(
    [
        "cant",
        "wont",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "hasnt",
        "havent",
        "hadnt",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "im",
        "ive",
    ]
)
EMOJI = re.compile(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\u2b50\u2b55\u231a\u231b\u23e9-\u23f3\u2764]"
)
_EMOTICON = re.compile(r"(?<![\w:/])(?::-?\)+|:-?\(+|:-?D\b|;-?\)+|:-?P\b|:-?p\b|<3|\bxD\b|\^_\^|:'\(|:-?/(?!/)|=\))")
_PUNCT_RUN = re.compile(r"[!?]{2,}|\.{2,}|…|[*~]{2,}")
_UPPER = re.compile(r"[A-Z]")
_CAPS = re.compile(r"(?<![\w'])[A-Z]{3,}(?![\w'])")
_LOWER_I = re.compile(r"(?<![\w'])i(?:'(?:m|ve|d|ll))?(?![\w'])")
_TAIL_OK = re.compile(r"[.!?…:;\"')\]]\s*$")


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """How common a lower-case word is (wordfreq's Zipf scale: 7 is "the", 0 unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=1 << 16)
def _latinate(word: str) -> bool:
    return len(word) >= 7 and bool(_latinate_re().search(word))


@lru_cache(maxsize=1)
def _latinate_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(spec().words["latinate_suffixes"]) + ")s?$")


@lru_cache(maxsize=1 << 14)
def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word)
    n = len(groups) - (1 if word.endswith("e") and len(groups) > 1 and not word.endswith("le") else 0)
    return max(1, n)


def normalise(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def split_sentences(text: str) -> list[str]:
    """Sentences by end punctuation and line breaks (good enough to count sentence starts)."""
    out, start = [], 0
    for m in _BREAK.finditer(text):
        if m.group(0)[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        out.append(text[start : m.start() + 1].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _is_contraction(w: str) -> bool:
    if "'" not in w:
        return w in _NO_APOSTROPHE
    stem, _, tail = w.rpartition("'")
    return (
        tail in ("m", "re", "ve", "ll", "d")
        or (tail == "t" and stem.endswith("n"))
        or (tail == "s" and stem in _APOSTROPHE_S)
    )


class Batch:
    """The sentences of one draft, scanned together: each pattern runs once over all of them
    and its matches are assigned to sentences by offset, instead of one scan per sentence."""

    def __init__(self, sentences: Sequence[str]) -> None:
        self.starts: list[int] = []
        self.lower_starts: list[int] = []
        parts: list[str] = []
        lower: list[str] = []
        pos = lower_pos = 0
        for s in sentences:
            self.starts.append(pos)
            self.lower_starts.append(lower_pos)
            parts.append(normalise(s))
            lower.append(parts[-1].lower())
            pos += len(s) + 1  # normalise keeps the length
            lower_pos += len(lower[-1]) + 1  # lower() may not ("İ" is two characters)
        self.text = "\n".join(parts)
        self.lower = "\n".join(lower)
        self._counts: dict[int, list[int]] = {}

    def count(self, pattern: re.Pattern[str], index: int, lower: bool = False) -> int:
        """Matches of ``pattern`` in sentence ``index``; ``lower``: in its lower-cased text."""
        # keyed by identity: the patterns are compiled once and cached, and hashing a
        # pattern costs more than the lookup (one pattern is only ever scanned one way)
        per = self._counts.get(id(pattern))
        if per is None:
            per = [0] * len(self.starts)
            starts = self.lower_starts if lower else self.starts
            for m in pattern.finditer(self.lower if lower else self.text):
                per[bisect_right(starts, m.start()) - 1] += 1
            self._counts[id(pattern)] = per
        return per[index]


@dataclass
class Text:
    """A text with the basics every feature needs, computed once; ``batch`` and ``index``
    when it is one of a draft's sentences."""

    raw: str
    tokens: Tokens | None = None
    batch: Batch | None = None
    index: int = 0

    @cached_property
    def text(self) -> str:
        return normalise(self.raw)

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)

    @cached_property
    def sentences(self) -> list[str]:
        return split_sentences(self.text)

    @cached_property
    def sentence_words(self) -> list[int]:
        """How many words each sentence has."""
        if len(self.sentences) == 1:  # the usual case: a draft's sentence, one at a time
            return [len(self.words)]
        return [len(_WORD.findall(s)) for s in self.sentences]

    @cached_property
    def counts(self) -> dict[str, int]:
        """How often each lower-cased word occurs."""
        out: dict[str, int] = {}
        for w in self.words:
            # a capital letter alone ("Plan B", "R&D") is not text-speak ("u", "r")
            lw = w if len(w) == 1 and w.isupper() and w not in ("I", "A") else w.lower()
            out[lw] = out.get(lw, 0) + 1
        return out

    @cached_property
    def joined(self) -> str:
        """The lower-cased words joined by spaces, with a space at each end."""
        return " " + " ".join(self.words).lower() + " "

    @cached_property
    def first_words(self) -> list[str]:
        """The first word of each sentence, lower-cased ("" when a sentence has none)."""
        out = []
        for s in self.sentences:
            m = _WORD.search(s, 0, 40)
            out.append(m.group(0).lower() if m and m.start() <= 3 else "")
        return out

    @cached_property
    def tags(self) -> list[str]:
        return [tag for _, tag in self.tokens] if self.tokens else []

    @cached_property
    def hits(self) -> dict[str, int]:
        """Plain-word and phrase hits of every indexed word list, in one pass over the words."""
        idx = index()
        out: dict[str, int] = {}
        for w, k in self.counts.items():
            for key in idx.words.get(w, ()):
                out[key] = out.get(key, 0) + k
            for key, phrase in idx.phrases.get(w, ()):
                n = self.joined.count(phrase)
                if n:
                    out[key] = out.get(key, 0) + n
        return out

    def count(self, pattern: re.Pattern[str] | Matcher) -> int:
        if isinstance(pattern, Matcher):
            if pattern.key in index().keys:
                n = self.hits.get(pattern.key, 0)
            else:
                n = pattern.count_words(self.counts, self.joined)
            scan = pattern.scan_pattern
            return n + (self.scan(scan, pattern.lower) if scan is not None else 0)
        return self.scan(pattern)

    def scan(self, pattern: re.Pattern[str], lower: bool = False) -> int:
        """Matches of ``pattern`` in the text, or in its lower-cased copy."""
        if self.batch is not None:
            return self.batch.count(pattern, self.index, lower)
        return sum(1 for _ in pattern.finditer(self.lowered if lower else self.text))

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def per_base(self, n: float) -> float:
        return n * COUNT_BASE / max(len(self.words), COUNT_BASE)

    @cached_property
    def shouting(self) -> int:
        """Words in capitals, or every word when the text is mostly capitals."""
        letters = sum(len(w) for w in self.words)
        upper = len(_UPPER.findall(self.text))
        if letters >= 12 and upper / letters > 0.6:
            return len(self.words)
        # an acronym (NASA, HTML) is rarer as a lower-case word than a shouted one (REALLY)
        return sum(1 for m in _CAPS.finditer(self.text) if len(m.group(0)) >= 4 and zipf(m.group(0).lower()) >= 4.3)

    @cached_property
    def emoji(self) -> int:
        return self.count(EMOJI) + self.count(_EMOTICON)


def _counts(t: Text, names: dict[str, float]) -> dict[str, Observation]:
    return {name: (n, t.per_base(n)) for name, n in names.items() if n}


def formality(t: Text) -> dict[str, Observation]:
    """The formality features of a text that has at least one word or emoji."""
    text, ws = t.text, t.words
    first = t.first_words
    lower_starts = sum(1 for s in t.sentences if s[:1].isalpha() and s[:1].islower())
    counts: dict[str, float] = {
        "contractions": sum(n for w, n in t.counts.items() if _is_contraction(w)),
        "slang": t.count(slang()),
        "interjections": t.count(words("interjections")),
        "emoji": t.emoji,
        "exclamations": min(text.count("!"), 3 * len(t.sentences)),
        "questions": min(text.count("?"), 3 * len(t.sentences)),
        "punctuation_runs": t.count(_PUNCT_RUN),
        "lowercase_starts": lower_starts,
        "lowercase_i": t.count(_LOWER_I),
        "shouting": t.shouting,
        "first_person": t.count(words("first_person")),
        # the "you" of "thank you" is a formula, not talk addressed to the reader
        "second_person": t.count(words("second_person")) - t.joined.count(" thank you "),
        "hedges_fillers": t.count(words("hedges_fillers")),
        "initial_conjunctions": sum(1 for w in first if words("initial_conjunctions").fullmatch(w)),
        "missing_end_punctuation": sum(
            1 for k, s in zip(t.sentence_words, t.sentences, strict=True) if k >= 4 and not _TAIL_OK.search(s)
        ),
        "casual_greeting": 1 if _opens_with(text, words("casual_greetings")) else 0,
        "formal_greeting": 1 if _opens_with(text, words("formal_greetings")) else 0,
        "casual_signoff": 1 if _last_line_matches(text, words("casual_signoffs")) else 0,
        "formal_signoff": 1 if _last_line_matches(text, words("formal_signoffs")) else 0,
    }
    # a feature of weight 0 moves no score and is not reported, so it is not computed either
    weighted = _formality_weighted()
    if "title_case" in weighted:
        counts["title_case"] = sum(1 for s in t.sentences if _title_case(s))
    out = _counts(t, counts)
    if len(ws) < MIN_WORDS_FOR_LEVELS:
        return out
    n = len(ws)
    lengths = [len(w.replace("'", "").replace(".", "")) for w in ws]
    out["word_length"] = (round(sum(lengths) / n, 2), sum(lengths) / n)
    long_words = sum(1 for k in lengths if k >= 7)
    if long_words:
        out["long_words"] = (long_words, t.per_base(long_words))
    # greeting and sign-off lines ("Dear Ms. Chen,", "Kind regards,") are not short sentences
    prose = [k for k, s in zip(t.sentence_words, t.sentences, strict=True) if k >= 4 or _TAIL_OK.search(s)]
    per_sentence = sum(prose) / len(prose) if prose and sum(prose) else n / max(1, len(t.sentences))
    out["sentence_length"] = (round(per_sentence, 1), math.log2(per_sentence))
    # common words the reader knows; names (capitalised inside a sentence) and unknown
    # words (typos, foreign words) are neither rare vocabulary nor register
    lower = [w.lower() for w in ws if not w[:1].isupper()] + [w for w in first if w]
    known = [z for z in (zipf(w) for w in lower if len(w) >= 3) if z > 0] if "rare_words" in weighted else []
    if known:
        share = 100 * sum(1 for z in known if z < 4.0) / len(known)
        out["rare_words"] = (round(share, 1), share)
    share = 100 * sum(1 for w in lower if _latinate(w)) / n
    out["latinate_words"] = (round(share, 1), share)
    if "readability" in weighted:
        syllables = sum(_syllables(w.lower()) for w in ws)
        ease = 206.835 - 1.015 * per_sentence - 84.6 * syllables / n
        out["readability"] = (round(ease, 1), ease)
    if t.tags and "nominal_style" in weighted:
        f = heylighen_dewaele(t.tags)
        if f is not None:
            out["nominal_style"] = (round(f, 1), f)
    return out


@lru_cache(maxsize=1)
def _formality_weighted() -> frozenset[str]:
    return frozenset(name for name, w in spec().formality.items() if w.weight)


def heylighen_dewaele(tags: Sequence[str]) -> float | None:
    """The Heylighen-Dewaele F-score (0-100) from Penn Treebank fine tags."""
    words_ = [t for t in tags if t[:1].isalpha()]
    if not words_:
        return None

    def share(*prefixes: str) -> float:
        return 100 * sum(1 for t in words_ if t.startswith(prefixes)) / len(words_)

    formal = share("NN") + share("JJ") + share("IN") + share("DT")
    deictic = share("PRP", "WP") + share("VB", "MD") + share("RB", "WRB") + share("UH")
    return (formal - deictic + 100) / 2


def _opens_with(text: str, matcher: Matcher) -> bool:
    return matcher.starts(text.lstrip()[:40].lower())


def _last_line_matches(text: str, matcher: Matcher) -> bool:
    tail = text.rstrip()[-80:]
    lines = [ln for ln in tail.splitlines() if ln.strip()]
    return any(_opens_with(ln, matcher) for ln in lines[-2:])


def _title_case(sentence: str) -> bool:
    ws = _WORD.findall(sentence)
    long = [w for w in ws if len(w) > 3]
    return len(ws) >= 4 and len(long) >= 3 and all(w[:1].isupper() for w in long)


def politeness(t: Text) -> dict[str, Observation]:
    """The politeness strategies of a text (Danescu-Niculescu-Mizil et al. 2013) and the
    follow-up tone signals."""
    text = t.text
    first = t.first_words
    starts_tags = _sentence_start_tags(t.tags) if t.tags else []
    question_words = words("direct_question_words")
    direct_question = sum(
        1 for w, s in zip(first, t.sentences, strict=True) if question_words.fullmatch(w) and s.rstrip().endswith("?")
    )
    if starts_tags:
        imperative = sum(1 for tag in starts_tags if tag == "VB")
    else:
        imperative = sum(1 for w in first if words("imperative_verbs").fullmatch(w))
    apologies = t.count(words("apologies"))
    self_deprecating = t.count(lexicon_words("tone", "self_deprecating"))
    please = sum(t.counts.get(w, 0) for w in ("please", "pls", "plz"))
    please_start = sum(1 for w in first if w in ("please", "pls", "plz"))
    greeting = 1 if first and words("greetings").fullmatch(first[0]) else 0
    counts: dict[str, float] = {
        "gratitude": t.count(words("gratitude")),
        "deference": t.count(words("deference")),
        "greeting": greeting,
        "apologising": min(apologies, 1),
        "please": please - please_start,
        "please_start": please_start,
        "indirect_opener": t.count(words("indirect")),
        "direct_question": direct_question,
        "direct_start": sum(1 for w in first if words("direct_start").fullmatch(w)),
        "counterfactual_modal": t.count(words("counterfactual")),
        "indicative_modal": t.count(words("indicative")),
        "first_person_start": sum(1 for w in first if w in ("i", "my", "i'm", "i've", "i'd", "i'll")),
        "second_person_start": sum(1 for w in first if w in ("you", "your", "you're", "you've", "you'll")),
        "hedges": t.count(words("hedges")),
        "factuality": t.count(words("factuality")),
        "positive_words": t.count(words("positive")),
        "negative_words": t.count(words("negative")),
        "subjunctive": t.count(words("subjunctive")),
        "imperative_start": imperative,
        "exclamations": min(text.count("!"), 3 * len(t.sentences)),
        "questions": min(text.count("?"), 3 * len(t.sentences)),
        "shouting": t.shouting,
        "pushy": t.count(lexicon_words("tone", "pushy")),
        "desperate": t.count(lexicon_words("tone", "desperate")),
        "frustrated": t.count(lexicon_words("tone", "frustrated")),
        "over_apologetic": max(0, apologies - 1) + self_deprecating,
    }
    return _counts(t, counts)


def _sentence_start_tags(tags: Sequence[str]) -> list[str]:
    """The tag of each sentence's first word, sentences ending at . ! ? tokens."""
    out: list[str] = []
    at_start = True
    for tag in tags:
        if at_start and tag[:1].isalpha():
            out.append(tag)
            at_start = False
        elif tag == ".":
            at_start = True
    return out
