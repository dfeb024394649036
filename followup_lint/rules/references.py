"""References: something specific from the conversation, the right names, the role."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cache, lru_cache

from ..analysis import Analysis, Unit, per_draft
from ..lexicon import number, phrases, words
from ..nlp.keyphrases import entity_labels
from ..report import Evidence
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare, element, units_as_evidence
from .signals import Topic, context_topics, in_placeholder, placeholder_spans, topic_matches


@cache
def _titles() -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(re.escape(t) for t in sorted(words("references", "titles"))) + r")\.?$", re.I)


@cache
def _greeting_word() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:" + phrases("references", "greeting_words").pattern.pattern + r")[\s,]*")


def _stop() -> frozenset[str]:
    return words("references", "stop_words")


# Phrases that put a company name in the target seat: "join X", "the role at X", "X's team".
_COMPANY_SLOT = re.compile(
    r"(?:\bjoin(?:ing)?(?: the team at| the \w+ team at)?|\b(?:role|position|opportunity|job|opening|"
    r"interview|interviewing|career|future|team|everyone|folks|people|culture|mission)\s+(?:at|with)|"
    r"\b(?:contribute|contributing|contribution)\s+to|\b(?:excited|enthusiastic|passionate)\s+about|"
    r"\binterest in)\s+(?:the\s+)?"
    r"((?:[A-Z][\w&'’.-]*[\w&])(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*[\w&]){0,3})"
)
_POSSESSIVE_COMPANY = re.compile(
    r"\b((?:[A-Z][\w&.-]*[\w&])(?:\s+[A-Z][\w&.-]*[\w&]){0,3})['’]s\s+"
    r"(?:team|mission|culture|clinic|customers|clients|products?|platform|stores?|plant|office|values)\b"
)


def _norm_tokens(text: str) -> set[str]:
    stop = _stop()
    return {t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in stop}


def _same_org(candidate: str, company: str) -> bool:
    cand, comp = _norm_tokens(candidate), _norm_tokens(company)
    # "Grand Marina Hotel" is not "Hotel Aurora": a shared word that any company's name may
    # end in says nothing, unless it is all either name has
    endings = words("wrong_company", "company_endings")
    if cand - endings and comp - endings:
        cand, comp = cand - endings, comp - endings
    if not cand or not comp:
        return True
    return bool(cand & comp) or any(
        c.startswith(k[:5]) or k.startswith(c[:5]) for c in cand for k in comp if len(c) >= 4 and len(k) >= 4
    )


def _known_non_company(a: Analysis, candidate: str) -> bool:
    """Names that are not a rival company: people, the role, topics, places we know of."""
    tokens = _norm_tokens(candidate)
    known = " ".join(
        [
            *a.context.interviewers,
            a.context.role or "",
            a.context.candidate or "",
            *a.context.topics,
            *(t.text for t in context_topics(a)),
        ]
    )
    if tokens & _norm_tokens(known):
        return True
    # a lone generic word ("Team", "Company") is not a rival company's name
    generic = words("references", "generic_company_words")
    return tokens <= generic


_NAME = r"((?:[A-Z][\w&'’.-]*[\w&])(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*[\w&]){0,3})"
# Seats the employer takes that a past employer never does ("your work at X", "at X we would",
# "X and its customers"), and a signature line that signs as a candidate for X. The last two
# are loose: a name there is a company only when it reads as one (see _is_company).
_YOUR_WORK = re.compile(r"\byour (?:work|colleagues|people|role|team|teams)\s+(?:at|with)\s+(?:the\s+)?" + _NAME)
_AT_X_WE = re.compile(
    r"\b[Aa]t\s+" + _NAME + r",?\s+(?:we|I)(?:['’](?:d|ll)|\s+(?:would|could|will|can|might|should|shall))\b"
)
_AND_ITS = re.compile(
    _NAME + r"\s+and\s+(?:its|their)\s+(?:customers|clients|patients|members|users|people|staff|employees|"
    r"team|mission|partners|communit(?:y|ies)|guests|students|residents|families)\b"
)
_SIGNED_AS = re.compile(
    r"(?im)^[^\n]*\b(?:candidate|applicant|interviewee)\b[^\n]*?(?:\bat\b|\bwith\b|\bfor\b|[,–—|-])\s*"
    + _NAME.replace("\\s+", "[ \\t]+")
    + r"[ \t]*$"
)
_LOOSE_SLOT = re.compile(r"^(?:contribut|excited|enthusiastic|passionate|interest)", re.I)
_CURRENT_EMPLOYER = re.compile(
    r"(?i:\b(?:current(?:ly)?|present(?:ly)?|now)\b[\w ]{0,20}?\b(?:at|with|for)\s+|"
    r"\bi(?:['’]m| am)?\s+(?:currently\s+|now\s+)?(?:work(?:ing)?|employed)\s+(?:at|for|with)\s+)" + _NAME
)


def _company_seats(a: Analysis) -> Iterator[tuple[str, int, bool]]:
    """Each name in a seat the employer takes: (name, start, loose)."""
    for m in (*a.find(_COMPANY_SLOT), *a.find(_COMPANY_SLOT, where="subject")):
        yield m.group(1), m.start(1), bool(_LOOSE_SLOT.match(m.group(0)))
    for m in (*a.find(_POSSESSIVE_COMPANY), *a.find(_YOUR_WORK)):
        yield m.group(1), m.start(1), False
    for m in (*a.find(_AT_X_WE), *a.find(_AND_ITS)):
        yield m.group(1), m.start(1), True
    if a.signoff is not None:
        end = a.signoff.start + len(a.signoff_text)
        for m in _SIGNED_AS.finditer(a.text, a.signoff.start, end):
            yield m.group(1), m.start(1), False


def _own_employers(a: Analysis) -> list[str]:
    """Names the draft introduces as the writer's own employer ("in my current role at Y",
    "I work at Y", "at Y, where I work now"): never the wrong company."""
    names = [m.group(1) for m in a.find(_CURRENT_EMPLOYER)]
    after = phrases("wrong_company", "own_employer_after").pattern
    for m in a.find(re.compile(r"\b[Aa]t\s+" + _NAME)):
        if after.match(a.text, m.end(1)):
            names.append(m.group(1))
    return names


def _own_employer_here(a: Analysis, start: int, end: int) -> bool:
    """The seat is the writer's own: "my role at Y", "our team at Y", "Y, where I work now"."""
    sentence_start = max(a.text.rfind("\n", 0, start), a.text.rfind(". ", 0, start)) + 1
    if _own_seat().search(a.text[sentence_start:start]):
        return True
    return bool(phrases("wrong_company", "own_employer_after").pattern.match(a.text, end))


