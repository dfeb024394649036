"""Pinned command output for a handful of drafts, in every format.

These files were written before the code was re-roomed and pin what a user sees. Update them
only with a reason in the commit: ``FOLLOWUP_LINT_UPDATE_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from followup_lint.cli import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INPUTS = sorted(p for p in (HERE / "golden" / "inputs").iterdir() if p.suffix in (".txt", ".eml"))
FORMATS = ("text", "json", "sarif", "github")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("draft", INPUTS, ids=lambda p: p.name)
def test_output_matches_golden(
    draft: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    args = [str(draft.relative_to(ROOT)), "--grammar", "builtin", "--format", fmt, "--color", "never"]
    ctx = draft.with_suffix(".toml")
    if ctx.is_file():
        args += ["--context", str(ctx.relative_to(ROOT))]
    if fmt == "text":
        args.append("--verbose")
    code = main(args)
    out = f"exit: {code}\n" + capsys.readouterr().out
    golden = HERE / "golden" / f"{draft.stem}.{fmt}"
    if os.environ.get("FOLLOWUP_LINT_UPDATE_GOLDEN") == "1":
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}; run with FOLLOWUP_LINT_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8")
