"""The warm command: a running server answers for `followup-lint FILE`, with the same output,
without spaCy in the client; a stale state file is noticed and removed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import followup_lint as fl
from followup_lint.serve import client, state

from .test_serve_api import ROOT, serve_subprocess

pytest.importorskip("uvicorn")

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    cache = tmp_path_factory.mktemp("warm-cache")
    with serve_subprocess(cache):
        yield cache


def run(args: list[str], cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, *args], env=full, capture_output=True, text=True, timeout=300, cwd=ROOT)


DRAFT_ARGS = [
    str(EXAMPLES / "thank_you_draft.txt"),
    str(EXAMPLES / "thank_you_revised.txt"),
    "--context",
    str(EXAMPLES / "thank_you_draft.toml"),
    "--grammar",
    "builtin",
]


def test_warm_output_is_the_in_process_output(warm: Path) -> None:
    remote = run(["-m", "followup_lint.serve.client", *DRAFT_ARGS], warm)
    local = run(["-m", "followup_lint", *DRAFT_ARGS, "--color", "never"], warm)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert "score" in remote.stdout


def test_warm_reports_equal_in_process_reports(warm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(warm))
    drafts = [fl.Draft.from_path(EXAMPLES / "thank_you_draft.txt"), fl.Draft.from_text("Hey, any news??", subject="Hi")]
    context = fl.Context.from_toml(EXAMPLES / "thank_you_draft.toml")
    config = fl.Config(grammar="builtin", ignore=("LN",), severity={"FM": fl.Severity.ERROR})
    remote = client.try_remote(drafts, [context, None], config)
    assert remote is not None
    local = fl.Analyzer(config).analyze_many(drafts, [context, fl.Context()])
    assert [r.to_dict() for r in remote] == [json.loads(json.dumps(r.to_dict())) for r in local]


def test_the_warm_path_loads_no_model(warm: Path) -> None:
    code = (
        "import sys\n"
        "from followup_lint import Config, Context, Draft\n"
        "from followup_lint.serve.client import try_remote\n"
        "r = try_remote([Draft.from_text('Dear Sam, thank you.')], [Context()], Config(grammar='builtin'))\n"
        "heavy = [m for m in ('spacy', 'numpy', 'thinc', 'sklearn', 'followup_lint.analyzer') if m in sys.modules]\n"
        "print(r is not None, heavy)\n"
    )
    # a proxy that does not exist: the loopback call must not go through it
    done = run(["-c", code], warm, http_proxy="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    assert done.stdout.strip() == "True []", done.stderr


def test_no_server_means_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    assert client.try_remote([fl.Draft.from_text("Hi")], [None]) is None
    done = run(["-m", "followup_lint.serve.client", str(EXAMPLES / "thank_you_draft.txt")], tmp_path)
    assert done.returncode == 3 and "no running" in done.stderr


def _write(tmp_path: Path, **changes: object) -> state.ServeState:
    values: dict[str, object] = {
        "host": "127.0.0.1",
        "port": 9,
        "pid": os.getpid(),
        "started": state.started_now(),
        "token": "t",
        "version": fl.__version__,
    }
    values.update(changes)
    s = state.ServeState(**values)  # type: ignore[arg-type]
    state.write_state(s)
    return s


def test_a_dead_pid_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _write(tmp_path, pid=dead.pid)
    assert client.try_remote([fl.Draft.from_text("Hi")], [None]) is None
    assert not (tmp_path / "serve.json").exists()


def test_a_reused_pid_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if state.process_start_time(os.getpid()) is None:
        pytest.skip("no /proc here to read start times from")
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    _write(tmp_path, started=time.time() - 86400)  # this pid, but it started at another time
    assert client.healthy_server() is None
    assert not (tmp_path / "serve.json").exists()


def test_a_server_that_does_not_answer_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    _write(tmp_path, port=9)  # alive pid (this test), nothing listening on the port
    assert client.try_remote([fl.Draft.from_text("Hi")], [None]) is None


def test_another_server_on_the_port_is_not_trusted(warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = json.loads((warm / "serve.json").read_text())
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    _write(tmp_path, port=real["port"], token="not-the-token")  # our pid, their port
    assert client.try_remote([fl.Draft.from_text("Hi")], [None]) is None
    assert not (tmp_path / "serve.json").exists()


def test_local_only_settings_run_in_process(warm: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(warm))
    draft = [fl.Draft.from_text("Hi")]
    assert client.try_remote(draft, [None], fl.Config(grammar="builtin")) is not None
    assert client.try_remote(draft, [None], fl.Config(languagetool_url="http://127.0.0.1:1/")) is None
    monkeypatch.setenv("FOLLOWUP_LINT_NO_SERVER", "1")
    assert client.try_remote(draft, [None], fl.Config(grammar="builtin")) is None


def test_the_state_file_is_private(warm: Path) -> None:
    assert (warm / "serve.json").stat().st_mode & 0o077 == 0


def test_idle_server_stops_and_removes_its_state(tmp_path: Path) -> None:
    with serve_subprocess(tmp_path, "--idle-minutes", "0.02") as (_, proc):
        assert proc.wait(timeout=60) == 0
    assert not (tmp_path / "serve.json").exists()


def test_another_host_is_warned_about(tmp_path: Path) -> None:
    # 192.0.2.1 is a documentation address this machine does not have: the bind fails at once,
    # after the warning, and nothing listens beyond loopback.
    done = run(["-m", "followup_lint.serve", "--host", "192.0.2.1", "--port", "0"], tmp_path)
    assert "travel over the network" in done.stderr
    assert done.returncode == 2 and "cannot listen" in done.stderr
