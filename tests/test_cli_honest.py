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


def sub(capsys: pytest.CaptureFixture[str], command: str, *args: str) -> tuple[int, str, str]:
    code = main([command, "--grammar", "builtin", *args])
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


LONG_LINE = (
    "Dear Ms. Chen,\n\nThank you for the interview yesterday; I enjoyed hearing how the data platform team "
    "plans the move to streaming and how the on-call rotation is shared, lol, across the three sites.\n\n"
    "Best regards,\nJordan Lee\n"
)


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_excerpts_and_carets_fit_the_terminal_width(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(LONG_LINE)
    monkeypatch.setenv("COLUMNS", str(columns))
    _, out, _ = run(capsys, str(draft), "--select", "FM001")
    excerpt_lines = [line for line in out.splitlines() if line.startswith("    | ")]
    assert excerpt_lines, out
    assert max(len(line) for line in excerpt_lines) <= columns
    text, caret = excerpt_lines[0], excerpt_lines[1]
    at = caret.index("^")
    assert text[at : at + 3] == "lol"


def test_batch_takes_the_check_options_and_exits_like_check(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(PLACEHOLDER)
    (tmp_path / "b.txt").write_text("hey!!\n\n" + PLACEHOLDER)
    code, out, _ = sub(capsys, "batch", str(tmp_path), "--format", "jsonl", "--min-severity", "error")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(rows) == 2
    assert {s["severity"] for r in rows for s in r["suggestions"]} == {"error"}
    assert sub(capsys, "batch", str(tmp_path), "--exit-zero")[0] == 0
    code, out, _ = sub(capsys, "batch", str(tmp_path), "--format", "jsonl", "--ignore", "st,fm", "--exit-zero")
    assert not {s["code"][:2] for r in map(json.loads, out.splitlines()) for s in r["suggestions"]} & {"ST", "FM"}
    assert sub(capsys, "batch", str(tmp_path), "--ignore", "nonsense")[0] == 2
    code, _, _ = sub(capsys, "batch", str(tmp_path), "--ignore", "ST003", "--fail-under", "99")
    assert code == 1


def test_batch_draws_a_progress_bar_only_on_a_terminal(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(PLACEHOLDER)
    command = [sys.executable, "-m", "followup_lint", "batch", str(tmp_path), "--grammar", "builtin", "--exit-zero"]
    env = {**os.environ, "TERM": "xterm"}
    piped = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert piped.returncode == 0 and "checking drafts" not in piped.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while select.select([leader], [], [], 120)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command closed its end
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(leader)
    assert proc.returncode == 0 and b"mean score" in out
    assert b"checking drafts" in seen and b"0/3" in seen  # later redraws are rate-limited


def test_config_prints_each_setting_and_where_it_came_from(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".followup-lint.toml").write_text('ignore = ["tone"]\nfail_under = 70\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nowhere"))
    code, out, _ = sub(capsys, "config", "--ignore", "FM001", "--format", "json")
    settings = json.loads(out)["settings"]
    assert code == 0
    assert settings["ignore"] == {
        "value": ["tone", "FM001"],
        "from": f"{tmp_path / '.followup-lint.toml'} + command line",
    }
    assert settings["fail_under"]["from"] == str(tmp_path / ".followup-lint.toml")
    assert settings["grammar"] == {"value": "builtin", "from": "command line"}
    assert settings["max_chars"]["from"] == "default"
    code, out, _ = sub(capsys, "config")
    assert code == 0 and "# command line" in out and ".followup-lint.toml" in out
    assert sub(capsys, "config", "--ignore", "XX9")[0] == 2
