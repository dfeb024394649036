"""SARIF 2.1.0, as code-scanning tools and editors read it.

Columns count UTF-16 code units (``columnKind``), as editors and browsers do. A result points
into the file only where the analysed text is a verbatim copy of it (plain text, an ``.eml``
part sent as 7bit/8bit); elsewhere (a converted HTML body, a decoded Subject header) it names
the file without a region and gives the region in the analysed text under
``properties.textRegion``, so no line it gives is ever wrong.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..report import Report, Suggestion
from ..rules import all_rules
from .positions import Positions, Region
from .registry import Items, RenderOptions, register

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
RULES_PAGE = "https://followup-lint.invalid/docs/rules.md"
"""The generated rules page; keep equal to ``[project.urls] Documentation`` + ``rules.md``
(a test checks it). Each rule's ``helpUri`` is its heading there."""

_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
_NOT_IN_FILE = (
    "This passage is not a verbatim copy of the file (it was decoded or converted from HTML); "
    "the region is in the text followup-lint analysed."
)


def artifact_uri(path: str) -> str:
    """The file as a URI reference: a relative path stays relative (``/`` separators,
    percent-encoded), an absolute path becomes a ``file://`` URI, standard input is ``stdin``."""
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return Path(path).as_uri()
    # quote() leaves only unreserved characters and "/"; a ":" is encoded so that a first
    # segment such as "c:notes.txt" cannot read as a URI scheme.
    return quote(PurePath(path).as_posix(), safe="/")


def help_uri(code: str, name: str) -> str:
    return f"{RULES_PAGE}#{code.lower()}-{name}"


def _region(r: Region) -> dict[str, int]:
    return {"startLine": r.start_line, "startColumn": r.start_column, "endLine": r.end_line, "endColumn": r.end_column}


def _location(s: Suggestion, uri: str, where: Positions) -> dict[str, Any]:
    in_file = where.in_file(s.span.start, s.span.end)
    if in_file is not None:
        return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(in_file)}}
    text_region = {
        **_region(where.in_text(s.span.start, s.span.end)),
        "charOffset": s.span.utf16_start,
        "charLength": s.span.utf16_end - s.span.utf16_start,
    }
    return {
        "physicalLocation": {"artifactLocation": {"uri": uri}},
        "message": {"text": _NOT_IN_FILE},
        "properties": {"textRegion": text_region},
    }


def _fix(s: Suggestion, report: Report, uri: str, where: Positions) -> dict[str, Any] | None:
    """The safe fix as a file edit, exactly as ``--fix`` applies it; only for plain-text
    files, the only ones ``--fix`` rewrites."""
    edit = s.safe_edit(report.text) if report.source == "text" else None
    if edit is None:
        return None
    start, end, replacement = edit
    region = where.in_file(start, end)
    if region is None:
        return None
    said = f"Delete “{s.text}”" if replacement == "" else f"Replace “{s.text}” with “{replacement}”"
    return {
        "description": {"text": said},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": _region(region), "insertedContent": {"text": replacement}}],
            }
        ],
    }


def _result(s: Suggestion, report: Report, uri: str, where: Positions) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": s.code,
        "level": _LEVEL[s.severity.value],
        "message": {"text": s.message},
        "locations": [_location(s, uri, where)],
    }
    fix = _fix(s, report, uri, where)
    if fix is not None:
        out["fixes"] = [fix]
    return out


def _invocation(options: RenderOptions) -> dict[str, Any]:
    # The command renders only once every draft was read and analysed (a draft it cannot read
    # stops it before any output), so a rendered run succeeded. Findings below
    # ``--min-severity`` were left out of the results, so the threshold is recorded.
    return {"executionSuccessful": True, "properties": {"minSeverity": options.min_severity.value}}


@register("sarif")
def render_sarif(items: Items, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.why},
            "helpUri": help_uri(r.code, r.name),
            "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
        }
        for r in all_rules()
    ]
    results: list[dict[str, Any]] = []
    for path, report in items:
        uri = artifact_uri(path)
        where = Positions(report.text, report.source_map, utf16=True)
        results.extend(_result(s, report, uri, where) for s in report.suggestions)
    doc = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "followup-lint", "version": __version__, "rules": rules}},
                "invocations": [_invocation(options)],
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
