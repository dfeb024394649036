"""The one compiler for phrase lists (``data/lexicon.toml``) and the thresholds
(``data/thresholds.toml``) the rules use.

One rule for every list, so that an entry means the same wherever it is used:

- an entry is a regular expression, matched **case-insensitively**, unless it is wrapped in
  a ``(?-i:...)`` group, which is case-sensitive;
- an entry that begins with a letter, digit or group gets a **word boundary** in front (no
  letter, digit, apostrophe, ``@``, ``/`` or ``.`` right before it), and one that ends with a
  letter, digit or group gets one behind (no letter, digit, apostrophe, ``@`` or ``-`` right
  after it, and no ``.`` followed by a letter: so ``info`` in ``info@x.com`` or ``u`` in
  ``u.s`` never match); an entry in a ``(?-i:...)`` group sets its own boundaries;
- substitution lists write ``word => replacement`` (an empty replacement means "leave it
  out"); plain word lists are matched as whole words, lower-cased.

A bad entry fails when the list is first used, with an error naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .data import DataFileError, load_data

_BEFORE = r"(?<![\w'’@/.])"
_AFTER = r"(?![\w'’@-]|\.\w)"


def _entries(section: str, key: str) -> list[str]:
    try:
        entries = load_data("lexicon")[section][key]
    except KeyError:
        raise DataFileError(f"lexicon.toml: no list [{section}] {key}") from None
    if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
        raise DataFileError(f"lexicon.toml: [{section}] {key} must be a list of non-empty strings")
    return entries


def compile_entry(entry: str) -> str:
    """The regular expression source for one entry, under the rule above."""
    if entry.startswith("(?-i:"):
        return entry
    body = entry
    if re.match(r"[\w(]", entry):
        body = _BEFORE + "(?:" + body + ")"
    if re.search(r"[\w)]$", entry):
        body = body + _AFTER
    return "(?i:" + body + ")"


@dataclass(frozen=True)
class Phrases:
    """A compiled phrase list: one pattern (longest-first where entries are plain words)."""

    section: str
    key: str
    pattern: re.Pattern[str]
    entries: tuple[str, ...]

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        return list(self.pattern.finditer(text, start, len(text) if end is None else end))

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


def _wrapping(entry: str) -> tuple[bool, bool]:
    """Whether an entry gets the word-boundary guard before it and after it."""
    if entry.startswith("(?-i:"):
        return False, False
    return bool(re.match(r"[\w(]", entry)), bool(re.search(r"[\w)]$", entry))


def join_entries(entries: list[str]) -> str:
    """The entries as one alternation, each run of entries with the same guards sharing one
    guard: ``(?<!…)(?:a|b|c)(?!…)`` matches what ``(?<!…)a(?!…)|(?<!…)b(?!…)|…`` does (the
    alternatives are tried in the same order), but tests the guard once per position, not
    once per entry: on a long phrase list that is most of the search time."""
    parts: list[str] = []
    run: list[str] = []
    guards: tuple[bool, bool] | None = None

    def flush() -> None:
        if not run or guards is None:
            return
        if guards == (False, False) and run[0].startswith("(?-i:"):
            parts.extend(run)
            return
        before, after = guards
        parts.append(
            "(?i:" + (_BEFORE if before else "") + "(?:" + "|".join(run) + ")" + (_AFTER if after else "") + ")"
        )

    for entry in entries:
        g = _wrapping(entry)
        if g != guards or entry.startswith("(?-i:"):
            flush()
            run, guards = [], g
        run.append(entry)
    flush()
    return "|".join(parts)


@cache
def phrases(section: str, key: str) -> Phrases:
    """``[section] key`` of lexicon.toml as one pattern."""
    entries = _entries(section, key)
    for entry in entries:
        try:
            re.compile(compile_entry(entry))
        except re.error as exc:
            raise DataFileError(f"lexicon.toml: [{section}] {key}: bad entry {entry!r} ({exc})") from None
    return Phrases(section, key, re.compile(join_entries(entries)), tuple(entries))


@dataclass(frozen=True)
class Substitutions:
    """``word => replacement`` entries: one pattern (longer phrases first) and a table from
    the lower-cased word to ``(word, replacement)``."""

    pattern: re.Pattern[str]
    table: dict[str, tuple[str, str]]


@cache
def substitutions(section: str, key: str) -> Substitutions:
    table: dict[str, tuple[str, str]] = {}
    for entry in _entries(section, key):
        word, arrow, repl = (p.strip() for p in entry.partition("=>"))
        if not arrow or not word:
            raise DataFileError(f"lexicon.toml: [{section}] {key}: {entry!r} is not 'word => replacement'")
        table[word.lower()] = (word, repl)
    body = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return Substitutions(re.compile(_BEFORE + "(?:" + body + ")" + _AFTER, re.I), table)


@cache
def words(section: str, key: str) -> frozenset[str]:
    """A plain word list, lower-cased."""
    return frozenset(e.strip().lower() for e in _entries(section, key))


@cache
def threshold(section: str) -> dict[str, Any]:
    """``[section]`` of thresholds.toml."""
    try:
        value = load_data("thresholds")[section]
    except KeyError:
        raise DataFileError(f"thresholds.toml: no section [{section}]") from None
    if not isinstance(value, dict):
        raise DataFileError(f"thresholds.toml: [{section}] must be a table")
    return value


def number(section: str, key: str) -> float:
    """A number from thresholds.toml, checked."""
    value = threshold(section).get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DataFileError(f"thresholds.toml: [{section}] {key} must be a number")
    return float(value)


def validate_all() -> None:
    """Compile every list of lexicon.toml (tests call this; rules compile lazily)."""
    data = load_data("lexicon")
    for section, table in data.items():
        if not isinstance(table, dict):
            raise DataFileError(f"lexicon.toml: [{section}] must be a table")
        for key in table:
            entries = _entries(section, key)
            if any("=>" in e for e in entries):
                substitutions(section, key)
            else:
                phrases(section, key)
