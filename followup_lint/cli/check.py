"""``followup-lint [FILES | -]``: check drafts and print the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import Config
from ..display.registry import RenderOptions, renderer
from ..draft import Draft
from ..report import Report
from .common import (
    add_check_options,
    add_context_options,
    add_result_options,
    at_or_above,
    build_config,
    build_context,
    read_draft,
    use_color,
)

FORMATS = ("text", "json", "jsonl", "sarif", "github")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="drafts (.txt, .eml, .html) or - for standard input")
    add_context_options(p)
    add_check_options(p)
    add_result_options(p)
    o = p.add_argument_group("output")
    o.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    o.add_argument("--fix", action="store_true", help="apply safe fixes to the files (plain-text drafts only)")
    o.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    o.add_argument("-v", "--verbose", action="store_true", help="say why each finding matters")


def run(args: argparse.Namespace) -> int:
    if not args.files:
        if sys.stdin.isatty():
            from .common import UsageError

            raise UsageError("give a draft file, or - to read standard input (try 'followup-lint --help')")
        args.files = ["-"]
    config = build_config(args)
    context = build_context(args)
    drafts = [(path, read_draft(path)) for path in args.files]
    from ..analyzer import Analyzer

    with Analyzer(config) as analyzer:
        reports = analyzer.analyze_many([d for _, d in drafts], [context] * len(drafts))
    items = list(zip([p for p, _ in drafts], reports))
    if args.fix:
        _apply_fixes(items, drafts)
    shown = [(path, at_or_above(r, config.min_severity)) for path, r in items]
    options = RenderOptions(
        color=use_color(args.color, sys.stdout) if args.format == "text" else False,
        verbose=args.verbose,
        min_severity=config.min_severity,
    )
    sys.stdout.write(renderer(args.format)(shown, options))
    return exit_code(config, items, shown, explicit_min=args.min_severity is not None)


def exit_code(
    config: Config, items: Sequence[tuple[str, Report]], shown: Sequence[tuple[str, Report]], *, explicit_min: bool
) -> int:
    failed = False
    if config.fail_under is not None:
        failed |= any(r.score is None or r.score < config.fail_under for _, r in items)
    if explicit_min:
        failed |= any(r.suggestions for _, r in shown)
    return 1 if failed else 0


def _apply_fixes(items: list[tuple[str, Report]], drafts: list[tuple[str, Draft]]) -> None:
    from ..fixes import apply_safe_fixes

    for (path, report), (_, draft) in zip(items, drafts):
        if path == "-" or draft.source != "text":
            print(f"{path}: --fix only rewrites plain-text files; skipped", file=sys.stderr)
            continue
        fixed, count = apply_safe_fixes(report)
        if count:
            Path(path).write_text(fixed, encoding="utf-8")
        print(f"{path}: applied {count} safe fix(es)", file=sys.stderr)
