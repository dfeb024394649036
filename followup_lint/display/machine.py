"""Machine-readable output: JSON (the to_dict schema), SARIF 2.1.0, GitHub annotations."""

from __future__ import annotations

import json
from typing import Any

from .._version import __version__
from ..report import Report
from ..rules import all_rules
from .positions import LineIndex
from .registry import Items, RenderOptions, register
from .safe import github_message, github_property

_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def report_record(report: Report, path: str) -> dict[str, Any]:
    record = {"path": path}
    record.update(report.to_dict())
    return record


@register("json")
def render_json(items: Items, options: RenderOptions | None = None) -> str:
    return json.dumps([report_record(r, p) for p, r in items], ensure_ascii=False, indent=2) + "\n"


@register("jsonl")
def render_jsonl(items: Items, options: RenderOptions | None = None) -> str:
    return "".join(json.dumps(report_record(r, p), ensure_ascii=False) + "\n" for p, r in items)


@register("sarif")
def render_sarif(items: Items, options: RenderOptions | None = None) -> str:
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.why},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
        }
        for r in all_rules()
    ]
    results = []
    for path, report in items:
        index = LineIndex(report.text)
        for s in report.suggestions:
            line, col = index.line_col(s.span.start)
            end_line, end_col = index.line_col(s.span.end)
            results.append(
                {
                    "ruleId": s.code,
                    "level": _SARIF_LEVEL[s.severity.value],
                    "message": {"text": s.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": path},
                                "region": {
                                    "startLine": line,
                                    "startColumn": col,
                                    "endLine": end_line,
                                    "endColumn": end_col,
                                    "charOffset": s.span.start,
                                    "charLength": s.span.end - s.span.start,
                                },
                            }
                        }
                    ],
                }
            )
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "followup-lint", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


@register("github")
def render_github(items: Items, options: RenderOptions | None = None) -> str:
    level = {"error": "error", "warning": "warning", "suggestion": "notice"}
    lines = []
    for path, report in items:
        index = LineIndex(report.text)
        for s in report.suggestions:
            line, col = index.line_col(s.span.start)
            end_line, end_col = index.line_col(s.span.end)
            props = ",".join(
                f"{k}={github_property(str(v))}"
                for k, v in (
                    ("file", path),
                    ("line", line),
                    ("col", col),
                    ("endLine", end_line),
                    ("endColumn", end_col),
                    ("title", f"{s.code} {s.name}"),
                )
            )
            lines.append(f"::{level[s.severity.value]} {props}::{github_message(s.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
