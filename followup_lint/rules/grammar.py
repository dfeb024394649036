"""Grammar and spelling: findings from the grammar backend, under stable GM codes.

LanguageTool (or the built-in checker) reports issues by kind; each kind has one rule here,
so users can select, ignore or re-grade them like any other rule. LanguageTool's own rule id
stays in ``source_rule``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import Analysis
from ..types import Dimension
from .base import Finding, rule
from .dimensions import declare
from .signals import all_lowercase

declare(
    Dimension.GRAMMAR,
    unjudged=lambda a: "grammar checking is off" if a.grammar_backend == "off" else None,
    note=lambda a: a.grammar_note if a.grammar_backend != "off" else None,
)


def _issues(a: Analysis, *kinds: str, lowercase_i: bool | None = None) -> Iterator[Finding]:
    for issue in a.grammar_issues:
        if issue.kind not in kinds:
            continue
        flagged = a.text[issue.start : issue.end]
        if lowercase_i is not None and (flagged == "i") != lowercase_i:
            continue
        fix = issue.replacements[0] if issue.safe_fix and issue.replacements else None
        yield Finding(
            issue.start,
            issue.end,
            issue.message,
            fix=fix,
            replacements=issue.replacements[:5],
            source_rule=issue.source_rule,
        )


@rule("GM001", "misspelling", severity="warning", summary="A word that looks misspelled.", points=12)
def misspelling(a: Analysis) -> Iterator[Finding]:
    """Flags words the spelling dictionary does not know.

    What it does:
        Reports the grammar backend's spelling findings. Names from the context, proper nouns
        and your configured vocabulary are accepted words.
    Why it matters:
        A typo in a short note stands out, and hiring managers read it as a lack of care.
    Example:
        Thank you for the oportunity to interview yesterday.
    Instead:
        Thank you for the opportunity to interview yesterday.
    """
    yield from _issues(a, "spelling")


@rule("GM002", "repeated-word", severity="warning", summary="The same word twice in a row.", points=12)
def repeated_word(a: Analysis) -> Iterator[Finding]:
    """Flags a word repeated by mistake ("the the").

    What it does:
        Reports doubled words.
    Why it matters:
        A doubled word is the classic sign of a note that was not proofread.
    Example:
        I look forward to to hearing from you.
    Instead:
        I look forward to hearing from you.
    """
    yield from _issues(a, "repetition")


@rule("GM003", "lowercase-i", severity="warning", summary="“i” written for “I”.", points=10)
def lowercase_i(a: Analysis) -> Iterator[Finding]:
    """Flags the pronoun "I" written in lower case.

    What it does:
        Reports a lone lowercase "i". In a draft written wholly in lower case, FM005 reports
        the whole draft once instead.
    Why it matters:
        It reads as a text message and is among the first things a reader notices.
    Example:
        Thank you for the interview, i enjoyed it.
    Instead:
        Thank you for the interview; I enjoyed it.
    """
    if all_lowercase(a):
        return
    yield from _issues(a, "capitalization", lowercase_i=True)


@rule(
    "GM004",
    "lowercase-sentence-start",
    severity="warning",
    summary="A sentence that starts in lower case.",
    points=8,
)
def lowercase_sentence_start(a: Analysis) -> Iterator[Finding]:
    """Flags a sentence that begins with a lowercase letter, and other capitalisation slips.

    What it does:
        Reports capitalisation problems other than a lowercase "I". In a draft written wholly
        in lower case, FM005 reports the whole draft once instead.
    Why it matters:
        Capitals at sentence starts are basic mechanics; missing ones suggest haste.
    Example:
        Thank you for your time. the tour was great.
    Instead:
        Thank you for your time. The tour was great.
    """
    if all_lowercase(a):
        return
    yield from _issues(a, "capitalization", lowercase_i=False)


@rule(
    "GM005",
    "confused-words",
    severity="warning",
    summary="A commonly confused word (your/you're, then/than).",
)
def confused_words(a: Analysis) -> Iterator[Finding]:
    """Flags commonly confused words: your/you're, its/it's, then/than, there/their, a/an.

    What it does:
        Reports the backend's confusion findings, with the word it expects.
    Why it matters:
        These slips are what readers notice first, and spell checkers miss them because each
        word is spelled correctly.
    Example:
        Thank you for you're time on Monday.
    Instead:
        Thank you for your time on Monday.
    """
    yield from _issues(a, "confusion")


@rule(
    "GM006",
    "grammar-error",
    severity="warning",
    summary="A grammar error (agreement, verb form, article).",
)
def grammar_error(a: Analysis) -> Iterator[Finding]:
    """Flags grammar errors found by LanguageTool, such as agreement and verb forms.

    What it does:
        Reports the grammar findings of LanguageTool and Harper, and, with either of them,
        agreement and verb-form errors read from the part-of-speech tags ("animals is",
        "several reason", "will not to go"). The built-in checker does not find these; run
        ``followup-lint grammar install`` for the full checker.
    Why it matters:
        Grammar slips in a short, important note are noticed and weigh against you.
    Example:
        Context: grammar=languagetool
        I has enjoyed our conversation about the new clinic.
    Instead:
        Context: grammar=languagetool
        I enjoyed our conversation about the new clinic.
    """
    yield from _issues(a, "grammar")


@rule("GM007", "punctuation", severity="suggestion", summary="Punctuation and spacing slips.")
def punctuation(a: Analysis) -> Iterator[Finding]:
    """Flags punctuation and spacing slips: doubled commas, a space before a comma, two spaces.

    What it does:
        Reports punctuation, typography and whitespace findings.
    Why it matters:
        Small slips add up to an impression of haste.
    Example:
        Thank you for your time ,and for the tour..
    Instead:
        Thank you for your time, and for the tour.
    """
    yield from _issues(a, "punctuation", "typography", "whitespace")


@rule(
    "GM008",
    "style-issue",
    severity="suggestion",
    summary="Wordiness and style findings from LanguageTool.",
    enabled=False,
)
def style_issue(a: Analysis) -> Iterator[Finding]:
    """Reports LanguageTool's style findings (off by default: they are opinions).

    What it does:
        Reports LanguageTool findings of the style kind, such as redundancy ("very unique") and
        wordy phrases.
    Why it matters:
        Some writers want every suggestion; most find style hints noisy, so the rule is off
        unless selected.
    Example:
        Context: grammar=languagetool
        Meeting the whole team was a very unique experience.
    Instead:
        Context: grammar=languagetool
        Meeting the whole team was a unique experience.
    """
    yield from _issues(a, "style")
