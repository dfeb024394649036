"""The ``followup-lint`` command.

    followup-lint [FILES | -] [options]       check drafts
    followup-lint rules                       list the rules
    followup-lint explain CODE                one rule's page
    followup-lint batch FILES|DIRS            a class's drafts: one line each
    followup-lint compare BEFORE AFTER        what improved, what regressed
    followup-lint grammar install|status|serve|stop

Exit codes: 0 fine; 1 score under --fail-under or findings at or above --min-severity;
2 usage or input error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ._version import __version__
from .config import GRAMMAR_CHOICES, Config, ConfigError
from .context import Context, ContextError
from .draft import Draft, InputError
from .types import Severity, Stage

if TYPE_CHECKING:
    from .report import Report, Suggestion

FORMATS = ("text", "json", "jsonl", "sarif", "github")
SUBCOMMANDS = ("rules", "explain", "batch", "compare", "grammar")
DRAFT_SUFFIXES = (".txt", ".eml", ".html", ".htm", ".md")


class UsageError(Exception):
    """A problem with the command line or its inputs: printed in one line, exit code 2."""


def _add_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("context (what you know about the interview)")
    g.add_argument(
        "--context",
        metavar="FILE",
        help="TOML file with context fields (interviewer, company, role, topics, ...)",
    )
    g.add_argument("--interviewer", help="interviewer name(s), comma-separated for a panel")
    g.add_argument("--company")
    g.add_argument("--role")
    g.add_argument("--topic", action="append", default=[], help="something you discussed (repeatable)")
    g.add_argument("--candidate", help="your name (checked in the sign-off)")
    g.add_argument("--interview-date", metavar="DATE", help="ISO date or date-time of the interview")
    g.add_argument(
        "--send-date",
        metavar="DATE",
        help="ISO date or date-time you plan to send (default: unknown)",
    )
    g.add_argument("--stage", choices=[s.value for s in Stage], help="kind of follow-up (default: auto)")
    o = p.add_argument_group("checking")
    o.add_argument("--grammar", choices=GRAMMAR_CHOICES, help="grammar backend (default: auto)")
    o.add_argument(
        "--select",
        action="append",
        default=[],
        help="only these rules: codes, prefixes or names, comma-separated",
    )
    o.add_argument("--ignore", action="append", default=[], help="skip these rules: codes, prefixes or names")
    o.add_argument(
        "--vocabulary",
        action="append",
        default=[],
        help="words spelling must accept, comma-separated",
    )
    o.add_argument(
        "--config",
        metavar="FILE",
        help="config file (default: nearest .followup-lint.toml or pyproject.toml)",
    )
    r = p.add_argument_group("output")
    r.add_argument("--format", choices=FORMATS, default="text")
    r.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        help="show only findings at or above this; exit 1 if any",
    )
    r.add_argument("--fail-under", type=float, metavar="SCORE", help="exit 1 if a draft scores under SCORE")
    r.add_argument("--fix", action="store_true", help="apply safe fixes to the files (plain-text drafts only)")
    r.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    r.add_argument("-v", "--verbose", action="store_true", help="say why each finding matters")


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _config(args: argparse.Namespace, start: Path | None = None) -> Config:
    config = Config.from_file(args.config) if args.config else Config.discover(start)
    changes: dict[str, object] = {}
    if args.grammar:
        changes["grammar"] = args.grammar
    if args.select:
        changes["select"] = _split(args.select)
    if args.ignore:
        changes["ignore"] = config.ignore + _split(args.ignore)
    if args.vocabulary:
        changes["vocabulary"] = config.vocabulary + _split(args.vocabulary)
    if args.min_severity:
        changes["min_severity"] = Severity(args.min_severity)
    if args.fail_under is not None:
        changes["fail_under"] = args.fail_under
    return config.with_(**changes) if changes else config


def _context(args: argparse.Namespace) -> Context:
    base = Context.from_toml(args.context) if args.context else Context()
    flags = Context(
        interviewer=args.interviewer,
        company=args.company,
        role=args.role,
        topics=args.topic,
        candidate=args.candidate,
        interview_date=args.interview_date,
        send_date=args.send_date,
        stage=args.stage,
    )
    return flags.merged_over(base)


def _read(path: str) -> Draft:
    if path == "-":
        data = sys.stdin.buffer.read(5_000_001)
        return Draft.from_bytes(data, name="<stdin>")
    return Draft.from_path(path)


def _color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def cmd_check(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(
        prog="followup-lint",
        description="Score a post-interview follow-up email draft and say exactly what to change.",
        epilog="Sub-commands: rules, explain CODE, batch, compare BEFORE AFTER, grammar install|status|serve|stop.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="drafts (.txt, .eml, .html) or - for standard input",
    )
    p.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    _add_options(p)
    args = p.parse_args(argv)
    if not args.files:
        if sys.stdin.isatty():
            p.print_usage(sys.stderr)
            print(
                "followup-lint: error: give a draft file, or - to read standard input",
                file=sys.stderr,
            )
            return 2
        args.files = ["-"]
    config = _config(args)
    context = _context(args)
    drafts = []
    for path in args.files:
        drafts.append((path, _read(path)))
    from .analyzer import Analyzer

    analyzer = Analyzer(config)
    reports = analyzer.analyze_many([d for _, d in drafts], [context] * len(drafts))
    items = list(zip([p for p, _ in drafts], reports))
    threshold = config.min_severity
    filtered = {path: [s for s in r.suggestions if s.severity.rank >= threshold.rank] for path, r in items}
    if args.fix:
        _apply_fixes(items, drafts)
    out = sys.stdout
    if args.format == "text":
        color = _color(args.color, out)
        for i, (path, report) in enumerate(items):
            if i:
                out.write("\n")
            out.write(render_text_for(report, path, color, filtered[path], args.verbose))
    else:
        from .display import machine

        render = {
            "json": machine.render_json,
            "jsonl": machine.render_jsonl,
            "sarif": machine.render_sarif,
            "github": machine.render_github,
        }[args.format]
        out.write(render(items))
    failed = False
    if config.fail_under is not None:
        failed |= any(r.score is None or r.score < config.fail_under for _, r in items)
    if args.min_severity:
        failed |= any(filtered[p] for p, _ in items)
    return 1 if failed else 0


def render_text_for(report: Report, path: str, color: bool, shown: list[Suggestion], verbose: bool) -> str:
    from .display.text import render_text

    return render_text(report, path=path, color=color, suggestions=shown, verbose=verbose)


def _apply_fixes(items: list[tuple[str, Report]], drafts: list[tuple[str, Draft]]) -> None:
    from .fixes import apply_safe_fixes

    for (path, report), (_, draft) in zip(items, drafts):
        if path == "-" or draft.source != "text":
            print(f"{path}: --fix only rewrites plain-text files; skipped", file=sys.stderr)
            continue
        fixed, count = apply_safe_fixes(report)
        if count:
            Path(path).write_text(fixed, encoding="utf-8")
        print(f"{path}: applied {count} safe fix(es)", file=sys.stderr)


def cmd_rules(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="followup-lint rules", description="List every rule.")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    args = p.parse_args(argv)
    from .rules import all_rules

    rules = all_rules()
    if args.format == "json":
        import json

        print(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "dimension": r.dimension.value,
                        "severity": r.severity.value,
                        "enabled": r.enabled,
                        "summary": r.summary,
                    }
                    for r in rules
                ],
                indent=2,
            )
        )
    elif args.format == "markdown":
        print("| code | name | dimension | severity | on by default | summary |")
        print("|---|---|---|---|---|---|")
        for r in rules:
            print(
                f"| {r.code} | {r.name} | {r.dimension.value} | {r.severity.value} | "
                f"{'yes' if r.enabled else 'no'} | {r.summary} |"
            )
    else:
        for r in rules:
            off = "" if r.enabled else "  (off by default)"
            print(f"{r.code}  {r.name:<26} {r.severity.value:<10} {r.summary}{off}")
    return 0


def cmd_explain(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="followup-lint explain", description="Print one rule's page.")
    p.add_argument("rule", help="code (RF002) or name (wrong-company)")
    args = p.parse_args(argv)
    from .rules import get_rule

    try:
        r = get_rule(args.rule)
    except KeyError:
        raise UsageError(f"no rule {args.rule!r}; `followup-lint rules` lists them") from None
    print(f"{r.code} {r.name} ({r.dimension.value}, {r.severity.value}{'' if r.enabled else ', off by default'})")
    print(r.summary)
    print()
    for section in ("What it does", "Why it matters", "Example", "Instead"):
        print(f"{section}:")
        for line in r.sections[section].replace("\\n", "\n").splitlines():
            print(f"    {line}")
        print()
    return 0


def _expand(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in DRAFT_SUFFIXES and f.is_file()))
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or directory")
    return out


def cmd_batch(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(
        prog="followup-lint batch",
        description="Check many drafts and print one line each. A file NAME.toml next to a draft NAME.txt "
        "is read as that draft's context.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("text", "csv", "jsonl"), default="text")
    p.add_argument("--grammar", choices=GRAMMAR_CHOICES)
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--config", metavar="FILE")
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes (each loads the models once; default 1)"
    )
    args = p.parse_args(argv)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    files = _expand(args.paths)
    if not files:
        raise UsageError("no drafts found (looked for .txt, .eml, .html, .md)")
    config = Config.from_file(args.config) if args.config else Config.discover()
    if args.grammar:
        config = config.with_(grammar=args.grammar)
    drafts, contexts, names, errors = [], [], [], []
    for f in files:
        try:
            drafts.append(Draft.from_path(f))
        except InputError as exc:
            errors.append(str(exc))
            continue
        sidecar = f.with_suffix(".toml")
        ctx = Context.from_toml(sidecar) if sidecar.is_file() else Context()
        if args.stage:
            ctx = ctx.with_(stage=args.stage)
        contexts.append(ctx)
        names.append(str(f))
    from .analyzer import Analyzer

    reports = Analyzer(config).analyze_many(drafts, contexts, n_process=args.jobs)
    if args.format == "jsonl":
        from .display.machine import render_jsonl

        sys.stdout.write(render_jsonl(list(zip(names, reports))))
    elif args.format == "csv":
        import csv

        w = csv.writer(sys.stdout)
        dims = list(reports[0].dimensions) if reports else []
        w.writerow(["path", "score", "stage", *dims, "errors", "warnings", "suggestions"])
        for name, r in zip(names, reports):
            w.writerow(
                [
                    name,
                    r.score,
                    r.stage.value,
                    *(r.dimensions[d].score for d in dims),
                    *(
                        sum(1 for s in r.suggestions if s.severity is sev)
                        for sev in (Severity.ERROR, Severity.WARNING, Severity.SUGGESTION)
                    ),
                ]
            )
    else:
        width = max((len(n) for n in names), default=10)
        print(f"{'draft':<{width}}  score  stage         top findings")
        for name, r in zip(names, reports):
            top = sorted(r.suggestions, key=lambda s: -s.severity.rank)[:3]
            shown = "not judged" if r.score is None else f"{r.score:5.0f}"
            print(f"{name:<{width}}  {shown}  {r.stage.value:<12}  {', '.join(s.name for s in top)}")
        judged = [r.score for r in reports if r.score is not None]
        if judged:
            print(f"\n{len(reports)} drafts, mean score {sum(judged) / len(judged):.0f}")
    for e in errors:
        print(f"followup-lint: {e}", file=sys.stderr)
    return 2 if errors else 0


def cmd_compare(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="followup-lint compare", description="Compare two versions of a draft.")
    p.add_argument("before")
    p.add_argument("after")
    _add_options(p)
    args = p.parse_args(argv)
    config = _config(args)
    context = _context(args)
    from .analyzer import Analyzer
    from .compare import compare_reports, render_comparison

    before, after = Analyzer(config).analyze_many([_read(args.before), _read(args.after)], [context, context])
    result = compare_reports(before, after)
    if args.format == "json":
        import json

        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_comparison(result, color=_color(args.color, sys.stdout)), end="")
    return 0


def cmd_grammar(argv: Sequence[str]) -> int:
    from .grammar import server  # type: ignore[attr-defined]

    code: int = server.main(list(argv))
    return code


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="followup-lint: %(message)s")
    commands = {
        "rules": cmd_rules,
        "explain": cmd_explain,
        "batch": cmd_batch,
        "compare": cmd_compare,
        "grammar": cmd_grammar,
    }
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return cmd_check(args)
    except (UsageError, InputError, ContextError, ConfigError) as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("followup-lint: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from .nlp.loading import ModelNotFoundError

        if isinstance(exc, ModelNotFoundError):
            print(f"followup-lint: {exc}", file=sys.stderr)
            return 2
        if os.environ.get("FOLLOWUP_LINT_DEBUG"):
            raise
        print(
            f"followup-lint: internal error: {type(exc).__name__}: {exc} (set FOLLOWUP_LINT_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3
