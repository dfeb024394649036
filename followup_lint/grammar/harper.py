"""Harper (Automattic's offline English grammar checker, in Rust) in this process.

Harper needs neither Java nor a server: ``harper.Linter`` checks a draft in milliseconds.
Its lints become :class:`GrammarIssue` objects: Harper's lint kind (with a few rules named
where the kind is too broad) decides our kind and so the GM rule; the rule name is kept as
``source_rule``. Harper's spans count code points, which are Python string indices, so no
conversion is needed (LanguageTool's UTF-16 offsets are converted in languagetool.py).

Loading and threads: the linter is built once per process on first use (about half a
second: it builds its dictionary), never at ``import followup_lint``, and shared by every
``Analyzer``. A ``harper.Linter`` is not thread-safe (a call while another thread is inside
one raises ``RuntimeError``), so every call goes through one lock; Harper releases the GIL
while it works, so other threads keep running.

Bounds: a word longer than ``LONG_TOKEN`` characters is blanked before Harper sees it (its
spell checker's cost grows with the square of a word's length: a 100,000-character "word"
made it ask for 30 GB), the text is cut to ``MAX_CHARS`` and checked in paragraph-sized
chunks, and checking stops once ``TIME_BUDGET`` seconds are spent; the note says so.

Quiet on e-mail: rules that another followup-lint rule covers (long sentences: LN003) or
that misfire on e-mail (en dashes in phone numbers, the Oxford comma, commas after
"Honestly", British spellings) are switched off; spelling is not reported for accepted
words, capitalised words other than at a sentence start (names), acronyms, words with
digits, addresses, or British spellings of American words (unless a dialect is chosen).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..data import DataFileError, load_data
from .base import GrammarIssue, GrammarUnavailable, chunks, sentence_initial
from .variants import american_forms

MAX_CHARS = 20_000
CHUNK_CHARS = 3_000
LONG_TOKEN = 40
TIME_BUDGET = 1.5

# Harper rules switched off, and why. Measured on learner sentences and their corrections
# (benchmarks/grammar_eval.py): each fires on the corrected sentences as often as or more
# often than on the faulty ones, or it repeats one of our own rules.
DISABLED_RULES: dict[str, str] = {
    "LongSentences": "LN003 long-sentence reports these",
    "NumericRangeEnDash": "phone numbers (555-0147) are not ranges",
    "Dashes": "hyphens for dashes are normal in e-mail",
    "UseEllipsisCharacter": "three full stops are normal in e-mail",
    "EllipsisLength": "typography, not grammar",
    "OxfordComma": "a style choice either way",
    "Regionalisms": "British and American words are both right",
    "CompoundNouns": "fires on correct compounds more often than on wrong ones",
    "MissingTo": "fires on correct sentences more often than on wrong ones",
    "UnclosedQuotes": "quoted replies and inch marks",
    "WouldNeverHave": "“would never have” is standard",
    "QuoteSpacing": "typography, not grammar",
    "DayOneNames": "“day one” is an idiom",
    "OrthographicConsistency": "names that are also acronyms (“Sam” -> “SAM”)",
    "MissingPreposition": "fires on correct copular sentences (“Lawyers are young people.”)",
    # harper-py 0.2 prints a debugging line to standard output whenever this rule fires, which
    # would land inside a JSON or SARIF report; the tag check TAG_FORWARD_TO_BASE (syntax.py)
    # finds the same error ("looking forward to hear") and suggests the -ing form.
    "LookingForwardTo": "prints to standard output; TAG_FORWARD_TO_BASE reports it",
}


def _lint_config(linter: Any) -> dict[str, bool | None]:
    """Harper's rules as we run them: the rules in ``data/harper.toml`` at their defaults,
    less DISABLED_RULES; every other rule off. Most of Harper's rules are single idioms that
    never fire on follow-up mail or learner sentences, and each costs a scan of the text:
    running all of them took about three times as long as running these."""
    kept = set(_kept_rules())
    return {name: None if name in kept and name not in DISABLED_RULES else False for name in linter.get_lint_config()}


@cache
def _kept_rules() -> tuple[str, ...]:
    entries = load_data("harper").get("kept")
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise DataFileError("harper.toml: kept must be a list of rule names")
    return tuple(entries)


# Derivational prefixes a dictionary cannot list with every word: "un" + "returned",
# "non-" + "specialists". A word made of one of these and a word the dictionary knows (of at
# least ``_MIN_STEM`` letters, so "mis" + "pell" does not pass) is not a misspelling.
_PREFIXES = ("non", "un", "re", "pre", "post", "co", "eco", "over", "under", "multi", "anti", "semi", "sub", "inter")
_MIN_STEM = 5

# Harper's lint kind -> ours. Kinds of advice rather than error go to "style" (GM008, off by
# default); Formatting is typography unless it is about spaces.
_KINDS = {
    "Spelling": "spelling",
    "Typo": "spelling",
    "BoundaryError": "spelling",
    "Agreement": "grammar",
    "Grammar": "grammar",
    "Usage": "grammar",
    "Miscellaneous": "grammar",
    "Nonstandard": "grammar",
    "WordChoice": "confusion",
    "Eggcorn": "confusion",
    "Malapropism": "confusion",
    "Capitalization": "capitalization",
    "Repetition": "repetition",
    "Punctuation": "punctuation",
    "Formatting": "typography",
    "Style": "style",
    "Readability": "style",
    "Enhancement": "style",
    "Redundancy": "style",
    "Regionalism": "style",
}
# Rules whose name says more than their kind: the classic confusions and spaces.
_CONFUSION_RULE = re.compile(r"Than|Their|There|Your|Its|AnA|ToTwoToo|Affect|Effect|Loose|Lose|Confusion")
_RULE_KINDS = {
    "Spaces": "whitespace",
    "NoFrenchSpaces": "whitespace",
    "RepeatedWords": "repetition",
    "SplitWords": "spelling",
    "Cant": "spelling",  # "cant" for "can't" is a typo, not an enhancement
}
# A hyphenated prefix ("non-stop", "re-send") is a spelling the dictionaries allow; closing it
# up is a preference (style). A spaced one ("dis agreed") stays a spelling error.
_PREFIX_RULES = {"DisjointPrefixes"}
# Fixes a program may apply: mechanical and unambiguous.
_SAFE_RULES = {"RepeatedWords", "Spaces", "CapitalizePersonalPronouns", "SentenceCapitalization"}

# Web and e-mail addresses, with or without a scheme ("github.com/ana-l").
_ADDRESS = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*linkedin\.\S*"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|co|ai|me|edu|gov|uk|app)\b(?:/\S*)?"
)
# Times, dates, phone numbers, money and version numbers: digits with punctuation.
_NUMERIC = re.compile(r"[+(]?\d[\d\s().:/,+-]*\d|\d+(?:am|pm|st|nd|rd|th|k)\b", re.I)
_LONG = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")


def kind_of(rule: str, lint_kind: str) -> str:
    """Our kind for a Harper lint (decides the GM rule it is reported under)."""
    if rule in _RULE_KINDS:
        return _RULE_KINDS[rule]
    kind = _KINDS.get(lint_kind, "grammar")
    if kind in ("grammar", "confusion", "spelling") and _CONFUSION_RULE.search(rule):
        return "confusion"
    return kind


@dataclass(frozen=True)
class RawLint:
    """One of Harper's lints, copied out of the Rust objects; offsets are into the text."""

    rule: str
    start: int
    end: int
    lint_kind: str
    message: str
    replacements: tuple[str, ...]


