"""User configuration: ``[tool.followup-lint]`` in pyproject.toml or ``.followup-lint.toml``."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .types import Dimension, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GRAMMAR_CHOICES = ("auto", "languagetool", "harper", "builtin", "off")
CONFIG_FILES = (".followup-lint.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A configuration value or file that cannot be used (message names the key/file)."""


def _tuple(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split()]
    if not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of strings")
    return tuple(v.strip() for v in value if v.strip())


@dataclass(frozen=True)
class Config:
    """How followup-lint runs. Every field has a sensible default.

    ``select`` / ``ignore`` take rule codes (``RF002``), prefixes (``RF``, ``GM1``) or names
    (``wrong-company``); ``select`` also turns on rules that are off by default.
    ``severity`` maps a code, prefix or name to a severity. ``vocabulary`` lists words that
    spelling must accept (names, company jargon). ``weights`` overrides dimension weights.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    vocabulary: tuple[str, ...] = ()
    grammar: str = "auto"
    languagetool_url: str | None = None
    weights: Mapping[str, float] = field(default_factory=dict)
    labeller: str = "auto"
    max_chars: int = 20_000
    spacy_model: str | None = None
    min_severity: Severity = Severity.SUGGESTION
    fail_under: float | None = None

    def __post_init__(self) -> None:
        if self.grammar not in GRAMMAR_CHOICES:
            raise ConfigError(f"grammar: {self.grammar!r} is not one of {', '.join(GRAMMAR_CHOICES)}")
        for key in self.weights:
            try:
                Dimension(key)
            except ValueError:
                raise ConfigError(f"weights: unknown dimension {key!r}") from None
        if self.max_chars < 1000:
            raise ConfigError("max_chars: must be at least 1000")
        if self.fail_under is not None and not 0 <= self.fail_under <= 100:
            raise ConfigError("fail_under: must be between 0 and 100")

    @staticmethod
    def _matches(selector: str, code: str, name: str) -> bool:
        s = selector.strip()
        return s.lower() == name or (s.upper() == s and code.startswith(s.upper())) or s.upper() == code

    def rule_enabled(self, code: str, name: str, default: bool = True) -> bool:
        if any(self._matches(s, code, name) for s in self.ignore):
            return False
        if self.select:
            return any(self._matches(s, code, name) for s in self.select)
        return default

    def severity_for(self, code: str, name: str, default: Severity) -> Severity:
        # most specific wins: exact code or name, then the longest matching prefix
        best: tuple[int, Severity] | None = None
        for key, sev in self.severity.items():
            if key in (code, name):
                return sev
            if key.upper() == key and code.startswith(key) and (best is None or len(key) > best[0]):
                best = (len(key), sev)
        return best[1] if best else default

    def with_(self, **changes: Any) -> Config:
        return replace(self, **changes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "config") -> Config:
        known = {f.name.replace("_", "-"): f.name for f in fields(cls)}
        known.update({f.name: f.name for f in fields(cls)})
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise ConfigError(f"{source}: unknown key {key!r}")
            name = known[key]
            try:
                if name in ("select", "ignore", "vocabulary"):
                    value = _tuple(value, key)
                elif name == "severity":
                    if not isinstance(value, Mapping):
                        raise ConfigError(f"{key}: expected a table of rule = severity")
                    value = {k: Severity.parse(v) for k, v in value.items()}
                elif name == "min_severity":
                    value = Severity.parse(value)
                elif name == "weights":
                    value = {k: float(v) for k, v in dict(value).items()}
                elif name in ("max_chars",):
                    value = int(value)
                elif name == "fail_under":
                    value = float(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{source}: {key}: {exc}") from None
            values[name] = value
        try:
            return cls(**values)
        except ConfigError as exc:
            raise ConfigError(f"{source}: {exc}") from None

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{p}: config file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{p}: invalid TOML ({exc})") from None
        if p.name == "pyproject.toml":
            data = data.get("tool", {}).get("followup-lint", {})
        return cls.from_mapping(data, source=str(p))

    @classmethod
    def discover(cls, start: str | Path | None = None) -> Config:
        """The nearest ``.followup-lint.toml`` or pyproject.toml with our table, walking up."""
        here = Path(start or Path.cwd()).resolve()
        if here.is_file():
            here = here.parent
        for folder in (here, *here.parents):
            for name in CONFIG_FILES:
                candidate = folder / name
                if not candidate.is_file():
                    continue
                if name == "pyproject.toml":
                    try:
                        text = candidate.read_text(encoding="utf-8")
                    except (OSError, UnicodeDecodeError):
                        continue
                    if "[tool.followup-lint" not in text:
                        continue
                return cls.from_file(candidate)
        return cls()
