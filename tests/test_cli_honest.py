"""The command does what its flags say, as the linters users know do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_lint.cli import main

PLACEHOLDER = "Dear [Interviewer's Name],\n\nThank you for the interview today.\n\nBest,\nJordan\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--grammar", "builtin", "--no-server", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_error_level_finding_fails_the_run_unless_exit_zero(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "d.txt"
    draft.write_text(PLACEHOLDER)
    assert run(capsys, str(draft))[0] == 1
    assert run(capsys, str(draft), "--exit-zero")[0] == 0


@pytest.mark.parametrize("selector", ["nonsense", "XX9"])
def test_an_unknown_selector_is_a_usage_error(capsys, tmp_path: Path, selector: str) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "d.txt"
    draft.write_text(PLACEHOLDER)
    code, _, err = run(capsys, str(draft), "--select", selector)
    assert code == 2 and "matches no rule" in err and err.count("\n") == 1


def test_min_severity_filters_every_format(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "d.txt"
    draft.write_text("hey!!\n\n" + PLACEHOLDER)
    _, out, _ = run(capsys, str(draft), "--format", "json", "--min-severity", "error")
    assert {s["severity"] for s in json.loads(out)[0]["suggestions"]} == {"error"}
    _, out, _ = run(capsys, str(draft), "--format", "sarif", "--min-severity", "error")
    assert {r["level"] for r in json.loads(out)["runs"][0]["results"]} == {"error"}


def test_diff_changes_no_file_and_output_writes_one(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "d.txt"
    draft.write_text("Dear Sam,\n\nThank you for the interview!!!\n\nBest,\nJordan\n")
    before = draft.read_text()
    code, out, _ = run(capsys, str(draft), "--diff")
    assert (
        code == 0 and out.startswith("---") and "+Thank you for the interview!" in out and draft.read_text() == before
    )
    report = tmp_path / "out.json"
    run(capsys, str(draft), "--format", "json", "-o", str(report))
    assert json.loads(report.read_text())[0]["path"] == str(draft)


def test_github_annotations_escape_file_names(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "my draft, v2.txt"
    draft.write_text(PLACEHOLDER)
    _, out, _ = run(capsys, str(draft), "--format", "github")
    assert "v2.txt" in out and "my draft%2C v2.txt" in out and "endLine=" in out


def test_compare_rejects_what_it_cannot_do(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = tmp_path / "a.txt"
    a.write_text(PLACEHOLDER)
    assert main(["compare", str(a), str(a), "--format", "sarif"]) == 2


def test_empty_standard_input_is_an_input_error(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "-")
    assert code == 2 and "empty" in err


def test_one_bad_sidecar_costs_only_its_draft(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(PLACEHOLDER)
    (tmp_path / "b.toml").write_text("interview_date = 'not a date'\n")
    code = main(["batch", str(tmp_path), "--grammar", "builtin", "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 2 and "b.toml" in err
    assert len(out.strip().splitlines()) == 3  # a header and the two good drafts


def test_time_zones_are_kept_in_timing_advice() -> None:
    import followup_lint as fl

    ctx = fl.Context(stage="thank_you", interview_date="2026-03-02T09:00-08:00", send_date="2026-03-04T10:00+09:00")
    report = fl.analyze("Dear Sam,\n\nThank you for the interview.\n\nBest,\nAna", ctx, grammar="builtin")
    # 32 hours apart as instants (the wall clocks say 49): the next day, not late
    assert "TM001" not in {s.code for s in report.suggestions}


def test_a_closed_standard_output_is_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    draft = tmp_path / "d.txt"
    draft.write_text(PLACEHOLDER)
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.close(1); sys.stdout = None; from followup_lint.cli import main; "
            f"raise SystemExit(main([{str(draft)!r}, '--grammar', 'builtin', '--no-server']))",
        ],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "closed" in proc.stderr
