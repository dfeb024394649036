"""Template leftovers: ``[Interviewer's Name]``, ``{company}``, ``<JOB TITLE>``, ``(insert ...)``,
and the natural-language slots real templates use (``Dear Mr./Ms. Last Name``, ``Position at
Employer``, ``XYZ Company``, ``Your email address``, ``______``).

What is not a placeholder: an e-mail address or a link, wherever it stands (``<maria@lumen.
example>``); a citation or a note such as ``[1]``, ``[sic]``; and a proper name in
brackets (``[Maria Chen]``): a real name is filled in, whatever its brackets say, and the
other rules read it as a name.
"""

from __future__ import annotations

import re

from .data import Patterns
from .lines import Line

_BRACKETS = re.compile(r"\[([^\[\]\n]{1,80})\]|\{\{?([^{}\n]{1,60})\}?\}|<([^<>\n]{1,60})>|\(([^()\n]{2,160})\)")
_LINK = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+|(?:https?://|www\.)[^\s<>()\[\]]{1,300}|mailto:", re.I)
_WORDS = re.compile(r"[A-Za-z][\w'’-]{0,40}")
_NOTES = frozenset({"sic", "sic!", "pdf", "ps", "link", "edit", "update", "attached", "cc", "bcc", "fyi"})
_PAREN_SLOT = re.compile(
    r"(?:insert|enter|fill in|replace|add your"
    r"|your (?:full )?(?:name|e-?mail|phone|title|contact|signature|address|linkedin)"
    r"|name of|company name|interviewer|job title|position title|date of|you can use"
    r"|use this (?:section|space|paragraph))\b",
    re.I,
)
_SUBJECT = re.compile(r"[ \t]*(?:subject(?: line)?|re)[ \t]*:[ \t]*", re.I)


def _is_slot(content: str, p: Patterns) -> bool:
    words = [w.lower().strip("'’") for w in _WORDS.findall(content)]
    return any(w in p.slot_words or w.removesuffix("'s") in p.slot_words for w in words)


def _bracket_is_placeholder(content: str, kind: int, p: Patterns) -> bool:
    stripped = content.strip()
    if not stripped or _LINK.search(stripped):
        return False
    if kind == 1:  # {company}, {{name}}
        return bool(re.match(r"[A-Za-z_]", stripped))
    if kind == 2:  # <JOB TITLE>, <company>; not <br> nor an arrow
        return _is_slot(stripped, p) or (stripped.isupper() and len(stripped) > 2)
    if kind == 3:  # (insert ...), (You can use this section to ...)
        return bool(_PAREN_SLOT.match(stripped) or re.match(r"(?:mention|include|optional|add)\b", stripped, re.I))
    # [ ... ]: everything but a citation, a note or a proper name
    if re.fullmatch(r"\d{1,4}[a-z]?|[ivx]{1,5}|\.{3}|…|[x ]|", stripped, re.I) or stripped.lower() in _NOTES:
        return False
    if _is_slot(stripped, p):
        return True
    words = stripped.split()
    proper = 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    return not proper and len(words) >= 3  # "[echo]", "[INFO]" are log marks, not slots


def find_placeholders(
    text: str, start: int = 0, end: int | None = None, *, skip: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, bool]]:
    """Placeholders in ``text[start:end]``: ``(start, end, is_instruction)``, sorted.

    An instruction is a placeholder of four words or more alone on its line, telling the
    writer what to write ("(You can use this section to mention something you forgot)").
    Lines inside ``skip`` ranges (quoted text) are not searched.
    """
    from .data import patterns
    from .lines import split_lines

    p = patterns()
    stop = len(text) if end is None else end
    found: list[tuple[int, int, bool]] = []
    ranges = sorted(skip or [])
    r = 0
    for line in split_lines(text, start, stop):
        if line.blank:
            continue
        while r < len(ranges) and ranges[r][1] <= line.lead:
            r += 1
        if r < len(ranges) and ranges[r][0] <= line.lead < ranges[r][1]:
            continue
        found.extend(_in_line(text, line, p))
    return found


def _in_line(text: str, line: Line, p: Patterns) -> list[tuple[int, int, bool]]:
    lo = line.lead
    s = text[lo : line.trail]
    links = [m.span() for m in _LINK.finditer(s)]
    spans: list[tuple[int, int, bool]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in links)

    for m in _BRACKETS.finditer(s):
        kind = next(k for k in range(4) if m.group(k + 1) is not None)
        if _bracket_is_placeholder(m.group(kind + 1), kind, p) and free(*m.span()):
            alone = m.start() == 0 and m.end() == len(s)
            spans.append((lo + m.start(), lo + m.end(), alone and len(m.group(kind + 1).split()) >= 4))
    for m in p.placeholder.finditer(s):
        if m.end() > m.start() and free(*m.span()):
            spans.append((lo + m.start(), lo + m.end(), False))
    subject = _SUBJECT.match(s)
    if subject and p.subject_alternatives.match(s[subject.end() :]):
        spans.append((lo + subject.end(), lo + len(s), False))
    return _merge(spans)


def _merge(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Overlapping finds become one (the widest), so a slot is reported once."""
    out: list[tuple[int, int, bool]] = []
    for s, e, instr in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            ps, pe, pi = out[-1]
            out[-1] = (ps, max(pe, e), pi or instr)
            continue
        out.append((s, e, instr))
    return out
