"""Jupyter helpers for coaches: before/after views, class tables and a live coaching widget.

IPython and ipywidgets are imported only when these are called; a missing one gives a one-line
hint (``pip install 'followup-lint[notebook]'``).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from ..context import Context
from ..report import Report
from .html import _bar_color, comparison_html, report_html, style_tag

HINT = "this needs the notebook extra: pip install 'followup-lint[notebook]'"
DEBOUNCE_SECONDS = 0.35


class HTML:
    """A minimal rich-display object (works in Jupyter without importing IPython here)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def compare(before: Report, after: Report) -> HTML:
    """Before and after side by side, row by row, with what was fixed."""
    from ..compare import compare_reports

    return HTML(comparison_html(compare_reports(before, after)))


def class_table(reports: Sequence[Report], names: Sequence[str]) -> HTML:
    """A class's drafts: one row each, a coloured cell per dimension. ``names`` gives one
    name per report, in the same order (a missing name would silently drop a draft)."""
    if isinstance(names, str):
        raise TypeError("class_table: names must be a list of names, one per report, not one string")
    if len(names) != len(reports):
        raise ValueError(f"class_table: {len(reports)} reports but {len(names)} names; give one name per report")
    dims = list(reports[0].dimensions) if reports else []
    head = "".join(f'<th scope="col">{escape(d)}</th>' for d in dims)
    rows = []
    for name, r in zip(names, reports):
        cells = "".join(
            f'<td style="background:{_bar_color(r.dimensions[d].score)}22;text-align:right">'
            f"{'—' if r.dimensions[d].score is None else f'{r.dimensions[d].score:.0f}'}</td>"
            for d in dims
        )
        score = "—" if r.score is None else f"{r.score:.0f}"
        rows.append(f'<tr><th scope="row">{escape(name)}</th><td><b>{score}</b></td>{cells}</tr>')
    return HTML(
        style_tag()
        + '<table class="fl-report"><tr><th scope="col">draft</th><th scope="col">score</th>'
        + head
        + "</tr>"
        + "".join(rows)
        + "</table>"
    )


class Debouncer:
    """Call ``func`` once typing pauses for ``delay`` seconds.

    In a kernel the call is scheduled on the kernel's event loop (the thread that owns the
    widgets); with no running loop it falls back to a timer thread.
    """

    def __init__(self, func: Callable[[], None], delay: float = DEBOUNCE_SECONDS) -> None:
        self.func = func
        self.delay = delay
        self._handle: asyncio.TimerHandle | threading.Timer | None = None
        self._lock = threading.Lock()

    def __call__(self, *_: object) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.cancel()
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                timer = threading.Timer(self.delay, self.func)
                timer.daemon = True
                timer.start()
                self._handle = timer
            else:
                self._handle = loop.call_later(self.delay, self.func)


def coach(
    text: str = "",
    context: Context | None = None,
    *,
    analyzer: Any = None,
    grammar: str = "builtin",
    delay: float = DEBOUNCE_SECONDS,
) -> Any:
    """A live coaching widget: the report re-scores as you type (after a ``delay`` pause)."""
    try:
        import ipywidgets as widgets
    except ImportError:
        raise ImportError(HINT) from None
    from ..analyzer import Analyzer
    from ..config import Config

    runner = analyzer or Analyzer(Config(grammar=grammar))
    box = widgets.Textarea(
        value=text,
        layout=widgets.Layout(width="100%", height="14em"),
        continuous_update=True,
        placeholder="Paste or write your follow-up here",
    )
    out = widgets.HTML()

    def update() -> None:
        report = runner.analyze(box.value, context)
        out.value = report_html(report)

    box.observe(Debouncer(update, delay), names="value")
    update()
    return widgets.VBox([box, out])
