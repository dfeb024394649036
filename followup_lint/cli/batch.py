"""``followup-lint batch PATHS``: a class's drafts, one line each.

A file ``NAME.toml`` next to a draft ``NAME.txt`` is that draft's context.
"""

from __future__ import annotations

import argparse
import sys

from ..context import Context
from ..display.registry import RenderOptions, renderer
from ..draft import Draft
from ..errors import FollowupLintError
from ..progress import progress
from ..types import Stage
from .check import check_grammar_choice, exit_code
from .common import (
    UsageError,
    add_check_options,
    add_result_options,
    at_or_above,
    build_config,
    expand,
    single_draft_config,
)

FORMATS = ("summary", "csv", "jsonl")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="drafts or folders of drafts")
    p.add_argument("--format", choices=("text", *FORMATS), default="text", help="output format (default: text)")
    p.add_argument("--stage", choices=[s.value for s in Stage], help="kind of follow-up for every draft")
    add_check_options(p)
    add_result_options(p)
    p.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when error-level findings remain (input errors still 2)"
    )
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument(
        "--engine", choices=("local", "spark"), default="local", help="spark: read INPUT, write OUTPUT on Apache Spark"
    )
    p.add_argument("--master", help="Spark master (default local[*]); with --engine spark")
    # --panel: the drafts are one interview's notes to its panel (cli/panel.py, docs/panel.md)
    p.add_argument("--panel", action="store_true", help="the drafts are notes to one panel: check them together")


def run(args: argparse.Namespace) -> int:
    if args.engine == "spark":
        if args.panel:
            raise UsageError("--panel checks notes together in this process; it does not run on --engine spark")
        return _spark(args)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    files = expand(args.paths)
    if not files:
        raise UsageError("no drafts found (looked for .txt, .eml, .html, .md)")
    config = build_config(args)
    check_grammar_choice(config)
    if args.panel:  # one interview's notes to its panel, checked together (cli/panel.py)
        from .panel import run_batch

        return run_batch(args, config)
    config = single_draft_config(config)
    drafts: list[Draft] = []
    contexts: list[Context] = []
    names: list[str] = []
    errors: list[str] = []
    for f in files:
        # a bad draft or a bad sidecar costs that draft only: it is reported, the rest are kept
        sidecar = f.with_suffix(".toml")
        try:
            draft = Draft.from_path(f)
            ctx = Context.from_toml(sidecar) if sidecar.is_file() else Context()
            if args.stage:
                ctx = ctx.with_(stage=args.stage)
        except FollowupLintError as exc:
            errors.append(str(exc))
            continue
        drafts.append(draft)
        contexts.append(ctx)
        names.append(str(f))
    from ..analyzer import Analyzer

    with Analyzer(config) as analyzer, progress(len(drafts), "checking drafts", unit="draft") as advance:
        reports = analyzer.analyze_many(drafts, contexts, n_process=args.jobs, on_report=advance)
    items = list(zip(names, reports))
    shown = [(name, at_or_above(r, config.min_severity)) for name, r in items]
    fmt = "summary" if args.format == "text" else args.format
    sys.stdout.write(renderer(fmt)(shown, RenderOptions(min_severity=config.min_severity)))
    for e in errors:
        print(f"followup-lint: {e}", file=sys.stderr)
    if errors:  # a draft that could not be read outweighs the findings of the others
        return 2
    code = exit_code(config, items, shown, explicit_min=args.min_severity is not None)
    return 0 if args.exit_zero else code


def _spark(args: argparse.Namespace) -> int:
    """``batch --engine spark INPUT OUTPUT``: JSON Lines, CSV or Parquet in; Parquet or JSON
    Lines out (see docs/spark.md)."""
    if len(args.paths) != 2:
        raise UsageError("--engine spark takes INPUT and OUTPUT (a .jsonl, .csv or .parquet file, and where to write)")
    from ..spark import main as spark_main

    argv = list(args.paths)
    if args.master:
        argv += ["--master", args.master]
    if args.grammar:
        argv += ["--grammar", args.grammar]
    return spark_main(argv)
