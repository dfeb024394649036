"""Machine-readable output: JSON (the to_dict schema) and GitHub annotations; SARIF is in sarif.py."""

from __future__ import annotations

import json
from typing import Any

from ..report import Report
from ..types import Severity
from .positions import Positions
from .registry import Items, RenderOptions, register
from .safe import github_message, github_property


def report_record(report: Report, path: str, min_severity: Severity = Severity.SUGGESTION) -> dict[str, Any]:
    """A command's JSON record: the file, the threshold its findings were filtered at (since
    schema 1.2; ``suggestion`` keeps them all), then ``Report.to_dict()``."""
    record: dict[str, Any] = {"path": path, "min_severity": min_severity.value}
    record.update(report.to_dict())
    return record


@register("json")
def render_json(items: Items, options: RenderOptions | None = None) -> str:
    least = (options or RenderOptions()).min_severity
    return json.dumps([report_record(r, p, least) for p, r in items], ensure_ascii=False, indent=2) + "\n"


@register("jsonl")
def render_jsonl(items: Items, options: RenderOptions | None = None) -> str:
    least = (options or RenderOptions()).min_severity
    return "".join(json.dumps(report_record(r, p, least), ensure_ascii=False) + "\n" for p, r in items)


@register("github")
def render_github(items: Items, options: RenderOptions | None = None) -> str:
    level = {"error": "error", "warning": "warning", "suggestion": "notice"}
    lines = []
    for path, report in items:
        where = Positions(report.text, report.source_map)
        for s in report.suggestions:
            # A passage that is not a verbatim copy of the file (decoded, converted from HTML)
            # is annotated on the file as a whole: a line number there would be a guess.
            r = where.in_file(s.span.start, s.span.end)
            place = (
                ()
                if r is None
                else (
                    ("line", r.start_line),
                    ("col", r.start_column),
                    ("endLine", r.end_line),
                    ("endColumn", r.end_column),
                )
            )
            props = ",".join(
                f"{k}={github_property(str(v))}" for k, v in (("file", path), *place, ("title", f"{s.code} {s.name}"))
            )
            lines.append(f"::{level[s.severity.value]} {props}::{github_message(s.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
