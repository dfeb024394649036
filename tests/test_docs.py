"""Generated documentation matches the code."""

from __future__ import annotations

from pathlib import Path

from followup_lint.docs import rules_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rules_reference_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), "docs/rules.md is stale: run `python -m followup_lint.docs > docs/rules.md`"


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Quick start")
    block = readme[start:].split("```")[1]
    commands = [ln for ln in block.splitlines()[1:] if ln.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]
