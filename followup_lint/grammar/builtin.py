"""The built-in checker: offline spelling, common confusions and mechanics, in pure Python.

It runs when LanguageTool is not installed (or with ``grammar="builtin"``). It finds far less
than LanguageTool, and the report says so.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection
from functools import lru_cache

from ..data import load_data
from .base import GrammarIssue, add_unless_overlapping, sentence_initial
from .variants import american_forms

_WORD = re.compile(r"(?<![\w@./'’-])([A-Za-z]+(?:['’][A-Za-z]+)?)(?![\w@'’-]|\.\w)")
_REPEAT = re.compile(r"\b([A-Za-z]+)\s+(\1)\b", re.I)
_LOWER_I = re.compile(r"(?<![\w'’.-])i(?=(?:['’](?:m|ve|ll|d))?(?![\w.'’-]))")
_SENT_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+)([a-z][a-z]*)", re.M)
_DOUBLE_PUNCT = re.compile(r"(?<![.])(,,+|;;+|\.\.(?!\.)|::+)")
_SPACE_BEFORE = re.compile(r"(?<=\w)[ \t]+(?=[,;:](?!\)))|(?<=\w)[ \t]+(?=\.(?:\s|$))")
_DOUBLE_SPACE = re.compile(r"(?<=[a-z,])  +(?=[a-z])")
_TRAILING_SPACE = re.compile(r"(?<=\S)[ \t]+$", re.M)

_ADDRESS = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Lower-case particles inside surnames ("Van der Merwe", "de la Cruz", "bin Salman").
_NAME_PARTICLE = re.compile(r"\b(?:der|den|van|von|de|del|della|la|le|du|da|dos|bin|ibn|al|el|ter)(?= [A-Z])")

_ALLOWED_REPEATS = {"that", "had", "is", "very", "bye", "no", "yes", "ha", "so", "really", "many"}

# (pattern, replacement, message). Patterns are narrow on purpose: a false alarm costs trust.
_CONFUSIONS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p, re.I), r, m)
    for p, r, m in (
        (
            r"\b(?:for|thank|appreciate|value|on|about|of) (you're)\b"
            r"(?= (?:time|consideration|help|team|company|patience|insight))",
            "your",
            "“you're” means “you are”; the possessive is “your”.",
        ),
        (
            r"\b(your)(?= (?:welcome|right|correct|going|doing|the best|a great)\b)",
            "you're",
            "“your” is possessive; “you are” is “you're”.",
        ),
        (
            r"\b(its)(?= (?:been|a |an |the |not |very |so |clear|great|exciting|important))",
            "it's",
            "“its” is possessive; “it is” / “it has” is “it's”.",
        ),
        (
            r"\b(?:more|less|better|rather|greater|larger|smaller|higher|lower|sooner|faster|other) (then)\b",
            "than",
            "Use “than” for comparisons.",
        ),
        (
            r"\b(there)(?= (?:team|company|work|office|product|mission|clinic|store|plans?)\b)",
            "their",
            "“there” is a place; the possessive is “their”.",
        ),
        (
            r"\b(their)(?= (?:is|are|was|were)\b)",
            "there",
            "“their” is possessive; here it should be “there”.",
        ),
        (
            r"\b(?:look forward|forward) (to hear)\b(?! from)",
            "to hearing",
            "After “look forward to”, use the -ing form.",
        ),
        (
            r"\b(loose)(?= (?:touch|track|the chance))",
            "lose",
            "“loose” means not tight; the verb is “lose”.",
        ),
        (r"\b(affect)(?= on\b)", "effect", "The noun is “effect”."),
        (
            r"\b(could of|should of|would of|must of)\b",
            "could have",
            "Write “... have”, not “... of”.",
        ),
        (r"\b(alot)\b", "a lot", "“a lot” is two words."),
        (r"\b(definately|definatly)\b", "definitely", "Misspelled: “definitely”."),
        (
            r"\b(a)(?= (?:opportunity|interview|excellent|amazing|incredible|honou?r|hour|exciting|"
            r"interesting|engineer|analyst|office|update|answer|offer|open)\b)",
            "an",
            "Use “an” before a vowel sound.",
        ),
        (
            r"\b(an)(?= (?:great|good|wonderful|pleasure|chance|role|position|team|company|job|meeting|"
            r"conversation|lovely)\b)",
            "a",
            "Use “a” before a consonant sound.",
        ),
    )
)


def _fix_case(found: str, repl: str) -> str:
    return repl[:1].upper() + repl[1:] if found[:1].isupper() else repl


@lru_cache(maxsize=1)
def _workplace_words() -> frozenset[str]:
    """Everyday workplace words the general dictionary lacks (data: lexicon.toml)."""
    return frozenset(w.lower() for w in load_data("lexicon")["spelling"]["workplace_words"])


@lru_cache(maxsize=1)
def _proper_lowercase() -> re.Pattern[str]:
    words = load_data("lexicon")["spelling"]["always_capitalised"]
    return re.compile(r"(?<![\w@./-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w@-]|\.\w)")


@lru_cache(maxsize=1)
def _speller() -> object:
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


_speller_lock = threading.Lock()


class BuiltinChecker:
    """Spelling (pyspellchecker, distance 1: fast), confusions, doubled words, capitals."""

    name = "builtin"

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        issues = self._confusions(text) + self._repeats(text) + self._capitals(text) + self._punctuation(text)
        return add_unless_overlapping(issues, self.dictionary_checks(text, accepted_words))

    def dictionary_checks(self, text: str, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        """Spelling and lower-case day, month and language names: what a dictionary knows.
        LanguageTool runs without its own speller, so these are added to its findings too."""
        return self._spelling(text, {w.lower() for w in accepted_words}) + self._proper_words(text)

    def _proper_words(self, text: str) -> list[GrammarIssue]:
        out = []
        for m in _proper_lowercase().finditer(text):
            word = m.group(0)
            out.append(
                GrammarIssue(
                    m.start(),
                    m.end(),
                    f"“{word}” is a name and takes a capital letter.",
                    "capitalization",
                    "BUILTIN_PROPER_NOUN",
                    (word[:1].upper() + word[1:],),
                    safe_fix=True,
                )
            )
        return out

    def _confusions(self, text: str) -> list[GrammarIssue]:
        out = []
        for pattern, repl, message in _CONFUSIONS:
            for m in pattern.finditer(text):
                found = m.group(1)
                fix = _fix_case(found, repl)
                if found.lower() in ("could of", "should of", "would of", "must of"):
                    fix = _fix_case(found, found.split()[0].lower() + " have")
                out.append(
                    GrammarIssue(
                        m.start(1),
                        m.end(1),
                        message,
                        "confusion",
                        "BUILTIN_CONFUSION",
                        (fix,),
                        safe_fix=False,
                    )
                )
        return out

    def _repeats(self, text: str) -> list[GrammarIssue]:
        out = []
        for m in _REPEAT.finditer(text):
            if m.group(1).lower() in _ALLOWED_REPEATS:
                continue
            between = text[m.end(1) : m.start(2)]
            out.append(
                GrammarIssue(
                    m.start(1),
                    m.end(2),
                    f"“{m.group(1)}” is repeated.",
                    "repetition",
                    "BUILTIN_REPEATED_WORD",
                    (m.group(1),),
                    safe_fix="\n" not in between,
                )
            )
        return out

    def _capitals(self, text: str) -> list[GrammarIssue]:
        out = []
        for m in _LOWER_I.finditer(text):
            out.append(
                GrammarIssue(
                    m.start(),
                    m.start() + 1,
                    "Write the pronoun “I” in capitals.",
                    "capitalization",
                    "BUILTIN_LOWERCASE_I",
                    ("I",),
                    safe_fix=True,
                )
            )
        for m in _SENT_START.finditer(text):
            word = m.group(1)
            token_end = re.match(r"\S*", text[m.start(1) :])
            token = token_end.group(0) if token_end else word
            if "@" in token or "://" in token or token.startswith("www."):
                continue  # an address in a signature, not a sentence
            if word in ("i", "e", "g", "etc", "vs", "am", "pm") or (len(word) == 1 and word != "a"):
                continue
            if re.search(r"(?:e\.g|i\.e|etc|vs|approx|a\.m|p\.m|\d)\.\s+$", text[max(0, m.start(1) - 10) : m.start(1)]):
                continue
            fix = word[:1].upper() + word[1:]
            out.append(
                GrammarIssue(
                    m.start(1),
                    m.end(1),
                    "Start the sentence with a capital letter.",
                    "capitalization",
                    "BUILTIN_SENTENCE_START",
                    (fix,),
                    safe_fix=True,
                )
            )
        return out

    def _punctuation(self, text: str) -> list[GrammarIssue]:
        """Doubled marks and a space before a comma or full stop (a visible gap) are
        punctuation; doubled and trailing spaces are ``whitespace``, with a safe fix: real
        notes have many, and the reader rarely sees them."""
        out = []
        for m in _DOUBLE_PUNCT.finditer(text):
            out.append(
                GrammarIssue(
                    m.start(1),
                    m.end(1),
                    "Doubled punctuation.",
                    "punctuation",
                    "BUILTIN_DOUBLE_PUNCTUATION",
                    (m.group(1)[0],),
                    safe_fix=True,
                )
            )
        for m in _SPACE_BEFORE.finditer(text):
            out.append(
                GrammarIssue(
                    m.start(),
                    m.end(),
                    "No space before this punctuation mark.",
                    "punctuation",  # a visible gap, unlike a doubled space
                    "BUILTIN_SPACE_BEFORE_PUNCTUATION",
                    ("",),
                    safe_fix=True,
                )
            )
        for m in _DOUBLE_SPACE.finditer(text):
            out.append(
                GrammarIssue(
                    m.start(),
                    m.end(),
                    "Two spaces between words.",
                    "whitespace",
                    "BUILTIN_DOUBLE_SPACE",
                    (" ",),
                    safe_fix=True,
                )
            )
        for m in _TRAILING_SPACE.finditer(text):
            out.append(
                GrammarIssue(
                    m.start(),
                    m.end(),
                    "Spaces at the end of the line.",
                    "whitespace",
                    "BUILTIN_TRAILING_SPACE",
                    ("",),
                    safe_fix=True,
                )
            )
        return out

    def _spelling(self, text: str, accepted: set[str]) -> list[GrammarIssue]:
        candidates = spelling_candidates(text, accepted)
        if not candidates:
            return []
        with _speller_lock:
            spell = _speller()
            unknown = spell.unknown([c[3] for c in candidates])  # type: ignore[attr-defined]
            out = []
            for start, end, word, lower in candidates:
                if lower not in unknown or lower.split("'")[0] in accepted:
                    continue
                if spell.known(american_forms(lower)):  # type: ignore[attr-defined]
                    continue  # British spelling of a known word
                fix = spell.correction(lower)  # type: ignore[attr-defined]
                replacements = (_fix_case(word, fix),) if fix and fix != lower else ()
                if not replacements:
                    # A word one edit away from no known word is far more often jargon the
                    # dictionary lacks ("onboarded", "cannulated") than a typo: stay quiet.
                    continue
                out.append(
                    GrammarIssue(
                        start,
                        end,
                        f"“{word}” may be misspelled.",
                        "spelling",
                        "BUILTIN_SPELLING",
                        replacements,
                        safe_fix=False,
                    )
                )
        return out


def spelling_candidates(text: str, accepted: Collection[str]) -> list[tuple[int, int, str, str]]:
    """The words worth looking up, as ``(start, end, word, lower-case key)``: not addresses,
    name particles, accepted or workplace words, short words or acronyms, and not capitalised
    words mid-sentence (mostly names; we leave them to the user's eye)."""
    skip = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    skip += [(m.start(), m.end()) for m in _NAME_PARTICLE.finditer(text)]
    workplace = _workplace_words()
    out = []
    for m in _WORD.finditer(text):
        start, end, word = m.start(1), m.end(1), m.group(1)
        if any(s <= start < e for s, e in skip):
            continue
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]  # the possessive of a known word is known
        if lower in accepted or lower in workplace or len(word) < 3 or word.isupper():
            continue
        if word[:1].isupper() and not sentence_initial(text, start):
            continue
        out.append((start, end, word, lower))
    return out
