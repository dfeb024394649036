"""``followup-lint check-panel FILE...``: the notes to one interview's panel, checked together.

Each draft gets the single-draft check, then the panel's own (RF008 panel-near-copy, RF009
panel-wrong-name; see docs/panel.md). A file ``NAME.toml`` next to ``NAME.txt`` is that
draft's context, over the shared one (``--context``, ``--company``, ...); ``--interviewer``
lists the panel. ``batch --panel`` runs the same check in the batch's formats.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import Config
from ..context import Context
from ..display.registry import RenderOptions, renderer
from ..display.safe import terminal_safe
from ..draft import Draft
from ..errors import FollowupLintError
from ..panel import PANEL_RULES, PanelReport, check_panel
from ..report import Report
from .check import check_grammar_choice, exit_code
from .common import (
    UsageError,
    add_check_options,
    add_context_options,
    add_output_options,
    add_result_options,
    at_or_above,
    build_config,
    build_context,
    emit,
    expand,
    use_color,
)

FORMATS = ("text", "json", "jsonl", "sarif", "github")
# The SARIF levels of machine.py's rule list, for the panel rules added to it.
_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="the drafts, one per panel member, or a folder of them")
    add_context_options(p)
    add_check_options(p)
    add_result_options(p)
    add_output_options(p, FORMATS)


def load(
    paths: Sequence[str], shared: Context, *, errors: list[str] | None = None
) -> tuple[list[str], list[Draft], list[Context]]:
    """The drafts and their contexts (a ``NAME.toml`` sidecar over ``shared``). A draft that
    cannot be read is an error; with ``errors`` (batch), it is noted there and left out."""
    if "-" in paths:
        raise UsageError("check-panel reads files: standard input holds one draft, and a panel has several")
    files: list[Path] = []
    for f in expand(paths):
        if f.resolve() in {g.resolve() for g in files}:
            print(f"followup-lint: {f} is given twice; checked once", file=sys.stderr)
            continue
        files.append(f)
    if not files:
        raise UsageError("no drafts found (looked for .txt, .eml, .html, .md)")
    names, drafts, contexts = [], [], []
    for f in files:
        sidecar = f.with_suffix(".toml")
        try:
            draft = Draft.from_path(f)
            own = Context.from_toml(sidecar) if sidecar.is_file() else Context()
        except FollowupLintError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
            continue
        names.append(str(f))
        drafts.append(draft)
        contexts.append(own.merged_over(shared))
    return names, drafts, contexts


def run(args: argparse.Namespace) -> int:
    config = build_config(args)
    shared = build_context(args)
    names, drafts, contexts = load(args.files, shared)
    check_grammar_choice(config)
    if config.sends_text_away:
        print(f"followup-lint: drafts are sent to {config.languagetool_url} for the grammar check", file=sys.stderr)
    report = check_panel(drafts, contexts, names=names, panel=shared.interviewers, config=config)
    shown = [(path, at_or_above(r, config.min_severity)) for path, r in report.items]
    options = RenderOptions(
        color=use_color(args.color, sys.stdout) if args.format == "text" else False,
        verbose=args.verbose,
        min_severity=config.min_severity,
    )
    output = render(report, shown, args.format, options)
    emit(output, args.output)
    code = exit_code(config, report.items, shown, explicit_min=args.min_severity is not None)
    return 0 if args.exit_zero else code


def render(report: PanelReport, shown: Sequence[tuple[str, Report]], fmt: str, options: RenderOptions) -> str:
    """The panel in ``fmt``: every format of ``check``, each draft's record carrying its panel
    findings; text and summary open with the panel, JSON records gain a ``panel`` key."""
    if fmt in ("json", "jsonl"):
        from ..display.machine import report_record

        records = [{**report_record(r, p), "panel": report.draft_record(i)} for i, (p, r) in enumerate(shown)]
        if fmt == "json":
            return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = renderer(fmt)(shown, options)
    if fmt == "sarif":
        doc = json.loads(out)
        doc["runs"][0]["tool"]["driver"]["rules"].extend(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.why},
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
            }
            for r in PANEL_RULES.values()
        )
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("text", "summary"):
        return summary(report) + "\n" + out
    return out


def summary(report: PanelReport) -> str:
    """The panel at a glance: whom each note is to, and which notes copy each other."""
    names = [terminal_safe(d.name) for d in report.drafts]
    width = max(len(n) for n in names)
    count = len(report.drafts)
    people = terminal_safe(", ".join(report.panel)) or "no names"
    lines = [f"panel of {count} note{'' if count == 1 else 's'}: {people}"]
    for name, d in zip(names, report.drafts):
        to = terminal_safe(d.addressee) if d.addressee else "unknown"
        lines.append(f"  {name:<{width}}  to {to} ({d.addressee_source})")
    for c in report.copies:
        lines.append(
            f"  near-copy: {names[c.a]} ~ {names[c.b]}: {len(c.sentences)} of {c.compared[0]} and "
            f"{len(c.sentences)} of {c.compared[1]} sentences the same ({c.share:.0%})"
        )
    if not report.copies and len(report.drafts) > 1:
        lines.append("  no near-copies: each note has its own sentences")
    lines.extend(f"  note: {terminal_safe(n)}" for n in report.notes)
    return "\n".join(lines) + "\n"


def run_batch(args: argparse.Namespace, config: Config) -> int:
    """``batch --panel``: the batch's drafts are one interview's panel, in the batch's formats."""
    errors: list[str] = []
    shared = Context(stage=args.stage) if args.stage else Context()
    names, drafts, contexts = load(args.paths, shared, errors=errors)
    if not drafts:
        for e in errors:
            print(f"followup-lint: {e}", file=sys.stderr)
        raise UsageError("no readable drafts for the panel")
    report = check_panel(drafts, contexts, names=names, config=config)
    shown = [(path, at_or_above(r, config.min_severity)) for path, r in report.items]
    fmt = "summary" if args.format == "text" else args.format
    sys.stdout.write(render(report, shown, fmt, RenderOptions(min_severity=config.min_severity)))
    for e in errors:
        print(f"followup-lint: {e}", file=sys.stderr)
    if errors:
        return 2
    code = exit_code(config, report.items, shown, explicit_min=args.min_severity is not None)
    return 0 if args.exit_zero else code
