"""Formality: a professional register, without slang, emoji, shouting or exclamation runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..analysis import Analysis
from ..data import DataFileError, load_data
from ..lexicon import compile_entry, join_entries, number, phrases, substitutions, words
from ..scoring import Graded
from ..types import Dimension
from .base import Finding, rule
from .dimensions import declare
from .signals import all_lowercase as written_in_lowercase
from .signals import graded_cap, in_placeholder, measures

_EMOJI = re.compile(
    "["
    "\U0001f300-\U0001faff"  # pictographs, emoticons, transport, supplemental symbols
    "\U00002600-\U000027bf"  # misc symbols and dingbats
    "\U0001f1e6-\U0001f1ff"  # regional indicators (flags)
    "\u2b50\u2b55\u231a\u231b\u23e9-\u23f3\u2764"
    "]+[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*"
)
_EMOTICON = re.compile(r"(?<![\w:/])(?::-?\)|:-?\(|:-?D\b|;-?\)|:-?P\b|<3|\bxD\b|\^_\^|:'\()")
_EXCLAIM_RUN = re.compile(r"[!?]*!+[!?]*!|!\?|\?!")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]{1,}\b")


def _graded(a: Analysis) -> Graded | None:
    """Formality as a graded measure: at or above the neutral band it caps nothing; each point
    below it costs the dimension 2.5 (docs/measures.md)."""
    return graded_cap(measures(a)[0], number("formality", "graded_neutral"), 2.5, "formality")


declare(Dimension.FORMALITY, graded=_graded)


def _in_link(text: str, start: int, end: int) -> bool:
    """True inside an e-mail address or URL, where "info" or "u" are not text-speak."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    token = text[left : right if right >= 0 else len(text)]
    return "@" in token or "://" in token or token.startswith("www.")


@rule("FM001", "slang", severity="warning", summary="Slang or text-speak.", masks_grammar=True)
def slang(a: Analysis) -> Iterator[Finding]:
    """Flags slang and text-speak such as "gonna", "u", "thx" or "super stoked".

    What it does:
        Matches a list of casual words and abbreviations (in ``lexicon.toml``) and offers the
        professional word to use instead.
    Why it matters:
        Slang reads as careless in a note that is part of the hiring decision.
    Example:
        I'm gonna be super stoked if u pick me, thx!
    Instead:
        I would be delighted to join the team. Thank you!
    """
    sign = a.signoff.start if a.signoff else a.body_end
    slang_words = substitutions("formality", "slang")
    pattern, table = slang_words.pattern, slang_words.table
    # one scan; the alternation tries longer phrases first, so "super stoked" is one finding
    for m in a.find(pattern):
        found = m.group(0)
        word, repl = table[found.lower()]
        # short text-speak ("u", "r", "ty") only in lower case, so "R" or "TY" stay quiet
        if len(word) <= 2 and not found.islower():
            continue
        if m.start() >= sign or _in_link(a.text, m.start(), m.end()):
            continue
        fix = repl
        if fix and found[:1].isupper():
            fix = fix[:1].upper() + fix[1:]
        message = f"“{found}” is too casual" + (f"; write “{fix}”." if fix else "; leave it out.")
        yield Finding(
            m.start(),
            m.end(),
            message,
            fix=fix if fix and " " not in word else None,
            replacements=(fix,) if fix else (),
        )


@rule("FM002", "emoji", severity="warning", summary="Emoji or emoticons.", masks_grammar=True)
def emoji(a: Analysis) -> Iterator[Finding]:
    """Flags emoji and text emoticons such as :) or <3.

    What it does:
        Finds emoji characters and common emoticons.
    Why it matters:
        Emoji are out of register in a professional note and may render badly in the reader's
        mail client.
    Example:
        Thank you so much for the interview 😊 I loved it :)
    Instead:
        Thank you so much for the interview. I enjoyed it.
    """
    for pattern in (_EMOJI, _EMOTICON):
        for m in a.find(pattern):
            yield Finding(m.start(), m.end(), "Leave out emoji in a professional note.", fix="")
    for m in a.find(_EMOJI, where="subject"):
        yield Finding(m.start(), m.end(), "Leave out emoji in the subject line.", fix="")


