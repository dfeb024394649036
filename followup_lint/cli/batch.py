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
from ..types import Stage
from .common import UsageError, build_config, expand

FORMATS = ("summary", "csv", "jsonl")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="drafts or folders of drafts")
    p.add_argument("--format", choices=("text", *FORMATS), default="text", help="output format (default: text)")
    p.add_argument("--grammar", help="grammar backend (default: auto)")
    p.add_argument("--stage", choices=[s.value for s in Stage], help="kind of follow-up for every draft")
    p.add_argument("--config", metavar="FILE", help="config file")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument(
        "--engine", choices=("local", "spark"), default="local", help="spark: read INPUT, write OUTPUT on Apache Spark"
    )
    p.add_argument("--master", help="Spark master (default local[*]); with --engine spark")
    # --panel: the drafts are one interview's notes to its panel (cli/panel.py, docs/panel.md)
    p.add_argument("--panel", action="store_true", help="the drafts are notes to one panel: check them together")


def run(args: argparse.Namespace) -> int:
    if args.engine == "spark":
        return _spark(args)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    files = expand(args.paths)
    if not files:
        raise UsageError("no drafts found (looked for .txt, .eml, .html, .md)")
    config = build_config(args)
    if args.panel:  # one interview's notes to its panel, checked together (cli/panel.py)
        from .panel import run_batch

        return run_batch(args, config)
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

    with Analyzer(config) as analyzer:
        reports = analyzer.analyze_many(drafts, contexts, n_process=args.jobs)
    fmt = "summary" if args.format == "text" else args.format
    sys.stdout.write(renderer(fmt)(list(zip(names, reports)), RenderOptions()))
    for e in errors:
        print(f"followup-lint: {e}", file=sys.stderr)
    return 2 if errors else 0


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
