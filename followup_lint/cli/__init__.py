"""The ``followup-lint`` command.

    followup-lint [check] [FILES | -] [options]   check drafts (the default sub-command)
    followup-lint rules                           list the rules
    followup-lint explain CODE                    one rule's page
    followup-lint batch PATHS                     a class's drafts: one line each
    followup-lint compare BEFORE AFTER            what improved, what regressed
    followup-lint config [options]                the settings in effect, and where each came from
    followup-lint check-panel FILES               the notes to one interview's panel, together
    followup-lint grammar install|status|serve|stop
    followup-lint serve [--host 127.0.0.1] [--port 8765]   the coaching page and the HTTP API

Exit codes: 0 fine; 1 an error-level finding remains (or, with --min-severity, any finding at
or above it), or a draft scored under --fail-under (--exit-zero: 0); 2 usage or input error
(one line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from .._version import __version__
from ..errors import FollowupLintError
from . import batch, check, compare, panel, rules, settings
from .common import Parser, UsageError

Command = Callable[[argparse.Namespace], int]


def _grammar(args: argparse.Namespace) -> int:
    from ..grammar import server

    code: int = server.main(list(args.rest))
    return code


def _serve(args: argparse.Namespace) -> int:
    from ..serve.cli import main as serve_main

    return serve_main(list(args.rest))


def parser() -> Parser:
    top = Parser(
        prog="followup-lint",
        description="Score a post-interview follow-up email draft and say exactly what to change.",
        epilog="`followup-lint FILE` is short for `followup-lint check FILE`; "
        "`followup-lint COMMAND --help` describes each command.",
    )
    top.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    table: list[tuple[str, str, Callable[[argparse.ArgumentParser], None], Command]] = [
        ("check", "check drafts (the default)", check.add_arguments, check.run),
        ("rules", "list every rule", rules.add_rules_arguments, rules.run_rules),
        ("explain", "print one rule's page", rules.add_explain_arguments, rules.run_explain),
        ("batch", "check a class's drafts, one line each", batch.add_arguments, batch.run),
        ("compare", "compare two versions of a draft", compare.add_arguments, compare.run),
        (
            "config",
            "print the settings a check runs with, and where each comes from",
            settings.add_arguments,
            settings.run,
        ),
        ("check-panel", "check the notes to one interview's panel together", panel.add_arguments, panel.run),
    ]
    for name, help_text, add, run in table:
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        add(p)
        p.set_defaults(run=run)
    g = sub.add_parser(
        "grammar", help="install, start or stop the local LanguageTool server", add_help=False, prefix_chars="\0"
    )
    g.add_argument("rest", nargs=argparse.REMAINDER)
    g.set_defaults(run=_grammar)
    v = sub.add_parser(
        "serve", help="run the coaching page and the HTTP API on 127.0.0.1", add_help=False, prefix_chars="\0"
    )
    v.add_argument("rest", nargs=argparse.REMAINDER)
    v.set_defaults(run=_serve)
    return top


COMMANDS = ("check", "rules", "explain", "batch", "compare", "check-panel", "config", "grammar", "serve")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="followup-lint: %(message)s")
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args = ["check", *args]
    if sys.stdout is None or sys.stderr is None:  # started with a closed stream: say so if we can
        if sys.stderr is not None:
            print("followup-lint: standard output is closed; nothing to write the report to", file=sys.stderr)
        return 2
    try:
        ns = parser().parse_args(args)
        run: Command = ns.run
        return run(ns)
    except (UsageError, FollowupLintError) as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a closed terminal: the report could not be written
        print(f"followup-lint: cannot write the report ({exc.strerror or exc})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("followup-lint: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, never a traceback
        from ..nlp.loading import ModelNotFoundError

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
