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
def swaps(section: str, key: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """``word => replacement`` entries: (pattern, word, replacement)."""
    out = []
    for entry in load_data("lexicon")[section][key]:
        word, _, repl = (p.strip() for p in entry.partition("=>"))
        # short text-speak ("u", "r", "ty") only in lower case, so "R" or "TY" stay quiet
        flags = 0 if len(word) <= 2 else re.I
        out.append(
            (
                re.compile(r"(?<![\w'@./-])" + re.escape(word) + r"(?![\w'@-]|\.\w)", flags),
                word,
                repl,
            )
        )
    return tuple(out)


def threshold(section: str) -> dict[str, Any]:
    return load_data("thresholds")[section]  # type: ignore[no-any-return]
