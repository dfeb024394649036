"""The two panel rules: declared like the single-draft rules (code, kebab-case name, severity,
summary, and a docstring page with What it does / Why it matters / Example / Instead), but not
registered with them, because they need every note of the panel and a single-draft check never
has it.

A panel example is several drafts separated by ``---``, each with a ``Context:`` line naming its
addressee; ``tests/test_panel.py`` runs them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import ConfigError
from ..rules.base import SECTIONS, Example, parse_sections
from ..rules.base import _examples as split_examples  # the single-draft rules' example syntax, shared
from ..tomlfile import read_toml
from ..types import Dimension, Severity

_DATA = Path(__file__).with_name("panel.toml")


def settings(section: str) -> dict[str, Any]:
    """``[section]`` of ``panel.toml``."""
    table = read_toml(_DATA, error=ConfigError, what="panel data file").get(section)
    if not isinstance(table, dict):
        raise ConfigError(f"{_DATA}: no section [{section}]")
    return table


@dataclass(frozen=True)
class PanelRule:
    """A rule over a whole panel of notes. Selected, ignored and re-graded with the same
    selectors as every rule (code, code prefix, name, dimension)."""

    code: str
    name: str
    dimension: Dimension
    severity: Severity
    summary: str
    doc: str
    sections: dict[str, str] = field(default_factory=dict)

    # a panel rule is always on in check-panel, and never runs in a single-draft check
    enabled: bool = True
    panel: bool = True

    @property
    def why(self) -> str:
        return " ".join(self.sections["Why it matters"].split())

    @property
    def examples(self) -> tuple[Example, ...]:
        return split_examples(self.sections["Example"])

    @property
    def counter_examples(self) -> tuple[Example, ...]:
        return split_examples(self.sections["Instead"])

    def __repr__(self) -> str:
        return f"<PanelRule {self.code} {self.name}>"


PANEL_RULES: dict[str, PanelRule] = {}


def panel_rule(code: str, name: str, *, severity: str, summary: str) -> Callable[[Callable[..., Any]], PanelRule]:
    """Declare a panel rule from a function whose docstring is its page."""

    def register(func: Callable[..., Any]) -> PanelRule:
        doc = inspect.cleandoc(func.__doc__ or "")
        sections = parse_sections(doc)
        missing = [s for s in SECTIONS if s not in sections]
        if missing:
            raise ConfigError(f"{code} {name}: docstring lacks {', '.join(missing)}")
        found = PanelRule(code, name, Dimension.from_prefix(code[:2]), Severity.parse(severity), summary, doc, sections)
        PANEL_RULES[code] = found
        return found

    return register


@panel_rule("RF008", "panel-near-copy", severity="warning", summary="The same note sent to several panel members.")
def _near_copy() -> None:
    """Flags the sentences that two notes to different panel members share.

    What it does:
        Compares every pair of notes to the panel, sentence by sentence, with the panel's names
        blanked out. When most of the two notes' sentences are the same or nearly the same, it
        flags each shared sentence in each note and says which other note has it.
    Why it matters:
        Interviewers on one panel compare notes. A note that differs from its neighbour only in
        the greeting shows that none of them was written for its reader; each should recall that
        person's part of the conversation.
    Example:
        Context: interviewer=Maria Chen
        Dear Maria,\\n\\nThank you for meeting with me on Tuesday about the data engineer role. I
        enjoyed learning how the team runs the claims pipeline. I am excited about the chance
        to help the team ship reliable data.\\n\\nBest regards,\\nJordan Lee
        ---
        Context: interviewer=Priya Raman
        Dear Priya,\\n\\nThank you for meeting with me on Tuesday about the data engineer role. I
        enjoyed learning how the team runs the claims pipeline. I am excited about the chance
        to help the team ship reliable data.\\n\\nBest regards,\\nJordan Lee
    Instead:
        Context: interviewer=Maria Chen
        Dear Maria,\\n\\nThank you for meeting with me on Tuesday about the data engineer role.
        Your account of moving the claims pipeline to streaming has stayed with me, and I have
        been reading about exactly-once delivery since.\\n\\nBest regards,\\nJordan Lee
        ---
        Context: interviewer=Priya Raman
        Dear Priya,\\n\\nThank you for meeting with me on Tuesday about the data engineer role.
        I enjoyed our whiteboard session on the late-arriving claims, and your question about
        backfills made me rethink how I would partition the tables.\\n\\nBest regards,\\nJordan Lee
    """


@panel_rule("RF009", "panel-wrong-name", severity="error", summary="A note to one panel member speaks to another.")
def _wrong_name() -> None:
    """Flags another panel member's name used to speak to the note's reader.

    What it does:
        Knowing whom each note is to (its context, else its greeting), flags another member's
        name where the note speaks to its reader: "Thank you, Priya, for ...", "Priya, your
        question ...", "... for your time, Priya." A name after "your colleague," or "please
        thank" is about that person, not to them, and stays quiet. A greeting that names
        another member is RF003 wrong-interviewer's finding.
    Why it matters:
        Notes to a panel are written from one draft; a name left over from the previous note
        tells the reader that the note was copied, and whom it was copied from.
    Example:
        Context: interviewer=Maria Chen
        Dear Maria,\\n\\nThank you for the conversation about the claims pipeline on Tuesday.
        \\n\\nBest regards,\\nJordan Lee
        ---
        Context: interviewer=Priya Raman
        Dear Priya,\\n\\nThank you, Maria, for walking me through the late-arriving claims on
        Tuesday.\\n\\nBest regards,\\nJordan Lee
    Instead:
        Context: interviewer=Maria Chen
        Dear Maria,\\n\\nThank you for the conversation about the claims pipeline on Tuesday.
        \\n\\nBest regards,\\nJordan Lee
        ---
        Context: interviewer=Priya Raman
        Dear Priya,\\n\\nThank you for walking me through the late-arriving claims on Tuesday;
        please also pass my thanks to Maria.\\n\\nBest regards,\\nJordan Lee
    """


NEAR_COPY = PANEL_RULES["RF008"]
WRONG_NAME = PANEL_RULES["RF009"]


def _matches(selector: str, r: PanelRule) -> bool:
    # the same reading of a selector as rules/selection.py: name, dimension or code prefix
    s = selector.strip()
    return s.lower() in (r.name, r.dimension.value) or (len(s) >= 2 and r.code.startswith(s.upper()))


@dataclass(frozen=True)
class PanelSelection:
    """Which panel rules run, at which severity, and the configuration left for the drafts'
    own check (panel selectors taken out, so the single-draft rules do not refuse them)."""

    rules: tuple[PanelRule, ...]
    severities: dict[str, Severity]
    drafts_config: Config
    own_findings: bool  # False when --select named panel rules only

    @classmethod
    def from_config(cls, config: Config) -> PanelSelection:
        from ..rules import all_rules
        from ..rules.selection import matches

        single = all_rules()

        def panel_only(s: str) -> bool:
            return any(_matches(s, r) for r in PANEL_RULES.values()) and not any(matches(s, r) for r in single)

        chosen = tuple(
            r
            for r in PANEL_RULES.values()
            if not any(_matches(s, r) for s in config.ignore)
            and (not config.select or any(_matches(s, r) for s in config.select))
        )
        severities = {r.code: sev for r in PANEL_RULES.values() if (sev := config.severity_override(r.code, r.name))}
        select = tuple(s for s in config.select if not panel_only(s))
        drafts_config = config.with_(
            select=select,
            ignore=tuple(s for s in config.ignore if not panel_only(s)),
            severity={k: v for k, v in config.severity.items() if not panel_only(k)},
        )
        return cls(chosen, severities, drafts_config, own_findings=not (config.select and not select))

    def severity(self, r: PanelRule) -> Severity:
        return self.severities.get(r.code, r.severity)