@dataclass(frozen=True)
class Linted:
    """What :meth:`HarperChecker.lint` found in ``text``; ``checked``: how much of it was read."""

    text: str
    lints: list[RawLint]
    checked: int


@dataclass(frozen=True)
class HarperResult:
    issues: list[GrammarIssue]
    note: str = ""  # set when part of the text was not checked


_load_lock = threading.Lock()
_lint_lock = threading.Lock()
_linters: dict[str, Any] = {}
_preloading: set[str] = set()


def _linter(dialect: str | None) -> Any:
    """The process's linter for ``dialect`` (None: American dictionary, British accepted)."""
    key = dialect or ""
    with _load_lock:
        if key not in _linters:
            try:
                import harper
            except Exception as exc:  # ImportError, or a wheel that does not load here
                raise GrammarUnavailable(f"Harper could not be loaded ({type(exc).__name__}: {exc})") from None
            try:
                chosen = harper.Dialect[dialect.upper()] if dialect else harper.Dialect.AMERICAN
                linter = harper.Linter(dialect=chosen)
                linter.set_lint_config(_lint_config(linter))
            except Exception as exc:
                raise GrammarUnavailable(f"Harper failed to start ({type(exc).__name__}: {exc})") from None
            _linters[key] = (harper, linter)
        return _linters[key]


