"""Every output format, by name: one protocol, one table.

A renderer turns ``(path, report)`` pairs into the text a command prints. The command line
looks formats up here and knows none of them; adding a format is one function and one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..report import Report
from ..types import Severity


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    verbose: bool = False
    min_severity: Severity = Severity.SUGGESTION
    width: int = 100


Items = Sequence[tuple[str, Report]]
Renderer = Callable[[Items, RenderOptions], str]

_RENDERERS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def add(func: Renderer) -> Renderer:
        _RENDERERS[name] = func
        return func

    return add


def renderer(name: str) -> Renderer:
    _load()
    try:
        return _RENDERERS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r} (choose from {', '.join(formats())})") from None


def formats() -> tuple[str, ...]:
    _load()
    return tuple(_RENDERERS)


def _load() -> None:
    # each module registers its formats on import
    from . import machine, sarif, tables, text  # noqa: F401