@rule(
    "FM003",
    "exclamation-run",
    severity="warning",
    summary="Runs of exclamation marks, or too many.",
    masks_grammar=True,
    data="formality",
)
def exclamation_run(a: Analysis) -> Iterator[Finding]:
    """Flags "!!", "?!" and more than ${max_exclamations} exclamation marks in one note.

    What it does:
        Flags every run of exclamation marks, and each exclamation mark past number
        ${max_exclamations}.
    Why it matters:
        One exclamation mark can carry warmth; several read as breathless or pushy.
    Example:
        Thanks for the interview!!! I can't wait to hear back!
    Instead:
        Thank you for the interview! I look forward to hearing from you.
    """
    for m in a.find(_EXCLAIM_RUN):
        yield Finding(m.start(), m.end(), "Use a single exclamation mark, or a full stop.", fix="!")
    limit = int(number("formality", "max_exclamations"))
    singles = [m for m in a.find(re.compile(r"(?<![!?])!(?![!?])"))]
    for m in singles[limit:]:
        yield Finding(
            m.start(),
            m.end(),
            f"That is {len(singles)} exclamation marks; keep at most {limit} and end the rest with a full stop.",
            fix=".",
        )


@rule("FM004", "casual-greeting", severity="warning", summary="A greeting such as “Hey” or “Yo”.", masks_grammar=True)
def casual_greeting(a: Analysis) -> Iterator[Finding]:
    """Flags casual greetings such as "Hey", "Yo" or "Hiya".

    What it does:
        Checks the greeting's first word against a list of casual salutations.
    Why it matters:
        The greeting sets the register; "Hey" reads as a text message to a friend.
    Example:
        Hey Jake,\\n\\nThanks for the chat yesterday.
    Instead:
        Hi Jake,\\n\\nThank you for the conversation yesterday.
    """
    g = a.greeting
    if g is None:
        return
    m = phrases("formality", "casual_greetings").pattern.match(a.text, g.start, g.end)
    if m:
        yield Finding(
            m.start(),
            m.end(),
            f"“{m.group(0)}” is too casual for a follow-up; open with “Dear” or “Hello”.",
            fix="Hello",
            replacements=("Hello", "Dear", "Hi"),
        )


@rule("FM005", "all-lowercase", severity="warning", summary="Written without capital letters.")
def all_lowercase(a: Analysis) -> Iterator[Finding]:
    """Flags a draft written (almost) entirely in lower case.

    What it does:
        Flags a draft in which most sentences start with a lowercase letter and "I" is
        written "i". One finding covers the whole draft, instead of one per sentence.
    Why it matters:
        Lowercase writing reads as a hurried text message, not as care for the reader.
    Example:
        hi sam\\n\\nthanks for the interview today. i really enjoyed it and i hope to hear
        back soon.\\n\\nthanks\\nleo
    Instead:
        Hi Sam,\\n\\nThank you for the interview today. I really enjoyed it and I hope to hear
        back soon.\\n\\nThanks,\\nLeo
    """
    if written_in_lowercase(a):
        yield Finding(
            a.body_start,
            a.body_end if a.truncated_at is None else a.truncated_at,
            "The draft is written in lower case; capitalise the first word of each sentence, names and “I”.",
        )


