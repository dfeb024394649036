"""``followup-lint rules`` and ``followup-lint explain CODE``."""

from __future__ import annotations

import argparse
import sys

from ..display.rules_listing import LISTINGS, rule_page
from .common import UsageError


def add_rules_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=tuple(LISTINGS), default="text", help="listing format (default: text)")


def run_rules(args: argparse.Namespace) -> int:
    from ..rules import all_rules

    sys.stdout.write(LISTINGS[args.format](all_rules()))
    return 0


def add_explain_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", help="code (RF002) or name (wrong-company)")


def run_explain(args: argparse.Namespace) -> int:
    from ..rules import get_rule

    try:
        r = get_rule(args.rule)
    except KeyError:
        raise UsageError(f"no rule {args.rule!r}; `followup-lint rules` lists them") from None
    sys.stdout.write(rule_page(r))
    return 0
