"""Quoted replies and forwarded messages: where the writer's own text stops.

Three shapes, in the usual client languages: an attribution line ("On Tue, Maria Chen
<maria@lumen.example> wrote:"), a separator ("-----Original Message-----"), and a block of
header fields (Outlook ``From:/Sent:/To:/Subject:``, Lotus Notes ``Name / date / To: / cc: /
Subject:``). Lines opening with ``>`` are quoted wherever they stand. Below an attribution
or a header block that is not followed by ``>`` lines, everything is the older message.
"""

from __future__ import annotations

import re

from .data import Patterns
from .lines import Line, head

_STRONG_ATTRIBUTION = re.compile(r"(?:on|am|le|el|op|em|il)\b", re.I)
_HAS_SOURCE = re.compile(r"[@<\d]")
_LOTUS_LINE = re.compile(r"[@/]|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2}")


def _is_marker(text: str, line: Line) -> bool:
    return not line.blank and text[line.lead] == ">"


def _attribution(text: str, lines: list[Line], i: int, p: Patterns) -> int:
    """How many lines (1 or 2) the attribution at line ``i`` takes, or 0."""
    first = head(text, lines[i], p.max_line_scan)
    if len(first) > 300:
        return 0
    candidates = [(first, 1)]
    if i + 1 < len(lines) and not lines[i + 1].blank and not _is_marker(text, lines[i + 1]):
        candidates.append((first + " " + head(text, lines[i + 1], p.max_line_scan), 2))
    for joined, size in candidates:
        strong = _STRONG_ATTRIBUTION.match(joined) or _HAS_SOURCE.search(joined)
        if len(joined) <= 400 and strong and p.attribution.match(joined):
            return size
    return 0


def _header_block(text: str, lines: list[Line], i: int, p: Patterns) -> int:
    """The first line of a quoted header block whose field lines start at ``i``, or -1."""
    fields: list[str] = []
    j, gaps = i, 0
    while j < len(lines) and j < i + 12:
        m = p.header_field.match(head(text, lines[j], p.max_line_scan))
        if m:
            fields.append(m.group(1).lower())
        elif lines[j].blank or gaps >= 1:
            break
        else:
            gaps += 1  # a wrapped To: or Subject: value
        j += 1
    names = set(fields)
    if len(names) < 2 or not (names & (p.sender_fields | p.subject_fields)):
        return -1
    if fields[0] not in p.sender_fields and not (names & p.subject_fields):
        return -1
    first = i
    if fields[0] not in p.sender_fields:
        # Lotus Notes puts the sender and the date on their own lines above "To:".
        k = i - 1
        while k >= 0 and k >= i - 3 and not lines[k].blank:
            line_text = head(text, lines[k], p.max_line_scan)
            if len(line_text) > 80 or not _LOTUS_LINE.search(line_text):
                break
            first = k
            k -= 1
    return first


def quoted_ranges(text: str, lines: list[Line], p: Patterns) -> list[tuple[int, int]]:
    """Line-index ranges ``[i, j)`` that are quoted, in order; each line is looked at a bounded
    number of times."""
    out: list[tuple[int, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if _is_marker(text, line):
            j = _marker_run(text, lines, i)
            out.append((i, j))
            i = j
            continue
        size = _attribution(text, lines, i, p)
        if size:
            k = i + size
            while k < n and lines[k].blank:
                k += 1
            if k < n and _is_marker(text, lines[k]):
                j = _marker_run(text, lines, k)
                out.append((i, j))
                i = j
                continue
            out.append((i, n))
            break
        content = head(text, line, p.max_line_scan)
        if p.quote_separator.match(content):
            out.append((i, n))
            break
        if p.header_field.match(content):
            first = _header_block(text, lines, i, p)
            # Fields above anything the writer wrote ("To: Sam Lee / Subject: Thank you") are
            # the draft's own header, not an older message.
            if first >= 0 and any(not lines[k].blank for k in range(first)):
                while out and out[-1][1] > first:
                    out.pop()
                out.append((first, n))
                break
        i += 1
    return out


def _marker_run(text: str, lines: list[Line], i: int) -> int:
    """The end of a run of ``>`` lines starting at ``i`` (blank lines inside the run belong to it)."""
    n = len(lines)
    j = i
    last = i
    while j < n:
        if _is_marker(text, lines[j]):
            last = j
        elif not lines[j].blank:
            break
        j += 1
    return last + 1
