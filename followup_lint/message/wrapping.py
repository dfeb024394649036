"""Which line breaks inside a block are hard wraps (joined for analysis) and which are real.

Mail clients wrap at 72-78 columns, greedily: a line breaks only where the next word would
not fit. So a break is a wrap when the line is long and the next line's first word would
have overflowed the width the writer's client used (estimated from the longest lines).
``format=flowed`` marks its soft breaks with a trailing space.
"""

from __future__ import annotations

import re

from .lines import Line

WRAP, LINE, PARAGRAPH = "wrap", "line", "paragraph"

_LIST_ITEM = re.compile(r"(?:[-*•‣◦>]|\d{1,3}[.)]|[a-z][.)])[ \t]")
_FIRST_WORD = re.compile(r"\S+")
_ENDS_SENTENCE = re.compile(r"[.?!:;]['\")\]]?$")
_MIN_WRAP = 40
_MAX_WRAP = 100


def wrap_width(text: str, lines: list[Line]) -> int:
    """The column the writer's client wrapped at, or 0 when the text is not hard-wrapped."""
    widths = [ln.width for ln in lines if not ln.blank]
    if not widths or max(widths) > _MAX_WRAP:
        return 0
    long = [w for w in widths if w >= 50]
    return max(long) if len(long) >= 2 else 0


def break_kind(text: str, line: Line, nxt: Line, width: int) -> str:
    """How the break between two non-blank, adjacent lines of one block reads."""
    body = text[line.lead : line.trail]
    following = text[nxt.lead : nxt.trail]
    if _LIST_ITEM.match(following) or _LIST_ITEM.match(body):
        return LINE
    size = line.trail - line.start
    if size >= 30 and line.end > line.trail and text[line.trail] == " " and not _ENDS_SENTENCE.search(body[-3:]):
        return WRAP  # format=flowed soft break
    if size < _MIN_WRAP or body.endswith(":"):
        return LINE
    word = _FIRST_WORD.match(following)
    first = len(word.group(0)) if word else 0
    if width and size + 1 + first > width - 1:
        return WRAP
    if following[:1].islower() and not _ENDS_SENTENCE.search(body) and (not width or size >= 0.6 * width):
        return WRAP
    if size >= 0.9 * width > 0 and not _ENDS_SENTENCE.search(body):
        return WRAP
    if size >= 60 and not _ENDS_SENTENCE.search(body) and not body.endswith(","):
        return WRAP  # a long line stopped mid-sentence: the client wrapped it
    return LINE


def flowed_space(text: str, line: Line) -> bool:
    """The trailing space that format=flowed leaves on a soft-broken line."""
    return line.end > line.trail and text[line.trail] == " "
