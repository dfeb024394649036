"""LanguageTool as a real local server: findings, offsets, accepted words, and every way it
can fail without costing the user the report."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

import followup_lint as fl
from followup_lint.analyzer import Analyzer
from followup_lint.grammar import server
from followup_lint.grammar.checker import GrammarChecker
from followup_lint.grammar.install import find_installation
from followup_lint.grammar.languagetool import kind_of, utf16_to_index

from .helpers import assert_spans_exact
from .lt_fixtures import languagetool_analyzer, require_languagetool

pytestmark = pytest.mark.languagetool


@pytest.fixture(scope="module")
def lt() -> Analyzer:
    return languagetool_analyzer()


def gm(report: fl.Report) -> list[fl.Suggestion]:
    return [s for s in report.suggestions if s.code.startswith("GM")]


def test_finds_grammar_that_the_builtin_checker_cannot(lt: Analyzer) -> None:
    report = lt.analyze("Dear Sam,\n\nI has enjoyed our conversation about the new clinic.\n\nBest,\nAna")
    assert report.grammar["backend"] == "languagetool"
    found = gm(report)
    assert [s.code for s in found] == ["GM006"] and found[0].source_rule
    assert_spans_exact(report)


def test_offsets_after_astral_characters(lt: Analyzer) -> None:
    text = "Dear Sam 😊👍🏽,\n\nThank you 🙏 for you're time.\n\nBest,\nAna"
    report = lt.analyze(text)
    confusion = next(s for s in gm(report) if s.code == "GM005")
    assert confusion.text == "you're"
    assert confusion.span.utf16_start == len(text[: confusion.span.start].encode("utf-16-le")) // 2
    assert_spans_exact(report)


def test_utf16_conversion() -> None:
    assert utf16_to_index("a😊b", 3) == 2
    assert utf16_to_index("a😊b", 1) == 1
    assert utf16_to_index("abc", 10) == 3


def test_names_jargon_and_british_spelling_are_accepted(lt: Analyzer) -> None:
    ctx = fl.Context(interviewer="Siobhan Nguyen-Okafor", company="Zyxtronix", topics=["Kubeflow pipelines"])
    text = (
        "Dear Siobhan,\n\nThank you for showing me how Zyxtronix runs Kubeflow pipelines. I realised the "
        "organisation's colour-coded programme suits my favourite way of working with Terraformix.\n\nBest,\nAna"
    )
    report = lt.analyze(text, ctx, vocabulary=("Terraformix",))
    assert not [s for s in gm(report) if s.code == "GM001"], gm(report)


def test_names_outside_the_dictionary_are_not_misspellings(lt: Analyzer) -> None:
    text = (
        "Dear Sam,\n\nIt was good to meet Chidi Adebayo-Okafor, Trần Thị Mai and the ACCA panel, and I "
        "enjoyed practising the case study. Thank you for the intervew.\n\nBest,\nAna"
    )
    flagged = {s.text for s in gm(lt.analyze(text)) if s.code == "GM001"}
    assert flagged == {"intervew"}, flagged  # a real misspelling is still found


def test_background_requests_match_one_at_a_time(lt: Analyzer) -> None:
    # analyze_many sends drafts to LanguageTool ahead of spaCy; the answers must land on the
    # right drafts, in order.
    texts = [f"Dear Sam,\n\nI has enjoyed the tour number {n}. Their was a lot to see.\n\nBest,\nAna" for n in range(7)]
    texts[3] = "Thank you for the the interview."
    many = lt.analyze_many(texts, batch_size=2)
    assert all(gm(r) for r in many)
    for text, report in zip(texts, many):
        one = lt.analyze(text)
        assert report.grammar["backend"] == "languagetool"
        assert [(s.code, s.span.start, s.span.end) for s in gm(report)] == [
            (s.code, s.span.start, s.span.end) for s in gm(one)
        ]


def test_our_own_rules_are_not_repeated(lt: Analyzer) -> None:
    report = lt.analyze("Hey Sam,\n\nThanks!!! I REALLY want this job, thx.\n\nBest,\nAna")
    word_level = [s for s in report.suggestions if s.code in ("FM001", "FM003", "FM004", "FM006")]
    assert len(word_level) >= 4
    for s in word_level:
        echoes = [g for g in gm(report) if g.span.start < s.span.end and s.span.start < g.span.end]
        assert not echoes, (s, echoes)
    assert not [s for s in gm(report) if "!" in s.text]


def test_long_text_is_chunked_with_exact_offsets(lt: Analyzer) -> None:
    filler = "We talked about the new warehouse and the routes. " * 500
    text = f"Dear Sam,\n\n{filler}\n\nI has enjoyed it.\n\nBest,\nAna"
    report = lt.analyze(text, max_chars=40_000)
    late = [s for s in gm(report) if s.code == "GM006"]
    assert (late and late[-1].text.startswith("has")) or late[-1].text.startswith("I has")
    assert_spans_exact(report)


def test_kind_mapping() -> None:
    assert kind_of("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling") == "spelling"
    assert kind_of("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication") == "repetition"
    assert kind_of("I_LOWERCASE", "CASING", "typographical") == "capitalization"
    assert kind_of("EN_A_VS_AN", "MISC", "misspelling") == "confusion"
    assert kind_of("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "whitespace") == "punctuation"
    assert kind_of("BASE_FORM", "GRAMMAR", "grammar") == "grammar"


def test_server_is_reused_across_checkers(lt: Analyzer) -> None:
    first = server.running_server()
    assert first is not None and server.healthy(first.port)
    GrammarChecker("languagetool").check("Thank you for you're time.")
    assert server.running_server() == first


def test_grammar_status_command(lt: Analyzer, capsys: pytest.CaptureFixture[str]) -> None:
    from followup_lint.cli import main

    assert main(["grammar", "status"]) == 0
    out = capsys.readouterr().out
    assert "installed: LanguageTool" in out and "running on http://127.0.0.1:" in out


# -- failures -----------------------------------------------------------------------------------
def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_closed_port_falls_back_with_a_note() -> None:
    report = fl.analyze(
        "Thank you for the the interview.",
        grammar="languagetool",
        languagetool_url=f"http://127.0.0.1:{_closed_port()}/",
    )
    assert report.grammar["backend"] == "builtin"
    assert "did not answer" in report.grammar["note"]
    assert "GM002" in {s.code for s in report.suggestions}


@pytest.fixture
def own_server() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A LanguageTool process of this test's own, so killing it disturbs nobody else."""
    require_languagetool()
    found = find_installation()
    assert found is not None
    port = server.free_port()
    proc = subprocess.Popen(server._command(found.lib, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not server.healthy(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    server._warm_up(port, timeout=120)
    yield proc, port
    proc.kill()
    proc.wait()


def test_server_dying_mid_run_falls_back(own_server: tuple[subprocess.Popen[bytes], int]) -> None:
    proc, port = own_server
    analyzer = Analyzer(fl.Config(grammar="languagetool", languagetool_url=f"http://127.0.0.1:{port}/"))
    first = analyzer.analyze("Dear Sam,\n\nI has enjoyed the tour.\n\nBest,\nAna")
    assert first.grammar["backend"] == "languagetool"
    proc.kill()
    proc.wait()
    second, third = analyzer.analyze_many(["Thank you for the the tour.", "And and again."])
    for report in (second, third):
        assert report.grammar["backend"] == "builtin" and "failed" in report.grammar["note"]
        assert report.score is not None and "GM002" in {s.code for s in report.suggestions}


class _Handler(http.server.BaseHTTPRequestHandler):
    mode = "garbage"

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        if self.mode == "slow":
            time.sleep(3)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        body = (
            b'[{"name":"English","code":"en","longCode":"en-US"}]' if self.path.endswith("languages") else b"{not json"
        )
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("mode", ["garbage", "error", "slow"])
def test_misbehaving_server_falls_back(mode: str) -> None:
    # A fake server: the real one cannot be made to return garbage or to hang on purpose.
    handler = type("H", (_Handler,), {"mode": mode})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        checker = GrammarChecker(
            "languagetool", languagetool_url=f"http://127.0.0.1:{httpd.server_address[1]}/", timeout=1.0
        )
        run = checker.check("Thank you for the the interview.")
        assert run.backend == "builtin" and run.note.startswith("built-in checker:")
        assert [i.kind for i in run.issues] == ["repetition"]
    finally:
        httpd.shutdown()


def test_not_installed_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    run = GrammarChecker("auto").check("Thank you for the the interview.")
    assert run.backend == "harper" and "not installed" in run.note and "grammar install" in run.note


def test_watchdog_stops_an_idle_server(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from followup_lint.grammar.watchdog import process_start_time, watch

    # A stand-in whose command line is our server's: the watchdog checks it before any signal.
    code = "import time; time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code, "org.languagetool.server.HTTPServer", "--port", "1"])
    stamp = tmp_path / "last-used"
    stamp.touch()
    state = tmp_path / "server.json"
    state.write_text(f'{{"port": 1, "pid": {proc.pid}}}')
    watch(proc.pid, stamp, idle=0.5, state=state, poll=0.1, port=1, start_time=process_start_time(proc.pid))
    assert proc.wait(timeout=10) != 0
    assert not state.exists()
