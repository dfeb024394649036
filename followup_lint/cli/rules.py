"""``followup-lint rules`` and ``followup-lint explain CODE``."""

from __future__ import annotations

import argparse
import sys

from ..display.rules_listing import LISTINGS, Rule, rule_page
from .common import UsageError


def add_rules_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=tuple(LISTINGS), default="text", help="listing format (default: text)")


def run_rules(args: argparse.Namespace) -> int:
    from ..panel._rules import PANEL_RULES
    from ..rules import all_rules

    listed: list[Rule] = [*all_rules(), *PANEL_RULES.values()]
    listed.sort(key=lambda r: r.code)
    sys.stdout.write(LISTINGS[args.format](listed))
    return 0


def add_explain_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", help="code (RF002) or name (wrong-company)")


def run_explain(args: argparse.Namespace) -> int:
    from ..panel._rules import PANEL_RULES
    from ..rules import get_rule

    panel = {k: r for r in PANEL_RULES.values() for k in (r.code, r.name)}
    key = args.rule.strip()
    try:
        r: Rule = get_rule(key)
    except KeyError:
        found = panel.get(key.upper()) or panel.get(key.lower())
        if found is None:
            raise UsageError(f"no rule {args.rule!r}; `followup-lint rules` lists them") from None
        r = found
    sys.stdout.write(rule_page(r))
    return 0
