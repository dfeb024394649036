"""Small enums shared by every part of the package."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar


class Severity(str, Enum):
    """How much a finding matters. Ordered: ``suggestion < warning < error``."""

    SUGGESTION = "suggestion"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        return _parse(cls, value, {}, "severity")


_SEVERITY_RANK = {Severity.SUGGESTION: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Dimension(str, Enum):
    """What a score or a rule is about. Each has a two-letter rule-code prefix."""

    GRATITUDE = "gratitude"
    INTEREST = "interest"
    REFERENCES = "references"
    LENGTH = "length"
    FORMALITY = "formality"
    TONE = "tone"
    GRAMMAR = "grammar"
    STRUCTURE = "structure"
    TIMING = "timing"

    @property
    def prefix(self) -> str:
        return _PREFIXES[self]

    @classmethod
    def from_prefix(cls, prefix: str) -> Dimension:
        for dim, pre in _PREFIXES.items():
            if pre == prefix:
                return dim
        raise ValueError(f"no dimension has the rule prefix {prefix!r}")


_PREFIXES = {
    Dimension.GRATITUDE: "GR",
    Dimension.INTEREST: "IN",
    Dimension.REFERENCES: "RF",
    Dimension.LENGTH: "LN",
    Dimension.FORMALITY: "FM",
    Dimension.TONE: "TN",
    Dimension.GRAMMAR: "GM",
    Dimension.STRUCTURE: "ST",
    Dimension.TIMING: "TM",
}


class Stage(str, Enum):
    """Which kind of follow-up a draft is. ``other`` is not a follow-up at all (judged on form
    only); ``auto`` asks followup-lint to infer the stage."""

    THANK_YOU = "thank_you"
    STATUS_CHECK = "status_check"
    FINAL = "final"
    WITHDRAWAL = "withdrawal"
    AFTER_REJECTION = "after_rejection"
    OTHER = "other"
    AUTO = "auto"

    @classmethod
    def parse(cls, value: str | Stage | None) -> Stage:
        if value is None:
            return cls.AUTO
        return _parse(cls, value, _STAGE_ALIASES, "stage")


_STAGE_ALIASES = {
    "thanks": "thank_you",
    "thankyou": "thank_you",
    "status": "status_check",
    "check_in": "status_check",
    "checkin": "status_check",
    "final_note": "final",
    "withdraw": "withdrawal",
    "rejection": "after_rejection",
    "rejected": "after_rejection",
}

E = TypeVar("E", bound=Enum)


def _parse(cls: type[E], value: object, aliases: dict[str, str], what: str) -> E:
    """An enum member from its value, case-insensitive, with ``-`` and spaces read as ``_``."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a {what} name, got {type(value).__name__}")
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return cls(aliases.get(key, key))
    except ValueError:
        choices = ", ".join(str(m.value) for m in cls)
        raise ValueError(f"unknown {what} {value!r} (choose from {choices})") from None


MOVES: tuple[str, ...] = (
    "greeting",
    "gratitude",
    "interest",
    "fit",
    "reference",
    "clarification",
    "question",
    "next_steps",
    "apology",
    "pressure",
    "sign_off",
    "other",
)
"""The sentence moves, in a fixed order (the classifier's label order)."""
