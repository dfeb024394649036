"""Who each note is to, and another panel member's name where the reader's belongs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ..lexicon import phrases, words
from ..report import Report, SentenceLabel

_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_YOU = re.compile(r"\b(?:you|your|yours)\b", re.I)
_TITLE_FORM = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?\s+"


@cache
def _titles() -> frozenset[str]:
    return words("references", "titles")


def name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as its words, titles dropped: "Ms. Maria Chen" -> ("Maria", "Chen")."""
    out = []
    for m in _NAME_WORD.finditer(name):
        w = m.group(0).rstrip(".")
        if w and w.lower() not in _titles():
            out.append(w)
    return tuple(out)


def same_person(a: str, b: str) -> bool:
    """Two names of one person: they share a word ("Priya" and "Priya Raman")."""
    return bool({t.lower() for t in name_tokens(a)} & {t.lower() for t in name_tokens(b)})


def merge_people(names: Iterable[str]) -> tuple[str, ...]:
    """The distinct people among ``names``, each by its longest name, in first-seen order."""
    people: list[str] = []
    for name in names:
        if not name_tokens(name):
            continue
        for k, known in enumerate(people):
            if same_person(known, name):
                if len(name_tokens(name)) > len(name_tokens(known)):
                    people[k] = name
                break
        else:
            people.append(name)
    return tuple(people)


@dataclass(frozen=True)
class GreetingName:
    """The name words of a greeting, with their span in the report's text."""

    start: int
    end: int
    text: str


def greeting_names(report: Report) -> list[GreetingName]:
    """The words of the greeting that name someone ("Hi Priya," -> Priya; "Dear Ms. Chen,"
    -> Chen); none for "Dear Hiring Team,"."""
    zone = next((z for z in report.zones if z.get("kind") == "greeting"), None)
    if zone is None:
        return []
    start, end = int(zone["start"]), int(zone["end"])
    opener = phrases("references", "greeting_words").pattern
    generic = phrases("references", "generic_addressees").pattern
    out = []
    for m in _NAME_WORD.finditer(report.text, start, end):
        w = m.group(0).rstrip(".")
        low = w.lower()
        if low in _titles():
            continue
        if opener.fullmatch(w) or low in ("and", "good") or generic.fullmatch(w):
            continue
        if not w[:1].isupper():
            continue
        out.append(GreetingName(m.start(), m.start() + len(w), w))
    return out


def name_forms(person: str, *, except_words: Iterable[str] = ()) -> list[str]:
    """Regular expressions for the ways a note may speak to ``person``: the full name, the
    first name, title and last name; forms sharing a word with ``except_words`` (the reader's
    own name) are left out, since they would name the reader too."""
    tokens = name_tokens(person)
    if not tokens:
        return []
    banned = {w.lower() for w in except_words}
    forms = []
    if len(tokens) > 1 and not banned & {t.lower() for t in tokens}:
        forms.append(r"\s+".join(re.escape(t) for t in tokens))
    if tokens[0].lower() not in banned:
        forms.append(re.escape(tokens[0]))
    if len(tokens) > 1 and tokens[-1].lower() not in banned:
        forms.append(_TITLE_FORM + re.escape(tokens[-1]))
    return forms


def vocatives(
    report: Report, sentences: Sequence[SentenceLabel], forms: Sequence[str], apposition: frozenset[str]
) -> Iterator[tuple[int, int]]:
    """Spans where one of ``forms`` is used to speak to the reader: "Thank you, Priya, ...",
    "Priya, your question ...", "... your time, Priya." A name after "your colleague," is
    apposition and is left alone."""
    if not forms:
        return
    name = "(?:" + "|".join(forms) + r")(?![\w'’-])"
    thanks_words = r"(?i:\b(?:thank you|thanks)(?:\s+(?:again|so much|very much))?)"
    thanks = re.compile(thanks_words + r",?\s+(" + name + r")(?=\s*[,.!;])")
    first = re.compile(r"\s*(" + name + r")\s*,")
    last = re.compile(r",\s*(" + name + r")\s*[.!?]*\s*$")
    inner = re.compile(r",\s*(" + name + r"),\s+(?=(?i:you|your|thank|I)\b)")
    for s in sentences:
        text = report.text[s.start : s.end]
        hits = [m.span(1) for m in thanks.finditer(text)]
        if _YOU.search(text):
            m = first.match(text)
            if m:
                hits.append(m.span(1))
            for pattern in (last, inner):
                for m in pattern.finditer(text):
                    before = re.findall(r"[\w-]+", text[: m.start()])
                    if before and before[-1].lower() in apposition:
                        continue
                    hits.append(m.span(1))
        for a, b in sorted(set(hits)):
            yield s.start + a, s.start + b
