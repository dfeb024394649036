"""The command line: formats, exit codes, sub-commands and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint.cli import main

GOOD = (
    "Subject: Thank you – Store Manager interview\n\nDear Ms. Ito,\n\nThank you for meeting me on Friday "
    "about the Store Manager role. I enjoyed the tour of the Denver store and hearing how the team cut "
    "stock-outs by a third with the new ordering system. My six years running a busy grocery store would "
    "help me keep that momentum, and I left even more excited about joining Maple & Co.\n\nI look forward "
    "to hearing about next steps.\n\nBest regards,\nRay Cole\nray.cole@example.com"
)
BAD = "hey!!\n\nthx for the interview, when can i start?? i need an answer asap"


@pytest.fixture
def drafts(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    ctx = tmp_path / "ctx.toml"
    ctx.write_text('interviewer = "Kana Ito"\ncompany = "Maple & Co"\nrole = "Store Manager"\nstage = "thank_you"\n')
    return {"good": good, "bad": bad, "ctx": ctx}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(
        ["--grammar", "builtin", *args]
        if args and args[0] not in ("rules", "explain", "batch", "compare")
        else list(args)
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_lists_findings_with_positions(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, str(drafts["bad"]), "--color", "never")
    assert code == 0
    assert f"{drafts['bad']}:1:1:" in out
    assert "FM004 casual-greeting" in out and "TN001 pushy-request" in out
    assert "fix:" in out
    assert "score" in out.splitlines()[0]


def test_json_is_an_array_of_reports_with_path(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(
        capsys,
        str(drafts["good"]),
        str(drafts["bad"]),
        "--format",
        "json",
        "--context",
        str(drafts["ctx"]),
    )
    data = json.loads(out)
    assert [d["path"] for d in data] == [str(drafts["good"]), str(drafts["bad"])]
    assert data[0]["score"] > data[1]["score"] + 30
    assert data[0]["context"]["company"] == "Maple & Co"


def test_jsonl_sarif_and_github_formats(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, str(drafts["bad"]), "--format", "jsonl")
    assert len(out.strip().splitlines()) == 1 and json.loads(out)["path"] == str(drafts["bad"])
    _, out, _ = run(capsys, str(drafts["bad"]), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    _, out, _ = run(capsys, str(drafts["bad"]), "--format", "github")
    assert out.startswith(("::warning file=", "::error file=", "::notice file="))


def test_exit_codes(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, str(drafts["good"]), "--context", str(drafts["ctx"]), "--fail-under", "80")[0] == 0
    assert run(capsys, str(drafts["bad"]), "--fail-under", "80")[0] == 1
    assert run(capsys, str(drafts["bad"]), "--min-severity", "warning")[0] == 1
    assert run(capsys, str(drafts["good"]), "--context", str(drafts["ctx"]), "--min-severity", "error")[0] == 0
    code, _, err = run(capsys, str(drafts["good"].parent / "missing.txt"))
    assert code == 2 and err.count("\n") == 1 and "no such file" in err


def test_select_and_ignore(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, str(drafts["bad"]), "--format", "json", "--select", "FM,TN001")
    codes = {s["code"] for s in json.loads(out)[0]["suggestions"]}
    assert codes and all(c.startswith("FM") or c == "TN001" for c in codes)
    _, out, _ = run(capsys, str(drafts["bad"]), "--format", "json", "--ignore", "casual-greeting,FM003")
    codes = {s["code"] for s in json.loads(out)[0]["suggestions"]}
    assert "FM004" not in codes and "FM003" not in codes and "TN001" in codes


def test_bad_usage_is_exit_2(capsys, drafts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad_ctx = tmp_path / "bad.toml"
    bad_ctx.write_text("interviewer = [1, 2\n")
    code, _, err = run(capsys, str(drafts["good"]), "--context", str(bad_ctx))
    assert code == 2 and "not a valid TOML" in err
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01" * 100)
    code, _, err = run(capsys, str(binary))
    assert code == 2 and "binary" in err
    # an argument error is one line with a hint, not the whole usage block
    assert main(["--format", "yaml", str(drafts["good"])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice" in err and "--help" in err


def test_rules_and_explain(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "RF002  wrong-company" in out and "ST003  unfilled-placeholder" in out
    assert main(["explain", "wrong-company"]) == 0
    out = capsys.readouterr().out
    for section in ("What it does:", "Why it matters:", "Example:", "Instead:"):
        assert section in out
    assert main(["explain", "ZZ999"]) == 2


def test_batch_reads_sidecar_contexts(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    drafts["ctx"].rename(drafts["good"].with_suffix(".toml"))
    assert main(["batch", str(drafts["good"].parent), "--grammar", "builtin", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert rows[0].startswith("path,score,stage") and len(rows) == 3


def test_batch_jobs_match_a_single_process(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    folder = str(drafts["good"].parent)
    assert main(["batch", folder, "--grammar", "builtin", "--format", "csv"]) == 0
    single = capsys.readouterr().out
    assert main(["batch", folder, "--grammar", "builtin", "--format", "csv", "--jobs", "2"]) == 0
    assert capsys.readouterr().out == single
    assert main(["batch", folder, "--jobs", "0"]) == 2


def test_compare_shows_what_was_fixed(capsys, drafts) -> None:  # type: ignore[no-untyped-def]
    code = main(
        [
            "compare",
            str(drafts["bad"]),
            str(drafts["good"]),
            "--grammar",
            "builtin",
            "--color",
            "never",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("score ") and "fixed (" in out and "FM004 casual-greeting" in out


def test_fix_applies_only_safe_fixes(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "d.txt"
    draft.write_text("Hey Sam,\n\nThanks for the interview!!! I look forward to to hearing from you 😊\n\nBest,\nAna")
    assert main([str(draft), "--grammar", "builtin", "--fix", "--format", "json"]) == 0
    fixed = draft.read_text()
    assert fixed.startswith("Hello Sam,") and "!!!" not in fixed and "to to" not in fixed and "😊" not in fixed
    assert fixed.endswith("Best,\nAna")


def test_stdin_and_module_entry_point(drafts) -> None:  # type: ignore[no-untyped-def]
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "-", "--grammar", "builtin", "--format", "json"],
        input=BAD.encode(),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0]["path"] == "-"
