"""The results: frozen, typed, JSON-able. See ``docs/schema.md`` for the JSON form."""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .draft import SourceMap
from .types import Dimension, Severity, Stage

SCHEMA_VERSION = "1.2"


class Utf16Index:
    """Python character offsets to UTF-16 code units and back, for one text.

    Editors, browsers and LanguageTool count in UTF-16, where a character above U+FFFF takes
    two units. The positions of those characters are found once (linear); each conversion is
    then a binary search, so a report with thousands of spans stays linear in the text.
    """

    __slots__ = ("_astral", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def offset(self, index: int) -> int:
        """The UTF-16 offset of Python character ``index``."""
        return index + bisect.bisect_left(self._astral, index)

    def index(self, units: int) -> int:
        """The first Python index whose UTF-16 offset is at least ``units`` (a unit inside a
        surrogate pair maps to the character after it); ``len(text)`` past the end."""
        if units <= 0:
            return 0
        if not self._astral:
            return min(units, len(self.text))
        return min(len(self.text), bisect.bisect_left(range(len(self.text) + 1), units, key=self.offset))


@lru_cache(maxsize=4)
def _index_for(text: str) -> Utf16Index:
    # Callers that pass the same string span after span share one index; str caches its hash,
    # so a hit costs no pass over the text.
    return Utf16Index(text)


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 code-unit offset of Python character ``index`` (editors and browsers count so)."""
    return _index_for(text).offset(index)


@dataclass(frozen=True)
class Span:
    """Half-open character offsets into ``Report.text``; ``field`` says subject or body."""

    start: int
    end: int
    field: str = "body"
    utf16_start: int = 0
    utf16_end: int = 0

    @classmethod
    def of(cls, text: str | Utf16Index, start: int, end: int, field: str = "body") -> Span:
        """A span with its UTF-16 offsets; pass a :class:`Utf16Index` built once per report
        when making many spans over one text."""
        idx = text if isinstance(text, Utf16Index) else _index_for(text)
        return cls(start, end, field, idx.offset(start), idx.offset(end))

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "field": self.field,
            "utf16_start": self.utf16_start,
            "utf16_end": self.utf16_end,
        }


@dataclass(frozen=True)
class Suggestion:
    """One finding: what is wrong, where, how bad, and what to write instead."""

    code: str
    name: str
    dimension: Dimension
    severity: Severity
    message: str
    why: str
    span: Span
    text: str
    fix: str | None = None
    replacements: tuple[str, ...] = ()
    source_rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "dimension": self.dimension.value,
            "severity": self.severity.value,
            "message": self.message,
            "why": self.why,
            "span": self.span.to_dict(),
            "text": self.text,
            "fix": self.fix,
            "replacements": list(self.replacements),
            "source_rule": self.source_rule,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Suggestion:
        span = d["span"]
        return cls(
            code=d["code"],
            name=d["name"],
            dimension=Dimension(d["dimension"]),
            severity=Severity(d["severity"]),
            message=d["message"],
            why=d["why"],
            span=Span(span["start"], span["end"], span["field"], span["utf16_start"], span["utf16_end"]),
            text=d["text"],
            fix=d.get("fix"),
            replacements=tuple(d.get("replacements", ())),
            source_rule=d.get("source_rule"),
        )

    def safe_edit(self, text: str) -> tuple[int, int, str] | None:
        """What applying :attr:`fix` to ``text`` (the report's text) changes: ``(start, end,
        replacement)``, or None when the finding has no safe fix. Deleting a word or an emoji
        also deletes the space before it, so the sentence keeps single spaces; ``--fix`` and
        the SARIF fixes both come from here."""
        if self.fix is None:
            return None
        start, end = self.span.start, self.span.end
        if self.fix == "" and start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in " \n.,!?"):
            start -= 1
        return start, end, self.fix

    def __repr__(self) -> str:
        return f"<Suggestion {self.code} {self.name} {self.severity.value} {self.span.start}:{self.span.end}>"


@dataclass(frozen=True)
class Evidence:
    """A passage that supports a dimension's score (e.g. the sentence that thanks)."""

    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


@dataclass(frozen=True)
class Penalty:
    """Points a rule took off a dimension, and how many times it fired."""

    code: str
    name: str
    points: float
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "points": self.points, "count": self.count}


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score with what moved it. ``score`` is ``None`` when it could not be judged."""

    name: Dimension
    score: float | None
    evidence: tuple[Evidence, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    note: str = ""
    measure: Mapping[str, Any] | None = None  # since schema 1.1: the graded measure behind it

    @property
    def judged(self) -> bool:
        return self.score is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "score": self.score,
            "judged": self.judged,
            "evidence": [e.to_dict() for e in self.evidence],
            "penalties": [p.to_dict() for p in self.penalties],
            "note": self.note,
        }
        if self.measure is not None:
            out["measure"] = dict(self.measure)
        return out


@dataclass(frozen=True)
class SentenceLabel:
    """A sentence (or greeting / sign-off unit) and the move it makes."""

    start: int
    end: int
    text: str
    move: str
    confidence: float
    secondary: tuple[str, ...] = ()  # other moves it also makes ("interest", then "next_steps")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "move": self.move,
            "confidence": round(self.confidence, 4),
            "secondary": list(self.secondary),
        }


@dataclass(frozen=True)
class Report:
    """Everything followup-lint found in one draft.

    ``text`` is the analysed string: every ``span`` indexes it, so
    ``report.text[s.span.start:s.span.end] == s.text`` for every suggestion. ``score`` is
    ``None`` when the draft could not be judged at all (empty, not English); ``notes`` say why.
    """

    text: str
    score: float | None
    stage: Stage
    stage_source: str
    dimensions: Mapping[str, DimensionScore]
    suggestions: tuple[Suggestion, ...]
    sentences: tuple[SentenceLabel, ...]
    stats: Mapping[str, Any]
    grammar: Mapping[str, str]
    versions: Mapping[str, str]
    subject_span: tuple[int, int] | None = None
    body_span: tuple[int, int] = (0, 0)
    source: str = "text"
    notes: tuple[str, ...] = ()
    context: Mapping[str, Any] = field(default_factory=dict)
    zones: tuple[Mapping[str, Any], ...] = ()
    # Where stretches of ``text`` sit in the input file (Draft.source_map), for renderers that
    # point into the file (SARIF). It describes the input, not the findings, so the JSON
    # record does not carry it and two reports compare equal without it.
    source_map: SourceMap | None = field(default=None, compare=False, repr=False)

    @property
    def subject(self) -> str | None:
        if self.subject_span is None:
            return None
        return self.text[self.subject_span[0] : self.subject_span[1]]

    @property
    def body(self) -> str:
        return self.text[self.body_span[0] : self.body_span[1]]

    def by_code(self, code: str) -> list[Suggestion]:
        """Suggestions whose code or name equals ``code``."""
        return [s for s in self.suggestions if code in (s.code, s.name)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "score": self.score,
            "stage": self.stage.value,
            "stage_source": self.stage_source,
            "text": self.text,
            "subject": None
            if self.subject_span is None
            else {"start": self.subject_span[0], "end": self.subject_span[1]},
            "body": {"start": self.body_span[0], "end": self.body_span[1]},
            "source": self.source,
            "dimensions": {name: d.to_dict() for name, d in self.dimensions.items()},
            "suggestions": [s.to_dict() for s in self.suggestions],
            "sentences": [s.to_dict() for s in self.sentences],
            "stats": dict(self.stats),
            "grammar": dict(self.grammar),
            "notes": list(self.notes),
            "context": dict(self.context),
            "zones": [dict(z) for z in self.zones],
            "versions": dict(self.versions),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Report:
        version = str(d.get("schema_version", ""))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"unsupported report schema {version!r} (this is {SCHEMA_VERSION})")
        dims = {
            name: DimensionScore(
                name=Dimension(name),
                score=v["score"],
                evidence=tuple(Evidence(**e) for e in v["evidence"]),
                penalties=tuple(Penalty(**p) for p in v["penalties"]),
                note=v.get("note", ""),
                measure=v.get("measure"),
            )
            for name, v in d["dimensions"].items()
        }
        subject = d.get("subject")
        return cls(
            text=d["text"],
            score=d["score"],
            stage=Stage(d["stage"]),
            stage_source=d["stage_source"],
            dimensions=dims,
            suggestions=tuple(Suggestion.from_dict(s) for s in d["suggestions"]),
            sentences=tuple(SentenceLabel(**{**s, "secondary": tuple(s.get("secondary", ()))}) for s in d["sentences"]),
            stats=d["stats"],
            grammar=d["grammar"],
            versions=d["versions"],
            subject_span=None if subject is None else (subject["start"], subject["end"]),
            body_span=(d["body"]["start"], d["body"]["end"]),
            source=d.get("source", "text"),
            notes=tuple(d.get("notes", ())),
            context=d.get("context", {}),
            zones=tuple(d.get("zones", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        return cls.from_dict(json.loads(text))

    def _repr_html_(self) -> str:
        from .display.html import report_html

        return report_html(self)

    def __repr__(self) -> str:
        shown = "not judged" if self.score is None else f"{self.score:.0f}"
        return (
            f"<Report score={shown} stage={self.stage.value} "
            f"suggestions={len(self.suggestions)} words={self.stats.get('words', 0)}>"
        )
