"""The end of the writer's text: closing phrase, signature, device lines and disclaimers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .data import Patterns
from .lines import Line, head

_TRAIL_PUNCT = re.compile(r"[ \t]*[,.!:;—–-]*")
_SENTENCE_END = re.compile(r"[.?!]['\")\]]?$")
_SMALL = frozenset({"of", "and", "&", "the", "at", "for", "in", "de", "van", "von", "da", "le", "la", "-", "|", "/"})


@dataclass(frozen=True)
class Signoff:
    closing: tuple[int, int] | None
    signature: tuple[int, int] | None
    name_line: tuple[int, int] | None
    """The sender's name (kept visible in the view), when the signature opens with one."""
    boilerplate: tuple[int, int] | None = None
    """Trailing lines that are no one's signature: "Sent from my iPhone", list footers, disclaimers."""


def closing_length(s: str, p: Patterns) -> int:
    """Length of the closing phrase that opens line ``s`` ("Best regards," -> 13), or 0.

    What follows the phrase on the line may only be a name: "Thanks for meeting me" is
    gratitude, not a closing.
    """
    if not p.closing.match(s):
        return 0
    m = max((x for x in (c.match(s) for c in p.closings) if x), key=lambda x: x.end())
    end = m.end()
    if m.group(0).lower().startswith(("thank", "thanx", "thx", "merci", "gracias", "grazie")):
        tail = p.thanks_tail.match(s, end)
        if tail:
            end = tail.end()
    trail = _TRAIL_PUNCT.match(s, end)
    end = trail.end() if trail else end
    rest = s[end:].strip()
    if not rest:
        return end
    words = rest.split()
    if (
        len(words) <= 4
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and not _SENTENCE_END.search(rest)
    ):
        return end
    if len(words) == 1 and s[end - 1 : end] in (",", " ") and words[0].isalpha() and "," in s[m.end() : end]:
        return end  # "thanks, miso"
    return 0


def is_contact(s: str, p: Patterns) -> bool:
    return bool(p.contact.search(s))


def is_signature_line(s: str, p: Patterns, *, after_closing: bool = False) -> bool:
    """A name, title, company or contact line."""
    if is_contact(s, p) or p.device_line.match(s) or p.placeholder.fullmatch(s):
        return True
    words = s.split()
    if not words or len(words) > 9 or len(s) > 90 or s.endswith(("?", ":")):
        return False
    if _SENTENCE_END.search(s) and len(words) > 3:
        return False
    if after_closing and len(words) <= 3:
        return True  # "regards,\nhendrik": the name right under a closing, in any case
    caps = [w for w in words if w.lower() not in _SMALL]
    capitalised = sum(1 for w in caps if w[:1].isupper() or not w[:1].isalpha())
    return bool(caps) and capitalised >= len(caps) - (1 if len(caps) >= 4 else 0)


_STRONG = re.compile(
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}|(?:\+|\b)\(?\d{1,4}\)?[ .-]?\(?\d{2,4}\)?[ .-]\d{3,4}\b"
    r"|^(?:tel|phone|mobile|cell|fax|e-?mail|m|t|p|e)\b\.?[ \t]*[:.]",
    re.I,
)
_DASH_NAME = re.compile(r"(?:-{1,2}|–|—|/{1,2})[ \t]?[A-Za-z][\w'’.-]{0,30}(?:[ \t][A-Za-z][\w'’.-]{0,30}){0,2}")
_FRAGMENT = re.compile(r"[^\s./]{0,200}[./]\S{0,2000}")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S{1,2000}|\[\d{1,3}\][ \t]*https?://\S{1,2000}")


def is_boilerplate(text: str, p: Patterns) -> bool:
    """A signature part that no person wrote: device lines, list footers, links, disclaimers."""
    rows = [r.strip() for r in text.splitlines() if r.strip()]
    rows = [r for r in rows if not p.separator.match(r)]
    if not rows:
        return True
    if len(p.disclaimer.findall(" ".join(rows[:60]))) >= 2:
        return True
    return all(
        p.device_line.match(r[:400]) or _URL_ONLY.fullmatch(r[:2000]) or _FRAGMENT.fullmatch(r[:2000]) for r in rows
    )