@cache
def _own_seat() -> re.Pattern[str]:
    own = phrases("wrong_company", "own_employer_before").pattern.pattern
    return re.compile(
        r"(?:" + own + r")\s+(?:[\w-]+\s+){0,2}?(?:role|position|job|team|work|time|career|employer|company|"
        r"internship|placement)\s+(?:at|with)\s+(?:the\s+)?$"
    )


def _is_company(a: Analysis, name: str, start: int) -> bool:
    """A name in a loose seat reads as a company: it ends in a company word ("Labs",
    "Health"), or the entity recogniser calls it an organisation. The recogniser runs only
    here, on the sentence's own tokens."""
    last = name.split()[-1].lower().strip(".")
    if last in words("wrong_company", "company_endings"):
        return True
    if a.doc is None:
        return False
    base = a.body_start
    span = a.doc.char_span(start - base, start - base + len(name), alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    labels = entity_labels(
        [t.text for t in sent], [bool(t.whitespace_) for t in sent], span.start - sent.start, span.end - sent.start
    )
    return "ORG" in labels


def _name_like(expected: str, said: str, *, titled: bool) -> str:
    """The expected name in the greeting's register: "Ms. Patel" -> "Chen", "Raj" -> "Maria"."""
    parts = expected.split()
    if len(said.split()) > 1:
        return expected
    return parts[-1] if titled else parts[0]


@per_draft
def topic_mentions(a: Analysis) -> list[tuple[int, int, str]]:
    """Mentions of the context's topics and of the key phrases of its notes, compared by stem
    (``signals.topic_matches``)."""
    return sorted({(m.start, m.end, m.topic.text) for m in topic_matches(a)})


@per_draft
def reference_units(a: Analysis) -> list[Unit]:
    """Sentences that recall the conversation: labelled so, or naming a context topic. A
    pleasantry ("It was a pleasure meeting you and learning more about Acme") is not one,
    however the move model labels it (see :func:`stock_units`)."""
    topic_starts = _topic_starts(a)
    recall = phrases("references", "recall_cues").pattern
    stock = {u.start for u in stock_units(a)}
    return [
        u
        for u in a.prose_units
        if u.start not in stock
        and (
            u.move == "reference"
            or any(u.start <= s < u.end for s in topic_starts)
            or (u.move != "pressure" and recall.search(u.text) and not in_placeholder(a, u.start, u.end))
        )
    ]


@per_draft
def role_named(a: Analysis) -> bool:
    """The note names the position: the context's role by its distinctive words, or (with no
    role given) a word such as role, position or opening."""
    role = a.context.role
    if not role:
        return any(a.find(phrases("references", "role_nouns").pattern, where=where) for where in ("body", "subject"))
    stop = _stop()
    words_ = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", role) if w.lower() not in stop]
    stems = [w.lower()[: max(4, len(w) - 3)] for w in words_]
    haystack = ((a.subject or "") + " " + a.body).lower()
    hits = sum(1 for s in stems if re.search(r"\b" + re.escape(s), haystack))
    # every word of a short title, two thirds of a long one ("data engineering role"
    # names "Senior Data Engineer"; "the Denver store" does not name "Store Manager")
    needed = len(words_) if len(words_) <= 2 else -(-2 * len(words_) // 3)
    return bool(words_) and hits >= needed


def greeting_name(a: Analysis) -> tuple[int, int, str] | None:
    """The addressee's name in the greeting line (titles dropped), with its span."""
    g = a.greeting
    if g is None:
        return None
    line = a.text[g.start : g.end]
    m = _greeting_word().match(line)
    if not m:
        return None
    rest_start = g.start + m.end()
    rest = a.text[rest_start : g.end]
    rest_clean = re.split(r"[,:;!?\n—–]", rest, maxsplit=1)[0].strip(" .")
    parts = rest_clean.split()
    while parts and _titles().match(parts[0]):
        parts = parts[1:]
    if not parts or len(parts) > 4 or phrases("references", "generic_addressees").search(" ".join(parts)):
        return None
    if not all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in parts):
        return None
    name = " ".join(parts)
    offset = a.text.find(name, rest_start, g.end)
    if offset < 0 or in_placeholder(a, offset, offset + len(name)):
        return None
    return offset, offset + len(name), name


_LABEL = {"topics": "names the topic “{}”", "notes": "names “{}” from your interview notes"}


def _evidence(a: Analysis) -> list[Evidence]:
    topics = [
        Evidence(m.start, m.end, a.text[m.start : m.end], _LABEL[m.topic.source].format(m.topic.text))
        for m in sorted(topic_matches(a), key=lambda m: (m.start, m.end))
    ]
    return units_as_evidence(reference_units(a), "recalls the conversation") + topics


declare(Dimension.REFERENCES, evidence=_evidence)
element("reference", lambda a: bool(reference_units(a)))
element("role", lambda a: role_named(a))
element("greeting_name", lambda a: greeting_name(a) is not None)


@rule(
    "RF001",
    "no-specific-reference",
    severity="warning",
    summary="Nothing specific from the interview.",
    points=45,
)
def no_specific_reference(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note that recalls nothing specific from the conversation.

    What it does:
        Looks for a sentence that recalls a detail of the interview (a project, a problem, a
        person, something the interviewer said) or that names one of the context's topics.
    Why it matters:
        A specific detail proves you listened and makes the note yours; a generic note could
        have been sent by any candidate to any company.
    Example:
        Dear Mr. Alvarez,\\n\\nThank you for the interview. I enjoyed our conversation and I
        am very interested in the role.\\n\\nBest regards,\\nKim Tran
    Instead:
        Dear Mr. Alvarez,\\n\\nThank you for the interview. I keep thinking about the
        backlog of unfiled claims you described, and I am very interested in the role.
        \\n\\nBest regards,\\nKim Tran
    """
    if a.stage is not Stage.THANK_YOU or len(a.prose_units) < 2 or reference_units(a) or template_note(a):
        return  # a note of stock sentences is RF006's finding
    generic = next(iter(a.find(phrases("references", "generic_praise").pattern, where="prose")), None)
    if generic is not None:
        start, end = generic.span()
        message = "This praise is generic; name a project, problem or moment from the conversation."
    else:
        unit = a.prose_units[min(1, len(a.prose_units) - 1)]
        start, end = unit.start, unit.end
        message = "Nothing here recalls the conversation; mention one specific thing you discussed."
    topics = context_topics(a)
    if topics:
        # RF007 stays quiet here, so the topics are named in this one finding
        said = "Your notes mention" if all(t.source == "notes" for t in topics) else "The interview covered"
        message += f" {said} {_named(topics)}."
    hint = _topic_hint(topics)
    yield Finding(start, end, message, replacements=(hint,) if hint else ())


def _named(topics: tuple[Topic, ...]) -> str:
    return ", ".join(f"“{t.text}”" for t in topics[:3]) + (", …" if len(topics) > 3 else "")


_DETERMINERS = frozenset({"the", "a", "an", "your", "our", "their", "his", "her", "its", "this", "that", "my"})


def _topic_hint(topics: tuple[Topic, ...]) -> str | None:
    """A sentence that names the first topic: "the" before a phrase of two or more words
    ("the claims pipeline"), none before one word ("accessibility", "Kubernetes")."""
    if not topics:
        return None
    text = topics[0].text.strip()
    words_ = text.split()
    if len(words_) > 1 and words_[0].lower() not in _DETERMINERS:
        text = f"the {text}"
    return f"I keep thinking about what you said about {text}."


def missing_reference(a: Analysis) -> bool:
    """RF001 or RF006 reports this note: nothing in it recalls the conversation."""
    if a.stage is not Stage.THANK_YOU or len(a.prose_units) < 2:
        return False
    return template_note(a) or not reference_units(a)


@rule(
    "RF002",
    "wrong-company",
    severity="error",
    summary="Names a company other than the one you met.",
    points=70,
)
def wrong_company(a: Analysis) -> Iterator[Finding]:
    """Flags a company name where the context's company belongs (a copy-paste slip).

    What it does:
        When the context names the company, looks at places where a draft names the employer
        ("join X", "the role at X", "X's team", the subject line) and flags a name that is not
        the context's company. Past employers ("my work at Y") are not flagged.
    Why it matters:
        Thanking one company in a note to another tells the reader the note was recycled; it
        is among the few slips that can end a candidacy on its own.
    Example:
        Context: company=Lumen Health
        Thank you for the interview. I would love to join Apex Medical and help with the
        claims pipeline.
    Instead:
        Context: company=Lumen Health
        Thank you for the interview. I would love to join Lumen Health and help with the
        claims pipeline.
    """
    company = a.context.company
    if not company:
        return
    seen: set[int] = set()
    own = _own_employers(a)
    for name, start, loose in _company_seats(a):
        if (
            start in seen
            or _same_org(name, company)
            or any(_same_org(name, o) for o in own)
            or _known_non_company(a, name)
            or _own_employer_here(a, start, start + len(name))
            or in_placeholder(a, start, start + len(name))
            or (loose and not _is_company(a, name, start))
        ):
            continue
        seen.add(start)
        yield Finding(
            start,
            start + len(name),
            f"“{name}” is not {company}, the company you interviewed with.",
            fix=company,
            replacements=(company,),
        )


@rule(
    "RF003",
    "wrong-interviewer",
    severity="error",
    summary="The greeting names someone you did not meet.",
    points=60,
)
def wrong_interviewer(a: Analysis) -> Iterator[Finding]:
    """Flags a greeting that addresses someone other than the interviewer.

    What it does:
        When the context names the interviewer (or a panel), compares the name in the greeting
        with it, by first or last name, and flags a mismatch.
    Why it matters:
        Addressing the note to the wrong person is the clearest sign of a template sent in
        bulk.
    Example:
        Context: interviewer=Maria Chen
        Dear Ms. Patel,\\n\\nThank you for your time yesterday.
    Instead:
        Context: interviewer=Maria Chen
        Dear Ms. Chen,\\n\\nThank you for your time yesterday.
    """
    people = a.context.interviewers
    found = greeting_name(a)
    if not people or found is None:
        return
    start, end, name = found
    said = _norm_tokens(name)
    for person in people:
        if said & _norm_tokens(person):
            return
    before = a.text[a.greeting.start : start].split() if a.greeting else []
    titled = bool(before) and bool(_titles().match(before[-1]))
    fix = _name_like(people[0], name, titled=titled)
    yield Finding(
        start,
        end,
        f"The greeting names “{name}”, but you met {', '.join(people)}.",
        fix=fix,
        replacements=(fix,),
    )


@rule(
    "RF004",
    "role-not-mentioned",
    severity="suggestion",
    summary="The note never names the position.",
)
def role_not_mentioned(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note that never names the position.

    What it does:
        With a role in the context, looks for it (by its distinctive words) in the subject or
        body; without one, looks for any word such as role, position or opening.
    Why it matters:
        Interviewers meet many candidates for several openings; naming the position tells them
        at once which conversation you mean.
    Example:
        Context: role=Store Manager
        Dear Ms. Ito,\\n\\nThank you for meeting me on Friday. I enjoyed the tour of the
        Denver store.\\n\\nBest,\\nRay Cole
    Instead:
        Context: role=Store Manager
        Dear Ms. Ito,\\n\\nThank you for meeting me on Friday about the Store Manager role. I
        enjoyed the tour of the Denver store.\\n\\nBest,\\nRay Cole
    """
    if a.stage is not Stage.THANK_YOU or not a.prose_units:
        return
    if role_named(a):
        return
    role = a.context.role
    unit = a.prose_units[0]
    named = f" ({role})" if role else ""
    yield Finding(
        unit.start,
        unit.end,
        f"Name the position{named} so the reader knows which interview you mean.",
    )


@rule(
    "RF005",
    "generic-greeting",
    severity="suggestion",
    summary="A greeting without the interviewer's name.",
)
def generic_greeting(a: Analysis) -> Iterator[Finding]:
    """Flags "To whom it may concern" and, when you know who you met, any nameless greeting.

    What it does:
        Flags greetings such as "To whom it may concern" or "Dear Sir or Madam" always, and
        "Dear Hiring Manager" or "Hello team" when the context names the interviewer.
    Why it matters:
        After a conversation you know the reader's name; using it is the first sign that the
        note was written for them.
    Example:
        Context: interviewer=Dana Brooks
        Dear Hiring Manager,\\n\\nThank you for the interview.
    Instead:
        Context: interviewer=Dana Brooks
        Dear Ms. Brooks,\\n\\nThank you for the interview.
    """
    g = a.greeting
    if g is None or greeting_name(a) is not None:
        return
    line = a.text[g.start : g.end]
    always = re.search(r"to whom it may concern|sir\s*(?:or|/)\s*madam", line, re.I)
    if not always and not a.context.interviewers:
        return
    person = a.context.interviewers[0] if a.context.interviewers else None
    fix = f"Dear {person}," if person else None
    yield Finding(
        g.start,
        g.end,
        "Address the person you met by name." if person else "Find out who will read this and greet them by name.",
        replacements=(fix,) if fix else (),
    )


# --- Stock sentences: RF006 generic-template, and why a pleasantry is not a reference ------


def _name_spans(a: Analysis) -> list[tuple[int, int]]:
    """Where the note names the role or the company: a topic word inside "the Interconnection
    Engineer position" names the job, not something discussed."""
    spans: list[tuple[int, int]] = []
    for name in (a.context.role, a.context.company):
        if name:
            spans += a.mentions(name)
    return spans


def _topic_starts(a: Analysis) -> set[int]:
    """Where the note names a topic, outside the role's and the company's own names."""
    named = _name_spans(a)
    return {s for s, _, _ in topic_mentions(a) if not any(b <= s < e for b, e in named)}


@cache
def _template_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.split()) for t in phrases("references", "stock_templates").entries)


