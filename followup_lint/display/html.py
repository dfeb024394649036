"""HTML for Jupyter: the draft with findings highlighted (hover for message, why and fix) and a
bar per dimension. Every piece of user text is escaped; no script is emitted."""

from __future__ import annotations

from html import escape

from ..report import Report, Suggestion

_SEV_COLOR = {"error": "#d1242f", "warning": "#bf8700", "suggestion": "#0969da"}
_STYLE = (
    "<style>"
    ".fl-report{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:52rem;line-height:1.45}"
    ".fl-score{font-size:1.4rem;font-weight:600}"
    ".fl-dims{display:grid;grid-template-columns:7.5rem 1fr 2.5rem;gap:.15rem .5rem;align-items:center;margin:.5rem 0}"
    ".fl-bar{background:#eaeef2;height:.6rem;border-radius:.3rem;overflow:hidden}"
    ".fl-bar>span{display:block;height:100%}"
    ".fl-draft{white-space:pre-wrap;border:1px solid #d0d7de;border-radius:.4rem;padding:.75rem;"
    "background:#fff;color:#1f2328}"
    ".fl-mark{border-bottom:2px solid;cursor:help;background:rgba(255,220,0,.12)}"
    ".fl-list{font-size:.9rem;padding-left:1.2rem}"
    ".fl-muted{color:#57606a;font-size:.85rem}"
    "</style>"
)


def _bar_color(score: float | None) -> str:
    if score is None:
        return "#afb8c1"
    return "#1a7f37" if score >= 80 else "#bf8700" if score >= 60 else "#d1242f"


def _tooltip(s: Suggestion) -> str:
    parts = [f"{s.code} {s.name} ({s.severity.value})", s.message, f"Why: {s.why}"]
    if s.fix is not None:
        parts.append("Fix: " + ("remove it" if s.fix == "" else s.fix))
    elif s.replacements:
        parts.append("Try: " + " / ".join(s.replacements[:3]))
    return escape("\n".join(parts), quote=True)


def highlighted_text(report: Report) -> str:
    """The report text as HTML with non-overlapping findings wrapped in marks."""
    text = report.text
    chosen: list[Suggestion] = []
    # Narrow findings first (a misspelled word inside a long sentence stays visible).
    for s in sorted(report.suggestions, key=lambda s: (s.span.end - s.span.start, -s.severity.rank)):
        if s.span.end <= s.span.start:
            continue
        if any(o.span.start < s.span.end and s.span.start < o.span.end for o in chosen):
            continue
        chosen.append(s)
    chosen.sort(key=lambda s: s.span.start)
    out: list[str] = []
    pos = 0
    for s in chosen:
        out.append(escape(text[pos : s.span.start]))
        color = _SEV_COLOR[s.severity.value]
        out.append(
            f'<span class="fl-mark" style="border-color:{color}" title="{_tooltip(s)}" '
            f'data-code="{escape(s.code)}">{escape(text[s.span.start : s.span.end])}</span>'
        )
        pos = s.span.end
    out.append(escape(text[pos:]))
    return "".join(out)


def dimension_bars(report: Report) -> str:
    rows = []
    for name, dim in report.dimensions.items():
        width = 0 if dim.score is None else max(2, dim.score)
        value = "—" if dim.score is None else f"{dim.score:.0f}"
        title = dim.note if dim.score is None else "; ".join(f"{p.code} {p.name} −{p.points:g}" for p in dim.penalties)
        rows.append(
            f'<span title="{escape(title, quote=True)}">{escape(name)}</span>'
            f'<div class="fl-bar"><span style="width:{width}%;background:{_bar_color(dim.score)}"></span></div>'
            f"<span>{value}</span>"
        )
    return '<div class="fl-dims">' + "".join(rows) + "</div>"


def report_html(report: Report) -> str:
    score = "not judged" if report.score is None else f"{report.score:.0f}/100"
    items = "".join(
        f'<li><b style="color:{_SEV_COLOR[s.severity.value]}">{escape(s.code)}</b> '
        f"{escape(s.name)}: {escape(s.message)}"
        + (f" <i>Fix: {escape(s.fix or 'remove it')}</i>" if s.fix is not None else "")
        + "</li>"
        for s in report.suggestions
    )
    notes = "".join(f'<div class="fl-muted">{escape(n)}</div>' for n in report.notes)
    return (
        _STYLE
        + '<div class="fl-report">'
        + f'<div class="fl-score">{escape(score)} <span class="fl-muted">'
        + f"{escape(report.stage.value)} · {escape(str(report.stats.get('words', 0)))} words · "
        + f"grammar: {escape(report.grammar.get('backend', ''))}</span></div>"
        + notes
        + dimension_bars(report)
        + f'<div class="fl-draft">{highlighted_text(report)}</div>'
        + (f'<ol class="fl-list">{items}</ol>' if items else '<p class="fl-muted">No findings.</p>')
        + "</div>"
    )


def comparison_html(before: Report, after: Report) -> str:
    """Before and after side by side, for coaching sessions."""
    from ..compare import compare_reports

    c = compare_reports(before, after)
    change = "" if c.score_change is None else f" ({c.score_change:+.0f})"
    return (
        _STYLE
        + f'<div class="fl-report"><div class="fl-score">Before → after{escape(change)}</div>'
        + '<div style="display:grid;grid-template-columns:1fr 1fr;gap:1rem">'
        + f"<div>{report_html(before)}</div><div>{report_html(after)}</div></div>"
        + f'<p class="fl-muted">Fixed: {len(c.fixed)} · new: {len(c.new)} · still to fix: {len(c.kept)}</p></div>'
    )
