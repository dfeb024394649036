"""From a request's JSON to reports: parse the draft, context and options with the library's
own readers (so errors carry the library's messages), and keep one warm Analyzer per set of
heavy options.

No Starlette here: this is the part the tests and the benchmark can reason about alone.
"""

from __future__ import annotations

import base64
import binascii
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .. import Config, ConfigError, Context, ContextError, Draft, InputError
from ..display.rules_listing import rule_summary

if TYPE_CHECKING:
    from ..analyzer import Analyzer

# Options that would make the server reach elsewhere (a LanguageTool URL) or import code by
# name (a spaCy package): a page or another local program cannot set them.
REFUSED_OPTIONS = frozenset({"languagetool_url", "languagetool-url", "spacy_model", "spacy-model"})
# Options that pick the heavy parts (pipeline, grammar backend); each set gets its own Analyzer.
HEAVY = ("grammar", "labeller")
DRAFT_SOURCES = ("text", "eml", "html")


class RequestError(ValueError):
    """The request is well-formed JSON but not what the API takes (422)."""


@dataclass(frozen=True)
class Job:
    drafts: tuple[Draft, ...]
    contexts: tuple[Context, ...]
    config: Config
    overrides: Mapping[str, Any] = field(default_factory=dict)


def _expect(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RequestError(f"{where}: expected {what}, got {_json_type(value)}")
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array"}.get(
        type(value), "an object"
    )


def parse_options(raw: Any, base: Config, where: str = "options") -> Config:
    """``base`` (the server's settings) with the fields ``raw`` gives, read by the library."""
    if raw is None:
        return base
    _expect(raw, dict, where, "an object")
    refused = sorted(k for k in raw if k in REFUSED_OPTIONS)
    if refused:
        raise ConfigError(f"{where}: {', '.join(refused)} cannot be set over HTTP; set it where the server starts")
    if "labeller" in raw and not isinstance(raw["labeller"], str):
        raise ConfigError(f"{where}: labeller: expected a string")
    parsed = Config.from_mapping(raw, source=where)
    given = {str(k).replace("-", "_") for k in raw}
    return base.with_(**{f.name: getattr(parsed, f.name) for f in fields(Config) if f.name in given})


def parse_context(raw: Any, where: str = "context") -> Context:
    if raw is None:
        return Context()
    _expect(raw, dict, where, "an object")
    try:
        return Context.from_dict(raw)
    except TypeError as exc:  # a list where a name goes, and the like
        raise ContextError(f"{where}: {exc}") from None
    except ContextError as exc:
        raise ContextError(f"{where}: {exc}") from None


def parse_draft(item: Mapping[str, Any], where: str) -> Draft:
    """One of ``text`` (with an optional ``subject``), ``eml_base64``, ``html`` or ``draft`` (the
    exact fields of a Draft the caller already read, as the warm command sends)."""
    given = [k for k in ("text", "eml_base64", "html", "draft") if k in item]
    if len(given) != 1:
        raise RequestError(f"{where}: give exactly one of text, eml_base64, html or draft")
    key = given[0]
    value = item[key]
    subject = item.get("subject")
    if subject is not None:
        _expect(subject, str, f"{where}.subject", "a string")
    if key == "text":
        return Draft.from_text(_expect(value, str, f"{where}.text", "a string"), subject=subject)
    if key == "html":
        return Draft.from_html(_expect(value, str, f"{where}.html", "a string"), subject=subject)
    if key == "eml_base64":
        encoded = _expect(value, str, f"{where}.eml_base64", "a string")
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise InputError(f"{where}.eml_base64: not valid base64") from None
        return Draft.from_eml(data)
    return _exact_draft(_expect(value, dict, f"{where}.draft", "an object"), f"{where}.draft")


def _span(raw: Any, where: str, length: int) -> tuple[int, int]:
    ok = isinstance(raw, list) and len(raw) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in raw)
    if not ok or not 0 <= raw[0] <= raw[1] <= length:
        raise RequestError(f"{where}: expected [start, end] within the text")
    return int(raw[0]), int(raw[1])


