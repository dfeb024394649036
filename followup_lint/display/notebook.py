"""Jupyter helpers for coaches: before/after views, class tables and a live coaching widget.

IPython and ipywidgets are imported only when these are called; a missing one gives a one-line
hint (``pip install 'followup-lint[notebook]'``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from ..context import Context
from ..report import Report
from .html import _STYLE, _bar_color, comparison_html, report_html

HINT = "this needs the notebook extra: pip install 'followup-lint[notebook]'"


class HTML:
    """A minimal rich-display object (works in Jupyter without importing IPython here)."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html


def compare(before: Report, after: Report) -> HTML:
    """Before and after side by side, with what was fixed."""
    return HTML(comparison_html(before, after))


def class_table(reports: Sequence[Report], names: Sequence[str]) -> HTML:
    """A class's drafts: one row each, a coloured cell per dimension."""
    dims = list(reports[0].dimensions) if reports else []
    head = "".join(f"<th>{escape(d)}</th>" for d in dims)
    rows = []
    for name, r in zip(names, reports):
        cells = "".join(
            f'<td style="background:{_bar_color(r.dimensions[d].score)}22;text-align:right">'
            f"{'—' if r.dimensions[d].score is None else f'{r.dimensions[d].score:.0f}'}</td>"
            for d in dims
        )
        score = "—" if r.score is None else f"{r.score:.0f}"
        rows.append(f"<tr><td>{escape(name)}</td><td><b>{score}</b></td>{cells}</tr>")
    return HTML(
        _STYLE
        + '<table class="fl-report"><tr><th>draft</th><th>score</th>'
        + head
        + "</tr>"
        + "".join(rows)
        + "</table>"
    )


def coach(
    text: str = "",
    context: Context | None = None,
    *,
    analyzer: Any = None,
    grammar: str = "builtin",
) -> Any:
    """A live coaching widget: type in the box, the report updates as you pause."""
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
        continuous_update=False,
        placeholder="Paste or write your follow-up here",
    )
    out = widgets.HTML()

    def update(_: object = None) -> None:
        report = runner.analyze(box.value, context)
        out.value = report_html(report)

    box.observe(update, names="value")
    update()
    return widgets.VBox([box, out])
