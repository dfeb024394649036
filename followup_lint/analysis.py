"""The shared analysis that every rule reads: the draft, its sentences and moves, its words.

Built once per draft (``engine/build.py``); rules never run the model themselves. Signals
that several rules share are functions decorated with :func:`per_draft`: typed, computed once
per analysis, and kept with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import TYPE_CHECKING, TypeVar

from .context import Context
from .draft import Draft
from .types import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .config import Config
    from .grammar.base import GrammarIssue

T = TypeVar("T")
WORD_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’.-][A-Za-z0-9\u00C0-\u024F]+)*")


@dataclass(frozen=True)
class Unit:
    """A sentence, greeting line or sign-off block, with absolute offsets into the text."""

    start: int
    end: int
    text: str
    move: str
    confidence: float
    index: int
    also: tuple[str, ...] = ()  # the other moves it makes, if any (see nlp.components)


@dataclass(eq=False)
class Analysis:
    """What rules see. Offsets everywhere are into :attr:`text` (the report's text)."""

    draft: Draft
    context: Context
    config: Config
    stage: Stage
    units: list[Unit]
    doc: Doc | None = None
    grammar_issues: Sequence[GrammarIssue] = ()
    grammar_backend: str = "off"
    grammar_note: str = ""
    signoff_char: int | None = None
    truncated_at: int | None = None
    stage_source: str = "given"
    view: str = ""  # the message reader's view: same length as text, others' words blanked
    _signals: dict[Callable[..., object], object] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.draft.text

    @property
    def body_start(self) -> int:
        return self.draft.body_span[0]

    @property
    def body_end(self) -> int:
        return self.draft.body_span[1]

    @property
    def body(self) -> str:
        return self.draft.body

    @property
    def subject(self) -> str | None:
        return self.draft.subject

    def zones(self, kind: str) -> list[tuple[int, int]]:
        """The message reader's zones of one kind (``placeholder``, ``quoted``, ...)."""
        message = self.doc._.followup_message if self.doc is not None else None
        return [] if message is None else [(z.start, z.end) for z in message.zone(kind)]

    @cached_property
    def greeting(self) -> Unit | None:
        first = self.units[0] if self.units else None
        return first if first is not None and first.move == "greeting" else None

    @cached_property
    def signoff(self) -> Unit | None:
        """The sign-off block when the draft has one."""
        for unit in reversed(self.units):
            if unit.move == "sign_off" or (self.signoff_char is not None and unit.start >= self.signoff_char):
                return unit
            break
        return None

    @cached_property
    def signoff_text(self) -> str:
        """The whole sign-off block as written (closing, name, title and contact lines), which
        the view partly blanks; empty when the draft has no sign-off."""
        if self.signoff is None:
            return ""
        ends = [e for k in ("closing", "signature") for _, e in self.zones(k)]
        return self.text[self.signoff.start : max([self.signoff.end, *ends])]

    @cached_property
    def prose_units(self) -> list[Unit]:
        """Units that are neither the greeting nor the sign-off."""
        sign_start = self.signoff.start if self.signoff else self.body_end + 1
        return [u for u in self.units if u is not self.greeting and u.start < sign_start]

    @cached_property
    def prose_word_count(self) -> int:
        return sum(len(WORD_RE.findall(u.text)) for u in self.prose_units)

    def units_with(self, *moves: str, min_confidence: float = 0.0, secondary: bool = False) -> list[Unit]:
        """Units whose move is one of ``moves`` (at ``min_confidence``); with ``secondary``,
        also those that make one of them as their second move."""
        return [
            u
            for u in self.units
            if (u.move in moves and u.confidence >= min_confidence) or (secondary and any(m in moves for m in u.also))
        ]

    def find(self, pattern: re.Pattern[str], *, where: str = "body") -> Iterator[re.Match[str]]:
        """Matches in the body (or ``where="subject"``/``"prose"``); positions are absolute."""
        # The body is searched in the view, so quoted replies and signatures are never linted.
        seen = self.view or self.text
        if where == "subject":
            if self.draft.subject_span is None:
                return
            start, end = self.draft.subject_span
            yield from pattern.finditer(self.text, start, end)
        elif where == "prose":
            for unit in self.prose_units:
                yield from pattern.finditer(seen, unit.start, unit.end)
        else:
            yield from pattern.finditer(seen, self.body_start, self.truncated_at or self.body_end)

    def mentions(self, phrase: str, *, where: str = "body") -> list[tuple[int, int]]:
        """Case-insensitive whole-word mentions of ``phrase`` (spaces match any whitespace)."""
        words = [re.escape(w) for w in phrase.split()]
        if not words:
            return []
        pattern = re.compile(r"(?<![\w])" + r"[\s-]+".join(words) + r"(?![\w])", re.I)
        return [m.span() for m in self.find(pattern, where=where)]


def per_draft(func: Callable[[Analysis], T]) -> Callable[[Analysis], T]:
    """Compute a signal once per analysis (several rules and the scorer read it)."""

    @wraps(func)
    def cached(a: Analysis) -> T:
        if func not in a._signals:
            a._signals[func] = func(a)
        return a._signals[func]  # type: ignore[return-value]

    return cached
