"""Structure: subject, greeting with a name, a closing line, a sign-off with your name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..analysis import Analysis
from ..data import load_data
from ..lexicon import phrases
from ..scoring import rubric
from ..types import Dimension, Stage
from .base import Finding, rule
from .dimensions import declare, element, stage_elements, units_as_evidence
from .signals import placeholder_spans

declare(
    Dimension.STRUCTURE,
    evidence=lambda a: (
        units_as_evidence([a.greeting] if a.greeting else [], "greeting")
        + units_as_evidence(a.units_with("next_steps"), "looks ahead")
        + units_as_evidence([a.signoff] if a.signoff else [], "sign-off")
    ),
)


def _looks_ahead(a: Analysis) -> bool:
    return bool(a.units_with("next_steps")) or any(
        a.find(phrases("structure", "next_step_cues").pattern, where="prose")
    )


def _question(a: Analysis) -> bool:
    """A polite question about the timeline (a status check's point)."""
    asks = phrases("stage", "status_cues").pattern
    return any(u.text.rstrip().endswith("?") or asks.search(u.text) for u in a.units_with("next_steps", "question"))


def _prose_has(section: str, key: str) -> Callable[[Analysis], bool]:
    return lambda a: bool(phrases(section, key).search(" ".join(u.text for u in a.prose_units)))


element("look_ahead", _looks_ahead)
element("question", _question)
element("sign_off", lambda a: a.signoff is not None)
element("door_open", _prose_has("structure", "door_open"))
element("goodwill", _prose_has("structure", "goodwill"))
element("withdraws", _prose_has("stage", "withdrawal_cues"))

_CLOSING_ONLY = re.compile(r"^[\W\d_]*[A-Za-z ,.!'’-]*$")


@rule("ST001", "missing-greeting", severity="warning", summary="No greeting line.")
def missing_greeting(a: Analysis) -> Iterator[Finding]:
    """Flags a note that starts without a greeting.

    What it does:
        Checks that the first line is a salutation such as "Dear Ms. Chen," or "Hello Raj,".
    Why it matters:
        A note without a greeting reads as abrupt; the greeting is also where the
        interviewer's name belongs.
    Example:
        Thank you for the interview yesterday. I enjoyed it.\\n\\nBest,\\nKim
    Instead:
        Dear Ms. Rivera,\\n\\nThank you for the interview yesterday. I enjoyed it.\\n\\nBest,\\nKim
    """
    if a.greeting is not None or not a.units or a.zones("greeting"):
        return
    first = a.units[0]
    if phrases("references", "greeting_words").pattern.match(first.text):
        return  # a greeting run into the first sentence ("hey jess thanks for ..."): it is there
    name = a.context.interviewers[0] if a.context.interviewers else "Ms. / Mr. Lastname"
    yield Finding(
        first.start,
        first.end,
        "Start with a greeting that names the reader.",
        replacements=(f"Dear {name},",),
    )


@rule("ST002", "missing-sign-off", severity="warning", summary="No closing phrase and name.")
def missing_sign_off(a: Analysis) -> Iterator[Finding]:
    """Flags a note that ends without a sign-off.

    What it does:
        Checks that the note ends with a closing ("Best regards," "Sincerely,") and a name.
    Why it matters:
        The sign-off closes the note politely and tells the reader who wrote it; without one
        the note looks unfinished.
    Example:
        Dear Sam,\\n\\nThank you for the interview. I look forward to hearing from you.
    Instead:
        Dear Sam,\\n\\nThank you for the interview. I look forward to hearing from you.\\n\\nBest regards,\\nAna Ruiz
    """
    if a.signoff is not None or not a.units:
        return
    last = a.units[-1]
    name = a.context.candidate or "Your Name"
    yield Finding(
        last.start,
        last.end,
        "End with a sign-off and your name.",
        replacements=(f"Best regards,\n{name}",),
    )


@rule(
    "ST003",
    "unfilled-placeholder",
    severity="error",
    summary="Template text left in the draft.",
    points=60,
    masks_grammar=True,
)
def unfilled_placeholder(a: Analysis) -> Iterator[Finding]:
    """Flags template leftovers such as "[Interviewer's Name]", "<JOB TITLE>" or "{company}".

    What it does:
        Finds bracketed placeholders, "(insert ...)" notes, "XX" and all-capital slot names
        in the subject and body. Where the context answers one ("[Company Name]", "<JOB
        TITLE>", "[Your Name]", the interviewer's name), the answer is the suggestion.
    Why it matters:
        A placeholder tells the reader the note is a template; it is the one slip no reader
        forgives.
    Example:
        Dear [Interviewer's Name],\\n\\nThank you for meeting me about the <JOB TITLE> role.
    Instead:
        Dear Ms. Chen,\\n\\nThank you for meeting me about the Data Engineer role.
    """
    for start, end in placeholder_spans(a):
        said = a.text[start:end]
        value = _slot_value(a, said)
        if value is None:
            yield Finding(start, end, f"“{said}” is a template placeholder; fill it in.")
        else:
            # a suggestion, not a fix: "Dear [Name]" may want "Ms. Chen" rather than the full name
            yield Finding(start, end, f"“{said}” is a template placeholder; fill it in.", replacements=(value,))


# What a placeholder asks for, by its words, and the context's field that answers it. Order
# matters: "[Company Name]" is the company, not a person's name.
_SLOTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"compan|organi[sz]ation|employer|firm|business", re.I), "company"),
    (re.compile(r"job|position|role|title", re.I), "role"),
    (re.compile(r"\b(?:your|my)\s+(?:full\s+)?name\b|candidate|applicant", re.I), "candidate"),
    (re.compile(r"interviewer|hiring\s+manager|recipient|contact|\bname\b", re.I), "interviewer"),
)