@rule("FM006", "shouting", severity="warning", summary="Words in capitals for emphasis.", masks_grammar=True)
def shouting(a: Analysis) -> Iterator[Finding]:
    """Flags words written in capitals for emphasis, and drafts written in capitals.

    What it does:
        Flags emphatic words in capitals ("I REALLY want this"), runs of three or more words
        in capitals, and a draft that is mostly capitals. Acronyms (HVAC, SQL, NHS) are not
        flagged.
    Why it matters:
        Capitals read as shouting; they make a polite note sound demanding.
    Example:
        I REALLY want this job and I am VERY excited.
    Instead:
        I would very much like this job, and I am excited about the team.
    """
    letters = [ch for ch in a.body if ch.isalpha()]
    if len(letters) >= 40 and sum(1 for ch in letters if ch.isupper()) / len(letters) > 0.6:
        yield Finding(
            a.body_start,
            a.body_end,
            "The draft is in capitals, which reads as shouting; use sentence case.",
        )
        return
    caps = [m for m in a.find(_CAPS_WORD) if not in_placeholder(a, m.start(), m.end())]
    run: list[re.Match[str]] = []
    flagged: set[int] = set()

    def flush() -> Iterator[Finding]:
        if len(run) >= 3:
            for m in run:
                flagged.add(m.start())
            yield Finding(
                run[0].start(),
                run[-1].end(),
                "Words in capitals read as shouting; use sentence case.",
            )

    for m in caps:
        if run and a.text[run[-1].end() : m.start()].strip(" ,") == "":
            run.append(m)
        else:
            yield from flush()
            run = [m]
    yield from flush()
    for m in caps:
        word = m.group(0).replace("’", "'").split("'")[0]
        if m.start() not in flagged and word.lower() in words("formality", "intensifiers") and len(word) >= 2:
            lower = m.group(0).lower()
            yield Finding(m.start(), m.end(), f"“{m.group(0)}” in capitals reads as shouting.", fix=lower)


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@rule("FM007", "title-case-shouting", severity="warning", summary="Every Word Of A Sentence Capitalised.")
def title_case_shouting(a: Analysis) -> Iterator[Finding]:
    """Flags prose sentences written in title case.

    What it does:
        Flags a sentence of six or more words in which nearly every word, short words
        included, starts with a capital letter (the subject line and the sign-off are left
        alone).
    Why it matters:
        Title case in a sentence reads like a headline or a raised voice, and makes a short
        note look careless.
        Headline style counts too: the longer words capitalised and most short ones ("But
        Wanted to See if You Had Any Updates"); names are not counted.
    Example:
        Hi, I Know We Spoke Yesterday, But Wanted to See if You Had Any Updates.
    Instead:
        Hi, I know we spoke yesterday, but I wanted to see if you had any updates.
    """
    names = _name_words(a)
    for unit in a.prose_units:
        found = _TITLE_WORD.findall(unit.text)
        letters = [ch for ch in unit.text if ch.isalpha()]
        if len(found) < 6 or sum(ch.isupper() for ch in letters) > 0.5 * len(letters):
            continue  # too short to tell, or capitals throughout (FM006 shouting)
        small = [w for w in found if len(w) <= 3 and w.lower() not in ("i", "i'm", "i've", "i'd")]
        capital = sum(1 for w in found if w[:1].isupper())
        every = capital / len(found) >= 0.85 and bool(small) and all(w[:1].isupper() for w in small)
        if every or _headline_case(found[1:], names):
            yield Finding(unit.start, unit.end, "This sentence is in title case; use sentence case.")


def _name_words(a: Analysis) -> set[str]:
    return {w.lower() for n in a.context.names for w in _TITLE_WORD.findall(n)}


def _headline_case(words_: list[str], names: set[str]) -> bool:
    """Headline style: the longer words capitalised, the short ones mostly too ("But Wanted
    to See if You Had Any Updates"). A sentence full of names keeps its short words in
    lower case ("I met the Lumen Health Data Team at the Boston office"), so it is spared."""
    rest = [w for w in words_ if w.lower() not in names and w.lower() not in ("i", "i'm", "i've", "i'd")]
    long = [w for w in rest if len(w) >= 4]
    short = [w for w in rest if len(w) <= 3]
    if len(long) < 4 or len(short) < 3:
        return False
    share_long = sum(w[:1].isupper() for w in long) / len(long)
    share_short = sum(w[:1].isupper() for w in short) / len(short)
    return share_long >= 0.9 and share_short >= 0.5


@dataclass(frozen=True)
class _Cliche:
    pattern: re.Pattern[str]
    write: str  # a plain replacement, or advice when ``advice`` is set
    advice: bool
    literal: bool  # a fixed phrase: its replacement is a safe fix
    buzzword: bool  # flagged only in buzzword company
    source: str  # the entry's pattern as written in the lexicon