def _slot_pattern(a: Analysis) -> re.Pattern[str] | None:
    """The context's names (company, role, people) as one pattern: they make no sentence
    specific ("Thank you for the Data Engineer interview at Lumen Health" is stock)."""
    return _names_pattern(a.context.names)


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    # cached by the names: a batch shares one context, and the pattern (with every title)
    # takes longer to compile than to run
    stop = _stop()
    found = {w for n in names for w in re.findall(r"[^\W\d_][\w'’-]*", n) if w.lower() not in stop}
    found |= words("references", "titles")
    if not found:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])", re.I)


def _normalised(a: Analysis, text: str) -> list[str]:
    company, role = a.context.company, a.context.role
    for name, slot in ((company, " <company> "), (role, " <role> ")):
        if name:
            text = re.sub(r"[\s-]+".join(re.escape(w) for w in name.split()), slot, text, flags=re.I)
    return re.findall(r"<\w+>|[a-z0-9']+", text.lower().replace("’", "'"))


def is_stock(a: Analysis, unit: Unit, slots: re.Pattern[str] | None = None) -> bool:
    """The sentence would fit any interview: once its stock phrases, the context's names and
    filler words are taken out, at most ``stock_leftover_words`` specific words remain; or it
    nearly copies a template sentence. A template leftover ("[specific topic]") says nothing
    specific either, so it is blanked first."""
    seen = a.view or a.text
    text = seen[unit.start : unit.end]
    for s, e in placeholder_spans(a):
        if s < unit.end and unit.start < e:
            lo, hi = max(s, unit.start) - unit.start, min(e, unit.end) - unit.start
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    rest = phrases("references", "stock_phrases").pattern.sub(" ", text)
    if slots is not None:
        rest = slots.sub(" ", rest)
    ignore = words("references", "stock_filler") | words("language", "function_words") | _stop()
    left = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", rest) if w.lower() not in ignore and len(w) > 2]
    if len(left) <= number("references", "stock_leftover_words"):
        return True
    said = _normalised(a, text)
    near = number("references", "stock_near_match")
    for matcher in _template_matchers():
        # the quick ratios are upper bounds of ratio(): most templates are ruled out by them
        matcher.set_seq1(said)
        if matcher.real_quick_ratio() >= near and matcher.quick_ratio() >= near and matcher.ratio() >= near:
            return True
    return False


