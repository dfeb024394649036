"""User configuration: ``[tool.followup-lint]`` in pyproject.toml or ``.followup-lint.toml``.

Every value is checked when the configuration is made, so that a bad one is a
:class:`ConfigError` naming the key (and the file), never a crash later on.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .errors import ConfigError
from .tomlfile import read_toml
from .types import Dimension, Severity

GRAMMAR_CHOICES = ("auto", "languagetool", "harper", "builtin", "off")
LABELLER_CHOICES = ("auto", "model", "keywords")
CONFIG_FILES = (".followup-lint.toml", "pyproject.toml")
# spaCy refuses texts longer than its nlp.max_length (one million characters).
MAX_CHARS_LIMIT = 1_000_000
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def closest(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` when a choice is close to ``word``, else ``""``."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def user_config_path() -> Path:
    """The user's own configuration file: the only file that may name a remote server."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "followup-lint" / "config.toml"


def is_loopback_url(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def _strings(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, Iterable) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ConfigError(f"{key}: expected a number, got {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise ConfigError(f"{key}: {value!r} is not a number") from None
    if not math.isfinite(number):
        raise ConfigError(f"{key}: must be a finite number, got {value!r}")
    return number


def _severity(value: Any, key: str) -> Severity:
    if isinstance(value, Severity):
        return value
    if not isinstance(value, str):
        raise ConfigError(f"{key}: expected a severity name, got {type(value).__name__}")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{key}: {exc}") from None


@dataclass(frozen=True)
class Config:
    """How followup-lint runs. Every field has a sensible default.

    ``select`` / ``ignore`` take rule codes (``RF002``), prefixes (``RF``), names
    (``wrong-company``) or dimensions (``tone``), in any case; ``select`` also turns on rules
    that are off by default. Unknown ones are a :class:`ConfigError` when the analyzer is
    made. ``severity`` maps a code, prefix or name to a severity. ``vocabulary`` lists words
    that spelling must accept (names, company jargon). ``weights`` overrides dimension weights
    (finite, not negative). ``languagetool_url`` sends drafts to that LanguageTool server;
    a server that is not on this machine also needs ``allow_remote=True``.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    vocabulary: tuple[str, ...] = ()
    grammar: str = "auto"
    languagetool_url: str | None = None
    allow_remote: bool = False
    weights: Mapping[str, float] = field(default_factory=dict)
    labeller: str = "auto"
    model_dir: str | None = None
    max_chars: int = 20_000
    spacy_model: str | None = None
    min_severity: Severity = Severity.SUGGESTION
    fail_under: float | None = None

    def __post_init__(self) -> None:
        if self.grammar not in GRAMMAR_CHOICES:
            raise ConfigError(
                f"grammar: {self.grammar!r} is not one of {', '.join(GRAMMAR_CHOICES)}"
                + closest(str(self.grammar), GRAMMAR_CHOICES)
            )
        if self.labeller not in LABELLER_CHOICES:
            raise ConfigError(
                f"labeller: {self.labeller!r} is not one of {', '.join(LABELLER_CHOICES)}"
                + closest(str(self.labeller), LABELLER_CHOICES)
            )
        names = [d.value for d in Dimension]
        for key, value in self.weights.items():
            if key not in names:
                raise ConfigError(f"weights: unknown dimension {key!r}" + closest(key, names))
            if _number(value, f"weights.{key}") < 0:
                raise ConfigError(f"weights.{key}: must not be negative, got {value!r}")
        if self.weights and all(float(v) == 0 for v in self.weights.values()) and len(self.weights) == len(names):
            raise ConfigError("weights: every weight is 0, so no dimension would count")
        for key in self.severity:
            if not isinstance(key, str) or not key.strip():
                raise ConfigError("severity: a key must name a rule code, prefix or name")
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int):
            raise ConfigError("max_chars: expected a whole number")
        if not 1000 <= self.max_chars <= MAX_CHARS_LIMIT:
            raise ConfigError(f"max_chars: must be between 1000 and {MAX_CHARS_LIMIT:,}")
        if self.fail_under is not None and not 0 <= _number(self.fail_under, "fail_under") <= 100:
            raise ConfigError("fail_under: must be between 0 and 100")
        if self.spacy_model is not None and not self.spacy_model.startswith("en_core_web"):
            raise ConfigError(f"spacy_model: {self.spacy_model!r} is not an English spaCy pipeline (en_core_web_*)")
        if self.languagetool_url is not None:
            parsed = urlparse(self.languagetool_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ConfigError(f"languagetool_url: {self.languagetool_url!r} is not an http(s) URL")
            if not self.allow_remote and not is_loopback_url(self.languagetool_url):
                raise ConfigError(
                    f"languagetool_url: {self.languagetool_url} is not on this machine; drafts would be sent "
                    "there. Opt in with allow_remote = true (or --allow-remote-grammar)"
                )

    @property
    def sends_text_away(self) -> bool:
        """True when drafts leave this machine (a remote LanguageTool server)."""
        return self.languagetool_url is not None and not is_loopback_url(self.languagetool_url)

    def severity_override(self, code: str, name: str) -> Severity | None:
        """The severity the user set for a rule: exact code or name first, then the longest
        matching code prefix; None when the user set none."""
        best: tuple[int, Severity] | None = None
        for key, sev in self.severity.items():
            k = key.strip()
            if k.upper() == code or k.lower() == name:
                return sev
            if len(k) >= 2 and code.startswith(k.upper()) and (best is None or len(k) > best[0]):
                best = (len(k), sev)
        return best[1] if best else None

    def with_(self, **changes: Any) -> Config:
        """A copy with some fields changed; unknown or ill-typed options are a ConfigError."""
        if not changes:
            return self
        return Config.from_mapping({**self.to_mapping(), **changes}, source="options", strict_names=True)

    def key(self) -> tuple[tuple[str, str], ...]:
        """A hashable identity of the configuration (its tables sorted)."""
        return tuple(
            (name, repr(sorted(value.items())) if isinstance(value, Mapping) else repr(value))
            for name, value in self.to_mapping().items()
        )

    def to_mapping(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "config", strict_names: bool = False) -> Config:
        """A config from a table (a file's, or keyword options). Keys may use ``-`` or ``_``."""
        names = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in data.items():
            name = key if strict_names else key.replace("-", "_")
            if name not in names:
                what = "option" if strict_names else "key"
                raise ConfigError(f"{source}: unknown {what} {key!r}" + closest(name, names))
            try:
                values[name] = _convert(name, value, key)
            except ConfigError as exc:
                raise ConfigError(str(exc) if strict_names else f"{source}: {exc}") from None
        try:
            return cls(**values)
        except ConfigError as exc:
            raise ConfigError(str(exc) if strict_names else f"{source}: {exc}") from None

    @classmethod
    def from_file(cls, path: str | Path, *, trusted: bool = True) -> Config:
        """Read a config file. An untrusted file (found by walking up from the current
        folder, so possibly written by someone else) may not send drafts anywhere."""
        p = Path(path)
        data = read_toml(p, error=ConfigError, what="config file")
        if p.name == "pyproject.toml":
            data = data.get("tool", {}).get("followup-lint", {})
        if not isinstance(data, Mapping):
            raise ConfigError(f"{p}: [tool.followup-lint] must be a table")
        if not trusted:
            for key in ("languagetool_url", "languagetool-url", "allow_remote", "allow-remote"):
                if key in data:
                    raise ConfigError(
                        f"{p}: {key} may only be set in your own config ({user_config_path()}) or on the "
                        "command line, so that a shared folder cannot redirect your drafts"
                    )
        return cls.from_mapping(data, source=str(p))

    @classmethod
    def discover(cls, start: str | Path | None = None) -> Config:
        """The user's own config, under the nearest ``.followup-lint.toml`` or pyproject.toml
        with our table found walking up from ``start`` (project values win)."""
        return cls.layered(cls.layers(start))[0]

    @classmethod
    def layers(cls, start: str | Path | None = None) -> list[tuple[str, Config]]:
        """The files :meth:`discover` reads, lowest first: the user's own config, then the
        nearest project file, each with the path it came from."""
        found: list[tuple[str, Config]] = []
        if user_config_path().is_file():
            found.append((str(user_config_path()), cls.from_file(user_config_path())))
        project = project_config_path(start)
        if project is not None:
            found.append((str(project), cls.from_file(project, trusted=False)))
        return found

    @classmethod
    def layered(cls, layers: Iterable[tuple[str, Config]], base: Config | None = None) -> tuple[Config, dict[str, str]]:
        """``layers`` folded over ``base`` (later ones win, for the fields each one sets), and
        where each field's value came from ("default" when none set it)."""
        config = base or cls()
        origin = {f.name: "default" for f in fields(cls)}
        for source, layer in layers:
            changed = {f.name: getattr(layer, f.name) for f in fields(cls) if _is_set(layer, f.name)}
            if changed:
                config = config.with_(**changed)
                origin.update(dict.fromkeys(changed, source))
        return config, origin


def project_config_path(start: str | Path | None = None) -> Path | None:
    """The nearest ``.followup-lint.toml``, or pyproject.toml with a ``[tool.followup-lint]``
    table, walking up from ``start`` (default: the current folder)."""
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
            return candidate
    return None


def _is_set(config: Config, name: str) -> bool:
    return bool(getattr(config, name) != getattr(_DEFAULT, name))


def _convert(name: str, value: Any, key: str) -> Any:
    if name in ("select", "ignore", "vocabulary"):
        return _strings(value, key)
    if name == "severity":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key}: expected a table of rule = severity")
        return {str(k): _severity(v, f"{key}.{k}") for k, v in value.items()}
    if name == "min_severity":
        return _severity(value, key)
    if name == "weights":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key}: expected a table of dimension = weight")
        return {str(k): _number(v, f"{key}.{k}") for k, v in value.items()}
    if name == "max_chars":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ConfigError(f"{key}: expected a whole number")
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"{key}: {value!r} is not a whole number") from None
    if name == "fail_under":
        return None if value is None else _number(value, key)
    if name == "allow_remote":
        if not isinstance(value, bool):
            raise ConfigError(f"{key}: expected true or false")
        return value
    if name in ("grammar", "labeller", "languagetool_url", "spacy_model", "model_dir"):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{key}: expected text, got {type(value).__name__}")
        return value
    return value


_DEFAULT = Config()
