"""The rule framework: what a rule is, how it registers, and what it returns.

A rule is a function over an :class:`~followup_lint.analysis.Analysis` that yields
:class:`Finding` objects. It registers itself with :func:`rule`, which takes its code, name,
severity and one-line summary; its docstring is its documentation page, in four sections:

    What it does:  ...
    Why it matters:  ...
    Example:       a draft (or part of one) on which the rule must fire
    Instead:       the same draft fixed; the rule must stay quiet on it

An ``Example`` / ``Instead`` section may begin with a ``Context:`` line of ``key=value``
pairs separated by ``;`` (``topics`` separated by ``|``). The test suite runs both on every
rule and refuses a rule without them.

A rule declares everything about itself in one place: its code, name, severity and summary,
the points it takes off its dimension (``points=``; default: its severity's points in
``scoring.toml``), whether it reports words a grammar checker would flag too and so hides
their grammar findings (``masks_grammar=True``), and the section of ``thresholds.toml`` it
reads (``data=``): the docstring may name those numbers as ``${key}``, so the documentation
always says what the code does.
"""

from __future__ import annotations

import inspect
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..types import Dimension, Severity, Stage

if TYPE_CHECKING:
    from ..analysis import Analysis

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_NAME = re.compile(r"^[a-z]+(?:-[a-z0-9]+)*$")
SECTIONS = ("What it does", "Why it matters", "Example", "Instead")


@dataclass(frozen=True)
class Finding:
    """Where a rule fired. Offsets index ``Analysis.text``; the framework adds the rest."""

    start: int
    end: int
    message: str
    fix: str | None = None
    replacements: tuple[str, ...] = ()
    severity: Severity | None = None
    source_rule: str | None = None
    why: str | None = None


@dataclass(frozen=True)
class Example:
    text: str
    context: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    dimension: Dimension
    severity: Severity
    summary: str
    why: str
    doc: str
    check: Callable[[Analysis], Iterable[Finding]]
    enabled: bool = True
    sections: dict[str, str] = field(default_factory=dict)
    points: float | None = None
    masks_grammar: bool = False
    stages: frozenset[Stage] | None = None  # None: every stage

    @property
    def examples(self) -> tuple[Example, ...]:
        return _examples(self.sections.get("Example", ""))

    @property
    def counter_examples(self) -> tuple[Example, ...]:
        return _examples(self.sections.get("Instead", ""))

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


REGISTRY: dict[str, Rule] = {}


class RuleDefinitionError(ValueError):
    """A rule declared wrongly: bad code, duplicate, missing doc sections."""


def rule(
    code: str,
    name: str,
    *,
    severity: Severity | str,
    summary: str,
    enabled: bool = True,
    points: float | None = None,
    masks_grammar: bool = False,
    data: str | None = None,
    stages: Iterable[Stage | str] | None = None,
) -> Callable[[Callable[[Analysis], Iterable[Finding]]], Callable[[Analysis], Iterable[Finding]]]:
    """Register a rule. The dimension follows from the code's two-letter prefix."""
    if not _CODE.match(code):
        raise RuleDefinitionError(f"{code}: a code is two capital letters and three digits")
    if not _NAME.match(name):
        raise RuleDefinitionError(f"{code}: name {name!r} must be kebab-case")
    dimension = Dimension.from_prefix(code[:2])

    def register(
        func: Callable[[Analysis], Iterable[Finding]],
    ) -> Callable[[Analysis], Iterable[Finding]]:
        doc = inspect.cleandoc(func.__doc__ or "")
        if data is not None:
            from ..lexicon import threshold

            doc = _DocTemplate(doc).safe_substitute(_flatten(threshold(data)))
        sections = parse_sections(doc)
        missing = [s for s in SECTIONS if s not in sections]
        if missing:
            raise RuleDefinitionError(f"{code} {name}: docstring lacks {', '.join(missing)}")
        if code in REGISTRY and REGISTRY[code].check is not func:
            raise RuleDefinitionError(f"{code} is registered twice")
        if any(r.name == name and r.code != code for r in REGISTRY.values()):
            raise RuleDefinitionError(f"rule name {name!r} is used twice")
        why = " ".join(sections["Why it matters"].split())
        REGISTRY[code] = Rule(
            code=code,
            name=name,
            dimension=dimension,
            severity=Severity.parse(severity),
            summary=summary,
            why=why,
            doc=doc,
            check=func,
            enabled=enabled,
            sections=sections,
            points=points,
            masks_grammar=masks_grammar,
            stages=None if stages is None else frozenset(Stage.parse(s) for s in stages),
        )
        return func

    return register


class _DocTemplate(string.Template):
    # ${thank_you.max} names a key of a nested table
    idpattern = r"[a-z_][a-z0-9_.]*"


def _flatten(table: dict[str, object], prefix: str = "") -> dict[str, str]:
    """Thresholds as prose, nested keys dotted: {"a": {"b": 48.0}} -> {"a.b": "48"}."""
    out: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out.update(_flatten(value, f"{prefix}{key}."))
        elif isinstance(value, float) and value.is_integer():
            out[f"{prefix}{key}"] = str(int(value))
        else:
            out[f"{prefix}{key}"] = str(value)
    return out


def parse_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into its headed sections (``Heading:`` at column 0)."""
    sections: dict[str, str] = {}
    current = "_summary"
    buf: list[str] = []
    heading = re.compile(r"^(What it does|Why it matters|Example|Instead):\s*(.*)$")
    for line in doc.splitlines():
        m = heading.match(line)
        if m:
            sections[current] = inspect.cleandoc("\n".join(buf))
            current, buf = m.group(1), [m.group(2)] if m.group(2) else []
        else:
            buf.append(line)
    sections[current] = inspect.cleandoc("\n".join(buf))
    return sections


def _examples(section: str) -> tuple[Example, ...]:
    """Examples are separated by a line ``---``. Wrapped lines are joined with a space; a
    literal ``\\n`` is a line break."""
    out = []
    for chunk in re.split(r"^\s*---\s*$", section, flags=re.M):
        chunk = chunk.strip("\n")
        if not chunk.strip():
            continue
        context: dict[str, object] = {}
        lines = chunk.splitlines()
        if lines and lines[0].strip().startswith("Context:"):
            spec = lines[0].split(":", 1)[1]
            for pair in spec.split(";"):
                if "=" in pair:
                    key, value = (p.strip() for p in pair.split("=", 1))
                    context[key] = value.split("|") if key == "topics" else value
            lines = lines[1:]
        # Docstring lines wrap; only a literal "\n" is a line break in the example.
        text = " ".join(line.strip() for line in lines if line.strip())
        text = re.sub(r" *\\n *", "\n", text)
        out.append(Example(text=text, context=context))
    return tuple(out)


def all_rules() -> list[Rule]:
    """Every registered rule, in code order."""
    from . import load_all

    load_all()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def get_rule(key: str) -> Rule:
    """A rule by code or name (case-insensitive)."""
    key_l = key.strip().lower()
    for r in all_rules():
        if r.code.lower() == key_l or r.name == key_l:
            return r
    raise KeyError(key)
