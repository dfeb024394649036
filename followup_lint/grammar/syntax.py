"""Grammar checks read from the part-of-speech tags of the draft spaCy has already tagged.

Harper and LanguageTool match words; some learner errors are plain in the tags instead: a
plural noun subject with a singular verb ("endangered animals is"), a modal before a
conjugated verb ("can discovered", "will not to do"), "a" before a plural noun ("a reasons"),
a form of "be" before a bare verb ("are make"). Each pattern is narrow on purpose: it fires
only where the tags leave one reading, and the subject patterns only on a noun phrase that
opens a clause (after a preposition or a verb the noun is not the subject: "Living in big
cities is hard", "One of the students is").

The checks need tags, not a parse, and cost one pass over the tokens. Tokens are given as
``(start, text, tag)`` triples so that this module needs nothing of spaCy's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .base import GrammarIssue

Token = tuple[int, str, str]

# Tags that may stand inside a noun phrase before its head noun.
_NP_INNER = frozenset({"DT", "JJ", "JJR", "JJS", "CD", "PRP$", "NN", "NNS", "POS", "VBN", "HYPH"})
# Words after which a noun phrase opens a clause, so its head noun is the clause's subject.
# Not "and": after it the noun may close a compound subject ("you and your staff care").
_OPENERS = frozenset(
    {"that", "because", "if", "when", "while", "but", "so", "since", "although", "though", "where"}
    | {"whether", "once", "unless", "before", "after", "until"}
)
_CLAUSE_PUNCT = frozenset({",", ":", ".", "``", "''", "_SP"})  # _SP: a line break
_BE = frozenset({"is", "are", "was", "were", "am", "'m", "'re"})
# Quantity words after which a plural noun is right: "a few days", "a hundred people".
_QUANTITY = frozenset({"few", "couple", "dozen", "hundred", "thousand", "million", "great", "good"})
# Singular nouns that end like plurals ("a series", "a bus", "a means", "a species").
_SINGULAR_ENDINGS = ("ss", "us", "ics", "ies", "eans", "ries")
# Words that count more than one: the noun they go with is plural ("several reasons").
_PLURAL_COUNT = frozenset(
    {"several", "many", "various", "these", "those", "both", "two", "three", "four", "five", "six", "seven"}
    | {"eight", "nine", "ten", "eleven", "twelve", "twenty", "numerous"}
)
# Nouns that stay singular after a number ("two percent", "three dozen").
_COUNT_WORDS = frozenset({"percent", "hundred", "thousand", "million", "billion", "dozen", "kind", "sort", "type"})
# Collective nouns: British English gives them a plural verb ("the panel have", "my family depend").
_COLLECTIVE = frozenset(
    {"family", "staff", "team", "panel", "government", "company", "committee", "board", "police", "crew"}
    | {"audience", "public", "management", "department", "firm", "group", "couple", "class", "jury", "council"}
)
_DETERMINERS = frozenset({"the", "this", "a", "an", "every", "each", "my", "his", "her", "its", "our", "their", "your"})


_LOOK = frozenset({"look", "looks", "looking", "looked"})
# Verbs stressed on the last syllable double their final consonant ("admitting"); shorter
# verbs of one vowel and a final consonant do too ("getting"), longer ones do not ("visiting").
_STRESSED_LAST = frozenset(
    {"admit", "commit", "submit", "permit", "refer", "prefer", "occur", "transfer", "control", "begin"}
    | {"regret", "forget", "omit", "equip", "compel", "propel", "expel", "confer", "defer", "deter"}
)


def ing_form(verb: str) -> str:
    """The -ing form of a base verb ("hear" -> "hearing", "meet" -> "meeting", "make" ->
    "making", "get" -> "getting", "die" -> "dying")."""
    w = verb.lower()
    if w.endswith("ie"):
        out = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        out = w[:-1] + "ing"
    elif w in _STRESSED_LAST or (
        len(w) <= 4
        and len(w) >= 3
        and w[-1] not in "aeiouwxy"
        and w[-2] in "aeiou"
        and w[-3] not in "aeiou"
        and sum(ch in "aeiou" for ch in w) == 1
    ):
        out = w + w[-1] + "ing"
    else:
        out = w + "ing"
    return verb[0] + out[1:] if verb[:1].isupper() else out


def tag_issues(tokens: Sequence[Token]) -> list[GrammarIssue]:
    """Agreement and verb-form errors the tags show, in the order of the text."""
    out: list[GrammarIssue] = []
    for n in range(len(tokens) - 1):
        issue = _at(tokens, n)
        if issue is not None:
            out.append(issue)
    return out


def _issue(first: Token, last: Token, message: str, rule: str) -> GrammarIssue:
    return GrammarIssue(first[0], last[0] + len(last[1]), message, "grammar", rule)


def _at(tokens: Sequence[Token], n: int) -> GrammarIssue | None:
    _, word, tag = tokens[n]
    _, next_word, next_tag = tokens[n + 1]
    lower = word.lower()
    if tag == "NNS" and next_tag == "VBZ" and not word[:1].isupper():
        start = _np_start(tokens, n)
        if _opens_clause(tokens, start) and not any(t[1].lower() == "of" for t in tokens[start:n]):
            message = f"“{word}” is plural; the verb should be too."
            return _issue(tokens[n], tokens[n + 1], message, "TAG_PLURAL_SUBJECT")
    if tag == "NN" and next_tag == "VBP" and next_word.lower() not in ("are", "were") and lower not in _COLLECTIVE:
        # "the team are" is British usage, so only verbs other than "be" are checked.
        start = _np_start(tokens, n)
        if (
            start < n
            and tokens[start][1].lower() in _DETERMINERS
            and _opens_clause(tokens, start)
            and all(t[2] in ("JJ", "NN", "DT", "PRP$") for t in tokens[start:n])
        ):
            message = f"“{word}” is singular; the verb should be too."
            return _issue(tokens[n], tokens[n + 1], message, "TAG_SINGULAR_SUBJECT")
    if tag == "MD":
        k = _skip_adverbs(tokens, n + 1)
        if k < len(tokens) and tokens[k][2] in ("VBZ", "VBD", "VBG"):
            message = f"After “{word}”, use the plain form of the verb."
            return _issue(tokens[n], tokens[k], message, "TAG_MODAL_VERB_FORM")
        if k + 1 < len(tokens) and tokens[k][2] == "TO" and tokens[k + 1][2] == "VB":
            return _issue(tokens[n], tokens[k], f"No “to” after “{word}”.", "TAG_MODAL_TO")
    if lower in ("a", "an") and tag == "DT":
        k = n + 1
        while k < len(tokens) and tokens[k][2] in ("JJ", "RB", "JJR", "JJS"):
            if tokens[k][1].lower() in _QUANTITY:
                return None
            k += 1
        after = tokens[k + 1][2] if k + 1 < len(tokens) else ""
        if (
            k < len(tokens)
            and tokens[k][2] == "NNS"
            and not tokens[k][1].lower().endswith(_SINGULAR_ENDINGS)
            and after
            not in ("NN", "NNS", "HYPH", "POS", "''")  # "a people person", "a results-driven", "a tenants' union"
        ):
            message = f"“{word}” goes with one thing; “{tokens[k][1]}” is plural."
            return _issue(tokens[n], tokens[k], message, "TAG_ARTICLE_PLURAL")
    if lower in _PLURAL_COUNT and tag in ("JJ", "CD", "DT"):
        k = n + 1
        while k < len(tokens) and tokens[k][2] in ("JJ", "JJR", "JJS", "VBN"):
            k += 1
        after = tokens[k + 1][2] if k + 1 < len(tokens) else ""
        if (
            k < len(tokens)
            and tokens[k][2] == "NN"
            and tokens[k][1].isalpha()
            and tokens[k][1].lower() not in _COUNT_WORDS
            and after not in ("NN", "NNS", "HYPH", "POS", "NNP")  # "two team members": the head comes later
        ):
            message = f"After “{word}”, the noun is plural."
            return _issue(tokens[n], tokens[k], message, "TAG_COUNT_SINGULAR")
    if _forward_to_base(tokens, n):
        verb = tokens[n + 2][1]
        gerund = ing_form(verb)
        message = f"After “{tokens[n - 1][1]} forward to”, use the -ing form (“{gerund}”)."
        found = _issue(tokens[n + 1], tokens[n + 2], message, "TAG_FORWARD_TO_BASE")
        return replace(found, replacements=(f"{next_word} {gerund}",))
    if lower in _BE and tag.startswith("VB"):
        k = _skip_adverbs(tokens, n + 1)
        if k < len(tokens) and tokens[k][2] == "VB":
            message = f"After “{word}”, the verb takes -ing or -ed, or no “{word}”."
            return _issue(tokens[n], tokens[k], message, "TAG_BE_BARE_VERB")
    return None


def _forward_to_base(tokens: Sequence[Token], n: int) -> bool:
    """ "look(ing) forward to" and a base verb ("to hear"): the "to" of that phrase is a
    preposition, so the verb takes -ing."""
    return (
        tokens[n][1].lower() == "forward"
        and 0 < n < len(tokens) - 2
        and tokens[n - 1][1].lower() in _LOOK
        and tokens[n + 1][1].lower() == "to"
        and tokens[n + 2][2] == "VB"
        and tokens[n + 2][1].isalpha()
    )


def _skip_adverbs(tokens: Sequence[Token], k: int) -> int:
    while k < len(tokens) and tokens[k][2] == "RB":
        k += 1
    return k


def _np_start(tokens: Sequence[Token], n: int) -> int:
    """The first token of the noun phrase whose head is ``tokens[n]``."""
    j = n
    while j > 0 and tokens[j - 1][2] in _NP_INNER and tokens[j - 1][1].lower() != "that":
        j -= 1
    return j


def _opens_clause(tokens: Sequence[Token], j: int) -> bool:
    """The noun phrase starting at ``j`` starts the text, or follows a clause opener or
    clause punctuation: its head is a subject, not the object of a verb or preposition."""
    if j == 0:
        return True
    word, tag = tokens[j - 1][1].lower(), tokens[j - 1][2]
    return word in _OPENERS or tag in _CLAUSE_PUNCT
