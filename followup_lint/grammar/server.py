"""The local LanguageTool server: started on 127.0.0.1 on first use, shared across processes,
stopped after an idle period.

A state file in the cache (``server.json``: port, pid, version) lets the next process reuse a
running server after a health check; a lock keeps two processes from starting two servers.
A small watchdog process stops the server when nobody has used it for
``FOLLOWUP_LINT_LT_IDLE_MINUTES`` (30 by default): every check touches ``last-used``.

Nothing is signalled on the word of the state file alone: the pid must still be our server
(command line, port and start time; see :mod:`.watchdog`). The process that starts the
server owns it until the state file is written, and kills it on any error or Ctrl-C before
that. A recorded server that is ours but no longer answers is stopped before a new one
starts. Health checks and warm-up go straight to 127.0.0.1, never through a proxy.

    followup-lint grammar install | status | serve [--port N] [--foreground] | stop
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..progress import status
from .base import GrammarUnavailable
from .install import LT_VERSION, Installation, InstallError, cache_dir, find_installation, install
from .languagetool import LANGUAGE
from .watchdog import alive as _alive
from .watchdog import is_our_server, process_start_time

HEAP = os.environ.get("FOLLOWUP_LINT_LT_HEAP", "768m")
START_TIMEOUT = float(os.environ.get("FOLLOWUP_LINT_LT_START_TIMEOUT", "90"))


# Loopback needs no proxy, and an http_proxy in the environment must not see these requests
# (through one, a healthy server's checks took 94 s and then failed).
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class ServerInfo:
    port: int
    pid: int
    version: str
    start_time: int | None = None

    def is_ours(self) -> bool:
        """The pid is still our LanguageTool (not a process that was given the pid since)."""
        return is_our_server(self.pid, self.port, self.start_time)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def state_path() -> Path:
    return cache_dir() / "server.json"


def stamp_path() -> Path:
    return cache_dir() / "last-used"


def idle_seconds() -> float:
    return 60 * float(os.environ.get("FOLLOWUP_LINT_LT_IDLE_MINUTES", "30"))


def touch() -> None:
    """Mark the server as just used (the watchdog reads this file's age)."""
    with contextlib.suppress(OSError):
        stamp_path().touch()


def healthy(port: int, timeout: float = 2.0) -> bool:
    try:
        with _DIRECT.open(f"http://127.0.0.1:{port}/v2/languages", timeout=timeout) as r:
            return bool(r.status == 200)
    except (OSError, urllib.error.URLError, ValueError):
        return False


def read_state() -> ServerInfo | None:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
        start = data.get("start_time")
        return ServerInfo(
            int(data["port"]), int(data["pid"]), str(data.get("version", "?")), None if start is None else int(start)
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(info: ServerInfo) -> None:
    data = {
        "port": info.port,
        "pid": info.pid,
        "version": info.version,
        "start_time": info.start_time,
        "started": time.time(),
    }
    state_path().write_text(json.dumps(data) + "\n", encoding="utf-8")


def _forget_state() -> None:
    with contextlib.suppress(OSError):
        state_path().unlink()


def running_server() -> ServerInfo | None:
    """The recorded server if it is ours and answers. State naming a process that is gone,
    or that is not our server, is removed."""
    info = read_state()
    if info is None:
        return None
    if not info.is_ours():
        _forget_state()
        return None
    return info if healthy(info.port) else None


@contextlib.contextmanager
def _lock() -> Iterator[None]:
    cache_dir().mkdir(parents=True, exist_ok=True)
    with open(cache_dir() / "server.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(lib: Path, port: int) -> list[str]:
    # HTTPServer listens on localhost only unless given --public; we never pass it.
    return [
        "java",
        f"-Xmx{HEAP}",
        "-Xss2m",
        "-XX:+UseSerialGC",
        "-cp",
        str(lib / "*"),
        "org.languagetool.server.HTTPServer",
        "--port",
        str(port),
    ]


def _warm_up(port: int, timeout: float) -> None:
    """The first check loads LanguageTool's English data (seconds); pay it here, once."""
    body = urllib.parse.urlencode({"language": LANGUAGE, "text": "Thank you for you're time."}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/v2/check", data=body)
    with contextlib.suppress(OSError, urllib.error.URLError), _DIRECT.open(req, timeout=timeout) as r:
        r.read(1_000_000)


def start_server(*, port: int | None = None, detach: bool = True, watchdog: bool = True) -> ServerInfo:
    """Start a server (or return the running one). Raises GrammarUnavailable on failure."""
    installed = find_installation()
    if installed is None:
        raise GrammarUnavailable("LanguageTool is not installed")
    with _lock():
        running = running_server()
        if running is not None:
            return running
        recorded = read_state()
        if recorded is not None and recorded.is_ours():
            # Alive but not answering (frozen, or out of memory): stop it, or it would run
            # on next to the new one and never be stopped.
            _terminate(recorded)
            _forget_state()
        with status(f"starting LanguageTool {installed.version}…"):
            return _start_locked(installed, port, detach=detach, watchdog=watchdog)


def _start_locked(installed: Installation, port: int | None, *, detach: bool, watchdog: bool) -> ServerInfo:
    """Start the server while holding the state lock; the caller has checked none runs."""
    port = port or free_port()
    log = (cache_dir() / "server.log").open("ab")
    try:
        proc = subprocess.Popen(
            _command(installed.lib, port),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=detach,
            cwd=str(cache_dir()),
        )
    except OSError as exc:
        raise GrammarUnavailable(f"could not start Java ({exc.strerror or exc})") from None
    finally:
        log.close()
    # Until the state file names it, nobody else can find this process to stop it: any
    # error or Ctrl-C from here on kills it rather than leave a JVM behind.
    try:
        info = ServerInfo(port, proc.pid, installed.version, process_start_time(proc.pid))
        deadline = time.monotonic() + START_TIMEOUT
        while not healthy(port, timeout=1.0):
            if proc.poll() is not None:
                raise GrammarUnavailable(
                    f"LanguageTool exited at start (code {proc.returncode}); see {cache_dir() / 'server.log'}"
                )
            if time.monotonic() > deadline:
                raise GrammarUnavailable(f"LanguageTool did not start within {START_TIMEOUT:.0f} s")
            time.sleep(0.2)
        _warm_up(port, timeout=START_TIMEOUT)
        write_state(info)
    except BaseException:
        _kill_child(proc)
        raise
    touch()
    if watchdog and detach:
        with contextlib.suppress(OSError):
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "followup_lint.grammar.watchdog",
                    str(proc.pid),
                    str(stamp_path()),
                    str(idle_seconds()),
                    str(state_path()),
                    str(port),
                    "-" if info.start_time is None else str(info.start_time),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
    return info


def _kill_child(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        proc.wait(timeout=10)


def ensure_server() -> ServerInfo:
    """A healthy local server: the running one, or a new one."""
    return running_server() or start_server()


def _terminate(info: ServerInfo) -> bool:
    """SIGTERM, then SIGKILL after 5 s; each only after checking the pid is still ours."""
    if not info.is_ours():
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(info.pid, signal.SIGTERM)
    for _ in range(50):
        if not _alive(info.pid):
            return True
        time.sleep(0.1)
    if info.is_ours():
        with contextlib.suppress(ProcessLookupError):
            os.kill(info.pid, signal.SIGKILL)
    return True


def stop_server() -> bool:
    """Stop the recorded server. False when there was none, or when its pid now belongs to
    another process (which is left alone); the state file is removed either way."""
    info = read_state()
    _forget_state()
    if info is None:
        return False
    return _terminate(info)


# -- command line -----------------------------------------------------------------------------
def main(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="followup-lint grammar", description="Manage the local LanguageTool.")
    sub = p.add_subparsers(dest="command", required=True)
    i = sub.add_parser("install", help=f"install LanguageTool {LT_VERSION} from Maven Central into the cache")
    i.add_argument("--force", action="store_true", help="reinstall even if present")
    sub.add_parser("status", help="installed version, server state and port")
    s = sub.add_parser("serve", help="start the server on 127.0.0.1 (in the background unless --foreground)")
    s.add_argument("--port", type=int)
    s.add_argument("--foreground", action="store_true", help="run in this terminal until Ctrl-C (no idle stop)")
    sub.add_parser("stop", help="stop the background server")
    args = p.parse_args(list(argv))
    try:
        if args.command == "install":
            found = install(force=args.force)
            print(
                f"LanguageTool {found.version}: {found.jars} jars, {found.bytes / 2**20:.0f} MiB in {found.lib.parent}"
            )
            return 0
        if args.command == "status":
            return _status()
        if args.command == "stop":
            print("stopped" if stop_server() else "no server was running")
            return 0
        if args.foreground:
            return _serve_foreground(args.port)
        info = start_server(port=args.port)
        print(
            f"LanguageTool {info.version} on {info.url} (pid {info.pid}); stops after "
            f"{idle_seconds() / 60:.0f} idle minutes, or with `followup-lint grammar stop`"
        )
        return 0
    except (InstallError, GrammarUnavailable) as exc:
        print(f"followup-lint: {exc}", file=sys.stderr)
        return 2


def _status() -> int:
    found = find_installation()
    print(f"cache:     {cache_dir()}")
    if found is None:
        print("installed: no (run `followup-lint grammar install`)")
    else:
        print(f"installed: LanguageTool {found.version} ({found.jars} jars, {found.bytes / 2**20:.0f} MiB)")
    info = running_server()
    print(f"server:    running on {info.url} (pid {info.pid})" if info else "server:    not running")
    return 0


def _serve_foreground(port: int | None) -> int:
    found = find_installation()
    if found is None:
        raise GrammarUnavailable("LanguageTool is not installed; run `followup-lint grammar install`")
    port = port or free_port()
    print(f"LanguageTool {found.version} on http://127.0.0.1:{port}/ (Ctrl-C stops it)", flush=True)
    proc = subprocess.Popen(_command(found.lib, port))
    write_state(ServerInfo(port, proc.pid, found.version, process_start_time(proc.pid)))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return 0
    finally:
        with contextlib.suppress(OSError):
            state_path().unlink()
