"""Small enums shared by every part of the package."""

from __future__ import annotations

from enum import Enum


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
        if isinstance(value, Severity):
            return value
        try:
            return cls(value.strip().lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


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
    """Which kind of follow-up a draft is."""

    THANK_YOU = "thank_you"
    STATUS_CHECK = "status_check"
    FINAL = "final"
    AUTO = "auto"

    @classmethod
    def parse(cls, value: str | Stage | None) -> Stage:
        if value is None:
            return cls.AUTO
        if isinstance(value, Stage):
            return value
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        aliases = {
            "thanks": "thank_you",
            "thankyou": "thank_you",
            "status": "status_check",
            "check_in": "status_check",
            "checkin": "status_check",
            "final_note": "final",
        }
        key = aliases.get(key, key)
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown stage {value!r} (choose from {choices})") from None


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