@cache
def _cliches(key: str) -> tuple[_Cliche, ...]:
    """``[cliches] key`` of lexicon.toml: ``pattern => replacement`` or ``pattern => (advice)``."""
    entries = load_data("lexicon").get("cliches", {}).get(key)
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise DataFileError(f"lexicon.toml: [cliches] {key} must be a list of strings")
    out = []
    for entry in entries:
        pattern, arrow, write = (p.strip() for p in entry.partition("=>"))
        if not arrow or not pattern or not write:
            raise DataFileError(f"lexicon.toml: [cliches] {key}: {entry!r} is not 'pattern => what to write'")
        try:
            compiled = re.compile(compile_entry(pattern))
        except re.error as exc:
            raise DataFileError(f"lexicon.toml: [cliches] {key}: bad pattern {pattern!r} ({exc})") from None
        advice = write.startswith("(") and write.endswith(")")
        literal = re.fullmatch(r"[A-Za-z' ]+", pattern) is not None
        out.append(_Cliche(compiled, write[1:-1] if advice else write, advice, literal, key == "buzzwords", pattern))
    return tuple(out)


@cache
def _any_cliche(key: str) -> re.Pattern[str]:
    """All of ``key``'s patterns as one: most notes have no cliché, and one search says so
    where a search per pattern would scan the note dozens of times."""
    return re.compile(join_entries([c.source for c in _cliches(key)]))


def _cliche_hits(a: Analysis, key: str) -> list[tuple[re.Match[str], _Cliche]]:
    hits: list[tuple[re.Match[str], _Cliche]] = []
    if next(iter(a.find(_any_cliche(key), where="prose")), None) is None:
        return hits
    for c in _cliches(key):
        hits.extend((m, c) for m in a.find(c.pattern, where="prose") if not in_placeholder(a, m.start(), m.end()))
    return hits


@rule(
    "FM008",
    "cliche-buzzword",
    severity="warning",
    summary="Clichés and buzzwords instead of facts.",
    points=20,
    data="formality",
)
def cliche_buzzword(a: Analysis) -> Iterator[Finding]:
    """Flags clichés ("think outside the box", "give 110%") and buzzwords in company.

    What it does:
        Matches a list of business clichés ("results-driven", "team player", "hit the ground
        running", "synergy") wherever they occur, and buzzwords ("leverage", "dynamic",
        "world-class") when the note has at least ${buzzword_company} clichés and buzzwords
        in all, so one ordinary word on its own stays quiet. Each finding says what to write
        instead: a plain word, or the kind of fact that would prove the claim. Each further
        cliché costs less than the first, and the rule's cost is capped.
    Why it matters:
        Hiring managers read these phrases in every application; they claim a quality
        without showing it, and crowd out the one detail that would make the note yours.
    Example:
        I am a results-driven team player who thinks outside the box, and I always give 110%.
    Instead:
        I cut the month-end close from ten days to six by automating the bank reconciliations.
    """
    # the longest match wins where two entries overlap ("thinks outside the box" and
    # "outside the box"), and a cliché wins over a buzzword inside it
    found_all = sorted(
        _cliche_hits(a, "phrases") + _cliche_hits(a, "buzzwords"),
        key=lambda h: (h[1].buzzword, -(h[0].end() - h[0].start()), h[0].start()),
    )
    kept: list[tuple[re.Match[str], _Cliche]] = []
    for m, c in found_all:
        if not any(k.start() < m.end() and m.start() < k.end() for k, _ in kept):
            kept.append((m, c))
    if len(kept) < number("formality", "buzzword_company"):
        kept = [(m, c) for m, c in kept if not c.buzzword]
    for m, c in sorted(kept, key=lambda h: h[0].start()):
        found = " ".join(m.group(0).split())  # a hard-wrapped phrase reads as one line
        kind = "buzzword" if c.buzzword else "cliché"
        if c.advice:
            message = f"“{found}” is a {kind}; {c.write}."
            yield Finding(m.start(), m.end(), message)
            continue
        write = c.write[:1].upper() + c.write[1:] if found[:1].isupper() else c.write
        yield Finding(
            m.start(),
            m.end(),
            f"“{found}” is a {kind}; write “{write}”.",
            fix=write if c.literal else None,
            replacements=(write,),
        )
