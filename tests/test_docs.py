"""Generated documentation matches the code."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Quick start")
    block = readme[start:].split("```")[1]
    commands = [ln for ln in block.splitlines()[1:] if ln.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]
