"""Line helpers and the line tests of the message reader, for callers that hold one line.

Where units begin is decided by :mod:`followup_lint.message` (zones, paragraphs, wrapped
lines); this module keeps the plain line split that rules use and exposes the reader's
greeting and closing tests for a single line.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..message.data import patterns
from ..message.greeting import greeting_end
from ..message.signoff import closing_length


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets (stripped of surrounding spaces)."""
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return out


def is_closing_line(text: str) -> bool:
    """A line that opens a sign-off: "Best regards,", "Thanks again, Priya", "Cheers".

    "Thanks for meeting me yesterday" is gratitude, not a closing.
    """
    return closing_length(text.strip(), patterns()) > 0


def is_greeting_line(text: str) -> bool:
    """A line that opens with a salutation: "Dear Ms. Chen,", "Hi Raj", "Hi Ana, hope you're well!"."""
    return greeting_end(text.strip(), patterns()) > 0
