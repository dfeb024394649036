"""``followup-lint config``: the configuration a check would run with, and where each value
came from (a default, a file, the command line), as ``ruff check --show-settings`` does."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any

from ..config import user_config_path
from ..types import Severity
from .common import add_check_options, add_result_options, configured


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_check_options(p)
    add_result_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")


def _plain(value: Any) -> Any:
    """A value as TOML or JSON would write it."""
    if isinstance(value, Severity):
        return value.value
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _toml(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def run(args: argparse.Namespace) -> int:
    config, origin = configured(args)
    from ..rules.selection import Selection

    Selection.from_config(config)  # an unknown rule code fails here as it would in a check
    values = {name: _plain(value) for name, value in config.to_mapping().items()}
    if args.format == "json":
        doc = {
            "settings": {name: {"value": values[name], "from": origin[name]} for name in values},
            "user_config": str(user_config_path()),
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max(len(n) for n in values)
    shown = [_toml(v) for v in values.values()]
    value_width = min(40, max(len(v) for v in shown))
    lines = [f"{name:<{width}} = {text:<{value_width}}  # {origin[name]}" for name, text in zip(values, shown)]
    files = sorted({o.removesuffix(" + command line") for o in origin.values()} - {"default", "command line"})
    lines.append("")
    lines.append("read: " + (", ".join(files) if files else "no config file (defaults and the command line)"))
    lines.append(f"your own config file, the only one that may name a remote server: {user_config_path()}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
