"""Rules written as data: typed kinds that ``data/rules.toml`` fills in.

Most checks are one of a few shapes (proselint and Vale make the same observation); a rule of
such a shape needs no Python at all, only an entry in ``rules.toml``:

- ``existence``: every match of a phrase list is a finding with the same message.

Each entry names its dimension module, so ``followup-lint rules`` and the docs treat it like
any rule written in Python; a bad entry fails at load, naming the file and the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..analysis import Analysis
from ..data import DataFileError, load_data
from ..lexicon import phrases
from .base import Finding, RuleDefinitionError, rule

_REQUIRED = ("kind", "code", "name", "severity", "summary", "dimension", "doc")


def _existence(spec: dict[str, Any]) -> Callable[[Analysis], Iterable[Finding]]:
    section, _, key = str(spec["phrases"]).partition(".")
    message = str(spec["message"])

    def check(a: Analysis) -> Iterator[Finding]:
        for m in a.find(phrases(section, key).pattern):
            yield Finding(m.start(), m.end(), message)

    return check


_KINDS: dict[str, Callable[[dict[str, Any]], Callable[[Analysis], Iterable[Finding]]]] = {
    "existence": _existence,
}


def register_data_rules(dimension: str, module: str) -> None:
    """Register every ``rules.toml`` entry of ``dimension`` as if written in ``module``."""
    entries = load_data("rules").get("rule", [])
    for spec in entries:
        if spec.get("dimension") != dimension:
            continue
        missing = [k for k in _REQUIRED if k not in spec]
        if missing:
            raise DataFileError(f"rules.toml: rule {spec.get('code', '?')} lacks {', '.join(missing)}")
        make = _KINDS.get(str(spec["kind"]))
        if make is None:
            raise DataFileError(f"rules.toml: rule {spec['code']}: unknown kind {spec['kind']!r}")
        check = make(spec)
        check.__module__ = module
        check.__name__ = check.__qualname__ = str(spec["name"]).replace("-", "_")
        check.__doc__ = str(spec["doc"])
        try:
            rule(
                str(spec["code"]),
                str(spec["name"]),
                severity=str(spec["severity"]),
                summary=str(spec["summary"]),
                points=spec.get("points"),
            )(check)
        except RuleDefinitionError as exc:
            raise DataFileError(f"rules.toml: {exc}") from None
