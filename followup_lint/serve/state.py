"""The state file of a running ``followup-lint serve``: where it listens and how to tell it is ours.

``serve.json`` in the user's cache (next to LanguageTool's ``server.json``) holds the port, the
pid, the process start time and a random token. A client trusts it only when the pid is alive,
started when the file says (a reused pid fails this), and the server answers ``/healthz`` with
the same token. Anything else is stale: the file is removed and the command runs in process.

Standard library only: the warm command imports this before it knows whether it needs spaCy.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from ..grammar.install import cache_dir

STATE_NAME = "serve.json"
# Process start times from /proc are in clock ticks; a second covers rounding and boot-time drift.
START_TOLERANCE = 2.0


@dataclass(frozen=True)
class ServeState:
    host: str
    port: int
    pid: int
    started: float
    token: str
    version: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def to_dict(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "pid": self.pid,
            "started": self.started,
            "token": self.token,
            "version": self.version,
        }


def state_path() -> Path:
    return cache_dir() / STATE_NAME


def new_token() -> str:
    return secrets.token_urlsafe(24)


def process_start_time(pid: int) -> float | None:
    """When ``pid`` started (seconds since the epoch), from /proc; None where /proc is absent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(
            float(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime")
        )
    except (OSError, StopIteration, ValueError, IndexError):
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ")"
    fields = stat[stat.rfind(")") + 2 :].split()
    try:
        ticks = int(fields[19])  # field 22 overall: starttime
    except (IndexError, ValueError):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: not our server
        return False
    except OSError:
        return False
    return True


def write_state(state: ServeState) -> Path:
    """Write the state file readable by this user only (it holds the token)."""
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{STATE_NAME}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(state.to_dict(), fh)
        fh.write("\n")
    os.replace(tmp, path)
    return path


def read_state() -> ServeState | None:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
        return ServeState(
            host=str(data["host"]),
            port=int(data["port"]),
            pid=int(data["pid"]),
            started=float(data["started"]),
            token=str(data["token"]),
            version=str(data.get("version", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def plausible(state: ServeState) -> bool:
    """The recorded process is alive and started when the file says (no network involved)."""
    if not alive(state.pid):
        return False
    began = process_start_time(state.pid)
    return began is None or abs(began - state.started) <= START_TOLERANCE


def remove_state(expected: ServeState | None = None) -> None:
    """Remove the state file (only if it still describes ``expected``, when given)."""
    if expected is not None and read_state() != expected:
        return
    with contextlib.suppress(OSError):
        state_path().unlink()


def started_now() -> float:
    """This process's start time as ``plausible`` will read it back."""
    return process_start_time(os.getpid()) or time.time()
