"""What the sub-commands share: the options about the interview and the checking, reading
drafts, building the configuration, and one-line usage errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from ..config import GRAMMAR_CHOICES, Config
from ..context import Context
from ..draft import MAX_INPUT_BYTES, Draft
from ..errors import InputError
from ..types import Severity, Stage

if TYPE_CHECKING:
    from ..report import Report

DRAFT_SUFFIXES = (".txt", ".eml", ".html", ".htm", ".md")


class UsageError(Exception):
    """A problem with the command line or its inputs: printed in one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    """Argument errors in one line with a hint, not the whole usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (try '{self.prog} --help')")


def add_context_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("context (what you know about the interview)")
    g.add_argument("--context", metavar="FILE", help="TOML file with context fields (interviewer, company, role, ...)")
    g.add_argument("--interviewer", help="interviewer name(s), comma-separated for a panel")
    g.add_argument("--company", help="the company you interviewed with")
    g.add_argument("--role", help="the position you interviewed for")
    g.add_argument("--topic", action="append", default=[], help="something you discussed (repeatable)")
    g.add_argument("--candidate", help="your name (checked in the sign-off)")
    g.add_argument("--interview-date", metavar="DATE", help="ISO date or date-time of the interview")
    g.add_argument("--send-date", metavar="DATE", help="ISO date or date-time you plan to send (default: unknown)")
    g.add_argument("--stage", choices=[s.value for s in Stage], help="kind of follow-up (default: auto)")


def add_check_options(p: argparse.ArgumentParser) -> None:
    o = p.add_argument_group("checking")
    o.add_argument("--grammar", choices=GRAMMAR_CHOICES, help="grammar backend (default: auto)")
    o.add_argument(
        "--select", action="append", default=[], help="only these rules: codes, prefixes, names or dimensions"
    )
    o.add_argument(
        "--ignore", action="append", default=[], help="skip these rules: codes, prefixes, names or dimensions"
    )
    o.add_argument("--vocabulary", action="append", default=[], help="words spelling must accept, comma-separated")
    o.add_argument(
        "--config", metavar="FILE", help="config file (default: nearest .followup-lint.toml or pyproject.toml)"
    )
    o.add_argument("--languagetool-url", metavar="URL", help="send drafts to this LanguageTool server")
    o.add_argument(
        "--allow-remote-grammar", action="store_true", help="allow a LanguageTool server that is not on this machine"
    )


def add_result_options(p: argparse.ArgumentParser) -> None:
    r = p.add_argument_group("results")
    r.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        help="report only findings at or above this severity (every format); exit 1 if any",
    )
    r.add_argument("--fail-under", type=float, metavar="SCORE", help="exit 1 if a draft scores under SCORE")


def add_output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> argparse._ArgumentGroup:
    """The output flags ``check`` and ``check-panel`` share; the group, for a command's own."""
    o = p.add_argument_group("output")
    o.add_argument("--format", choices=formats, default="text", help="output format (default: text)")
    o.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    o.add_argument("--no-color", dest="color", action="store_const", const="never", help="same as --color never")
    o.add_argument("-v", "--verbose", action="store_true", help="say why each finding matters")
    o.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    o.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when error-level findings remain (usage errors still 2)"
    )
    return o


def emit(output: str, path: str | None) -> None:
    """The report to ``path`` (``-o``), else to standard output."""
    if not path:
        sys.stdout.write(output)
        return
    try:
        Path(path).write_text(output, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from None


def split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def build_config(args: argparse.Namespace, start: Path | None = None) -> Config:
    return configured(args, start)[0]


def single_draft_config(config: Config) -> Config:
    """The configuration for a check of single drafts: the panel rules' selectors taken out,
    so a configuration file shared with ``check-panel`` (``ignore = ["RF008"]``) works here
    too; selecting nothing but panel rules is a usage error that names the command to use."""
    from ..panel import PANEL_RULES, PanelSelection

    selection = PanelSelection.from_config(config)
    if not selection.own_findings:
        named = ", ".join(f"{r.code} {r.name}" for r in PANEL_RULES.values() if r in selection.rules)
        raise UsageError(
            f"select: {named} compare{'s' if ',' not in named else ''} the notes to one panel with each other; "
            "run `followup-lint check-panel FILES` (or `batch --panel`)"
        )
    return selection.drafts_config


def configured(args: argparse.Namespace, start: Path | None = None) -> tuple[Config, dict[str, str]]:
    """The configuration the command runs with, and where each value came from: "default",
    a file's path, or "command line"."""
    if args.config:
        config, origin = Config.layered([(str(args.config), Config.from_file(args.config))])
    else:
        config, origin = Config.layered(Config.layers(start))
    changes: dict[str, object] = {}
    if getattr(args, "grammar", None):
        changes["grammar"] = args.grammar
    if getattr(args, "select", None):
        changes["select"] = split(args.select)
    if getattr(args, "ignore", None):
        changes["ignore"] = config.ignore + split(args.ignore)
    if getattr(args, "vocabulary", None):
        changes["vocabulary"] = config.vocabulary + split(args.vocabulary)
    if getattr(args, "min_severity", None):
        changes["min_severity"] = Severity(args.min_severity)
    if getattr(args, "fail_under", None) is not None:
        changes["fail_under"] = args.fail_under
    if getattr(args, "allow_remote_grammar", False):
        changes["allow_remote"] = True
    if getattr(args, "languagetool_url", None):
        changes["languagetool_url"] = args.languagetool_url
    if not changes:
        return config, origin
    for name in changes:  # a list the command line extends keeps the file's part too
        extended = name in ("ignore", "vocabulary") and origin[name] != "default"
        origin[name] = f"{origin[name]} + command line" if extended else "command line"
    return config.with_(**changes), origin


def build_context(args: argparse.Namespace) -> Context:
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


def read_draft(path: str, *, stdin_name: str = "<stdin>") -> Draft:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if not data.strip():
            raise InputError(f"{stdin_name}: standard input is empty")
        return Draft.from_bytes(data, name=stdin_name)
    return Draft.from_path(path)


def expand(paths: Sequence[str]) -> list[Path]:
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


def use_color(choice: str, stream: TextIO) -> bool:
    """``--color``, then NO_COLOR / FORCE_COLOR / CLICOLOR_FORCE, then whether it is a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR") or os.environ.get("CLICOLOR_FORCE", "0") != "0":
        return True
    return stream.isatty()


def terminal_width(stream: TextIO, default: int = 100) -> int:
    """The columns to fit excerpts to: ``COLUMNS`` when set, the terminal's width when
    ``stream`` is one, else ``default`` (a file or a pipe has no width of its own)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):  # not a real terminal after all, or a closed stream
        pass
    return default


def at_or_above(report: Report, threshold: Severity) -> Report:
    """The report with only the findings at or above ``threshold``."""
    if threshold is Severity.SUGGESTION:
        return report
    kept = tuple(s for s in report.suggestions if s.severity.rank >= threshold.rank)
    return replace(report, suggestions=kept)