def is_lone_name(s: str) -> bool:
    if _DASH_NAME.fullmatch(s):
        return True  # "-Yonik", "- Toke Eskildsen", "--Ankur"
    words = s.replace(".", " ").split()
    return 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words
    )


def find_signoff(text: str, lines: list[Line], first: int, stop: int, p: Patterns) -> Signoff:
    """Closing and signature within the writer's lines ``[first, stop)`` (indices into ``lines``).

    Searched from the bottom, never more than ``max_signature_lines`` lines up from the
    trailing boilerplate, so a 10,000-line signature costs one pass.
    """
    nb = [i for i in range(first, stop) if not lines[i].blank]
    if not nb:
        return Signoff(None, None, None)
    if len(nb) == 1:
        inline = _inline_closing(text, lines[nb[0]], p)
        if inline is None:
            return Signoff(None, None, None)
        c_start, c_end, name_start = inline
        return Signoff((c_start, c_end), (name_start, lines[nb[0]].trail), (name_start, lines[nb[0]].trail))
    texts = {i: head(text, lines[i], p.max_line_scan) for i in nb[-p.max_signature_lines :]}

    def line_text(i: int) -> str:
        if i not in texts:
            texts[i] = head(text, lines[i], p.max_line_scan)
        return texts[i]

    cut = _boilerplate_start(text, lines, nb, p, line_text)
    plate = (lines[cut].lead, lines[nb[-1]].trail) if cut is not None else None
    if plate is not None and not is_boilerplate(text[plate[0] : plate[1]], p):
        plate = None  # "--" above a real signature: the signature is the person's
    if plate is not None and cut is not None:
        before = [i for i in nb if i < cut]
        if not before:
            return Signoff(None, None, None, plate)
        nb = before
    # closing phrase: walk up over signature lines
    pos = nb.index(cut) if cut is not None and cut in nb else len(nb)
    k = pos - 1
    steps = 0
    closing_at: int | None = None
    while k >= 1 and steps < p.max_signature_lines:
        s = line_text(nb[k])
        if closing_length(s, p):
            closing_at = k
            break
        if not is_signature_line(s, p, after_closing=_below_is_closing(nb, k, line_text, p)):
            break
        k -= 1
        steps += 1
    if closing_at is None:
        closing_at = _shaped_closing(text, lines, nb, pos, line_text, p)
    end_line = lines[nb[-1]]
    if closing_at is not None:
        line = lines[nb[closing_at]]
        s = line_text(nb[closing_at])
        length = closing_length(s, p)
        c_start, c_end = line.lead, line.lead + length
        while c_end > c_start and text[c_end - 1] in " \t":
            c_end -= 1
        if c_end < line.trail:  # "Best regards, Jordan Lee": the name is signature
            sig_start = c_end
            while text[sig_start] in " \t":
                sig_start += 1
            return Signoff((c_start, c_end), (sig_start, end_line.trail), (sig_start, line.trail), plate)
        if closing_at + 1 < len(nb):
            nxt = lines[nb[closing_at + 1]]
            name = (
                (nxt.lead, nxt.trail)
                if (cut is None or nb[closing_at + 1] < cut)
                and len(line_text(nb[closing_at + 1]).split()) <= 4
                and not is_contact(line_text(nb[closing_at + 1]), p)
                else None
            )
            return Signoff((c_start, c_end), (nxt.lead, end_line.trail), name, plate)
        return Signoff((c_start, c_end), None, None, plate)
    # no closing: a lone name closing a terse note, or a block of contact lines
    pos = len(nb)
    last_text = line_text(nb[-1])
    if len(nb) >= 2 and is_lone_name(last_text) and (nb[-1] - nb[-2] > 1 or _SENTENCE_END.search(line_text(nb[-2]))):
        line = lines[nb[-1]]
        return Signoff(None, (line.lead, line.trail), (line.lead, line.trail), plate)
    k = pos - 1
    top: int | None = None
    strong = links = False
    steps = 0
    while k >= 1 and steps < p.max_signature_lines:
        s = line_text(nb[k])
        if is_contact(s, p):
            strong = strong or bool(_STRONG.search(s))
            links = True
        elif not (is_signature_line(s, p) or is_lone_name(s)):
            break
        top = k
        k -= 1
        steps += 1
    if top is not None:
        above = line_text(nb[top - 1])
        gap = nb[top] - nb[top - 1] > 1
        name_first = is_lone_name(line_text(nb[top]))
        if ((strong or (links and name_first)) and (gap or _SENTENCE_END.search(above) or name_first)) or (
            name_first and top == pos - 1 and (gap or _SENTENCE_END.search(above))
        ):
            start_line = lines[nb[top]]
            name = (start_line.lead, start_line.trail) if name_first else None
            return Signoff(None, (start_line.lead, end_line.trail), name, plate)
    if cut is not None and plate is None:
        return Signoff(None, (lines[cut].lead, lines[nb[-1]].trail), None)
    inline = _inline_closing(text, lines[nb[-1]], p)
    if inline is not None:
        c_start, c_end, name_start = inline
        last = lines[nb[-1]]
        return Signoff((c_start, c_end), (name_start, last.trail), (name_start, last.trail), plate)
    return Signoff(None, None, None, plate)


