"""LanguageTool through language-tool-python, pointed at our own server on 127.0.0.1.

Matches become :class:`GrammarIssue` objects: offsets converted from UTF-16 code units to
Python characters, categories mapped to our kinds, rules that duplicate followup-lint's own
(exclamation marks, capitals for emphasis) or that are noise in an email (a greeting line
without a full stop, straight quotes) switched off, accepted words and British spellings
never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from ..report import Utf16Index, _index_for
from .base import GrammarIssue, GrammarUnavailable
from .variants import is_spelling_variant

# "en" rather than "en-US": LanguageTool then runs its English grammar, punctuation and style
# rules but not its variant spell checker, which was over 40% of its time per draft here;
# GrammarChecker adds the built-in dictionary checks (which accept British and American
# spellings alike) to its findings.
LANGUAGE = "en"
CHUNK_CHARS = 10_000

# Rules whose findings another followup-lint rule already reports, or that misfire on emails.
DISABLED_RULES = (
    "WHITESPACE_RULE",  # aligned signatures and double spaces after a full stop: harmless
    "EN_QUOTES",  # straight quotes are normal in email
    "DASH_RULE",
    "PUNCTUATION_PARAGRAPH_END",  # "Dear Ms. Chen," and sign-off lines have no full stop
    "EN_EXCESSIVE_EXCLAMATION",  # FM003 exclamation-run
    "TOO_LONG_SENTENCE",  # LN003 long-sentence
    "EN_UNPAIRED_BRACKETS",  # ST003 reports placeholders such as "[Job Title]"
    "UNPAIRED_BRACKETS",
    "EN_SPECIFIC_CASE",  # product names in odd case ("iOS", "dbt")
    "SENT_START_NUM",
    "COMMA_COMPOUND_SENTENCE",  # picky comma advice
    "COMMA_COMPOUND_SENTENCE_2",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # "I ... I ... I": style, noisy in short notes
    "EN_DIACRITICS_REPLACE",  # "resume" vs "résumé"
    "PROFANITY",
    "UPPERCASE_SENTENCE_START_GREETING",
)
DISABLED_CATEGORIES = ("TYPOGRAPHY_DASHES",)

_SAFE_RULES = {"ENGLISH_WORD_REPEAT_RULE", "I_LOWERCASE", "DOUBLE_PUNCTUATION", "COMMA_PARENTHESIS_WHITESPACE"}


def kind_of(rule_id: str, category: str, issue_type: str) -> str:
    """Our kind for a LanguageTool match (decides the GM rule it is reported under)."""
    if rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL")):
        return "spelling"
    if "REPEAT" in rule_id or rule_id in ("ENGLISH_WORD_REPEAT_RULE",):
        return "repetition"
    if category == "CASING" or rule_id in ("I_LOWERCASE", "UPPERCASE_SENTENCE_START"):
        return "capitalization"
    if category in ("CONFUSED_WORDS", "TYPOS") or "CONFUS" in rule_id or rule_id.startswith(("EN_A_VS_AN", "YOUR_")):
        return "confusion"
    if category == "PUNCTUATION" or rule_id.startswith("COMMA_"):
        return "punctuation"
    if category == "TYPOGRAPHY":
        return "typography"
    if category in ("STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "WORDINESS", "REPETITIONS_STYLE", "COLLOQUIALISMS") or (
        issue_type == "style"
    ):
        return "style"
    if issue_type == "whitespace":
        return "whitespace"
    return "grammar"


def utf16_to_index(text: str, units: int) -> int:
    """The Python index of a UTF-16 code-unit offset (LanguageTool counts in UTF-16)."""
    return Utf16Index(text).index(units)


def _chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces under ``limit`` characters, cut at paragraph (else line, else space) breaks."""
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


class LanguageToolClient:
    """One client for one server URL; language-tool-python does the HTTP."""

    def __init__(self, url: str, *, timeout: float = 5.0, remote: bool = False) -> None:
        try:
            import language_tool_python
        except ImportError:  # pragma: no cover - a dependency
            raise GrammarUnavailable("language-tool-python is not installed") from None
        timeout_seconds = timeout

        class _Client(language_tool_python.LanguageTool):  # type: ignore[misc, name-defined]
            # The library's default request timeout is 300 s; a grammar check must never
            # hold up the report that long.
            _TIMEOUT = timeout_seconds  # type: ignore[assignment]

        try:
            self._tool = _Client(LANGUAGE, remote_server=url)
        except Exception as exc:  # the library raises several kinds for a dead server
            raise GrammarUnavailable(f"LanguageTool at {url} did not answer ({type(exc).__name__})") from None
        self._tool.disabled_rules = set(DISABLED_RULES)
        self._tool.disabled_categories = set(DISABLED_CATEGORIES)
        self.url = url
        self.remote = remote

    def fetch(self, text: str) -> list[tuple[int, str, list[Any]]]:
        """LanguageTool's raw matches per chunk: the network part, which can run in the
        background while spaCy reads the same text."""
        out = []
        for offset, chunk in _chunks(text):
            try:
                matches = list(self._tool.check(chunk))
            except Exception as exc:  # connection refused, timeout, bad JSON: all mean "fall back"
                raise GrammarUnavailable(f"LanguageTool failed during the check ({type(exc).__name__})") from None
            out.append((offset, chunk, matches))
        return out

    def interpret(
        self, fetched: list[tuple[int, str, list[Any]]], *, accepted_words: Collection[str] = ()
    ) -> list[GrammarIssue]:
        """Matches to issues, accepted words and addresses dropped."""
        accepted = {w.lower() for w in accepted_words}
        issues: list[GrammarIssue] = []
        for offset, chunk, matches in fetched:
            for m in matches:
                issue = self._issue(chunk, m, accepted)
                if issue is not None:
                    issues.append(_shift(issue, offset))
        return issues

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        return self.interpret(self.fetch(text), accepted_words=accepted_words)

    def _issue(self, text: str, m: Any, accepted: set[str]) -> GrammarIssue | None:
        start = int(m.offset)  # language-tool-python already moved the start to Python indices
        idx = _index_for(text)
        end = idx.index(idx.offset(start) + int(m.error_length))
        if end <= start or end > len(text):
            return None
        rule_id, category = str(m.rule_id), str(m.category)
        kind = kind_of(rule_id, category, str(getattr(m, "rule_issue_type", "") or ""))
        flagged = text[start:end]
        replacements = tuple(str(r) for r in list(m.replacements)[:5])
        if kind == "spelling" and (
            flagged.lower() in accepted
            or _inside_address(text, start, end)
            or any(is_spelling_variant(flagged, r) for r in replacements)
        ):
            return None
        safe = rule_id in _SAFE_RULES and len(replacements) >= 1
        return GrammarIssue(
            start=start,
            end=end,
            message=str(m.message),
            kind=kind,
            source_rule=rule_id,
            category=category,
            replacements=replacements,
            safe_fix=safe,
        )


def _shift(issue: GrammarIssue, offset: int) -> GrammarIssue:
    if not offset:
        return issue
    return GrammarIssue(
        issue.start + offset,
        issue.end + offset,
        issue.message,
        issue.kind,
        issue.source_rule,
        issue.category,
        issue.replacements,
        issue.safe_fix,
    )


def _inside_address(text: str, start: int, end: int) -> bool:
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    m = re.match(r"\S*", text[left:])
    token = m.group(0) if m else ""
    return "@" in token or "://" in token or token.startswith("www.") or "linkedin." in token
