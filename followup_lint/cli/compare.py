"""``followup-lint compare BEFORE AFTER``: what improved, what regressed."""

from __future__ import annotations

import argparse
import json
import sys

from .common import add_check_options, add_context_options, build_config, build_context, read_draft, use_color


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("before", help="the earlier draft")
    p.add_argument("after", help="the revised draft")
    add_context_options(p)
    add_check_options(p)
    o = p.add_argument_group("output")
    o.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    o.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")


def run(args: argparse.Namespace) -> int:
    config = build_config(args)
    context = build_context(args)
    from ..analyzer import Analyzer
    from ..compare import compare_reports
    from ..display.comparison import render_comparison

    with Analyzer(config) as analyzer:
        before, after = analyzer.analyze_many([read_draft(args.before), read_draft(args.after)], [context, context])
    result = compare_reports(before, after)
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_comparison(result, color=use_color(args.color, sys.stdout)), end="")
    return 0