def _shaped_closing(
    text: str, lines: list[Line], nb: list[int], pos: int, line_text: Callable[[int], str], p: Patterns
) -> int | None:
    """A sign-off by its shape: a short line ending in a comma, then only the sender's name
    (and contact lines), after a finished sentence: "Thanks once more,\nSven Ekholm"."""
    j = pos - 1
    while j >= 2 and is_contact(line_text(nb[j]), p):
        j -= 1
    name = line_text(nb[j]) if j >= 2 else ""
    words = name.replace(".", " ").split()
    if not (1 <= len(words) <= 3 and all(w.replace("-", "").replace("'", "").isalpha() for w in words)):
        return None
    c = j - 1
    phrase = line_text(nb[c])
    if not phrase.endswith(",") or len(phrase.split()) > 7 or re.search(r"[.?!;:]", phrase):
        return None
    above = line_text(nb[c - 1])
    if nb[c] - nb[c - 1] > 1 or _SENTENCE_END.search(above):
        return c
    return None


_INLINE_GAP = re.compile(r"(?:[ \t]{2,}|(?<=[.!?])[ \t])(?=\S)")


def _inline_closing(text: str, line: Line, p: Patterns) -> tuple[int, int, int] | None:
    """A closing and a name ending a long line: "...layout.  Best,  Maya", "...open. Thank you, Jordan"."""
    lo = max(line.lead, line.trail - 80)
    s = text[lo : line.trail]
    for gap in _INLINE_GAP.finditer(s):
        rest = s[gap.end() :]
        length = closing_length(rest, p)
        if not length or length == len(rest) or "," not in rest[:length]:
            continue
        name = rest[length:].strip()
        if not is_lone_name(name):
            continue
        c_start = lo + gap.end()
        c_end = c_start + len(rest[:length].rstrip())
        return c_start, c_end, line.trail - len(name)
    return None


def _below_is_closing(nb: list[int], k: int, line_text: Callable[[int], str], p: Patterns) -> bool:
    if k < 1:
        return False
    return bool(closing_length(line_text(nb[k - 1]), p))


def _boilerplate_start(
    text: str, lines: list[Line], nb: list[int], p: Patterns, line_text: Callable[[int], str]
) -> int | None:
    """The first line of trailing boilerplate: a "-- " separator, "Sent from my iPhone", a disclaimer."""
    get = line_text  # (i) -> str
    cut: int | None = None
    # the standard separator "-- " (anywhere after the first line); other rules only near the end
    for pos in range(1, len(nb)):
        raw = text[lines[nb[pos]].lead : lines[nb[pos]].trail]
        if raw == "--" or (pos >= len(nb) - p.max_signature_lines and p.separator.match(raw) and raw[:1] != "="):
            cut = nb[pos]
            break
    tail = nb[-p.max_signature_lines :]
    for i in tail:
        if i == nb[0]:
            continue
        if cut is not None and i >= cut:
            break
        if p.device_line.match(get(i)):
            cut = i
            break
    # disclaimers: trailing paragraphs with two or more disclaimer words
    bottom = len(nb)
    for _ in range(4):
        top = bottom - 1
        while top > 0 and nb[top] - nb[top - 1] == 1 and bottom - top < 40:
            top -= 1
        if top <= 0:
            break
        hits = sum(len(p.disclaimer.findall(get(nb[x]))) for x in range(top, bottom))
        if hits < 2:
            break
        if cut is None or nb[top] < cut:
            cut = nb[top]
        bottom = top
    return cut
