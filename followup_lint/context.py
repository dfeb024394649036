"""What the writer knows about the interview: who, where, which role, when."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from .errors import ContextError
from .tomlfile import read_toml
from .types import Stage

DateLike = date | datetime | str | None

NOTES_LIMIT = 2000
"""Characters of ``Context.notes`` read for key phrases: notes longer than a page are pasted
transcripts, and their first page is where a writer puts what mattered."""
_NOTE_BREAK = re.compile(r"[;\n•·]+|(?<=[.!?])\s+|^\s*[-*]\s+|\s+[-–—]\s+", re.M)


def _parse_when(name: str, value: DateLike) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(12, 0))
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ContextError(
                f"{name}: {value!r} is not an ISO date or date-time (e.g. 2026-03-02 or 2026-03-02T14:30)"
            ) from None
        if len(text) <= 10:  # a bare date: assume midday, so "next day" reasoning holds
            parsed = parsed.replace(hour=12)
        return parsed
    raise ContextError(f"{name}: expected a date, datetime or ISO string, got {type(value).__name__}")


def hours_between(start: datetime, end: datetime) -> float:
    """Hours from ``start`` to ``end``. Two dates with time-zone offsets are compared as
    instants; a date without one is read in the other's zone (context dates are usually local
    times, an e-mail's Date header carries its offset)."""
    if (start.tzinfo is None) != (end.tzinfo is None):
        zone = start.tzinfo or end.tzinfo
        start, end = start.replace(tzinfo=start.tzinfo or zone), end.replace(tzinfo=end.tzinfo or zone)
    return (end - start).total_seconds() / 3600


def _clean(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContextError(f"{name}: expected text, got {type(value).__name__}")
    value = " ".join(value.split())
    return value or None


@dataclass(frozen=True)
class Context:
    """Facts about the interview. Every field is optional; rules that need a missing one stay quiet.

    Dates accept ``date``, ``datetime`` or ISO strings; a bare date means midday.
    ``interviewer`` may hold several names separated by commas or " and " (a panel).
    """

    interviewer: str | None = None
    company: str | None = None
    role: str | None = None
    topics: tuple[str, ...] = ()
    notes: str | None = None
    interview_date: datetime | None = None
    send_date: datetime | None = None
    candidate: str | None = None
    stage: Stage = Stage.AUTO

    def __init__(
        self,
        interviewer: str | None = None,
        company: str | None = None,
        role: str | None = None,
        topics: Iterable[str] | str | None = (),
        notes: str | None = None,
        interview_date: DateLike = None,
        send_date: DateLike = None,
        candidate: str | None = None,
        stage: str | Stage | None = Stage.AUTO,
    ) -> None:
        if isinstance(topics, str):
            topics = [topics]
        if topics is not None and not isinstance(topics, Iterable):
            raise ContextError(f"topics: expected a list of text, got {type(topics).__name__}")
        topic_list = tuple(t for t in (_clean(t, "topics") for t in (topics or ())) if t)
        try:
            parsed_stage = Stage.parse(stage)
        except ValueError as exc:
            raise ContextError(str(exc)) from None
        object.__setattr__(self, "interviewer", _clean(interviewer, "interviewer"))
        object.__setattr__(self, "company", _clean(company, "company"))
        object.__setattr__(self, "role", _clean(role, "role"))
        object.__setattr__(self, "topics", topic_list)
        if notes is not None and not isinstance(notes, str):
            raise ContextError(f"notes: expected text, got {type(notes).__name__}")
        object.__setattr__(self, "notes", notes.strip() or None if isinstance(notes, str) else None)
        object.__setattr__(self, "interview_date", _parse_when("interview_date", interview_date))
        object.__setattr__(self, "send_date", _parse_when("send_date", send_date))
        object.__setattr__(self, "candidate", _clean(candidate, "candidate"))
        object.__setattr__(self, "stage", parsed_stage)

    @property
    def note_fragments(self) -> tuple[str, ...]:
        """The interview notes cut where a writer separates items (semicolons, line breaks,
        bullets, sentence ends, dashes), the first :data:`NOTES_LIMIT` characters only; the
        key phrases are read from these (``rules/signals.py``)."""
        if not self.notes:
            return ()
        parts = (" ".join(p.split()) for p in _NOTE_BREAK.split(self.notes[:NOTES_LIMIT]))
        return tuple(p.strip(" .,:") for p in parts if p and p.strip(" .,:"))

    @property
    def interviewers(self) -> tuple[str, ...]:
        """The interviewer field split into people (a panel may list several)."""
        if not self.interviewer:
            return ()
        raw = self.interviewer.replace(" and ", ",").replace(";", ",").replace(" & ", ",")
        return tuple(p.strip() for p in raw.split(",") if p.strip())

    @property
    def names(self) -> tuple[str, ...]:
        """The names the context gives: the interviewers, the candidate, the company and the
        role, those that are set. No rule reads a word of them as a topic, a title-case
        slip or a specific detail."""
        return tuple(n for n in (*self.interviewers, self.candidate, self.company, self.role) if n)

    def with_(self, **changes: Any) -> Context:
        """A copy with some fields changed (values are parsed as in the constructor)."""
        current = self.to_dict()
        current.update(changes)
        return Context.from_dict(current)

    def merged_over(self, base: Context) -> Context:
        """This context's set fields over ``base``'s (used for CLI flags over a context file)."""
        values = base.to_dict()
        for key, value in self.to_dict().items():
            if value not in (None, [], "auto"):
                values[key] = value
        return Context.from_dict(values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "interviewer": self.interviewer,
            "company": self.company,
            "role": self.role,
            "topics": list(self.topics),
            "notes": self.notes,
            "interview_date": self.interview_date.isoformat() if self.interview_date else None,
            "send_date": self.send_date.isoformat() if self.send_date else None,
            "candidate": self.candidate,
            "stage": self.stage.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Context:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ContextError(f"unknown context field(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_toml(cls, path: str | Path) -> Context:
        """Read a context file: top-level keys, or a ``[context]`` table."""
        p = Path(path)
        data = read_toml(p, error=ContextError, what="context file")
        table = data.get("context", data)
        if not isinstance(table, dict):
            raise ContextError(f"{p}: [context] must be a table")
        try:
            return cls.from_dict(table)
        except ContextError as exc:
            raise ContextError(f"{p}: {exc}") from None
