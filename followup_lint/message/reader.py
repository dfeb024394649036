"""``read_message``: one pass over the lines of a message, then zones, paragraphs and the view."""

from __future__ import annotations

import re

from .data import Patterns, patterns
from .greeting import greeting_end, is_header_line
from .lines import Line, head, split_lines
from .placeholders import find_placeholders
from .quotes import quoted_ranges
from .signoff import Signoff, find_signoff
from .wrapping import LINE, PARAGRAPH, WRAP, break_kind, wrap_width
from .zones import ZONE_KINDS, Message, Zone

_ORDER = {kind: i for i, kind in enumerate(ZONE_KINDS)}
_ENDS_SENTENCE = re.compile(r"[.?!]['\")\]]?$")
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def read_message(text: str, *, start: int = 0, end: int | None = None) -> Message:
    """Read ``text[start:end]`` (the body of a draft) into zones; offsets index ``text``.

    Text outside ``start:end`` (a subject line) is no zone and is left as it is in the view.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected text (str), got {type(text).__name__}")
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        raise ValueError(f"bad range {start}..{end} for a text of {len(text)} characters")
    p = patterns()
    lines = split_lines(text, start, stop)
    quoted = quoted_ranges(text, lines, p)
    segments = _writer_segments(len(lines), quoted)
    zones: list[Zone] = []
    blank: list[tuple[int, int]] = []
    visible_floor = start

    for a, b in quoted:
        span = _span(lines, a, b)
        if span:
            zones.append(Zone("quoted", *span))
            blank.append(span)

    greet_line = -1
    first_segment = next((s for s in segments if any(not lines[i].blank for i in range(*s))), None)
    if first_segment is not None:
        header, greeting, greet_line = _opening(text, lines, first_segment, p)
        if header:
            zones.append(Zone("header", *header))
            blank.append(header)
            visible_floor = header[1]
        if greeting:
            zones.append(Zone("greeting", *greeting))
            visible_floor = greeting[1]

    signoff = Signoff(None, None, None)
    postscript: tuple[int, int] | None = None
    last_segment = next((s for s in reversed(segments) if any(not lines[i].blank for i in range(*s))), None)
    if last_segment is not None:
        a, b = last_segment
        if first_segment == last_segment and greet_line >= 0:
            a = greet_line
        signoff = Signoff(None, None, None)
        ps = _postscript(text, lines, a, b, p)
        if ps is not None:  # a P.S. counts only below a sign-off
            signoff = find_signoff(text, lines, a, ps, p)
            if signoff.closing or signoff.signature:
                postscript = _span(lines, ps, b)
        if postscript is None:
            signoff = find_signoff(text, lines, a, b, p)
        if signoff.closing and signoff.closing[0] < visible_floor:
            signoff = Signoff(None, None, None)
        if signoff.signature and signoff.signature[0] < visible_floor:
            signoff = Signoff(None, None, None)
    if signoff.closing:
        zones.append(Zone("closing", *signoff.closing))
    if signoff.boilerplate:
        zones.append(Zone("signature", *signoff.boilerplate))
        blank.append(signoff.boilerplate)
    if signoff.signature:
        zones.append(Zone("signature", *signoff.signature))
        s_start, s_end = signoff.signature
        if signoff.name_line:
            blank.append((signoff.name_line[1], s_end))
        else:
            blank.append((s_start, s_end))
    ends = [x[0] for x in (signoff.closing, signoff.signature, signoff.boilerplate) if x]
    body_stop = min(ends) if ends else stop

    bodies = _bodies(text, lines, segments, visible_floor, body_stop)
    if postscript is not None:
        bodies = [x for x in bodies if x[1] <= postscript[0]] + [postscript]
    zones.extend(Zone("body", s, e) for s, e in bodies)

    breaks, paragraphs = _paragraphs(text, lines, bodies)

    # searched with wrapped lines joined (same offsets), so "Company\nName" is one slot
    joined = _view(text, [], breaks)
    quoted_spans = [(z.start, z.end) for z in zones if z.kind == "quoted"]
    for s, e, instruction in find_placeholders(joined, start, stop, skip=quoted_spans):
        zones.append(Zone("placeholder", s, e))
        if instruction:
            zones.append(Zone("instruction", s, e))
            blank.append((s, e))

    instructions = [(z.start, z.end) for z in zones if z.kind == "instruction"]
    paragraphs = [(s, e) for s, e in paragraphs if not any(a <= s and e <= b for a, b in instructions)]
    # an empty zone (a closing of no characters) marks nothing and would overlap its neighbour
    zones = [z for z in zones if z.end > z.start]
    zones.sort(key=lambda z: (z.start, -z.end, _ORDER[z.kind]))
    view = _view(text, blank, breaks)
    starts = {s for s, _ in paragraphs} | {z.start for z in zones if z.kind in ("body", "closing", "greeting")}
    if not signoff.closing and signoff.signature:
        starts.add(signoff.signature[0])
    if signoff.boilerplate:
        starts.add(signoff.boilerplate[0])
    starts |= {nxt for kind, nxt in breaks.values() if kind == LINE}
    return Message(
        text=text,
        zones=tuple(zones),
        view=view,
        paragraphs=tuple(paragraphs),
        start=start,
        end=stop,
        sentence_breaks=tuple(sorted(x for x in starts if start < x < stop)),
        joins=tuple(sorted(nxt for kind, nxt in breaks.values() if kind == WRAP)),
    )


_POSTSCRIPT = re.compile(r"(?:p\.?[ \t]?p\.?[ \t]?s|p\.?[ \t]?s)\b\.?[ \t]*[:.-]?", re.I)


def _postscript(text: str, lines: list[Line], a: int, b: int, p: Patterns) -> int | None:
    """The first line of a "P.S." paragraph below the sign-off, or None."""
    seen = 0
    for i in range(b - 1, a + 1, -1):
        if lines[i].blank:
            continue
        seen += 1
        if seen > p.max_signature_lines:
            return None
        if lines[i - 1].blank and _POSTSCRIPT.match(head(text, lines[i], 12)):
            return i
    return None


def _writer_segments(n: int, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in quoted:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < n:
        out.append((pos, n))
    return out


def _span(lines: list[Line], a: int, b: int) -> tuple[int, int] | None:
    nb = [i for i in (a, b - 1) if 0 <= i < len(lines)]
    first = next((i for i in range(a, b) if not lines[i].blank), None)
    if first is None or not nb:
        return None
    last = next(i for i in range(b - 1, a - 1, -1) if not lines[i].blank)
    return lines[first].lead, lines[last].trail


def _opening(
    text: str, lines: list[Line], segment: tuple[int, int], p: Patterns
) -> tuple[tuple[int, int] | None, tuple[int, int] | None, int]:
    """The letter header above the greeting and the greeting itself (offsets), and the
    greeting's line index (-1 when there is none)."""
    a, b = segment
    rows = [i for i in range(a, b) if not lines[i].blank][: p.max_header_lines + 1]
    texts = [head(text, lines[i], p.max_line_scan) for i in rows]
    # An opener ("Dear", "Hi") below header lines wins over a name alone on the first line,
    # which in a letter is the sender's.
    for passes in (False, True):
        header: list[int] = []
        for n, (i, s) in enumerate(zip(rows, texts)):
            if p.subject_line.match(s) or p.header_field.match(s):
                header.append(i)
                continue
            more = n + 1 < len(rows)
            g = greeting_end(s, p, alone_ok=more and not header) if (passes or p.greeting_opener.match(s)) else 0
            if g:
                line = lines[i]
                head_span = (lines[header[0]].lead, lines[header[-1]].trail) if header else None
                return head_span, (line.lead, line.lead + g), i
            if passes or not is_header_line(text, lines[i], p):
                break
            header.append(i)
    # no greeting: only subject lines at the top are a header
    subject = []
    for i in range(a, b):
        if lines[i].blank:
            continue
        if not p.subject_line.match(head(text, lines[i], p.max_line_scan)):
            break
        subject.append(i)
    if subject and len(subject) < sum(1 for i in range(a, b) if not lines[i].blank):
        return (lines[subject[0]].lead, lines[subject[-1]].trail), None, -1
    return None, None, -1


