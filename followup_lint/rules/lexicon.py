"""Compiled phrase lists from ``data/lexicon.toml`` and thresholds from ``thresholds.toml``."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..data import load_data


def _compile(entry: str) -> re.Pattern[str]:
    flags = 0 if entry.startswith("(?-i") else re.I
    body = entry
    if re.match(r"[\w(]", entry) and not entry.startswith("(?-i"):
        body = r"(?<![\w'])(?:" + entry + r")(?![\w'])"
    return re.compile(body, flags)


@cache
def patterns(section: str, key: str) -> tuple[re.Pattern[str], ...]:
    """Each phrase of ``[section] key`` as a word-bounded, case-insensitive pattern."""
    return tuple(_compile(e) for e in load_data("lexicon")[section][key])


@cache
def alternation(section: str, key: str) -> re.Pattern[str]:
    """All phrases of a list as one pattern (faster when only the first hit matters)."""
    entries = load_data("lexicon")[section][key]
    return re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{e})" for e in entries) + r")(?![\w'])", re.I)


@cache
def combined(section: str, key: str) -> re.Pattern[str]:
    """All patterns of a list as one, each keeping its own case rule (one scan, not many)."""
    parts = [("(?i:" if p.flags & re.I else "(?:") + p.pattern + ")" for p in patterns(section, key)]
    return re.compile("|".join(parts))


@cache
def swaps(section: str, key: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """``word => replacement`` entries as one pattern (longer phrases first) and a table from
    the lower-cased word to ``(word, replacement)``."""
    table: dict[str, tuple[str, str]] = {}
    for entry in load_data("lexicon")[section][key]:
        word, _, repl = (p.strip() for p in entry.partition("=>"))
        table[word.lower()] = (word, repl)
    body = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(r"(?<![\w'@./-])(?:" + body + r")(?![\w'@-]|\.\w)", re.I), table


def threshold(section: str) -> dict[str, Any]:
    return load_data("thresholds")[section]  # type: ignore[no-any-return]
