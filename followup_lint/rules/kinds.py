"""Rules written as data: typed kinds that ``data/rules.toml`` fills in.

Most checks are one of a few shapes (proselint and Vale make the same observation); a rule of
such a shape needs no Python at all, only an entry in ``rules.toml``:

- ``existence``: every match of a phrase list is a finding with the same message. An entry
  may add ``model``: a sentence the move model labels ``move`` with at least
  ``min_confidence``, in which no phrase of the list matched but one of its ``cues`` does, is
  a finding too (``message``). The cues alone would be too loose ("honestly", "family"), and
  the model alone cannot tell a plea from a demand; together they catch the general forms a
  phrase list misses.

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
    model = spec.get("model")
    if model is not None and not {"move", "min_confidence", "cues", "message"} <= set(model):
        raise DataFileError(f"rules.toml: rule {spec['code']}: model needs move, min_confidence, cues and message")

    def check(a: Analysis) -> Iterator[Finding]:
        hits = list(a.find(phrases(section, key).pattern))
        for m in hits:
            yield Finding(m.start(), m.end(), message)
        if model is not None:
            yield from _model_findings(a, model, [m.start() for m in hits])

    return check


def _model_findings(a: Analysis, model: dict[str, Any], matched: list[int]) -> Iterator[Finding]:
    """Sentences the move model is sure of, with a cue of this rule's kind, that no phrase of
    the list matched: the finding covers the sentence, since the model judged the whole."""
    section, _, key = str(model["cues"]).partition(".")
    cues = phrases(section, key).pattern
    seen = a.view or a.text
    for u in a.units_with(str(model["move"]), min_confidence=float(model["min_confidence"])):
        if u not in a.prose_units or any(u.start <= s < u.end for s in matched):
            continue
        if cues.search(seen, u.start, u.end):
            yield Finding(u.start, u.end, str(model["message"]))


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