_MATCHERS = threading.local()


def _template_matchers() -> tuple[SequenceMatcher[str], ...]:
    """One matcher per template sentence, so its index of the template is built once, not
    per sentence checked. A matcher holds the sentence it is comparing, so each thread has
    its own (analyzers may be shared across threads)."""
    matchers: tuple[SequenceMatcher[str], ...] | None = getattr(_MATCHERS, "all", None)
    if matchers is None:
        matchers = tuple(SequenceMatcher(None, [], list(t), autojunk=False) for t in _template_words())
        _MATCHERS.all = matchers
    return matchers


@per_draft
def stock_units(a: Analysis) -> list[Unit]:
    """Prose sentences that would fit any interview (pleasantry-only thanks, "I look forward
    to hearing from you", "please let me know if you need anything else")."""
    slots = _slot_pattern(a)
    return [u for u in a.prose_units if is_stock(a, u, slots)]


@per_draft
def template_note(a: Analysis) -> bool:
    """A thank-you note made of stock sentences with nothing specific in it: RF006 reports it,
    and RF001 then stays quiet (one finding for one problem)."""
    units = a.prose_units
    if a.stage is not Stage.THANK_YOU or len(units) < number("references", "min_sentences"):
        return False
    if reference_units(a) or _topic_starts(a):
        return False
    return len(stock_units(a)) / len(units) >= number("references", "stock_share")


