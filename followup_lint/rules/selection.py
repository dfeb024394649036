"""Which rules run and at what severity: ``select``, ``ignore`` and ``severity`` resolved
against the registered rules once, when an analyzer is made.

A selector is a rule code (``RF002``), a code prefix (``RF``, ``RF0``), a rule name
(``wrong-company``) or a dimension (``references``), in any case. A selector that matches no
rule is a :class:`ConfigError` naming the closest match, so a typo never turns every rule off
in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..config import Config, closest
from ..errors import ConfigError
from ..types import Severity
from .base import Rule, all_rules


def matches(selector: str, r: Rule, *, dimensions: bool = True) -> bool:
    s = selector.strip()
    low, up = s.lower(), s.upper()
    return low == r.name or (dimensions and low == r.dimension.value) or (len(up) >= 2 and r.code.startswith(up))


def _check(selectors: Iterable[str], key: str, rules: list[Rule], *, dimensions: bool = True) -> None:
    known = [r.code for r in rules] + [r.name for r in rules]
    if dimensions:
        known += sorted({r.dimension.value for r in rules})
    for s in selectors:
        if not any(matches(s, r, dimensions=dimensions) for r in rules):
            raise ConfigError(
                f"{key}: {s!r} matches no rule" + closest(s, known) + "; `followup-lint rules` lists them"
            )


@dataclass(frozen=True)
class Selection:
    """The enabled rules, in code order, and the severities the user set."""

    rules: tuple[Rule, ...]
    overrides: Mapping[str, Severity]

    def severity(self, r: Rule, found: Severity | None = None) -> Severity:
        """The user's severity for the rule, else the finding's own, else the rule's."""
        return self.overrides.get(r.code) or found or r.severity

    @classmethod
    def from_config(cls, config: Config) -> Selection:
        every = all_rules()
        _check(config.select, "select", every)
        _check(config.ignore, "ignore", every)
        _check(config.severity, "severity", every, dimensions=False)
        chosen = []
        for r in every:
            if any(matches(s, r) for s in config.ignore):
                continue
            if config.select:
                if any(matches(s, r) for s in config.select):
                    chosen.append(r)
            elif r.enabled:
                chosen.append(r)
        overrides = {}
        for r in every:
            sev = config.severity_override(r.code, r.name)
            if sev is not None:
                overrides[r.code] = sev
        return cls(tuple(chosen), overrides)
