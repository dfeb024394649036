"""British and American spellings: both are right, so neither is flagged.

The spelling dictionaries we use are American; a British word ("organisation", "colour",
"programme") is accepted when its American form is what the checker would have suggested, or
(for the built-in checker) when its American form is a known word.
"""

from __future__ import annotations

import re

# Ordered: longer endings first. Each pair is (British pattern, American replacement).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"isation(s?)$", r"ization\1"),
        (r"ise(s|d|r|rs)?$", r"ize\1"),
        (r"ising$", r"izing"),
        (r"yse(s|d)?$", r"yze\1"),
        (r"ysing$", r"yzing"),
        (r"our(s|ed|ing|ite|ites|able|ful)?$", r"or\1"),
        (r"ourite(s?)$", r"orite\1"),
        (r"tre(s?)$", r"ter\1"),
        (r"lled$", r"led"),
        (r"lling$", r"ling"),
        (r"ller(s?)$", r"ler\1"),
        (r"ence$", r"ense"),
        (r"ogue(s?)$", r"og\1"),
        (r"mme(s?)$", r"m\1"),
        (r"ae", r"e"),
        (r"oe", r"e"),
        (r"ement$", r"ment"),
        (r"eable$", r"able"),
    )
)
_WORDS = {
    "grey": "gray",
    "cheque": "check",
    "tyre": "tire",
    "kerb": "curb",
    "plough": "plow",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "mould": "mold",
    "enquiry": "inquiry",
    "enquiries": "inquiries",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "skilful": "skillful",
    "instil": "instill",
    "licence": "license",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "defence": "defense",
    "offence": "offense",
    "judgement": "judgment",
    "ageing": "aging",
    "towards": "toward",
    "learnt": "learned",
}


def american_forms(word: str) -> set[str]:
    """Candidate American spellings of a (possibly British) word, lower-cased.

    Compounds are handled part by part: "colour-coded" gives "color-coded".
    """
    w = word.lower()
    if "-" in w:
        parts = w.split("-")
        return {"-".join([*parts[:i], form, *parts[i + 1 :]]) for i, part in enumerate(parts) for form in _forms(part)}
    return _forms(w)


def _forms(w: str) -> set[str]:
    out = set()
    if w in _WORDS:
        out.add(_WORDS[w])
    for pattern, repl in _RULES:
        changed = pattern.sub(repl, w)
        if changed != w:
            out.add(changed)
    return out


def is_spelling_variant(word: str, suggestion: str) -> bool:
    """True when ``suggestion`` is just the American spelling of British ``word``."""
    return suggestion.lower() in american_forms(word)