def _slot_value(a: Analysis, placeholder: str) -> str | None:
    """The context's answer to a placeholder ("[Company Name]" -> "Lumen Health"), or None."""
    ctx = a.context
    for pattern, field_ in _SLOTS:
        if pattern.search(placeholder):
            if field_ == "interviewer":
                return ctx.interviewers[0] if len(ctx.interviewers) == 1 else None
            value = getattr(ctx, field_)
            return value if isinstance(value, str) and value.strip() else None
    return None


@rule("ST004", "sign-off-without-name", severity="warning", summary="A sign-off with no name.")
def sign_off_without_name(a: Analysis) -> Iterator[Finding]:
    """Flags a sign-off that gives no name.

    What it does:
        Checks that the sign-off block has a name after the closing phrase; with the
        candidate's name in the context, checks for that name.
    Why it matters:
        The reader needs to know at a glance who wrote; a bare "Thanks," leaves them to work
        it out from the address.
    Example:
        Dear Sam,\\n\\nThank you for the interview.\\n\\nBest regards,
    Instead:
        Dear Sam,\\n\\nThank you for the interview.\\n\\nBest regards,\\nAna Ruiz
    """
    block = a.signoff
    if block is None:
        return
    written = a.signoff_text
    lines = [ln for ln in written.splitlines() if ln.strip()]
    rest = lines[1:]
    first = lines[0] if lines else ""
    after_phrase = re.sub(r"^[^,]*,\s*", "", first) if "," in first else ""
    candidates = [*rest, after_phrase]
    has_name = any(re.search(r"\b[A-Z][a-z]+", c) for c in candidates if c)
    if a.context.candidate:
        first_name = a.context.candidate.split()[0].lower()
        has_name = first_name in written.lower()
    if len(lines) == 1 and not after_phrase and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z.]+){0,2}", first):
        has_name = not re.match(r"^(?:best|regards|cheers|thanks|sincerely|thank you)", first, re.I)
    if not has_name:
        name = a.context.candidate or "Your Name"
        yield Finding(
            block.start,
            block.end,
            "Add your name under the closing.",
            # the closing as FM003 would leave it: a suggestion must not carry what another
            # rule flags ("Thanks again!!")
            replacements=(f"{re.sub(r'!{2,}', '!', block.text)}\n{name}",),
        )


