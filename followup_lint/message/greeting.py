"""The salutation, and the letter header that may stand above it.

A greeting zone covers the salutation only: in ``Hi Ms. Alvarez, I haven't heard back`` it
is ``Hi Ms. Alvarez,`` and the rest of the line is body. ``Andy,  Thanks for...`` (a line
break lost to two spaces) greets Andy.
"""

from __future__ import annotations

import re

from .data import Patterns
from .lines import Line, head

_TERMINATORS = ",:;!—–"
_COLLECTIVE = frozenset({"all", "guys", "everyone", "everybody", "folks", "team", "there", "again", "y'all"})
_TOKEN = re.compile(r"[^\s]+")
_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]+)?[A-Z][\w'’-]{0,30}(?:[ \t]+[A-Z][\w'’.-]{0,30}){0,2}"
_BARE_NAME = re.compile(rf"({_NAME})(?:(?:[ \t]*[,&/][ \t]*|[ \t]+and[ \t]+){_NAME}){{0,4}}[ \t]*[,:]")
_LONE_NAME = re.compile(rf"({_NAME})(?:(?:[ \t]*[,&/][ \t]*|[ \t]+and[ \t]+){_NAME}){{0,4}}")
_NEXT_CAPITAL = re.compile(r" [A-Z]")
_THANKS_NAME = re.compile(rf"(?i:thanks|thank you)(?:[ \t]+(?i:again|so much|a lot))?,?[ \t]+({_NAME})[ \t]*[,.!:]*")
_SENTENCE_END = re.compile(r"[.?!]['\")\]]?$")


def _name_like(token: str, p: Patterns) -> bool:
    if any(ch in token for ch in "[]{}<>"):
        return True  # "Dear [Interviewer's Name]," greets, with a placeholder
    core = token.strip(_TERMINATORS + ".")
    if not core:
        return token in ("&", "/", "-")
    if core.lower() in p.name_words or "/" in core:
        return True
    return core[0].isupper() and core != "I" and core.lower() not in p.not_names


def greeting_end(line_text: str, p: Patterns, *, alone_ok: bool = False) -> int:
    """Length of the salutation at the start of a (stripped) line, or 0 when it has none.

    ``alone_ok``: the line is the first of several, so a name alone on it ("Mike") greets.
    """
    m = p.greeting_opener.match(line_text)
    if m:
        return _after_opener(line_text, m.end(), p)
    if alone_ok:
        thanks = _THANKS_NAME.fullmatch(line_text)
        if thanks and _names_ok(thanks.group(1), p):
            return len(line_text)  # "Thanks Cody," alone above the reply greets Cody
    return _bare_name(line_text, p, alone_ok=alone_ok)


def _after_opener(s: str, pos: int, p: Patterns) -> int:
    rest = s[pos:]
    if rest and (rest[0].isalnum() or rest[0] in "'’"):
        return 0  # "Dearest"-like words are caught by the opener's \b; this guards "Hi-res"
    end = pos
    count = 0
    for tok in _TOKEN.finditer(s, pos):
        if count >= 8:
            return 0
        token = tok.group(0)
        if token[0] in _TERMINATORS or (token == "." and count == 0 and tok.start() == pos):
            return _with_run(s, tok.start() + 1)
        if token.endswith(".") and (count == 0 and token.rstrip(".").lower() in _COLLECTIVE):
            return tok.end()  # "hey all." / "Hey guys."
        loose = count < 2 and token.rstrip(_TERMINATORS).isalpha()  # "hi shawn," in lower case
        if not (_name_like(token, p) or (loose and (token[-1] in _TERMINATORS or tok.end() == len(s)))):
            break
        count += 1  # noqa: SIM113 (counts name tokens, not all tokens)
        end = tok.end()
        if token[-1] in _TERMINATORS:
            return _with_run(s, end)
    else:
        # the line ends inside the salutation: "Hi Sam" alone on its line
        return _with_run(s, end) if count <= 6 else 0
    if s.startswith(("  ", "\t"), end) or s[end:].startswith((" - ", " — ", " – ")):
        return end  # a lost line break, or "Hi Sam - quick note"
    return 0


def _with_run(s: str, end: int) -> int:
    while end < len(s) and s[end] in "!":
        end += 1
    return end


def _bare_name(s: str, p: Patterns, *, alone_ok: bool = False) -> int:
    m = _BARE_NAME.match(s)
    if not m and alone_ok:
        m = _LONE_NAME.fullmatch(s)
        if m and _names_ok(m.group(0), p):
            return m.end()
        return 0
    if not m:
        first = s.split(",", 1)[0].strip().lower()
        if first in ("all", "team", "everyone", "folks", "hiring team") and s.startswith(",", len(first)):
            return _after_bare(s, len(first) + 1)
        return 0
    if not _names_ok(m.group(0), p):
        return 0
    end = m.end()
    if end >= len(s) or s.startswith(("  ", "\t"), end) or _NEXT_CAPITAL.match(s, end):
        return end
    return 0


def _after_bare(s: str, end: int) -> int:
    if end >= len(s) or s.startswith(("  ", "\t"), end):
        return end
    return 0


def _names_ok(names: str, p: Patterns) -> bool:
    """Every word a name: not a sentence opener ("Yes", "Monday"), not an adverb ("Initially")."""
    for word in re.findall(r"[A-Za-z][\w'’-]*", names):
        low = word.lower()
        if low in ("and", "mr", "mrs", "ms", "miss", "dr", "prof"):
            continue
        if low in p.not_names or (low.endswith("ly") and len(low) > 4):
            return False
    return True


def is_header_line(text: str, line: Line, p: Patterns) -> bool:
    """A line of a letter header: subject, date, address, or a short name/title line."""
    s = head(text, line, p.max_line_scan)
    if p.subject_line.match(s) or p.date_line.match(s) or p.address_line.match(s):
        return True
    words = s.split()
    if not words or len(words) > 8 or len(s) > 70:
        return False
    if _SENTENCE_END.search(s) and not re.search(r"\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Ave|Rd|Dr|Blvd)\.$", s):
        return False
    if "[" in s or "@" in s or any(ch.isdigit() for ch in s):
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, len(words) - 2)
