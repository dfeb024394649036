"""Where units begin: lines, greeting lines and the sign-off block.

An email is not prose: a greeting line and a sign-off block ("Best regards,\\nJordan Lee\\n
555-0100") are units of their own, and a line break always ends a sentence. This module
finds those boundaries on plain text so that it can be tested without a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_data

_WORD = re.compile(r"[A-Za-z']+")


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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data("segmentation")
    closing = re.compile(r"^(?:" + "|".join(data["closings"]) + r")\b[\s,.!:;—–-]*", re.I)
    greeting = re.compile(r"^(?:" + "|".join(data["greetings"]) + r")\b", re.I)
    contact = re.compile("|".join(data["contact_patterns"]), re.I)
    return closing, greeting, contact


def is_closing_line(text: str) -> bool:
    """A line that opens a sign-off: "Best regards,", "Thanks again, Priya", "Cheers".

    A closing phrase is short; "Thanks for meeting me yesterday" is gratitude, not a closing.
    """
    closing, _, _ = _patterns()
    m = closing.match(text)
    if not m:
        return False
    rest = text[m.end() :].strip()
    # what follows the phrase on the same line may only be a name: a few capitalised words
    if not rest:
        return True
    words = rest.split()
    return len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def is_contact_line(text: str) -> bool:
    """A name, title or contact line in a signature block."""
    _, _, contact = _patterns()
    if contact.search(text):
        return True
    words = _WORD.findall(text)
    if not words or len(text.split()) > 7 or (text.rstrip().endswith(("?", ".")) and len(words) > 3):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(1, len(words) - 1)


def is_greeting_line(text: str) -> bool:
    """A salutation: "Dear Ms. Chen,", "Hi Raj", "Hello hiring team,"."""
    _, greeting, _ = _patterns()
    if not greeting.match(text):
        return False
    return len(text.split()) <= 9 or text.rstrip().endswith((",", ":", "!"))


def signoff_start(lines: list[Line]) -> int | None:
    """Index of the first line of the sign-off block, or ``None``.

    The block is a closing line followed only by name/title/contact lines, or (a common
    terse ending) a lone name on the last line. Searched from the end, within 7 lines.
    """
    n = len(lines)
    for i in range(n - 1, max(-1, n - 8), -1):
        if is_closing_line(lines[i].text) and all(is_contact_line(x.text) for x in lines[i + 1 :]):
            return i
    if n >= 2 and _is_lone_name(lines[-1].text):
        return n - 1
    return None


def _is_lone_name(text: str) -> bool:
    words = text.replace(".", " ").split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def greeting_index(lines: list[Line]) -> int | None:
    """Index of the greeting line when the first line is one."""
    if lines and is_greeting_line(lines[0].text):
        return 0
    return None
