"""What a panel check returns: frozen, typed, JSON-able."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..report import SCHEMA_VERSION, Report, Span, Suggestion


@dataclass(frozen=True)
class CopiedSentence:
    """A sentence of the first note (``a``) that is the same, or nearly, in the second (``b``);
    each span indexes its own draft's ``Report.text``."""

    a: Span
    b: Span
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "similarity": round(self.similarity, 4)}


@dataclass(frozen=True)
class NearCopy:
    """Two notes of the panel (indices into :attr:`PanelReport.drafts`) and what they share.

    ``share`` is the part of the two notes' compared sentences that have a match in the other
    note (0 to 1); ``compared`` counts those sentences in each note.
    """

    a: int
    b: int
    share: float
    compared: tuple[int, int]
    sentences: tuple[CopiedSentence, ...]

    def to_dict(self, names: Sequence[str]) -> dict[str, Any]:
        return {
            "a": names[self.a],
            "b": names[self.b],
            "share": round(self.share, 4),
            "compared": list(self.compared),
            "sentences": [s.to_dict() for s in self.sentences],
        }

    def __repr__(self) -> str:
        return f"<NearCopy {self.a}~{self.b} share={self.share:.2f} sentences={len(self.sentences)}>"


@dataclass(frozen=True)
class PanelDraft:
    """One note of the panel: its name, whom it is to and how that was decided (``"context"``,
    ``"greeting"`` or ``"unknown"``), and its report: everything the single-draft check found
    plus the panel's findings (RF008, RF009) on this note."""

    name: str
    addressee: str | None
    addressee_source: str
    report: Report

    @property
    def panel_findings(self) -> tuple[Suggestion, ...]:
        from ._rules import PANEL_RULES

        return tuple(s for s in self.report.suggestions if s.code in PANEL_RULES)


@dataclass(frozen=True)
class PanelReport:
    """Every note to one interview's panel, checked together.

    ``panel`` is the people the notes are to (from the contexts and the greetings);
    ``copies`` the pairs of notes that are near-copies of each other; ``notes`` what could
    not be compared and why.
    """

    drafts: tuple[PanelDraft, ...]
    panel: tuple[str, ...]
    copies: tuple[NearCopy, ...]
    notes: tuple[str, ...] = ()

    @property
    def items(self) -> list[tuple[str, Report]]:
        """``(name, report)`` pairs, what every output format renders."""
        return [(d.name, d.report) for d in self.drafts]

    def copies_of(self, index: int) -> tuple[NearCopy, ...]:
        """The near-copy pairs that involve draft ``index``."""
        return tuple(c for c in self.copies if index in (c.a, c.b))

    def draft_record(self, index: int) -> dict[str, Any]:
        """What the panel knows about one draft, as JSON (the ``panel`` key of its record)."""
        d = self.drafts[index]
        names = [x.name for x in self.drafts]
        return {
            "addressee": d.addressee,
            "addressee_source": d.addressee_source,
            "copies": [c.to_dict(names) for c in self.copies_of(index)],
        }

    def to_dict(self) -> dict[str, Any]:
        names = [d.name for d in self.drafts]
        return {
            "schema_version": SCHEMA_VERSION,
            "panel": list(self.panel),
            "notes": list(self.notes),
            "copies": [c.to_dict(names) for c in self.copies],
            "drafts": [
                {"path": d.name, "panel": self.draft_record(i), **d.report.to_dict()} for i, d in enumerate(self.drafts)
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        found = sum(len(d.panel_findings) for d in self.drafts)
        return f"<PanelReport drafts={len(self.drafts)} copies={len(self.copies)} panel_findings={found}>"
