"""The rules as a listing (``followup-lint rules``) and as one rule's page (``explain``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from ..rules.base import SECTIONS
from ..types import Dimension, Severity


class Rule(Protocol):
    """What a listing needs of a rule: a single-draft rule, or a panel rule (check-panel)."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def dimension(self) -> Dimension: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def summary(self) -> str: ...
    @property
    def enabled(self) -> bool: ...
    @property
    def sections(self) -> Mapping[str, str]: ...


def _scope(r: Rule) -> str:
    return "  (check-panel only)" if getattr(r, "panel", False) else ""


def _text(rules: Sequence[Rule]) -> str:
    lines = []
    for r in rules:
        off = "" if r.enabled else "  (off by default)"
        lines.append(f"{r.code}  {r.name:<26} {r.severity.value:<10} {r.summary}{off}{_scope(r)}")
    return "\n".join(lines) + "\n"


def rule_summary(r: Rule) -> dict[str, object]:
    """One rule as a JSON-able record (the listing, and the HTTP API's /v1/rules)."""
    return {
        "code": r.code,
        "name": r.name,
        "dimension": r.dimension.value,
        "severity": r.severity.value,
        "enabled": r.enabled,
        "summary": r.summary,
        "scope": "panel" if getattr(r, "panel", False) else "draft",
    }


def _json(rules: Sequence[Rule]) -> str:
    return json.dumps([rule_summary(r) for r in rules], indent=2) + "\n"


def _markdown(rules: Sequence[Rule]) -> str:
    lines = ["| code | name | dimension | severity | on by default | summary |", "|---|---|---|---|---|---|"]
    for r in rules:
        on = "yes" if r.enabled else "no"
        lines.append(f"| {r.code} | {r.name} | {r.dimension.value} | {r.severity.value} | {on} | {r.summary} |")
    return "\n".join(lines) + "\n"


LISTINGS: dict[str, Callable[[Sequence[Rule]], str]] = {"text": _text, "json": _json, "markdown": _markdown}


def rule_page(r: Rule) -> str:
    off = "" if r.enabled else ", off by default"
    scope = ", check-panel only" if getattr(r, "panel", False) else ""
    lines = [f"{r.code} {r.name} ({r.dimension.value}, {r.severity.value}{off}{scope})", r.summary, ""]
    for section in SECTIONS:
        lines.append(f"{section}:")
        lines.extend(f"    {line}" for line in r.sections[section].replace("\\n", "\n").splitlines())
        lines.append("")
    return "\n".join(lines) + "\n"
