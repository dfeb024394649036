"""Stops the background LanguageTool server after an idle period.

    python -m followup_lint.grammar.watchdog PID STAMP_FILE IDLE_SECONDS STATE_FILE

Runs detached next to the server. Every check touches STAMP_FILE; when it is older than
IDLE_SECONDS the server is stopped and its state file removed. Exits when the server does.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch(pid: int, stamp: Path, idle: float, state: Path, poll: float = 15.0) -> None:
    while _alive(pid):
        try:
            age = time.time() - stamp.stat().st_mtime
        except OSError:
            age = idle + 1
        if age > idle:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(OSError):
                if state.read_text().find(f'"pid": {pid}') >= 0:
                    state.unlink()
            return
        time.sleep(min(poll, max(1.0, idle - age)))


if __name__ == "__main__":
    watch(int(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4]))
