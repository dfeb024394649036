"""Before and after in the terminal (``followup-lint compare``)."""

from __future__ import annotations

from ..compare import Comparison


def render_comparison(c: Comparison, *, color: bool = False) -> str:
    def fmt(v: float | None) -> str:
        return "—" if v is None else f"{v:.0f}"

    def signed(v: float | None) -> str:
        if v is None:
            return ""
        text = f"{v:+.0f}"
        if color and v:
            return ("\033[32m" if v > 0 else "\033[31m") + text + "\033[0m"
        return text

    lines = [f"score {fmt(c.before.score)} → {fmt(c.after.score)} {signed(c.score_change)}".rstrip()]
    for name, change in c.dimension_changes.items():
        old = c.before.dimensions[name].score
        new = c.after.dimensions[name].score
        if change:
            lines.append(f"  {name:<11} {fmt(old):>3} → {fmt(new):>3} {signed(change)}")
    if c.fixed:
        lines.append(f"fixed ({len(c.fixed)}):")
        lines.extend(f"  ✓ {s.code} {s.name}: {s.text[:60]!r}" for s in c.fixed)
    if c.new:
        lines.append(f"new ({len(c.new)}):")
        lines.extend(f"  ✗ {s.code} {s.name}: {s.text[:60]!r}" for s in c.new)
    if c.kept:
        lines.append(f"still to fix ({len(c.kept)}):")
        lines.extend(f"  · {s.code} {s.name}: {s.message}" for s in c.kept)
    return "\n".join(lines) + "\n"
