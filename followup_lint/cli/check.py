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
from ..types import Severity
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
    read_draft,
    single_draft_config,
    terminal_width,
    use_color,
)

FORMATS = ("text", "json", "jsonl", "sarif", "github")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="*", metavar="FILE", help="drafts (.txt, .eml, .html) or - for standard input")
    add_context_options(p)
    add_check_options(p)
    add_result_options(p)
    o = add_output_options(p, FORMATS)
    o.add_argument("--fix", action="store_true", help="apply safe fixes to the files (plain-text drafts only)")
    o.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; change no file")
    o.add_argument("--stdin-filename", metavar="NAME", help="the name to show for a draft read from standard input")
    o.add_argument(
        "--no-server", action="store_true", help="analyse in this process even when `followup-lint serve` is running"
    )


def run(args: argparse.Namespace) -> int:
    if not args.files:
        if sys.stdin.isatty():
            raise UsageError("give a draft file, or - to read standard input (try 'followup-lint --help')")
        args.files = ["-"]
    config = single_draft_config(build_config(args))
    context = build_context(args)
    stdin_name = args.stdin_filename or "<stdin>"
    shown_as = args.stdin_filename or "-"
    drafts = [(shown_as if path == "-" else path, read_draft(path, stdin_name=stdin_name)) for path in args.files]
    check_grammar_choice(config)
    if config.sends_text_away:
        print(f"followup-lint: drafts are sent to {config.languagetool_url} for the grammar check", file=sys.stderr)
    reports = None
    if not args.no_server and not (args.fix or args.diff):
        from ..serve.client import try_remote  # imports no spaCy: the warm path stays fast

        reports = try_remote([d for _, d in drafts], [context] * len(drafts), config)
    if reports is None:
        from ..analyzer import Analyzer

        with Analyzer(config) as analyzer:
            reports = analyzer.analyze_many([d for _, d in drafts], [context] * len(drafts))
    items = list(zip([p for p, _ in drafts], reports))
    if args.diff:
        sys.stdout.write(_diff(items))
        return 0
    if args.fix:
        fixed = _apply_fixes(items, drafts)
        if fixed:  # report on the text as it is now, not as it was
            from ..analyzer import Analyzer

            with Analyzer(config) as analyzer:
                again = analyzer.analyze_many([Draft.from_text(t) for t in fixed.values()], [context] * len(fixed))
            redone = dict(zip(fixed, again))
            items = [(path, redone.get(path, r)) for path, r in items]
    shown = [(path, at_or_above(r, config.min_severity)) for path, r in items]
    options = RenderOptions(
        color=use_color(args.color, sys.stdout) if args.format == "text" else False,
        verbose=args.verbose,
        min_severity=config.min_severity,
        width=terminal_width(sys.stdout) if not args.output else 100,
    )
    output = renderer(args.format)(shown, options)
    emit(output, args.output)
    code = exit_code(config, items, shown, explicit_min=args.min_severity is not None)
    return 0 if args.exit_zero else code


def exit_code(
    config: Config, items: Sequence[tuple[str, Report]], shown: Sequence[tuple[str, Report]], *, explicit_min: bool
) -> int:
    failed = False
    if config.fail_under is not None:
        failed |= any(r.score is None or r.score < config.fail_under for _, r in items)
    if explicit_min:
        failed |= any(r.suggestions for _, r in shown)
    else:  # as ruff and Vale do: an error-level finding left in the draft fails the run
        failed |= any(s.severity is Severity.ERROR for _, r in items for s in r.suggestions)
    return 1 if failed else 0


def check_grammar_choice(config: Config) -> None:
    """An explicitly chosen backend that cannot run is a usage error, not a quiet fallback."""
    if config.grammar == "languagetool" and not config.languagetool_url:
        from ..grammar.install import find_installation

        if find_installation() is None:
            raise UsageError(
                "--grammar languagetool: LanguageTool is not installed; run `followup-lint grammar install`"
            )
    if config.grammar == "harper":
        import importlib.util

        if importlib.util.find_spec("harper") is None:
            raise UsageError("--grammar harper: the harper-py package is not installed; run `pip install harper-py`")


def _diff(items: list[tuple[str, Report]]) -> str:
    import difflib

    from ..fixes import apply_safe_fixes

    out: list[str] = []
    for path, report in items:
        fixed, count = apply_safe_fixes(report)
        if count:
            out.extend(
                difflib.unified_diff(
                    report.text.splitlines(keepends=True), fixed.splitlines(keepends=True), path, f"{path} (fixed)"
                )
            )
    return "".join(out)


def _apply_fixes(items: list[tuple[str, Report]], drafts: list[tuple[str, Draft]]) -> dict[str, str]:
    """Rewrite each plain-text file with its safe fixes, keeping its encoding and line ends;
    the fixed texts by path."""
    from ..fixes import apply_safe_fixes

    done: dict[str, str] = {}
    for (path, report), (_, draft) in zip(items, drafts):
        if path == "-" or draft.source != "text" or not Path(path).is_file():
            print(f"{path}: --fix only rewrites plain-text files; skipped", file=sys.stderr)
            continue
        fixed, count = apply_safe_fixes(report)
        if count:
            raw = Path(path).read_bytes()
            encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
            bom = raw.startswith(b"\xef\xbb\xbf")
            newline = "\r\n" if b"\r\n" in raw else "\n"
            body = fixed.lstrip("\ufeff").replace("\r\n", "\n").replace("\n", newline)
            try:
                with open(path, "w", encoding="utf-8-sig" if bom else encoding, newline="") as fh:
                    fh.write(body)
            except OSError as exc:
                print(f"{path}: cannot write the fixes ({exc.strerror or exc})", file=sys.stderr)
                continue
            done[path] = fixed
        print(f"{path}: applied {count} safe fix{'' if count == 1 else 'es'}", file=sys.stderr)
    return done