def _exact_draft(raw: Mapping[str, Any], where: str) -> Draft:
    known = {f.name for f in fields(Draft)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise RequestError(f"{where}: unknown field(s) {', '.join(unknown)}")
    text = _expect(raw.get("text"), str, f"{where}.text", "a string")
    body = _span(raw.get("body_span"), f"{where}.body_span", len(text))
    subject = (
        None if raw.get("subject_span") is None else _span(raw["subject_span"], f"{where}.subject_span", len(text))
    )
    source = raw.get("source", "text")
    if source not in DRAFT_SOURCES:
        raise RequestError(f"{where}.source: expected one of {', '.join(DRAFT_SOURCES)}")
    sent_at = raw.get("sent_at")
    when = None
    if sent_at is not None:
        try:
            when = datetime.fromisoformat(_expect(sent_at, str, f"{where}.sent_at", "a string"))
        except ValueError:
            raise RequestError(f"{where}.sent_at: not an ISO date-time") from None
    notes = _expect(raw.get("notes", []), list, f"{where}.notes", "an array")
    if not all(isinstance(n, str) for n in notes):
        raise RequestError(f"{where}.notes: expected an array of strings")
    return Draft(text=text, body_span=body, subject_span=subject, source=source, sent_at=when, notes=tuple(notes))


def _split(config: Config, base: Config) -> tuple[Config, dict[str, Any]]:
    """The heavy part of a config (one Analyzer each) and the rest (per-call overrides)."""
    heavy = base.with_(**{k: getattr(config, k) for k in HEAVY})
    rest = {f.name: getattr(config, f.name) for f in fields(Config) if f.name not in HEAVY}
    return heavy, {k: v for k, v in rest.items() if v != getattr(base, k)}


def parse_analyze(body: Any, base: Config) -> Job:
    _expect(body, dict, "request", "a JSON object")
    _unknown(body, {"text", "eml_base64", "html", "draft", "subject", "context", "options"}, "request")
    draft = parse_draft(body, "request")
    config, overrides = _split(parse_options(body.get("options"), base), base)
    return Job((draft,), (parse_context(body.get("context")),), config, overrides)


def parse_many(body: Any, base: Config, max_batch: int) -> Job:
    _expect(body, dict, "request", "a JSON object")
    _unknown(body, {"drafts", "context", "options"}, "request")
    items = _expect(body.get("drafts"), list, "drafts", "an array")
    if not items:
        raise RequestError("drafts: give at least one draft")
    if len(items) > max_batch:
        raise RequestError(f"drafts: {len(items)} drafts; at most {max_batch} per request")
    shared = parse_context(body.get("context"))
    drafts, contexts = [], []
    for i, item in enumerate(items):
        where = f"drafts[{i}]"
        _expect(item, dict, where, "an object")
        _unknown(item, {"text", "eml_base64", "html", "draft", "subject", "context"}, where)
        drafts.append(parse_draft(item, where))
        contexts.append(parse_context(item["context"], f"{where}.context") if "context" in item else shared)
    config, overrides = _split(parse_options(body.get("options"), base), base)
    return Job(tuple(drafts), tuple(contexts), config, overrides)


def _unknown(body: Mapping[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(body) - known)
    if extra:
        raise RequestError(f"{where}: unknown field(s) {', '.join(extra)} (known: {', '.join(sorted(known))})")


class Engine:
    """One warm Analyzer per heavy option set (grammar backend, labeller), least recently used
    dropped past ``max_analyzers``. Other options are per-call overrides on a shared Analyzer,
    which reuses its loaded pipeline."""

    def __init__(self, base: Config | None = None, max_analyzers: int = 4) -> None:
        self.base = base or Config()
        self.max_analyzers = max_analyzers
        self._analyzers: OrderedDict[tuple[Any, ...], Analyzer] = OrderedDict()
        self._lock = threading.Lock()

    def analyzer(self, heavy: Config) -> Analyzer:
        from .. import Analyzer

        key = tuple(getattr(heavy, k) for k in HEAVY)  # the rest of ``heavy`` is the base
        with self._lock:
            found = self._analyzers.get(key)
            if found is not None:
                self._analyzers.move_to_end(key)
                return found
            made: Analyzer = Analyzer(heavy)
            self._analyzers[key] = made
            while len(self._analyzers) > self.max_analyzers:
                self._analyzers.popitem(last=False)  # in-flight calls keep their reference
            return made

    def run(self, job: Job) -> list[dict[str, Any]]:
        analyzer = self.analyzer(job.config)
        if job.overrides:
            reports = [analyzer.analyze(d, c, **job.overrides) for d, c in zip(job.drafts, job.contexts)]
        elif len(job.drafts) == 1:
            reports = [analyzer.analyze(job.drafts[0], job.contexts[0])]
        else:
            reports = analyzer.analyze_many(list(job.drafts), list(job.contexts))
        return [r.to_dict() for r in reports]

    def warm(self, grammar: str | None = None) -> None:
        """Load the pipeline and grammar backend now, so the first visitor does not wait."""
        heavy = self.base.with_(grammar=grammar or self.base.grammar)
        self.analyzer(heavy).analyze("Dear Sam,\n\nThank you for your time today.\n\nBest,\nAna")

    def close(self) -> None:
        with self._lock:
            for a in self._analyzers.values():
                a.close()
            self._analyzers.clear()


def rule_page(r: Any) -> dict[str, Any]:
    sections: Mapping[str, str] = r.sections
    return {
        **rule_summary(r),
        "why": r.why,
        "sections": {k: sections.get(k, "") for k in ("What it does", "Why it matters", "Example", "Instead")},
    }