@rule("ST005", "vague-subject", severity="warning", summary="A subject line that says nothing.")
def vague_subject(a: Analysis) -> Iterator[Finding]:
    """Flags an empty or vague subject line ("Hi", "Following up", "Question").

    What it does:
        When the draft has a subject, flags it if it is empty or only a vague phrase, or if it
        is one or two words with no sign of what the mail is about.
    Why it matters:
        The subject decides whether the mail is opened and found again; "Thank you –
        Data Engineer interview" does both jobs.
    Example:
        Subject: Following up\\n\\nDear Ms. Chen,\\n\\nThank you for the interview.
    Instead:
        Subject: Thank you – Data Engineer interview\\n\\nDear Ms. Chen,\\n\\nThank you for the interview.
    """
    span = a.draft.subject_span
    if span is None:
        return
    subject = (a.subject or "").strip()
    vague = re.compile(
        r"^(?:re:\s*|fwd?:\s*)*(?:" + phrases("structure", "vague_subjects").pattern.pattern + r")[\s!.?]*$"
    )
    good = phrases("structure", "subject_good_cues").pattern
    # With the role unknown the suggestion leaves it out rather than print "the role interview".
    role = f"{a.context.role} " if a.context.role else ""
    better = {
        Stage.STATUS_CHECK: f"Following up on my {role}interview",
        Stage.WITHDRAWAL: f"Withdrawing my application{' – ' + a.context.role if a.context.role else ''}",
    }.get(a.stage, f"Thank you – {role}interview" if role else "Thank you for the interview")
    start, end = span
    if not subject:
        line_start = a.text.rfind("\n", 0, start) + 1
        yield Finding(
            line_start,
            end,
            "The subject is empty; say what the mail is about.",
            replacements=(better,),
        )
    elif vague.match(subject) or (
        len(subject.split()) <= 2
        and not good.search(subject)
        and not (a.context.role and a.context.role.lower() in subject.lower())
    ):
        yield Finding(
            start,
            end,
            f"“{subject}” is vague; name the role and why you write.",
            replacements=(better,),
        )


@rule(
    "ST006",
    "no-next-steps",
    severity="suggestion",
    summary="No closing line that looks ahead.",
    stages=("thank_you", "status_check", "final"),
)
def no_next_steps(a: Analysis) -> Iterator[Finding]:
    """Flags a note with no line that invites the next step.

    What it does:
        Looks for a sentence that looks ahead: hearing back, next steps, an offer to send more
        information, availability, or (in a final note) keeping in touch.
    Why it matters:
        A closing line that invites a reply gives the reader an easy next move.
    Example:
        Dear Sam,\\n\\nThank you for the interview. I enjoyed the tour of the plant.\\n\\nBest,\\nAna
    Instead:
        Dear Sam,\\n\\nThank you for the interview. I enjoyed the tour of the plant. I look
        forward to hearing about next steps.\\n\\nBest,\\nAna
    """
    units = a.prose_units
    if len(units) < 2:
        return
    if a.units_with("next_steps") or any(a.find(phrases("structure", "next_step_cues").pattern, where="prose")):
        return
    last = units[-1]
    text = {
        Stage.FINAL: "Please keep me in mind for future openings; I hope we stay in touch.",
        Stage.STATUS_CHECK: "Could you share any update on the timeline?",
    }.get(a.stage, "I look forward to hearing about next steps.")
    yield Finding(last.start, last.end, "Close with a line that invites the next step.", replacements=(text,))


@rule(
    "ST007",
    "missing-contact",
    severity="suggestion",
    summary="No phone number or e-mail in the signature.",
    enabled=False,
)
def missing_contact(a: Analysis) -> Iterator[Finding]:
    """Flags a signature without a phone number, e-mail address or profile link (off by default).

    What it does:
        Checks the sign-off block for contact details.
    Why it matters:
        Contact details in the signature let the reader call or forward you without searching;
        many writers rely on their mail client's signature, so the rule is off by default.
    Example:
        Dear Sam,\\n\\nThank you.\\n\\nBest regards,\\nAna Ruiz
    Instead:
        Dear Sam,\\n\\nThank you.\\n\\nBest regards,\\nAna Ruiz\\nana.ruiz@example.com | 555-201-3344
    """
    block = a.signoff
    if block is None:
        return
    if re.search(r"@|\d{3}[\s.-]\d{3,4}|linkedin|https?://", a.signoff_text, re.I):
        return
    yield Finding(block.start, block.end, "Add a phone number or e-mail address under your name.")


# Words a finished sentence does not end on ("Thanks again for", "I look forward to").
_DANGLING = re.compile(
    r"(?:\b(?:the|a|an|to|for|of|and|or|but|with|about|at|in|on|my|your|our|if|that|this|is|are|was|be)|[,;:–—-])\s*$",
    re.I,
)


