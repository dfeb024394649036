"""Stops the background LanguageTool server after an idle period, and tells our server from
any other process that has its pid.

    python -m followup_lint.grammar.watchdog PID STAMP_FILE IDLE_SECONDS STATE_FILE [PORT [START_TIME]]

Runs detached next to the server. Every check touches STAMP_FILE; when it is older than
IDLE_SECONDS the server is stopped and its state file removed. Exits when the server does.

A pid in a state file can outlive its process and be handed to another one: no signal is
sent until the process is shown to be our server (its command line runs LanguageTool's
HTTPServer on the recorded port, and it started when the state file says).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SERVER_CLASS = "org.languagetool.server.HTTPServer"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_start_time(pid: int) -> int | None:
    """When the process started (clock ticks since boot, from ``/proc/PID/stat``), or None
    where there is no ``/proc``."""
    try:
        data = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
        # Field 2 (the name) is in parentheses and may hold spaces; field 22 is the start time.
        return int(data[data.rindex(")") + 2 :].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def process_command(pid: int) -> list[str] | None:
    """The process's command line, or None when it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        return [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    except FileNotFoundError:
        if Path("/proc/self").exists():
            return None  # Linux, and the process is gone
    except OSError:
        return None
    try:  # no /proc (macOS, BSD): ask ps
        out = subprocess.run(["ps", "-o", "command=", "-p", str(pid)], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.split() or None


def is_our_server(pid: int, port: int | None, start_time: int | None = None) -> bool:
    """True only for a live process running LanguageTool's HTTPServer on ``port`` that (where
    the start time is known) started at ``start_time``."""
    if pid <= 0 or not alive(pid):
        return False
    args = process_command(pid)
    if not args or SERVER_CLASS not in args:
        return False
    if port is not None and not any(a == "--port" and b == str(port) for a, b in itertools.pairwise(args)):
        return False
    if start_time is not None:
        now = process_start_time(pid)
        if now is not None and now != start_time:
            return False
    return True


def watch(
    pid: int,
    stamp: Path,
    idle: float,
    state: Path,
    poll: float = 15.0,
    *,
    port: int | None = None,
    start_time: int | None = None,
) -> None:
    while is_our_server(pid, port, start_time):
        try:
            age = time.time() - stamp.stat().st_mtime
        except OSError:
            age = idle + 1
        if age > idle:
            if is_our_server(pid, port, start_time):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(OSError):
                if state.read_text().find(f'"pid": {pid}') >= 0:
                    state.unlink()
            return
        time.sleep(min(poll, max(1.0, idle - age)))


if __name__ == "__main__":
    argv = sys.argv[1:]
    watch(
        int(argv[0]),
        Path(argv[1]),
        float(argv[2]),
        Path(argv[3]),
        port=int(argv[4]) if len(argv) > 4 else None,
        start_time=int(argv[5]) if len(argv) > 5 and argv[5] != "-" else None,
    )
