"""Text at the door: what every draft passes through before analysis.

Both functions keep the length of the text, so every span computed on their output indexes
the caller's string exactly.

- :func:`clean_text` replaces unpaired surrogates (``"\\ud800"``), which cannot be encoded
  as UTF-8: spaCy's tokenizer and ``json.dumps(...).encode()`` raise on them.
- :func:`tokenizer_safe` is a view of the text for spaCy's tokenizer only. spaCy peels
  suffixes off a token one at a time and searches the whole token each time, so a token of
  ``n`` punctuation marks or emoji costs ``n²`` (20,000 ``!`` took 83 s). Breaking such runs
  with spaces every :data:`RUN_LIMIT` characters keeps tokenization linear; the rules still
  read the original text through the spans.
"""

from __future__ import annotations

import re

__all__ = ["RUN_LIMIT", "TOKEN_LIMIT", "clean_text", "tokenizer_safe"]

RUN_LIMIT = 64
"""Longest run of one repeated character, or of punctuation and symbols, left unbroken."""

TOKEN_LIMIT = 256
"""Longest stretch without whitespace left unbroken (a long web address fits in it)."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_SAME_CHAR = re.compile(rf"(\S)\1{{{RUN_LIMIT},}}")
_SYMBOLS = re.compile(rf"[^\w\s]{{{RUN_LIMIT + 1},}}")
_LONG_TOKEN = re.compile(rf"\S{{{TOKEN_LIMIT + 1},}}")


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` with each unpaired surrogate replaced by U+FFFD (same length), and a note
    for the report when anything was replaced. Text without any is returned as is."""
    found = len(_SURROGATE.findall(text))
    if not found:
        return text, []
    cleaned = _SURROGATE.sub("\ufffd", text)
    plural = "s" if found != 1 else ""
    return cleaned, [f"replaced {found} unpaired surrogate character{plural} with U+FFFD (not valid Unicode text)"]


def tokenizer_safe(text: str) -> str:
    """The same text, same length, with a space put in place of one character every
    :data:`RUN_LIMIT` characters of a long run (one repeated character, or punctuation and
    symbols), and every :data:`TOKEN_LIMIT` characters of any longer stretch without
    whitespace. Ordinary text is returned unchanged (the same object)."""
    chars: list[str] | None = None
    current = text
    for pattern, limit in ((_SAME_CHAR, RUN_LIMIT), (_SYMBOLS, RUN_LIMIT), (_LONG_TOKEN, TOKEN_LIMIT)):
        matches = list(pattern.finditer(current))
        if not matches:
            continue
        if chars is None:
            chars = list(current)
        for m in matches:
            for i in range(m.start() + limit, m.end(), limit + 1):
                chars[i] = " "
        current = "".join(chars)
    return current