class HarperChecker:
    """Harper as a grammar backend: :meth:`check` gives :class:`GrammarIssue` objects.

    ``dialect`` ("american", "british", "australian", "canadian", "indian"): spell for that
    dialect only. None (the default): American and British spellings are both accepted.
    """

    name = "harper"

    def __init__(self, dialect: str | None = None, *, time_budget: float = TIME_BUDGET) -> None:
        self.dialect = dialect
        self.time_budget = time_budget

    def load(self) -> None:
        """Build the shared linter now (raises :class:`GrammarUnavailable`)."""
        _linter(self.dialect)

    def preload(self) -> None:
        """Start building the shared linter in a background thread, once per process, so
        the build overlaps the loading of the spaCy pipeline; a later check waits for it.
        A failure here is ignored: the check that follows meets it again and reports it."""
        key = self.dialect or ""
        with _load_lock:
            if key in _linters or key in _preloading:
                return
            _preloading.add(key)

        def build() -> None:
            with contextlib.suppress(GrammarUnavailable):
                _linter(self.dialect)
                # The first lint of a new linter is slow (tens of ms): pay it here, and build the
                # British dictionary the spelling filter asks when no dialect is set.
                _known("warm", self.dialect)
                if self.dialect is None:
                    _known("warm", "british")

        threading.Thread(target=build, name="followup-lint-harper-load", daemon=True).start()

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        return self.run(text, accepted_words=accepted_words).issues

    def run(self, text: str, *, accepted_words: Collection[str] = ()) -> HarperResult:
        """Issues in ``text``, and a note when not all of it was checked. Raises
        :class:`GrammarUnavailable` when Harper cannot load or fails during the check."""
        return self.interpret(self.lint(text), accepted_words=accepted_words)

    def lint(self, text: str) -> Linted:
        """Harper's raw lints of ``text``, as plain data (:meth:`interpret` filters them).
        Raises :class:`GrammarUnavailable`. (Run in a thread alongside spaCy's pass, this
        saved nothing on two cores: measured 2026-12-03, benchmarks/REPORT.md.)"""
        harper, linter = _linter(self.dialect)
        bounded = text[:MAX_CHARS]
        masked = _LONG.sub(lambda m: " " * len(m.group(0)), bounded)
        started = time.monotonic()
        lints: list[RawLint] = []
        checked = 0
        for offset, chunk in chunks(masked, CHUNK_CHARS):
            if time.monotonic() - started > self.time_budget:
                break
            try:
                with _lint_lock:
                    found = linter.organized_lints(chunk, language=harper.Language.PLAINTEXT)
                lints += [
                    RawLint(
                        rule=str(rule),
                        start=offset + int(lint.span.start),
                        end=offset + int(lint.span.end),
                        lint_kind=str(lint.lint_kind),
                        message=str(lint.message),
                        replacements=tuple(str(x.replacement_text) for x in list(lint.suggestions)[:5]),
                    )
                    for rule, found_lints in found.items()
                    for lint in found_lints
                ]
            except Exception as exc:  # a Rust panic surfaces as an exception here
                raise GrammarUnavailable(f"Harper failed during the check ({type(exc).__name__})") from None
            checked = offset + len(chunk)
        return Linted(text, lints, checked)

    def interpret(self, linted: Linted, *, accepted_words: Collection[str] = ()) -> HarperResult:
        """The issues worth reporting among :meth:`lint`'s lints."""
        text = linted.text
        bounded = text[:MAX_CHARS]
        accepted = {w.lower() for w in accepted_words}
        skip = [(m.start(), m.end()) for p in (_ADDRESS, _NUMERIC, _LONG) for m in p.finditer(bounded)]
        issues = [i for lint in linted.lints if (i := self._issue(bounded, lint, accepted, skip)) is not None]
        note = ""
        if linted.checked < len(text):
            checked = linted.checked
            why = "it took too long" if checked < len(bounded) else f"drafts are checked up to {MAX_CHARS} characters"
            note = f"grammar checked for the first {checked} of {len(text)} characters ({why})"
        return HarperResult(sorted(issues, key=lambda i: (i.start, i.end)), note)

    def _issue(self, text: str, lint: RawLint, accepted: set[str], skip: list[tuple[int, int]]) -> GrammarIssue | None:
        rule = lint.rule
        if rule in DISABLED_RULES:
            return None
        start, end = lint.start, lint.end
        if not 0 <= start < end <= len(text) or any(s < end and start < e for s, e in skip):
            return None
        kind = kind_of(rule, lint.lint_kind)
        flagged = text[start:end]
        if rule in _PREFIX_RULES and "-" in flagged:
            kind = "style"
        if rule == "MergeWords" and any(w[:1].isupper() for w in flagged.split()[1:]):
            return None  # "an ENT", "Real Politik": an acronym or a name, not a split word
        replacements = lint.replacements
        if kind == "spelling" and not self._spelling_worth_reporting(text, start, flagged, replacements, accepted):
            return None
        if kind == "capitalization" and flagged.lower() in accepted:
            return None  # a product written its own way ("dbt", "iOS")
        return GrammarIssue(
            start=start,
            end=end,
            message=lint.message,
            kind=kind,
            source_rule=rule,
            replacements=replacements,
            safe_fix=rule in _SAFE_RULES and len(replacements) == 1,
        )

    def _spelling_worth_reporting(
        self, text: str, start: int, flagged: str, replacements: tuple[str, ...], accepted: set[str]
    ) -> bool:
        words = re.findall(r"[\w'’-]+", flagged.lower())
        if words and all(w in accepted or w.split("'")[0] in accepted for w in words):
            return False
        if any(ch.isdigit() for ch in flagged) or (len(flagged) > 1 and flagged.isupper()):
            return False  # acronyms, codes, versions
        if flagged[:1].isupper() and not sentence_initial(text, start):
            return False  # mid-sentence capitals are names; the tagger's proper nouns are accepted too
        if _after_signoff(text, start) or (flagged[:1].isupper() and _short_line(text, start)):
            return False  # a signature, a greeting or a sign-off line
        if _derived(flagged):
            return False
        # A British spelling ("programme", "judgement") is right unless a dialect is set. Harper's
        # British dictionary decides; rewriting endings ("-ement" -> "-ment") would also pass
        # misspellings such as "arguement" or "yaer".
        # Its list lacks some -ise forms ("anonymised"): an -ise/-yse word whose -ize/-yze form
        # is known passes too (that rewrite cannot turn a misspelling into a word).
        stem = re.sub(r"['’]s$", "", flagged)
        z_forms = {f for f in american_forms(stem) if re.sub(r"(?<=[iy])z", "s", f) == stem.lower()}
        return not (self.dialect is None and (_known(flagged, "british") or any(_known(f) for f in z_forms)))


