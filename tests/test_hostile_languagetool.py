"""LanguageTool faults the real server cannot be made to show: trickled, frozen, huge and
proxied answers, stale pids, Ctrl-C during start. Fakes listen on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from followup_lint.grammar import server
from followup_lint.grammar.base import GrammarUnavailable
from followup_lint.grammar.install import Installation
from followup_lint.grammar.languagetool import LanguageToolClient
from followup_lint.grammar.watchdog import process_start_time, watch

LANGUAGES = b'[{"name":"English","code":"en","longCode":"en-US"}]'
EMPTY = b'{"matches": []}'


# -- a raw fake server: each connection gets the behaviour for its request line --------------
class FakeServer:
    def __init__(self, check: Callable[[socket.socket], None]) -> None:
        self.check = check
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.requests: list[str] = []
        self.sent = 0
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                piece = conn.recv(65536)
                if not piece:
                    return
                data += piece
            line = data.split(b"\r\n", 1)[0].decode()
            self.requests.append(line)
            try:
                if "/v2/languages" in line:
                    reply(conn, LANGUAGES)
                else:
                    self.check(conn)
            except OSError:
                pass

    def close(self) -> None:
        self._stop = True
        self.sock.close()


def reply(conn: socket.socket, body: bytes) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)


@pytest.fixture
def fake() -> Iterator[Callable[[Callable[[socket.socket], None]], FakeServer]]:
    made: list[FakeServer] = []

    def make(check: Callable[[socket.socket], None]) -> FakeServer:
        made.append(FakeServer(check))
        return made[-1]

    yield make
    for f in made:
        f.close()


def finishes(fn: Callable[[], object], within: float = 60) -> BaseException | None:
    """Run ``fn`` in a thread; the exception it raised, None if it returned. The generous
    limit only turns a hang into a failure; nothing here is timed."""
    box: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            box.append(None)
        except BaseException as exc:
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(within)
    assert box, "still running: the deadline did not hold"
    return box[0]


def test_a_trickled_answer_is_cut_at_the_deadline(fake) -> None:  # type: ignore[no-untyped-def]
    def trickle(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
        for _ in range(10_000):
            conn.sendall(b" ")
            time.sleep(0.05)

    client = LanguageToolClient(fake(trickle).url, timeout=1.0)
    exc = finishes(lambda: client.fetch("Thank you for the the interview."))
    assert isinstance(exc, GrammarUnavailable) and "within 1 s" in str(exc)


def test_trickled_headers_are_cut_too(fake) -> None:  # type: ignore[no-untyped-def]
    def trickle(conn: socket.socket) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
            conn.sendall(bytes([byte]))
            time.sleep(0.05)

    client = LanguageToolClient(fake(trickle).url, timeout=1.0)
    assert isinstance(finishes(lambda: client.fetch("Thank you.")), GrammarUnavailable)


def test_a_frozen_check_is_cut_at_the_deadline(fake) -> None:  # type: ignore[no-untyped-def]
    client = LanguageToolClient(fake(lambda conn: time.sleep(120)).url, timeout=1.0)
    exc = finishes(lambda: client.fetch("Thank you."))
    assert isinstance(exc, GrammarUnavailable)


def test_a_huge_declared_answer_is_refused_unread(fake) -> None:  # type: ignore[no-untyped-def]
    def huge(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 70000000\r\n\r\n")
        chunk = b"x" * 65536
        for _ in range(70_000_000 // len(chunk)):
            conn.sendall(chunk)

    client = LanguageToolClient(fake(huge).url, timeout=30.0)
    exc = finishes(lambda: client.fetch("Thank you."))
    assert isinstance(exc, GrammarUnavailable) and "over the limit" in str(exc)


def test_a_huge_undeclared_answer_stops_at_the_cap(fake) -> None:  # type: ignore[no-untyped-def]
    server_ = None

    def huge(conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        chunk = b"x" * 65536
        for _ in range(70_000_000 // len(chunk)):
            conn.sendall(chunk)
            server_.sent += len(chunk)  # type: ignore[union-attr]

    server_ = fake(huge)
    client = LanguageToolClient(server_.url, timeout=30.0, max_response_bytes=1_000_000)
    exc = finishes(lambda: client.fetch("Thank you."))
    assert isinstance(exc, GrammarUnavailable) and "over the limit" in str(exc)
    time.sleep(0.5)
    assert server_.sent < 20_000_000  # the client hung up instead of reading 70 MB


def test_close_cancels_a_request_in_flight(fake) -> None:  # type: ignore[no-untyped-def]
    client = LanguageToolClient(fake(lambda conn: time.sleep(120)).url, timeout=100.0)
    box: list[BaseException] = []

    def run() -> None:
        try:
            client.fetch("Thank you.")
        except BaseException as exc:
            box.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    time.sleep(0.5)
    client.close()
    t.join(30)
    assert box and isinstance(box[0], GrammarUnavailable) and "cancelled" in str(box[0])
    with pytest.raises(GrammarUnavailable, match="closed"):
        client.fetch("Thank you.")


def test_good_answers_still_parse_with_python_offsets(fake) -> None:  # type: ignore[no-untyped-def]
    text = "Hi 😊 Sam, thank you for you're time."
    units = len(text[: text.index("you're")].encode("utf-16-le")) // 2
    match = {
        "message": "Did you mean “your”?",
        "offset": units,
        "length": 6,
        "replacements": [{"value": "your"}],
        "rule": {"id": "YOUR_YOU_RE", "issueType": "grammar", "category": {"id": "CONFUSED_WORDS"}},
    }
    client = LanguageToolClient(fake(lambda conn: reply(conn, json.dumps({"matches": [match]}).encode())).url)
    (issue,) = client.check(text)
    assert text[issue.start : issue.end] == "you're" and issue.kind == "confusion"


# -- proxies ----------------------------------------------------------------------------------
@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    """A "proxy" that records what reaches it and answers nothing useful."""
    proxy = FakeServer(lambda conn: conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"))
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return proxy


def test_loopback_checks_never_use_a_proxy(fake, proxy_env: FakeServer) -> None:  # type: ignore[no-untyped-def]
    lt = fake(lambda conn: reply(conn, EMPTY))
    assert server.healthy(lt.port)
    assert LanguageToolClient(lt.url, timeout=5.0).check("Thank you.") == []
    server._warm_up(lt.port, timeout=5.0)
    assert proxy_env.requests == []
    proxy_env.close()


# -- the server process -----------------------------------------------------------------------
FAKE_LT = textwrap.dedent(
    """
    # A stand-in for LanguageTool's HTTPServer: same class name and --port on its command line.
    import http.server, sys
    port = int(sys.argv[sys.argv.index("--port") + 1])
    mode = sys.argv[-1]
    if mode == "frozen":
        import socket, time
        s = socket.socket(); s.bind(("127.0.0.1", port)); s.listen(8)
        time.sleep(600)
    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200); self.end_headers(); self.wfile.write(b"[]")
        def do_POST(self):
            self.send_response(200); self.end_headers(); self.wfile.write(b'{"matches": []}')
        def log_message(self, *a):
            pass
    http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
    """
)


@pytest.fixture
def fake_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    script = tmp_path / "fake_lt.py"
    script.write_text(FAKE_LT)
    monkeypatch.setattr(server, "find_installation", lambda: Installation("6.8", tmp_path, 1, 1))
    monkeypatch.setattr(
        server,
        "_command",
        lambda lib, port: [
            sys.executable,
            str(script),
            "org.languagetool.server.HTTPServer",
            "--port",
            str(port),
            "ok",
        ],
    )
    return script


def _spawn(script: Path, port: int, mode: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(script), "org.languagetool.server.HTTPServer", "--port", str(port), mode]
    )


def _procs_running(script: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(script).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def test_stop_leaves_an_unrelated_process_alone(fake_install: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        server.state_path().write_text(json.dumps({"port": 8081, "pid": sleeper.pid, "version": "6.8"}))
        assert server.stop_server() is False
        time.sleep(0.2)
        assert sleeper.poll() is None, "stop killed a process that is not our server"
        assert not server.state_path().exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_stop_leaves_a_look_alike_with_another_start_time_alone(fake_install: Path) -> None:
    port = server.free_port()
    other = _spawn(fake_install, port, "ok")
    try:
        start = process_start_time(other.pid)
        assert start is not None
        server.state_path().write_text(
            json.dumps({"port": port, "pid": other.pid, "version": "6.8", "start_time": start - 1})
        )
        assert server.stop_server() is False
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def test_watchdog_leaves_an_unrelated_process_alone(tmp_path: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "60"])
    try:
        stamp = tmp_path / "last-used"
        stamp.touch()
        os.utime(stamp, (0, 0))
        state = tmp_path / "server.json"
        state.write_text(f'{{"port": 8081, "pid": {sleeper.pid}}}')
        watch(sleeper.pid, stamp, idle=0.1, state=state, poll=0.1, port=8081)
        time.sleep(0.2)
        assert sleeper.poll() is None
    finally:
        sleeper.kill()
        sleeper.wait()


def test_start_records_and_stop_stops_our_server(fake_install: Path) -> None:
    info = server.start_server(watchdog=False)
    try:
        state = json.loads(server.state_path().read_text())
        assert state["pid"] == info.pid and state["start_time"] == process_start_time(info.pid)
        assert server.running_server() == info
    finally:
        assert server.stop_server() is True
    assert _procs_running(fake_install) == []


def test_ctrl_c_during_start_leaves_no_process(fake_install: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(port: int, timeout: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(server, "_warm_up", interrupted)
    with pytest.raises(KeyboardInterrupt):
        server.start_server(watchdog=False)
    deadline = time.monotonic() + 20
    while _procs_running(fake_install) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _procs_running(fake_install) == []
    assert not server.state_path().exists()


def test_a_frozen_server_is_stopped_before_another_starts(fake_install: Path) -> None:
    port = server.free_port()
    frozen = _spawn(fake_install, port, "frozen")
    try:
        time.sleep(0.5)
        server.state_path().write_text(
            json.dumps(
                {"port": port, "pid": frozen.pid, "version": "6.8", "start_time": process_start_time(frozen.pid)}
            )
        )
        info = server.start_server(watchdog=False)
        assert frozen.wait(timeout=20) is not None
        assert info.pid != frozen.pid and server.running_server() == info
    finally:
        frozen.kill()
        frozen.wait()
        server.stop_server()
    assert _procs_running(fake_install) == []
