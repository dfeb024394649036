"""The terminal report: score table, then each finding with line:column, excerpt and fix."""

from __future__ import annotations

from collections.abc import Sequence

from ..report import Report, Suggestion
from ..types import Severity
from .positions import LineIndex
from .registry import Items, RenderOptions, register
from .safe import terminal_safe

_COLORS = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "suggestion": "\033[36m",
    "bold": "\033[1m",
    "dim": "\033[2m",
    "green": "\033[32m",
    "reset": "\033[0m",
}
STAGE_NAMES = {
    "thank_you": "thank-you note",
    "status_check": "status check",
    "final": "final note",
    "withdrawal": "withdrawal",
    "after_rejection": "reply to a rejection",
    "other": "not a follow-up",
    "auto": "follow-up",
}


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _one_line(text: str) -> str:
    """A replacement of several lines shown on one ("Best regards, ⏎ Jordan Lee")."""
    return terminal_safe(" ⏎ ".join(part.strip() for part in text.splitlines()) or text)


def _c(name: str, text: str, color: bool) -> str:
    return f"{_COLORS[name]}{text}{_COLORS['reset']}" if color else text


def _bar(score: float | None, width: int = 20) -> str:
    if score is None:
        return "·" * width
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def score_band(score: float | None) -> str:
    """ "good", "fair" or "poor" (or "none"): one set of thresholds for every renderer."""
    if score is None:
        return "none"
    return "good" if score >= 80 else "fair" if score >= 60 else "poor"


_BAND_COLOR = {"none": "dim", "good": "green", "fair": "warning", "poor": "error"}


def _score_color(score: float | None) -> str:
    return _BAND_COLOR[score_band(score)]


# What the excerpt lines spend before the text: "    | ".
_GUTTER = 6
# Never squeeze an excerpt below this, even on a very narrow terminal.
_MIN_ROOM = 20


def _window(line: str, start: int, room: int = 100) -> tuple[str, int]:
    """A slice of a long line around the flagged span, at most ``room`` characters with its
    ellipses, and where the caret starts in it."""
    if len(line) <= room:
        return line, start
    room -= 2  # the ellipses on either side
    lead = min(30, room // 3)
    left = max(0, min(start - lead, len(line) - room))
    right = min(len(line), left + room)
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix)


def _content_line(report: Report) -> str:
    """What the stage's rubric found missing and what it cost, when anything is missing."""
    detail = report.stats.get("score_detail") or {}
    missing = detail.get("missing") or []
    ceiling = detail.get("ceiling")
    parts = []
    if missing:
        share = detail.get("content")
        kept = f" (content {share * 100:.0f}/100)" if isinstance(share, (int, float)) else ""
        parts.append(
            f"missing for a {STAGE_NAMES.get(report.stage.value, 'note')}: "
            + ", ".join(m.replace("_", " ") for m in missing)
            + kept
        )
    if ceiling is not None:
        parts.append(f"capped at {ceiling:g}: too little prose to judge as a note")
    return "  content: " + "; ".join(parts) if parts else ""


def render_text(
    report: Report,
    *,
    path: str = "<draft>",
    color: bool = False,
    suggestions: Sequence[Suggestion] | None = None,
    verbose: bool = False,
    width: int = 100,
) -> str:
    """The report for a terminal ``width`` columns wide (excerpts are cut to fit)."""
    room = max(_MIN_ROOM, width - _GUTTER)
    shown = report.suggestions if suggestions is None else suggestions
    path = terminal_safe(path)  # a file name or draft text never drives the terminal
    out: list[str] = []
    stage = STAGE_NAMES.get(report.stage.value, report.stage.value)
    if report.score is None:
        out.append(f"{_c('bold', path, color)}: not judged")
        out.extend(f"  {terminal_safe(n)}" for n in report.notes)
        return "\n".join(out) + "\n"
    headline = _c(_score_color(report.score), f"{report.score:.0f}/100", color)
    words = report.stats.get("words", 0)
    out.append(f"{_c('bold', path, color)}: score {headline} · {stage} ({report.stage_source}) · {words} words")
    for name, dim in report.dimensions.items():
        value = "  —" if dim.score is None else f"{dim.score:3.0f}"
        why = dim.note if dim.score is None else ", ".join(f"{p.code} −{p.points:g}" for p in dim.penalties if p.points)
        out.append(
            f"  {name:<11} {_c(_score_color(dim.score), _bar(dim.score), color)} {value}  "
            f"{_c('dim', why, color)}".rstrip()
        )
    content = _content_line(report)
    if content:
        out.append(_c("dim", content, color))
    out.append(_c("dim", f"  grammar: {report.grammar.get('note', '')}", color))
    for note in report.notes:
        out.append(_c("dim", f"  note: {terminal_safe(note)}", color))
    if not shown:
        out.append(_c("green", "  No findings. Ready to send.", color) if report.score >= 80 else "  No findings.")
        return "\n".join(out) + "\n"
    out.append("")
    index = LineIndex(report.text)
    for s in shown:
        line, col = index.line_col(s.span.start)
        sev = _c(s.severity.value, f"{s.severity.value:<10}", color)
        out.append(f"{path}:{line}:{col}: {sev} {_c('bold', s.code, color)} {s.name}: {s.message}")
        excerpt = terminal_safe(index.line_text(line))
        end_line, end_col = index.line_col(max(s.span.start, s.span.end - 1))
        span_width = (end_col - col + 1) if end_line == line else len(excerpt) - col + 1
        if excerpt.strip():
            shown_line, caret_at = _window(excerpt, col - 1, room)
            out.append(_c("dim", "    | ", color) + shown_line)
            caret = "^" * max(1, min(span_width, len(shown_line) - caret_at))
            out.append(_c("dim", "    | ", color) + " " * caret_at + _c(s.severity.value, caret, color))
        if s.fix is not None:
            label = "remove it" if s.fix == "" else f"“{terminal_safe(s.fix)}”"
            out.append(f"    fix: {label}")
        elif s.replacements:
            out.append(f"    try: {' / '.join(_one_line(r) for r in s.replacements[:3])}")
        if verbose:
            out.append(_c("dim", f"    why: {s.why}", color))
    counts = {sev: sum(1 for s in shown if s.severity is sev) for sev in Severity}
    out.append("")
    out.append(
        f"{_count(len(shown), 'finding')}: {_count(counts[Severity.ERROR], 'error')}, "
        f"{_count(counts[Severity.WARNING], 'warning')}, {_count(counts[Severity.SUGGESTION], 'suggestion')}. "
        "`followup-lint explain CODE` says more."
    )
    return "\n".join(out) + "\n"


@register("text")
def render_text_items(items: Items, options: RenderOptions) -> str:
    parts = []
    for path, report in items:
        shown = [s for s in report.suggestions if s.severity.rank >= options.min_severity.rank]
        parts.append(
            render_text(
                report,
                path=path,
                color=options.color,
                suggestions=shown,
                verbose=options.verbose,
                width=options.width,
            )
        )
    return "\n".join(parts)
