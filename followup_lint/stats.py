"""Counts and readability figures for the report (textstat 0.7.8: offline and fast to import)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

_PARA = re.compile(r"\n[ \t]*\n")


def readability(prose: str) -> dict[str, Any]:
    """textstat's main figures for the prose; empty when there is too little text to judge."""
    if len(prose.split()) < 5:
        return {}
    import textstat

    return {
        "flesch_reading_ease": round(float(textstat.flesch_reading_ease(prose)), 1),
        "flesch_kincaid_grade": round(float(textstat.flesch_kincaid_grade(prose)), 1),
        "gunning_fog": round(float(textstat.gunning_fog(prose)), 1),
        "text_standard": str(textstat.text_standard(prose, float_output=False)),
        "reading_time_seconds": round(float(textstat.reading_time(prose, ms_per_char=14.69)), 1),
    }


def paragraphs(body: str) -> int:
    return sum(1 for p in _PARA.split(body) if p.strip())


class LazyStats(Mapping[str, Any]):
    """Report statistics whose costly entries are computed on first read.

    textstat's syllable counts load the CMU pronouncing dictionary (over a second in a fresh
    process); a terminal report never shows readability, so it should not pay for it.
    """

    def __init__(self, values: dict[str, Any], lazy: dict[str, Callable[[], Any]]) -> None:
        self._values = dict(values)
        self._lazy = dict(lazy)

    def __getitem__(self, key: str) -> Any:
        if key in self._lazy:
            self._values[key] = self._lazy.pop(key)()
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._values
        yield from list(self._lazy)

    def __len__(self) -> int:
        return len(self._values) + len(self._lazy)

    def __repr__(self) -> str:
        shown = {**self._values, **{k: "<not computed>" for k in self._lazy}}
        return f"LazyStats({shown!r})"