def _bodies(
    text: str, lines: list[Line], segments: list[tuple[int, int]], floor: int, stop: int
) -> list[tuple[int, int]]:
    """The writer's prose: each writer segment cut to ``[floor, stop)`` and trimmed."""
    out: list[tuple[int, int]] = []
    for a, b in segments:
        if a >= len(lines) or b <= a:
            continue
        s = max(lines[a].start, floor)
        e = min(lines[b - 1].end, stop)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _paragraphs(
    text: str, lines: list[Line], bodies: list[tuple[int, int]]
) -> tuple[dict[int, tuple[str, int]], list[tuple[int, int]]]:
    """Break kinds (keyed by the offset of the line break) and the body paragraphs."""
    breaks: dict[int, tuple[str, int]] = {}
    paragraphs: list[tuple[int, int]] = []
    starts = [ln.start for ln in lines]
    import bisect

    blocks: list[list[tuple[int, int, Line]]] = []  # per body, runs of (s, e, line)
    body_lines: list[Line] = []
    for s, e in bodies:
        i = bisect.bisect_right(starts, s) - 1
        run: list[tuple[int, int, Line]] = []
        while i < len(lines) and lines[i].start < e:
            line = lines[i]
            if line.blank:
                if run:
                    blocks.append(run)
                    run = []
            else:
                body_lines.append(line)
                run.append((max(s, line.lead), min(e, line.trail), line))
            i += 1
        if run:
            blocks.append(run)
    width = wrap_width(text, body_lines)
    hard: list[tuple[int, int]] = []  # (block index, position) of real line breaks after a sentence
    for bi, run in enumerate(blocks):
        for k in range(len(run) - 1):
            line, nxt = run[k][2], run[k + 1][2]
            kind = break_kind(text, line, nxt, width)
            breaks[line.end] = (kind, nxt.lead)
            if kind == LINE and _ENDS_SENTENCE.search(text[line.lead : line.trail]):
                hard.append((bi, k))
    # One block whose lines each end a sentence: the writer separated paragraphs by single
    # line breaks (or the client dropped the blank lines).
    if len(blocks) == 1 and len(hard) >= 2:
        for bi, k in hard:
            line = blocks[bi][k][2]
            breaks[line.end] = (PARAGRAPH, blocks[bi][k + 1][2].lead)
    for run in blocks:
        p_start = run[0][0]
        for k in range(len(run) - 1):
            kind, _ = breaks[run[k][2].end]
            if kind == PARAGRAPH:
                paragraphs.append((p_start, run[k][1]))
                p_start = run[k + 1][0]
        paragraphs.append((p_start, run[-1][1]))
    return breaks, paragraphs


def _view(text: str, blank: list[tuple[int, int]], breaks: dict[int, tuple[str, int]]) -> str:
    """``text`` with ``blank`` ranges as spaces (line breaks kept) and wrap breaks as spaces."""
    edits: list[tuple[int, int, str]] = []
    for s, e in blank:
        if s < e:
            edits.append((s, e, "blank"))
    for offset, (kind, _) in breaks.items():
        if kind == WRAP:
            size = 2 if text.startswith("\r\n", offset) else 1
            edits.append((offset, offset + size, "join"))
    if not edits:
        return text
    edits.sort()
    out: list[str] = []
    pos = 0
    for s, e, what in edits:
        s = max(s, pos)
        if s >= e:
            continue
        out.append(text[pos:s])
        piece = text[s:e]
        out.append(" " * len(piece) if what == "join" else _NOT_NEWLINE.sub(" ", piece))
        pos = e
    out.append(text[pos:])
    view = "".join(out)
    assert len(view) == len(text)
    return view
