"""Physical lines of a text with exact offsets (``\\n``, ``\\r\\n`` and ``\\r`` all end a line)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One line: ``start``..``end`` is its content without the line break; ``lead``..``trail``
    is the content without surrounding spaces (empty when the line is blank)."""

    start: int
    end: int
    lead: int
    trail: int
    brk: int
    """Where the next line starts (after the line break)."""

    @property
    def blank(self) -> bool:
        return self.lead == self.trail

    @property
    def width(self) -> int:
        return self.trail - self.start


def split_lines(text: str, start: int, end: int) -> list[Line]:
    """The lines of ``text[start:end]``, in one pass."""
    out: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        cr = text.find("\r", pos, nl if nl != -1 else end)
        if cr != -1:
            stop, brk = cr, cr + 2 if text.startswith("\r\n", cr) else cr + 1
        elif nl != -1:
            stop, brk = nl, nl + 1
        else:
            stop, brk = end, end
        lead = pos
        while lead < stop and text[lead] in " \t\f\v\u00a0\u200b\ufeff":
            lead += 1
        trail = stop
        while trail > lead and text[trail - 1] in " \t\f\v\u00a0\u200b\ufeff":
            trail -= 1
        out.append(Line(pos, stop, lead, trail, min(brk, end)))
        pos = brk
    return out


def head(text: str, line: Line, limit: int) -> str:
    """The stripped content of a line, at most ``limit`` characters of it (tests stay bounded)."""
    return text[line.lead : min(line.trail, line.lead + limit)]