@lru_cache(maxsize=4096)
def _known(word: str, dialect: str | None = None) -> bool:
    """Harper's dictionary for ``dialect`` (None: American) knows ``word``: it raises no
    spelling lint on it."""
    harper, linter = _linter(dialect)
    with _lint_lock:
        found = linter.organized_lints(word, language=harper.Language.PLAINTEXT)
    # Any lint we would report as spelling counts, not only the Spelling kind: "familes" gets
    # SplitWords, not SpellCheck.
    return not any(
        kind_of(str(rule), str(lint.lint_kind)) == "spelling" for rule, lints in found.items() for lint in lints
    )


def _derived(word: str) -> bool:
    """``word`` is a known prefix and a known word ("unreturned", "non-specialists")."""
    lower = word.lower()
    for prefix in _PREFIXES:
        stem = lower[len(prefix) :].lstrip("-")
        if lower.startswith(prefix) and len(stem) >= _MIN_STEM and stem.isalpha() and _known(stem):
            return True
    return False


def _line(text: str, start: int) -> tuple[int, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return line_start, text[line_start : len(text) if line_end < 0 else line_end]


def _short_line(text: str, start: int) -> bool:
    """The word is on a short line without a full stop: a name, a title, a greeting."""
    _, line = _line(text, start)
    return len(line.split()) <= 4 and not re.search(r"[.!?]\s*$", line)


def _after_signoff(text: str, start: int) -> bool:
    """The word is on a short line right after one ending in a comma ("Best regards," then
    the name, in any case)."""
    line_start, line = _line(text, start)
    previous = text[: max(0, line_start - 1)].rstrip(" \t")
    return len(line.split()) <= 4 and previous.endswith(",") and "\n" in text[:line_start]
