"""The HTTP API against the real server: `python -m followup_lint.serve` in a subprocess on a
free loopback port (and, for the limits, the same app under uvicorn in a thread)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.rules import all_rules

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "followup_lint" / "data" / "report.schema.json").read_text(encoding="utf-8"))
EXAMPLE = (ROOT / "examples" / "thank_you_draft.txt").read_text(encoding="utf-8")
REVISED = (ROOT / "examples" / "thank_you_revised.txt").read_text(encoding="utf-8")
CONTEXT = {
    "interviewer": "Maria Chen",
    "company": "Lumen Health",
    "role": "Senior Data Engineer",
    "topics": ["claims pipeline", "on-call rotation"],
    "candidate": "Jordan Lee",
    "interview_date": "2026-03-02T10:00",
    "send_date": "2026-03-03T09:30",
    "stage": "thank_you",
}
SCRIPT = '<script>alert("pwned")</script>'


def roundtrip(d: dict[str, Any]) -> Any:
    return json.loads(json.dumps(d))


# -- the server --------------------------------------------------------------------------------
@contextlib.contextmanager
def serve_subprocess(cache: Path, *args: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """Start `python -m followup_lint.serve --port 0 ARGS`; yield its base URL once its state file
    appears (written only when the pipeline is loaded)."""
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    state = cache / "serve.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "followup_lint.serve", "--port", "0", "--grammar", "builtin", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while not state.exists():
            if proc.poll() is not None:
                raise AssertionError(f"the server exited: {proc.stderr.read() if proc.stderr else ''}")
            if time.monotonic() > deadline:
                raise AssertionError("the server did not become ready")
            time.sleep(0.1)
        port = json.loads(state.read_text())["port"]
        yield f"http://127.0.0.1:{port}", proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    cache = tmp_path_factory.mktemp("serve-cache")
    with serve_subprocess(cache) as (url, _proc):
        yield url
    assert not (cache / "serve.json").exists(), "the state file outlives the server"


@pytest.fixture(scope="module")
def cache_dir(server: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the directory the module's server writes its state to
    for p in tmp_path_factory.getbasetemp().glob("serve-cache*"):
        if (p / "serve.json").exists() and str(json.loads((p / "serve.json").read_text())["port"]) in server:
            return p
    raise AssertionError("no state file")


@pytest.fixture()
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60, trust_env=False) as c:
        yield c


class ThreadServer:
    """The app under uvicorn in a thread of this process, sharing one warm engine."""

    def __init__(self, **limits: Any) -> None:
        import uvicorn

        from followup_lint.serve.app import create_app
        from followup_lint.serve.limits import Limits

        self.app = create_app(Limits(**limits), engine=_engine(), warm=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


_ENGINE: list[Any] = []


def _engine() -> Any:
    from followup_lint.serve.engine import Engine

    if not _ENGINE:
        _ENGINE.append(Engine(fl.Config(grammar="builtin")))
    return _ENGINE[0]


def post(c: httpx.Client, path: str, body: Any) -> httpx.Response:
    return c.post(path, json=body)


def assert_problem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert set(body) == {"type", "title", "status", "detail"}
    assert body["status"] == status
    assert "Traceback" not in r.text
    return body


# -- answers -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "context"),
    [
        (EXAMPLE, CONTEXT),
        (REVISED, CONTEXT),
        ("Dear Sam,\n\nThank you for your time today.\n\nBest,\nAna", None),
        ("Subject: Thank you\n\nHi Priya, thx for the chat!!! 😀", {"interviewer": "Priya"}),
        ("", None),
    ],
)
def test_analyze_answers_the_library_report(client: httpx.Client, analyzer: Analyzer, text: str, context: Any) -> None:
    body: dict[str, Any] = {"text": text}
    if context is not None:
        body["context"] = context
    r = post(client, "/v1/analyze", body)
    assert r.status_code == 200, r.text
    answer = r.json()
    jsonschema.validate(answer, SCHEMA)
    expected = analyzer.analyze(text, fl.Context.from_dict(context or {})).to_dict()
    assert answer == roundtrip(expected)


def test_analyze_reads_an_eml(client: httpx.Client, analyzer: Analyzer) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Thank you – Senior Data Engineer interview"
    msg["From"] = "jordan@example.com"
    msg["To"] = "maria@example.com"
    msg["Date"] = "Tue, 03 Mar 2026 09:30:00 +0000"
    msg.set_content(REVISED)
    raw = bytes(msg)
    r = post(client, "/v1/analyze", {"eml_base64": base64.b64encode(raw).decode(), "context": CONTEXT})
    assert r.status_code == 200, r.text
    assert r.json() == roundtrip(analyzer.analyze(fl.Draft.from_eml(raw), fl.Context.from_dict(CONTEXT)).to_dict())
    assert r.json()["source"] == "eml"


def test_options_change_the_report_as_in_the_library(client: httpx.Client, analyzer: Analyzer) -> None:
    options = {"ignore": ["FM"], "severity": {"ST003": "suggestion"}}
    r = post(client, "/v1/analyze", {"text": EXAMPLE, "context": CONTEXT, "options": options})
    assert r.status_code == 200, r.text
    config = fl.Config.from_mapping({**options, "grammar": "builtin"})
    expected = Analyzer(config).analyze(EXAMPLE, fl.Context.from_dict(CONTEXT)).to_dict()
    assert r.json() == roundtrip(expected)
    assert not [s for s in r.json()["suggestions"] if s["code"].startswith("FM")]


def test_analyze_many_answers_in_order(client: httpx.Client, analyzer: Analyzer) -> None:
    texts = [EXAMPLE, REVISED, "hi\n\nthanks for the interview, i really need this job"]
    body = {"drafts": [{"text": t} for t in texts[:2]] + [{"text": texts[2], "context": {"company": "Acme"}}]}
    body["context"] = CONTEXT
    r = post(client, "/v1/analyze-many", body)
    assert r.status_code == 200, r.text
    reports = r.json()["reports"]
    contexts = [fl.Context.from_dict(CONTEXT)] * 2 + [fl.Context(company="Acme")]
    expected = analyzer.analyze_many(texts, contexts)
    assert reports == [roundtrip(e.to_dict()) for e in expected]
    for rep in reports:
        jsonschema.validate(rep, SCHEMA)


def test_analyze_many_is_bounded(client: httpx.Client) -> None:
    body = assert_problem(post(client, "/v1/analyze-many", {"drafts": [{"text": "Hi"}] * 101}), 422)
    assert "at most 100" in body["detail"]
    assert_problem(post(client, "/v1/analyze-many", {"drafts": []}), 422)


def test_rules(client: httpx.Client) -> None:
    listed = client.get("/v1/rules").json()["rules"]
    assert [r["code"] for r in listed] == [r.code for r in all_rules()]
    one = client.get("/v1/rules/wrong-company").json()
    assert one["code"] == "RF002" and one["sections"]["Example"]
    assert client.get("/v1/rules/RF002").json() == one
    assert "no rule" in assert_problem(client.get("/v1/rules/XX999"), 404)["detail"]


def test_health_and_openapi(client: httpx.Client) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and "pid" not in health  # who it is is told to token holders only
    doc = client.get("/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert {"/v1/analyze", "/v1/analyze-many", "/v1/rules", "/v1/rules/{code}", "/healthz"} <= set(doc["paths"])
    assert doc["components"]["schemas"]["Report"]["properties"] == SCHEMA["properties"]


# -- hostile input -----------------------------------------------------------------------------
def test_a_ten_megabyte_body_is_refused(client: httpx.Client) -> None:
    # Announce 10 MB and send only the start: the server must answer 413 from the declared
    # length without waiting for the rest (sending it all races the server closing the
    # connection after its answer, which a client may see as a reset).
    import http.client

    url = client.base_url
    conn = http.client.HTTPConnection(url.host, url.port, timeout=30)
    try:
        conn.putrequest("POST", "/v1/analyze")
        conn.putheader("content-type", "application/json")
        conn.putheader("content-length", str(10 * 1024 * 1024))
        conn.endheaders()
        conn.send(b'{"text": "' + b"a " * 32768)
        answer = conn.getresponse()
        body = json.loads(answer.read())
    finally:
        conn.close()
    assert answer.status == 413 and "256 KB" in body["detail"]
    assert client.get("/healthz").status_code == 200  # and it keeps serving


def test_a_large_body_without_a_length_is_cut_off_while_reading(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):  # 40 × 64 KiB, far past the limit; refused after about 4 of them
            yield b"a" * 65536
        yield b'"}'

    r = client.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(r, 413)


@pytest.mark.parametrize(
    ("raw", "status", "words"),
    [
        (b"{not json", 400, "invalid JSON"),
        (b'{"text": "a"', 400, "invalid JSON"),
        (b"\xff\xfe\x00", 400, "UTF-8"),
        (b"[1, 2]", 422, "expected a JSON object"),
        (b'{"text": 5}', 422, "request.text: expected a string, got a number"),
        (b'{"text": "a", "context": []}', 422, "context: expected an object"),
        (b'{"text": "a", "context": {"topics": 5}}', 422, "context"),
        (b'{"text": "a", "context": {"interviewer": ["A"]}}', 422, "interviewer: expected text"),
        (b'{"text": "a", "options": "fast"}', 422, "options: expected an object"),
        (b'{"text": "a", "options": {"select": 3}}', 422, "select"),
        (b'{"text": "a", "extra": 1}', 422, "unknown field(s) extra"),
        (b'{"context": {}}', 422, "give exactly one of"),
        (b'{"text": "a", "eml_base64": "eA=="}', 422, "give exactly one of"),
        (b'{"eml_base64": "***"}', 422, "not valid base64"),
        (b'{"draft": {"text": "ab", "body_span": [0, 9]}}', 422, "body_span"),
    ],
)
def test_bad_requests_get_problem_details(client: httpx.Client, raw: bytes, status: int, words: str) -> None:
    r = client.post("/v1/analyze", content=raw, headers={"content-type": "application/json"})
    assert words in assert_problem(r, status)["detail"]


def test_library_errors_keep_the_library_messages(client: httpx.Client) -> None:
    with pytest.raises(fl.ContextError) as ctx_error:
        fl.Context.from_dict({"interview_date": "soon"})
    body = assert_problem(post(client, "/v1/analyze", {"text": "Hi", "context": {"interview_date": "soon"}}), 422)
    assert body["detail"] == f"context: {ctx_error.value}" and body["type"].endswith("/context-error")
    with pytest.raises(fl.ConfigError) as config_error:
        fl.Config.from_mapping({"fast": True}, source="options")
    body = assert_problem(post(client, "/v1/analyze", {"text": "Hi", "options": {"fast": True}}), 422)
    assert body["detail"] == str(config_error.value) and body["type"].endswith("/config-error")
    body = assert_problem(post(client, "/v1/analyze", {"text": "Hi", "options": {"grammar": "perfect"}}), 422)
    assert "grammar" in body["detail"]
    body = assert_problem(post(client, "/v1/analyze", {"text": "Hi", "options": {"languagetool_url": "http://x"}}), 422)
    assert "cannot be set over HTTP" in body["detail"]
    picture = b"Subject: hi\nFrom: a@example.com\nContent-Type: image/png\n\niVBORw0KGgo="
    with pytest.raises(fl.InputError) as input_error:
        fl.Draft.from_eml(picture)
    body = assert_problem(post(client, "/v1/analyze", {"eml_base64": base64.b64encode(picture).decode()}), 422)
    assert body["detail"] == str(input_error.value) and body["type"].endswith("/input-error")


def test_http_errors_are_problem_details_too(client: httpx.Client) -> None:
    assert_problem(client.get("/v1/analyze"), 405)
    assert_problem(client.get("/nothing-here"), 404)
    assert_problem(client.post("/v1/analyze", content=b'{"text":"a"}', headers={"content-type": "text/plain"}), 415)
    assert_problem(client.get("/healthz", headers={"host": "attacker.example"}), 421)


def test_a_script_tag_in_every_field_comes_back_escaped(client: httpx.Client) -> None:
    context = {k: SCRIPT for k in ("interviewer", "company", "role", "notes", "candidate")}
    context["topics"] = [SCRIPT]
    body = {
        "text": f"Subject: {SCRIPT}\n\nDear {SCRIPT},\n\nThank you {SCRIPT}.\n\nBest,\n{SCRIPT}",
        "context": context,
    }
    r = post(client, "/v1/analyze", {**body, "options": {"vocabulary": [SCRIPT]}})
    assert r.status_code == 200, r.text
    assert "<script" not in r.text and "\\u003cscript" in r.text
    assert r.json()["text"] == body["text"]  # escaped on the wire, exact once parsed
    assert r.headers["x-content-type-options"] == "nosniff"
    for bad in (
        {**body, "context": {**context, "interview_date": SCRIPT}},
        {**body, "options": {SCRIPT: 1}},
        {**body, "options": {"select": [SCRIPT]}},
    ):
        answer = post(client, "/v1/analyze", bad)
        assert answer.status_code == 422 and "<script" not in answer.text
    assert "<script" not in client.get(f"/v1/rules/{SCRIPT}").text
    page = client.get("/")
    assert SCRIPT not in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp


def test_the_page_and_its_assets(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/app.js"' in page.text and "<script>" not in page.text and "style=" not in page.text
    assert 'value="thank_you"' in page.text
    js = client.get("/static/app.js")
    assert js.headers["content-type"].startswith("text/javascript") and "innerHTML" not in js.text
    assert "--fl-bg" in client.get("/static/report.css").text
    assert_problem(client.get("/static/../serve.json"), 404)
    assert_problem(client.get("/static/nope.js"), 404)


# -- many clients ------------------------------------------------------------------------------
def test_a_slow_client_does_not_block_others() -> None:
    with ThreadServer(body_timeout=3.0) as s:
        host, port = s.url.removeprefix("http://").split(":")
        slow = socket.create_connection((host, int(port)))
        body = json.dumps({"text": EXAMPLE}).encode()
        slow.sendall(
            b"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body[:5]
        )
        with httpx.Client(base_url=s.url, trust_env=False, timeout=30) as c:
            for i in range(5):
                slow.sendall(body[5 + i : 6 + i])  # a byte at a time
                assert post(c, "/v1/analyze", {"text": REVISED}).status_code == 200
        slow.settimeout(15)
        answer = b""
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in answer:
                chunk = slow.recv(4096)
                if not chunk:
                    break
                answer += chunk
        slow.close()
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_past_the_queue_the_answer_is_503() -> None:
    big = ("We discussed the claims pipeline and the on-call rotation at length. " * 400).strip()
    with (
        ThreadServer(workers=1, queue=0, max_body=1_000_000) as s,
        httpx.Client(base_url=s.url, trust_env=False, timeout=60) as c,
    ):
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(post, c, "/v1/analyze", {"text": big})
            deadline = time.monotonic() + 20
            while c.get("/healthz").json()["busy"]["running"] == 0 and not first.done():
                assert time.monotonic() < deadline
                time.sleep(0.005)
            busy = post(c, "/v1/analyze", {"text": "Hi"})
            assert first.result().status_code == 200
        body = assert_problem(busy, 503)
        assert busy.headers["retry-after"] == "1" and "busy" in body["detail"]


def test_a_request_past_its_deadline_is_504() -> None:
    big = ("We discussed the claims pipeline and the on-call rotation at length. " * 400).strip()
    with ThreadServer(timeout=0.01, max_body=1_000_000) as s, httpx.Client(base_url=s.url, trust_env=False) as c:
        assert "longer than" in assert_problem(post(c, "/v1/analyze", {"text": big}), 504)["detail"]


def test_load_200_requests_from_20_clients(server: str) -> None:
    drafts = [EXAMPLE, REVISED, "Dear Sam,\n\nThank you for your time today.\n\nBest,\nAna"]
    latencies: list[float] = []
    failures: list[str] = []

    def worker(n: int) -> None:
        with httpx.Client(base_url=server, trust_env=False, timeout=120) as c:
            for i in range(10):
                began = time.perf_counter()
                r = post(c, "/v1/analyze", {"text": drafts[(n + i) % 3], "context": CONTEXT})
                latencies.append(time.perf_counter() - began)
                if r.status_code != 200:
                    failures.append(r.text[:200])

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    wall = time.perf_counter() - began
    assert not failures
    assert len(latencies) == 200
    q = statistics.quantiles(latencies, n=20)
    print(
        f"\nload: 200 requests, 20 clients, {wall:.1f} s: p50 {1000 * statistics.median(latencies):.0f} ms, "
        f"p95 {1000 * q[18]:.0f} ms"
    )