@rule("ST008", "unfinished-draft", severity="warning", summary="The draft stops mid-sentence.")
def unfinished_draft(a: Analysis) -> Iterator[Finding]:
    """Flags a draft whose last sentence breaks off.

    What it does:
        Looks at the last sentence before the sign-off: when it has no closing punctuation and
        ends on a word no sentence ends with ("for", "the", "to", "and") or on a comma, the
        draft was sent before it was finished.
    Why it matters:
        A note that stops mid-sentence tells the reader it was sent in a hurry, and leaves the
        point it was making unsaid.
    Example:
        Dear Sam,\\n\\nThank you for the interview on Monday. I would love to hear more about
        the\\n\\nBest,\\nAna Ruiz
    Instead:
        Dear Sam,\\n\\nThank you for the interview on Monday. I would love to hear more about
        the new clinic.\\n\\nBest,\\nAna Ruiz
    """
    if not a.prose_units:
        return
    last = a.prose_units[-1]
    text = last.text.rstrip()
    if text.endswith((".", "!", "?", ")", '"', "”", "…")):
        return
    if _DANGLING.search(text):
        yield Finding(last.start, last.end, "The draft stops mid-sentence; finish this sentence before sending.")


def _advice(element_name: str) -> dict[str, object]:
    table: dict[str, dict[str, object]] = load_data("rubric").get("advice", {})
    return table.get(element_name, {})


def _fill(template: str, a: Analysis) -> str | None:
    """The advice with the context's names, or None when it needs a name we do not have."""
    role = f"{a.context.role} role" if a.context.role else "role"
    interviewer = a.context.interviewers[0] if a.context.interviewers else None
    if "{interviewer}" in template and interviewer is None:
        return None
    return template.replace("{role}", role).replace("{interviewer}", interviewer or "")


def _reported_elsewhere(a: Analysis, codes: list[str]) -> bool:
    """Whether a rule that reports this element itself fires on this draft (its own stage
    gates and conditions decide; those rules are cheap and their signals are cached)."""
    from .base import get_rule

    for code in codes:
        r = get_rule(code)
        if r.stages is not None and a.stage not in r.stages:
            continue
        try:
            if next(iter(r.check(a)), None) is not None:
                return True
        except Exception:  # that rule's own failure is reported once, by the runner
            return True
    return False


@rule(
    "ST009",
    "missing-element",
    severity="suggestion",
    summary="The note lacks something a good note of its stage has.",
    # the rubric already charges the element's worth to the overall score (data/rubric.toml)
    points=0,
)
def missing_element(a: Analysis) -> Iterator[Finding]:
    """Names each element of the stage's rubric the note lacks, with a sentence to add.

    What it does:
        Each stage has a rubric (data/rubric.toml): a status check greets the reader by name,
        names the role, asks one polite question about the timeline, renews interest and
        thanks; a final note thanks and leaves the door open; a withdrawal thanks, withdraws
        plainly and ends with goodwill. A missing element costs its worth in the overall
        score; this rule says which one it was, unless another rule (such as missing-thanks)
        already does at this stage.
    Why it matters:
        The score should never drop without saying why, and the writer needs the sentence
        to add, not only the number.
    Example:
        Dear Ms. Chen,\\n\\nI interviewed for the analyst role two weeks ago. Is there any
        update on the timeline?\\n\\nBest,\\nJordan
    Instead:
        Dear Ms. Chen,\\n\\nThank you again for speaking with me two weeks ago about the
        analyst role; I remain very interested. Is there any update on the timeline?\\n\\nBest,\\nJordan
    """
    if not a.prose_units:
        return
    worth = rubric(a.stage)
    present = stage_elements(a)
    used: set[int] = set()
    for name in worth:
        if present[name]:
            continue
        advice = _advice(name)
        covered = [str(c) for c in advice.get("covered_by", [])]  # type: ignore[attr-defined]
        if not advice or _reported_elsewhere(a, covered):
            continue
        message = _fill(str(advice["message"]), a)
        if message is None:
            continue
        tries = tuple(t for t in (_fill(str(x), a) for x in advice.get("try", [])) if t)  # type: ignore[attr-defined]
        # where the sentence would go; one finding per unit, since findings are told apart
        # by their span
        anchor = advice.get("anchor", "last")
        order = list(reversed(a.prose_units)) if anchor == "last" else list(a.prose_units)
        if anchor == "greeting" and a.greeting is not None:
            order.insert(0, a.greeting)
        unit = next((u for u in order if u.start not in used), None)
        if unit is None:
            continue
        used.add(unit.start)
        cost = f"costs {worth[name]:g} of the note's 100 content points"
        yield Finding(unit.start, unit.end, f"{message} ({cost})", replacements=tries)
