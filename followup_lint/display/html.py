"""HTML for Jupyter and the coaching page: the draft with every finding marked (overlapping ones
stacked), reachable by mouse and keyboard, and a bar per dimension. Every piece of user text is
escaped; no script is emitted (the hover and focus details are CSS only).

The colours live in :data:`PALETTE`, light and dark, each text colour at least 4.5:1 on the
backgrounds it is drawn on (``tests/test_serve_contrast.py`` checks it). Dark applies with the
system setting, in a dark JupyterLab or VS Code theme, or under ``data-theme="dark"``.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping, Sequence
from functools import cache
from html import escape
from typing import Protocol

from ..report import Report, Suggestion

PALETTE: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#ffffff",
        "panel": "#f6f8fa",
        "fg": "#1f2328",
        "muted": "#59636e",
        "border": "#d1d9e0",
        "error": "#c5221f",
        "warning": "#8a5a00",
        "suggestion": "#0a5fc2",
        "error-bg": "#ffebe9",
        "warning-bg": "#fff3c4",
        "suggestion-bg": "#ddf4ff",
        "track": "#d8dee4",
        "good": "#1a7f37",
        "mid": "#9a6700",
        "bad": "#cf222e",
        "focus": "#0a5fc2",
        "active": "#ffd33d",
    },
    "dark": {
        "bg": "#0d1117",
        "panel": "#161b22",
        "fg": "#e6edf3",
        "muted": "#9ea7b3",
        "border": "#3d444d",
        "error": "#ff8e86",
        "warning": "#e3b341",
        "suggestion": "#79c0ff",
        "error-bg": "#3c1618",
        "warning-bg": "#3a2c05",
        "suggestion-bg": "#0c2d4f",
        "track": "#30363d",
        "good": "#3fb950",
        "mid": "#d29922",
        "bad": "#f85149",
        "focus": "#79c0ff",
        "active": "#6e4a02",
    },
}
# Text colour pairs that must reach 4.5:1, and (colour, background) pairs for bars and
# underlines that must reach 3:1 (WCAG 1.4.3 and 1.4.11).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("fg", "bg"),
    ("fg", "panel"),
    ("muted", "bg"),
    ("muted", "panel"),
    ("error", "bg"),
    ("warning", "bg"),
    ("suggestion", "bg"),
    ("error", "panel"),
    ("warning", "panel"),
    ("suggestion", "panel"),
    ("fg", "error-bg"),
    ("fg", "warning-bg"),
    ("fg", "suggestion-bg"),
    ("fg", "active"),
)
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("good", "track"),
    ("mid", "track"),
    ("bad", "bg"),
    ("good", "bg"),
    ("mid", "bg"),
    ("error", "panel"),
    ("warning", "panel"),
    ("suggestion", "panel"),
    ("focus", "panel"),
)
# Severity is said in words and a shape, never by colour alone.
SEVERITY_ICON = {"error": "✖", "warning": "▲", "suggestion": "●"}

_DARK_SCOPES = (
    '[data-theme="dark"] .fl-report',
    '.fl-report[data-theme="dark"]',
    '[data-jp-theme-light="false"] .fl-report',
    "body.vscode-dark .fl-report",
)
_LIGHT_SCOPES = (
    '[data-theme="light"] .fl-report',
    '.fl-report[data-theme="light"]',
    '[data-jp-theme-light="true"] .fl-report',
    "body.vscode-light .fl-report",
)

_RULES = """
.fl-report{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;line-height:1.5;
color:var(--fl-fg);background:var(--fl-bg);padding:.5rem .75rem;border-radius:.4rem}
.fl-report *{box-sizing:border-box}
.fl-score{font-size:1.4rem;font-weight:600}
.fl-muted{color:var(--fl-muted);font-size:.875rem;font-weight:400}
.fl-dims{display:grid;grid-template-columns:7.5rem 1fr 2.5rem;gap:.2rem .5rem;align-items:center;margin:.5rem 0}
.fl-bar{background:var(--fl-track);height:.6rem;border-radius:.3rem;overflow:hidden}
.fl-bar>span{display:block;height:100%;background:var(--fl-muted)}
.fl-bar>.fl-good{background:var(--fl-good)}.fl-bar>.fl-mid{background:var(--fl-mid)}
.fl-bar>.fl-bad{background:var(--fl-bad)}
.fl-num{text-align:right;font-variant-numeric:tabular-nums}
.fl-draft{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--fl-border);border-radius:.4rem;
padding:.75rem;background:var(--fl-panel);color:var(--fl-fg);position:relative}
.fl-mark{position:relative;color:inherit;background:transparent;border-bottom:2px solid;padding-bottom:1px;
cursor:help}
.fl-mark.fl-sev-error{border-color:var(--fl-error);background:var(--fl-error-bg);border-bottom-width:3px}
.fl-mark.fl-sev-warning{border-color:var(--fl-warning);background:var(--fl-warning-bg);border-bottom-style:dashed}
.fl-mark.fl-sev-suggestion{border-color:var(--fl-suggestion);background:var(--fl-suggestion-bg);
border-bottom-style:dotted}
.fl-mark .fl-mark{padding-bottom:4px}
.fl-mark .fl-mark .fl-mark{padding-bottom:7px}
.fl-mark:focus{outline:2px solid var(--fl-focus);outline-offset:1px}
.fl-mark.fl-active,.fl-mark.fl-active .fl-mark{background:var(--fl-active);color:var(--fl-fg)}
.fl-tip{display:none;position:absolute;left:0;top:100%;z-index:10;min-width:16rem;max-width:28rem;
white-space:normal;background:var(--fl-bg);color:var(--fl-fg);border:1px solid var(--fl-border);
border-radius:.3rem;padding:.4rem .55rem;font-size:.85rem;box-shadow:0 2px 8px rgba(0,0,0,.25);cursor:auto}
.fl-mark:hover>.fl-tip,.fl-mark:focus>.fl-tip,.fl-mark:focus-within>.fl-tip{display:block}
.fl-sev{font-weight:600;white-space:nowrap}
.fl-sev-error>.fl-sev,.fl-sev.fl-sev-error{color:var(--fl-error)}
.fl-sev-warning>.fl-sev,.fl-sev.fl-sev-warning{color:var(--fl-warning)}
.fl-sev-suggestion>.fl-sev,.fl-sev.fl-sev-suggestion{color:var(--fl-suggestion)}
.fl-list{font-size:.9rem;padding-left:1.4rem}
.fl-list>li{margin:.25rem 0}
.fl-list>li:focus{outline:2px solid var(--fl-focus);outline-offset:2px}
.fl-why,.fl-fix{display:block;color:var(--fl-muted)}
.fl-code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em}
.fl-compare{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 1rem;align-items:start}
.fl-compare>.fl-head{font-weight:600;border-bottom:1px solid var(--fl-border)}
.fl-compare>.fl-span{grid-column:1/-1}
.fl-delta-up{color:var(--fl-good)}.fl-delta-down{color:var(--fl-error)}
"""


def _vars(colors: Mapping[str, str]) -> str:
    return ";".join(f"--fl-{k}:{v}" for k, v in colors.items())


@cache
def report_css() -> str:
    """The stylesheet shared by the Jupyter view and the page (``/static/report.css``)."""
    light, dark = _vars(PALETTE["light"]), _vars(PALETTE["dark"])
    return (
        f".fl-report{{{light};color-scheme:light}}\n"
        f"@media (prefers-color-scheme: dark){{.fl-report{{{dark};color-scheme:dark}}}}\n"
        f"{','.join(_DARK_SCOPES)}{{{dark};color-scheme:dark}}\n"
        f"{','.join(_LIGHT_SCOPES)}{{{light};color-scheme:light}}\n" + _RULES.strip().replace("\n", "") + "\n"
    )


def style_tag() -> str:
    return "<style>" + report_css() + "</style>"


def _uid(report: Report) -> str:
    # ids must be unique when a notebook shows several reports; the same report gets the same ids
    digest = hashlib.sha1(report.text.encode("utf-8", "surrogatepass"))
    digest.update(",".join(f"{s.code}{s.span.start}" for s in report.suggestions).encode())
    return "fl" + digest.hexdigest()[:8]


def bar_class(score: float | None) -> str:
    if score is None:
        return "fl-none"
    return "fl-good" if score >= 80 else "fl-mid" if score >= 60 else "fl-bad"


def _bar_color(score: float | None) -> str:
    """A light-scheme colour for a score (for table cells drawn without the stylesheet)."""
    colors = PALETTE["light"]
    return {"fl-good": colors["good"], "fl-mid": colors["mid"], "fl-bad": colors["bad"]}.get(
        bar_class(score), colors["track"]
    )


def severity_label(severity: str) -> str:
    return f'<span class="fl-sev fl-sev-{escape(severity)}">{SEVERITY_ICON[severity]} {escape(severity)}</span>'


def _fix_text(s: Suggestion) -> str:
    if s.fix is not None:
        return "Fix: " + ("remove it" if s.fix == "" else f"“{s.fix}”")
    if s.replacements:
        return "Try: " + " / ".join(s.replacements[:3])
    return ""


def _details(s: Suggestion) -> str:
    fix = _fix_text(s)
    return (
        f'{severity_label(s.severity.value)} <span class="fl-code">{escape(s.code)}</span> {escape(s.name)}: '
        f"{escape(s.message)}"
        f'<span class="fl-why">Why: {escape(s.why)}</span>'
        + (f'<span class="fl-fix">{escape(fix)}</span>' if fix else "")
    )


def segments(report: Report) -> list[tuple[int, int, list[int]]]:
    """The text cut where any finding starts or ends: ``(start, end, covering)`` where
    ``covering`` indexes ``report.suggestions``, widest first (so marks nest outer to inner)."""
    found = [(i, s) for i, s in enumerate(report.suggestions) if s.span.end > s.span.start]
    cuts = sorted({0, len(report.text), *(s.span.start for _, s in found), *(s.span.end for _, s in found)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [i for i, s in found if s.span.start <= a and b <= s.span.end]
        covering.sort(key=lambda i: (report.suggestions[i].span.start - report.suggestions[i].span.end, i))
        out.append((a, b, covering))
    return out


def highlighted_text(report: Report, uid: str | None = None) -> str:
    """The report text as HTML, every finding marked: overlapping findings nest, a finding that
    crosses another is marked in pieces. The first piece of each is focusable and described by
    its details (shown on hover and on focus)."""
    uid = uid or _uid(report)
    text = report.text
    out: list[str] = []
    opened: set[int] = set()
    for a, b, covering in segments(report):
        piece = escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        head, tail = [], []
        for i in covering:
            s = report.suggestions[i]
            attrs = f'class="fl-mark fl-sev-{s.severity.value}" data-code="{escape(s.code)}" data-finding="{i}"'
            tip = ""
            if i not in opened:
                opened.add(i)
                attrs += f' tabindex="0" aria-describedby="{uid}-t{i}"'
                tip = f'<span class="fl-tip" role="tooltip" id="{uid}-t{i}">{_details(s)}</span>'
            head.append(f"<span {attrs}>")
            tail.append(tip + "</span>")
        out.append("".join(head) + piece + "".join(reversed(tail)))
    return "".join(out)


def dimension_bars(report: Report) -> str:
    rows = []
    for name, dim in report.dimensions.items():
        width = 0 if dim.score is None else max(2, dim.score)
        value = "—" if dim.score is None else f"{dim.score:.0f}"
        said = (
            dim.note
            if dim.score is None
            else "; ".join(f"{p.code} {p.name} −{p.points:g}" for p in dim.penalties if p.points)
        )
        rows.append(
            f'<span title="{escape(said, quote=True)}">{escape(name)}</span>'
            f'<div class="fl-bar" aria-hidden="true"><span class="{bar_class(dim.score)}" style="width:{width:.0f}%">'
            f'</span></div><span class="fl-num">{value}</span>'
        )
    return '<div class="fl-dims">' + "".join(rows) + "</div>"


def _summary(report: Report) -> str:
    score = "not judged" if report.score is None else f"{report.score:.0f}/100"
    return (
        f'<div class="fl-score">{escape(score)} <span class="fl-muted">'
        f"{escape(report.stage.value)} · {escape(str(report.stats.get('words', 0)))} words · "
        f"grammar: {escape(str(report.grammar.get('backend', '')))}</span></div>"
        + "".join(f'<div class="fl-muted">{escape(n)}</div>' for n in report.notes)
    )


def findings_list(report: Report, uid: str | None = None) -> str:
    uid = uid or _uid(report)
    items = "".join(f'<li tabindex="0" id="{uid}-f{i}">{_details(s)}</li>' for i, s in enumerate(report.suggestions))
    if not items:
        return '<p class="fl-muted">No findings.</p>'
    return f'<ol class="fl-list" aria-label="Findings">{items}</ol>'


def report_html(report: Report) -> str:
    uid = _uid(report)
    return (
        style_tag()
        + f'<div class="fl-report" id="{uid}">'
        + _summary(report)
        + dimension_bars(report)
        + f'<div class="fl-draft">{highlighted_text(report, uid)}</div>'
        + findings_list(report, uid)
        + "</div>"
    )


class ComparisonLike(Protocol):
    """What :func:`comparison_html` reads (``followup_lint.compare.Comparison`` has it)."""

    @property
    def before(self) -> Report: ...
    @property
    def after(self) -> Report: ...
    @property
    def score_change(self) -> float | None: ...
    @property
    def dimension_changes(self) -> Mapping[str, float | None]: ...
    @property
    def fixed(self) -> Sequence[Suggestion]: ...
    @property
    def new(self) -> Sequence[Suggestion]: ...
    @property
    def kept(self) -> Sequence[Suggestion]: ...


def _delta(v: float | None) -> str:
    if not v:
        return ""
    kind = "up" if v > 0 else "down"
    return f' <span class="fl-delta-{kind}">{"▲" if v > 0 else "▼"} {v:+.0f}</span>'


def comparison_html(c: ComparisonLike) -> str:
    """Before and after, row by row so the two columns line up: score, bars, draft, findings."""
    before, after = c.before, c.after
    ub, ua = _uid(before) + "b", _uid(after) + "a"

    def cells(left: str, right: str) -> str:
        return f"<div>{left}</div><div>{right}</div>"

    def changes(title: str, found: Sequence[Suggestion]) -> str:
        if not found:
            return ""
        rows = "".join(f"<li>{_details(s)}</li>" for s in found)
        return f'<div class="fl-span"><b>{escape(title)} ({len(found)})</b><ul class="fl-list">{rows}</ul></div>'

    return (
        style_tag()
        + '<div class="fl-report"><div class="fl-compare">'
        + f'<div class="fl-head">Before</div><div class="fl-head">After{_delta(c.score_change)}</div>'
        + cells(_summary(before), _summary(after))
        + cells(dimension_bars(before), dimension_bars(after))
        + cells(
            f'<div class="fl-draft">{highlighted_text(before, ub)}</div>',
            f'<div class="fl-draft">{highlighted_text(after, ua)}</div>',
        )
        + changes("Fixed", c.fixed)
        + changes("New", c.new)
        + changes("Still to fix", c.kept)
        + f'<p class="fl-muted fl-span">Fixed: {len(c.fixed)} · new: {len(c.new)} · still to fix: {len(c.kept)}</p>'
        + "</div></div>"
    )
