"""``message.toml``, validated and compiled once: a bad entry fails at load naming file and key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..data import DataFileError, load_data

_FILE = "message.toml"


@dataclass(frozen=True)
class Patterns:
    max_line_scan: int
    max_header_lines: int
    max_signature_lines: int
    greeting_opener: re.Pattern[str]
    name_words: frozenset[str]
    not_names: frozenset[str]
    subject_line: re.Pattern[str]
    date_line: re.Pattern[str]
    address_line: re.Pattern[str]
    closing: re.Pattern[str]
    closings: tuple[re.Pattern[str], ...]
    thanks_tail: re.Pattern[str]
    device_line: re.Pattern[str]
    disclaimer: re.Pattern[str]
    contact: re.Pattern[str]
    separator: re.Pattern[str]
    attribution: re.Pattern[str]
    quote_separator: re.Pattern[str]
    header_field: re.Pattern[str]
    sender_fields: frozenset[str]
    subject_fields: frozenset[str]
    placeholder: re.Pattern[str]
    slot_words: frozenset[str]
    instruction: re.Pattern[str]
    subject_alternatives: re.Pattern[str]


def _get(data: dict[str, Any], key: str, kind: type) -> Any:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise DataFileError(f"{_FILE}: missing key {key!r}")
        node = node[part]
    if kind is list:
        if not isinstance(node, list) or not node or not all(isinstance(x, str) and x for x in node):
            raise DataFileError(f"{_FILE}: {key!r} must be a non-empty list of non-empty strings")
    elif kind is int:
        if not isinstance(node, int) or isinstance(node, bool) or node <= 0:
            raise DataFileError(f"{_FILE}: {key!r} must be a positive integer")
    elif not isinstance(node, kind) or not node:
        raise DataFileError(f"{_FILE}: {key!r} must be a non-empty {kind.__name__}")
    return node


def _compile(key: str, source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise DataFileError(f"{_FILE}: {key!r} has a bad pattern {source!r}: {exc}") from None


def _alternation(data: dict[str, Any], key: str, template: str = "(?:{})") -> re.Pattern[str]:
    items = _get(data, key, list)
    for i, item in enumerate(items):
        _compile(f"{key}[{i}]", item)
    # longest first: "thanks and regards" must win over "thanks"
    ordered = sorted(items, key=len, reverse=True)
    return _compile(key, template.format("|".join(f"(?:{x})" for x in ordered)))


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _get(data, key, list))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled reader data (raises :class:`DataFileError` naming the key at fault)."""
    return compile_patterns(load_data("message"))


def compile_patterns(data: dict[str, Any]) -> Patterns:
    """Validate and compile the parsed contents of ``message.toml``."""
    if not isinstance(data, dict):
        raise DataFileError(f"{_FILE}: expected a table at the top level")
    return Patterns(
        max_line_scan=_get(data, "max_line_scan", int),
        max_header_lines=_get(data, "max_header_lines", int),
        max_signature_lines=_get(data, "max_signature_lines", int),
        greeting_opener=_alternation(data, "greeting.openers", r"(?:{})\b"),
        name_words=_words(data, "greeting.name_words"),
        not_names=_words(data, "greeting.not_names"),
        subject_line=_compile("header.subject_line", _get(data, "header.subject_line", str)),
        date_line=_compile("header.date_line", _get(data, "header.date_line", str)),
        address_line=_compile("header.address_line", _get(data, "header.address_line", str)),
        closing=_alternation(data, "closing.phrases", r"(?:{})(?![\w'’])"),
        closings=tuple(
            _compile(f"closing.phrases[{i}]", f"(?:{x})(?![\\w'’])")
            for i, x in enumerate(_get(data, "closing.phrases", list))
        ),
        thanks_tail=_alternation(data, "closing.thanks_tails", r"[ \t]+(?:{})"),
        device_line=_alternation(data, "closing.device_lines"),
        disclaimer=_alternation(data, "closing.disclaimer_words", r"\b(?:{})"),
        contact=_alternation(data, "closing.contact"),
        separator=_compile("closing.separator", _get(data, "closing.separator", str)),
        attribution=_alternation(data, "quote.attribution"),
        quote_separator=_alternation(data, "quote.separators"),
        header_field=_alternation(data, "quote.header_fields", r"^[ \t]*\*?((?:{}))\*?[ \t]*:"),
        sender_fields=_words(data, "quote.sender_fields"),
        subject_fields=_words(data, "quote.subject_fields"),
        placeholder=_alternation(data, "placeholder.patterns"),
        slot_words=_words(data, "placeholder.slot_words"),
        instruction=_alternation(data, "placeholder.instruction_openers", r"(?:{})"),
        subject_alternatives=_compile(
            "placeholder.subject_alternatives", _get(data, "placeholder.subject_alternatives", str)
        ),
    )
