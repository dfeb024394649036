"""The reader's result: typed zones with exact offsets, and a same-length view for analysis."""

from __future__ import annotations

from dataclasses import dataclass

ZONE_KINDS = ("header", "greeting", "body", "closing", "signature", "quoted", "placeholder", "instruction")
"""Every kind of zone, in reading order (placeholders may sit inside any other zone)."""


@dataclass(frozen=True)
class Zone:
    """A part of the message: ``text[start:end]`` (half-open offsets into the text given)."""

    kind: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.kind not in ZONE_KINDS:
            raise ValueError(f"unknown zone kind {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad zone span {self.start}..{self.end}")

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Message:
    """A read message.

    ``view`` has exactly the length of ``text``: what is not the writer's own prose (header
    block, quoted text, contact lines, disclaimers, template instructions) is blanked with
    spaces, newlines kept, and a hard-wrapped line break inside a paragraph is a space. So
    an offset found in ``view`` is the same offset in ``text``.
    """

    text: str
    zones: tuple[Zone, ...]
    view: str
    paragraphs: tuple[tuple[int, int], ...]
    start: int = 0
    end: int = 0
    sentence_breaks: tuple[int, ...] = ()
    """Offsets where a unit must start: zone boundaries, paragraph and hard line breaks."""
    joins: tuple[int, ...] = ()
    """Offsets of the first character after each hard-wrapped line break (no unit starts there)."""

    def zone(self, kind: str) -> tuple[Zone, ...]:
        """The zones of one kind, in order."""
        if kind not in ZONE_KINDS:
            raise ValueError(f"unknown zone kind {kind!r}; one of {', '.join(ZONE_KINDS)}")
        return tuple(z for z in self.zones if z.kind == kind)

    def kind_at(self, offset: int) -> str | None:
        """The kind of the zone holding ``offset`` (a placeholder wins over what it sits in)."""
        found: str | None = None
        for z in self.zones:
            if z.start > offset:
                break
            if z.start <= offset < z.end and (found is None or z.kind in ("placeholder", "instruction")):
                found = z.kind
        return found

    def zone_text(self, zone: Zone) -> str:
        return self.text[zone.start : zone.end]
