"""The local LanguageTool server: started on 127.0.0.1 on first use, shared across processes,
stopped after an idle period.

A state file in the cache (``server.json``: port, pid, version) lets the next process reuse a
running server after a health check; a lock keeps two processes from starting two servers.
A small watchdog process stops the server when nobody has used it for
``FOLLOWUP_LINT_LT_IDLE_MINUTES`` (30 by default): every check touches ``last-used``.

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

from .base import GrammarUnavailable
from .install import LT_VERSION, InstallError, cache_dir, find_installation, install
from .languagetool import LANGUAGE

HEAP = os.environ.get("FOLLOWUP_LINT_LT_HEAP", "768m")
START_TIMEOUT = float(os.environ.get("FOLLOWUP_LINT_LT_START_TIMEOUT", "90"))


@dataclass(frozen=True)
class ServerInfo:
    port: int
    pid: int
    version: str

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
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/languages", timeout=timeout) as r:
            return bool(r.status == 200)
    except (OSError, urllib.error.URLError, ValueError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_state() -> ServerInfo | None:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
        return ServerInfo(int(data["port"]), int(data["pid"]), str(data.get("version", "?")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running_server() -> ServerInfo | None:
    """The recorded server if it answers; stale state is removed."""
    info = read_state()
    if info is None:
        return None
    if _alive(info.pid) and healthy(info.port):
        return info
    if not _alive(info.pid):
        with contextlib.suppress(OSError):
            state_path().unlink()
    return None


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
    with contextlib.suppress(OSError, urllib.error.URLError):
        urllib.request.urlopen(req, timeout=timeout).read()


def start_server(*, port: int | None = None, detach: bool = True, watchdog: bool = True) -> ServerInfo:
    """Start a server (or return the running one). Raises GrammarUnavailable on failure."""
    installed = find_installation()
    if installed is None:
        raise GrammarUnavailable("LanguageTool is not installed")
    with _lock():
        running = running_server()
        if running is not None:
            return running
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
        deadline = time.monotonic() + START_TIMEOUT
        while not healthy(port, timeout=1.0):
            if proc.poll() is not None:
                raise GrammarUnavailable(
                    f"LanguageTool exited at start (code {proc.returncode}); see {cache_dir() / 'server.log'}"
                )
            if time.monotonic() > deadline:
                proc.kill()
                raise GrammarUnavailable(f"LanguageTool did not start within {START_TIMEOUT:.0f} s")
            time.sleep(0.2)
        _warm_up(port, timeout=START_TIMEOUT)
        info = ServerInfo(port, proc.pid, installed.version)
        state_path().write_text(
            json.dumps({"port": port, "pid": proc.pid, "version": installed.version, "started": time.time()}) + "\n",
            encoding="utf-8",
        )
        touch()
        if watchdog and detach:
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "followup_lint.grammar.watchdog",
                    str(proc.pid),
                    str(stamp_path()),
                    str(idle_seconds()),
                    str(state_path()),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        return info


def ensure_server() -> ServerInfo:
    """A healthy local server: the running one, or a new one."""
    return running_server() or start_server()


def stop_server() -> bool:
    info = read_state()
    with contextlib.suppress(OSError):
        state_path().unlink()
    if info is None or not _alive(info.pid):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(info.pid, signal.SIGTERM)
    for _ in range(50):
        if not _alive(info.pid):
            break
        time.sleep(0.1)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(info.pid, signal.SIGKILL)
    return True


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
    state_path().write_text(json.dumps({"port": port, "pid": proc.pid, "version": found.version}) + "\n")
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return 0
    finally:
        with contextlib.suppress(OSError):
            state_path().unlink()