@rule(
    "RF006",
    "generic-template",
    severity="warning",
    summary="A note of stock sentences that would fit any interview.",
    points=50,
    data="references",
)
def generic_template(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note made almost wholly of template sentences.

    What it does:
        Counts the sentences that would fit any interview: thanks and pleasantries alone
        ("It was a pleasure meeting you and learning more about the company"), "I believe my
        skills and experience make me a great fit", "I look forward to hearing from you",
        and near-copies of such template sentences. When at least ${stock_share} of the prose
        (${min_sentences} sentences or more) is stock and nothing recalls the conversation,
        the note is reported once, in place of RF001 no-specific-reference.
    Why it matters:
        The reader has seen these sentences in every other candidate's note; a note built
        from them says only that you sent one. Replacing a single stock line with something
        from your conversation changes how the whole note reads.
    Example:
        Dear Mr. Hollis,\\n\\nThank you for taking the time to meet with me today. It was a
        pleasure meeting you and learning more about the company. I believe my skills and
        experience make me a great fit for this role. I look forward to hearing from you
        soon.\\n\\nSincerely,\\nKeisha Brown
    Instead:
        Dear Mr. Hollis,\\n\\nThank you for taking the time to meet with me today. Your plan
        to move the stockroom counts to Monday mornings made sense to me, and I have run
        that kind of cycle count at Trailhead Sports for two years. I look forward to
        hearing from you soon.\\n\\nSincerely,\\nKeisha Brown
    """
    if not template_note(a):
        return
    units = a.prose_units
    stock = stock_units(a)
    hint = _topic_hint(context_topics(a))
    yield Finding(
        units[0].start,
        units[-1].end,
        f"{len(stock)} of {len(units)} sentences here would fit any interview; replace one with something "
        "only your conversation could have produced (a problem, a plan, a remark).",
        replacements=(hint,) if hint else (),
    )


@rule(
    "RF007",
    "topics-not-mentioned",
    # measured precision 0.53 on the drafts this rule was not written with (d1-d11; every
    # false alarm is in d1-d6, which tag such drafts no-specific-reference only): a
    # suggestion until the corpus says otherwise
    severity="suggestion",
    summary="None of the topics from your notes is mentioned.",
    stages=("thank_you",),
)
def topics_not_mentioned(a: Analysis) -> Iterator[Finding]:
    """Flags a thank-you note that mentions none of the topics the context gives, or none of
    the key phrases of its interview notes.

    What it does:
        Reads the context's topics and the key phrases of its notes (nouns with their
        modifiers, names and figures; pleasantries and the words every interview has left
        out) and looks for each in the prose by word stem, so "event-sourcing migration"
        is found in "migrating billing to event sourcing". It fires when the note recalls
        something, but none of these; a note that recalls nothing is RF001's finding (or
        RF006's), which names the topics itself. The references evidence names the ones that
        are there.
    Why it matters:
        Your notes hold what this interview was about. A note that mentions none of it could
        follow any interview; one detail from them shows you listened.
    Example:
        Context: notes=Talked about the fraud model, the reconciliation backlog and the Kotlin migration
        Dear Pedro,\\n\\nThank you for speaking with me today. You told me about the new
        office in Lisbon, and I am very interested in the role.\\n\\nBest,\\nBruna
    Instead:
        Context: notes=Talked about the fraud model, the reconciliation backlog and the Kotlin migration
        Dear Pedro,\\n\\nThank you for speaking with me today. The reconciliation backlog you
        described is the kind of problem I like, and I am very interested in the role.
        \\n\\nBest,\\nBruna
    """
    topics = context_topics(a)
    if not topics or len(a.prose_units) < 2 or topic_matches(a) or missing_reference(a):
        return  # a note that recalls nothing is RF001's (or RF006's) finding, which names the topics
    unit = a.prose_units[min(1, len(a.prose_units) - 1)]
    source = "the topics from your notes" if all(t.source == "notes" for t in topics) else "the interview's topics"
    hint = _topic_hint(topics)
    yield Finding(
        unit.start,
        unit.end,
        f"None of {source} is mentioned ({_named(topics)}); name one of them.",
        replacements=(hint,) if hint else (),
    )
