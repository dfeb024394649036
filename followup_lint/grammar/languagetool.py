"""LanguageTool's HTTP API, spoken directly: our own server on 127.0.0.1, or a URL the user set.

Every request has a total deadline (not only a socket timeout: a server that trickles its
answer byte by byte is cut off at the deadline), a cap on the answer's size, and can be
cancelled from another thread with :meth:`LanguageToolClient.close`. Loopback requests never
go through a proxy, whatever ``http_proxy`` says; a remote URL honours the proxy settings.

Matches become :class:`GrammarIssue` objects: offsets converted from UTF-16 code units to
Python characters, categories mapped to our kinds, rules that duplicate followup-lint's own
(exclamation marks, capitals for emphasis) or that are noise in an email (a greeting line
without a full stop, straight quotes) switched off, accepted words and British spellings
never flagged.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import json
import re
import socket
import ssl
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..report import Utf16Index
from .base import GrammarIssue, GrammarUnavailable, chunks
from .variants import is_spelling_variant

# "en" rather than "en-US": LanguageTool then runs its English grammar, punctuation and style
# rules but not its variant spell checker, which was over 40% of its time per draft here;
# GrammarChecker adds the built-in dictionary checks (which accept British and American
# spellings alike) to its findings.
LANGUAGE = "en"
CHUNK_CHARS = 10_000
MAX_RESPONSE_BYTES = 5_000_000
"""A LanguageTool answer for a 10,000-character chunk is tens of kilobytes; more is refused."""

# Rules whose findings another followup-lint rule already reports, or that misfire on emails.
DISABLED_RULES = (
    "WHITESPACE_RULE",  # aligned signatures and double spaces after a full stop: harmless
    "EN_QUOTES",  # straight quotes are normal in email
    "DASH_RULE",
    "PUNCTUATION_PARAGRAPH_END",  # "Dear Ms. Chen," and sign-off lines have no full stop
    "EN_EXCESSIVE_EXCLAMATION",  # FM003 exclamation-run
    "TOO_LONG_SENTENCE",  # LN003 long-sentence
    "EN_UNPAIRED_BRACKETS",  # ST003 reports placeholders such as "[Job Title]"
    "UNPAIRED_BRACKETS",
    "EN_SPECIFIC_CASE",  # product names in odd case ("iOS", "dbt")
    "SENT_START_NUM",
    "COMMA_COMPOUND_SENTENCE",  # picky comma advice
    "COMMA_COMPOUND_SENTENCE_2",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",  # "I ... I ... I": style, noisy in short notes
    "EN_DIACRITICS_REPLACE",  # "resume" vs "résumé"
    "PROFANITY",
    "UPPERCASE_SENTENCE_START_GREETING",
)
DISABLED_CATEGORIES = ("TYPOGRAPHY_DASHES",)

_SAFE_RULES = {"ENGLISH_WORD_REPEAT_RULE", "I_LOWERCASE", "DOUBLE_PUNCTUATION", "COMMA_PARENTHESIS_WHITESPACE"}


def kind_of(rule_id: str, category: str, issue_type: str) -> str:
    """Our kind for a LanguageTool match (decides the GM rule it is reported under)."""
    if rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL")):
        return "spelling"
    if "REPEAT" in rule_id or rule_id in ("ENGLISH_WORD_REPEAT_RULE",):
        return "repetition"
    if category == "CASING" or rule_id in ("I_LOWERCASE", "UPPERCASE_SENTENCE_START"):
        return "capitalization"
    if category in ("CONFUSED_WORDS", "TYPOS") or "CONFUS" in rule_id or rule_id.startswith(("EN_A_VS_AN", "YOUR_")):
        return "confusion"
    if category == "PUNCTUATION" or rule_id.startswith("COMMA_"):
        return "punctuation"
    if category == "TYPOGRAPHY":
        return "typography"
    if category in ("STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "WORDINESS", "REPETITIONS_STYLE", "COLLOQUIALISMS") or (
        issue_type == "style"
    ):
        return "style"
    if issue_type == "whitespace":
        return "whitespace"
    return "grammar"


def utf16_to_index(text: str, units: int) -> int:
    """The Python index of a UTF-16 code-unit offset (LanguageTool counts in UTF-16)."""
    return Utf16Index(text).index(units)


@dataclass(frozen=True)
class LanguageToolMatch:
    """One match from LanguageTool's JSON, offsets already in Python characters."""

    start: int
    end: int
    message: str
    rule_id: str
    category: str
    issue_type: str
    replacements: tuple[str, ...]


def parse_matches(chunk: str, answer: bytes) -> list[LanguageToolMatch]:
    """The matches in a ``/v2/check`` answer; malformed entries are skipped."""
    try:
        data = json.loads(answer)
        raw = data["matches"]
    except (ValueError, KeyError, TypeError):
        raise GrammarUnavailable("LanguageTool's answer was not the JSON it sends") from None
    if not isinstance(raw, list):
        raise GrammarUnavailable("LanguageTool's answer was not the JSON it sends")
    idx = Utf16Index(chunk)
    out = []
    for m in raw:
        try:
            offset, length = int(m["offset"]), int(m["length"])
            rule = m["rule"]
            out.append(
                LanguageToolMatch(
                    start=idx.index(offset),
                    end=idx.index(offset + length),
                    # NFKC as language-tool-python did, so messages read the same as before.
                    message=unicodedata.normalize("NFKC", str(m["message"])),
                    rule_id=str(rule["id"]),
                    category=str(rule["category"]["id"]),
                    issue_type=str(rule.get("issueType", "") or ""),
                    replacements=tuple(str(r["value"]) for r in list(m.get("replacements", ()))[:5]),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Call:
    """One HTTP exchange that another thread may cut short (deadline or close)."""

    def __init__(self, conn: http.client.HTTPConnection) -> None:
        self.conn = conn
        self.reason: str | None = None

    def abort(self, reason: str) -> None:
        self.reason = self.reason or reason
        sock = self.conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked reading from it


class LanguageToolClient:
    """One client for one server URL.

    ``timeout`` is the total time one HTTP request may take, connection to last byte;
    ``max_response_bytes`` caps one answer. Either failure raises :class:`GrammarUnavailable`,
    as does :meth:`fetch` after :meth:`close`.
    """

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 5.0,
        remote: bool = False,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise GrammarUnavailable(f"{url!r} is not an http(s) URL for LanguageTool")
        self.url = url
        self.remote = remote
        self.timeout = float(timeout)
        self.max_response_bytes = int(max_response_bytes)
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        try:
            self._port = parts.port or (443 if self._https else 80)
        except ValueError:
            raise GrammarUnavailable(f"{url!r} has a bad port") from None
        base = parts.path.rstrip("/")
        self._base = base if base.endswith("/v2") else base + "/v2"
        self._proxy = None if is_loopback(self._host) else _proxy_for(parts.scheme, self._host)
        self._lock = threading.Lock()
        self._calls: set[_Call] = set()
        self._closed = False
        try:
            self._request("GET", "/languages")
        except GrammarUnavailable as exc:
            raise GrammarUnavailable(f"LanguageTool at {url} did not answer ({exc})") from None

    # -- HTTP -------------------------------------------------------------------------------
    def _connection(self) -> tuple[http.client.HTTPConnection, str]:
        path = self._base
        if self._proxy is None:
            host, port = self._host, self._port
        else:
            host, port = self._proxy
        if self._https:
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=self.timeout, context=ssl.create_default_context()
            )
            if self._proxy is not None:
                conn.set_tunnel(self._host, self._port)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=self.timeout)
            if self._proxy is not None:  # a plain-HTTP proxy takes the absolute URL
                path = f"http://{self._host}:{self._port}{self._base}"
        return conn, path

    def _request(self, method: str, path: str, params: dict[str, str] | None = None) -> bytes:
        if self._closed:
            raise GrammarUnavailable("the LanguageTool client was closed")
        conn, base = self._connection()
        call = _Call(conn)
        with self._lock:
            self._calls.add(call)
        timer = threading.Timer(self.timeout, call.abort, args=("timeout",))
        timer.daemon = True
        timer.start()
        deadline = time.monotonic() + self.timeout
        try:
            body = urllib.parse.urlencode(params).encode() if params is not None else None
            headers = {"Accept": "application/json", "Connection": "close"}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
            conn.request(method, base + path, body=body, headers=headers)
            resp = conn.getresponse()
            if resp.status != 200:
                raise GrammarUnavailable(f"HTTP {resp.status}")
            declared = resp.getheader("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_response_bytes:
                raise GrammarUnavailable(f"an answer of {int(declared):,} bytes is over the limit")
            chunks: list[bytes] = []
            total = 0
            while True:
                piece = resp.read1(65536)
                if not piece:
                    break
                total += len(piece)
                if total > self.max_response_bytes:
                    raise GrammarUnavailable(f"an answer of over {self.max_response_bytes:,} bytes is over the limit")
                chunks.append(piece)
                if time.monotonic() > deadline:
                    call.reason = call.reason or "timeout"
                    break
            if call.reason is None:
                return b"".join(chunks)
        except GrammarUnavailable:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if call.reason is None:
                raise GrammarUnavailable(type(exc).__name__) from None
        finally:
            timer.cancel()
            conn.close()
            with self._lock:
                self._calls.discard(call)
        if call.reason == "closed":
            raise GrammarUnavailable("the check was cancelled")
        raise GrammarUnavailable(f"no complete answer within {self.timeout:g} s")

    def close(self) -> None:
        """Cancel requests in flight (they raise GrammarUnavailable) and refuse new ones."""
        self._closed = True
        with self._lock:
            calls = list(self._calls)
        for call in calls:
            call.abort("closed")

    # -- checking ---------------------------------------------------------------------------
    def fetch(self, text: str) -> list[tuple[int, str, list[LanguageToolMatch]]]:
        """LanguageTool's matches per chunk: the network part, which can run in the
        background while spaCy reads the same text."""
        out = []
        for offset, chunk in chunks(text, CHUNK_CHARS):
            params = {
                "language": LANGUAGE,
                "text": chunk,
                "disabledRules": ",".join(DISABLED_RULES),
                "disabledCategories": ",".join(DISABLED_CATEGORIES),
            }
            try:
                answer = self._request("POST", "/check", params)
            except GrammarUnavailable as exc:
                raise GrammarUnavailable(f"LanguageTool failed during the check ({exc})") from None
            out.append((offset, chunk, parse_matches(chunk, answer)))
        return out

    def interpret(
        self, fetched: list[tuple[int, str, list[LanguageToolMatch]]], *, accepted_words: Collection[str] = ()
    ) -> list[GrammarIssue]:
        """Matches to issues, accepted words and addresses dropped."""
        accepted = {w.lower() for w in accepted_words}
        issues: list[GrammarIssue] = []
        for offset, chunk, matches in fetched:
            for m in matches:
                issue = self._issue(chunk, m, accepted)
                if issue is not None:
                    issues.append(_shift(issue, offset))
        return issues

    def check(self, text: str, *, accepted_words: Collection[str] = ()) -> list[GrammarIssue]:
        return self.interpret(self.fetch(text), accepted_words=accepted_words)

    def _issue(self, text: str, m: LanguageToolMatch, accepted: set[str]) -> GrammarIssue | None:
        start, end = m.start, m.end
        if end <= start or end > len(text):
            return None
        kind = kind_of(m.rule_id, m.category, m.issue_type)
        flagged = text[start:end]
        replacements = m.replacements
        if kind == "spelling" and (
            flagged.lower() in accepted
            or _inside_address(text, start, end)
            or any(is_spelling_variant(flagged, r) for r in replacements)
        ):
            return None
        safe = m.rule_id in _SAFE_RULES and len(replacements) >= 1
        return GrammarIssue(
            start=start,
            end=end,
            message=m.message,
            kind=kind,
            source_rule=m.rule_id,
            replacements=replacements,
            safe_fix=safe,
        )


def _proxy_for(scheme: str, host: str) -> tuple[str, int] | None:
    """The proxy the environment names for a remote host, unless it is bypassed."""
    if urllib.request.proxy_bypass(host):
        return None
    proxy = urllib.request.getproxies().get(scheme) or urllib.request.getproxies().get("all")
    if not proxy:
        return None
    parts = urllib.parse.urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname or parts.scheme not in ("http", ""):
        return None
    return parts.hostname, parts.port or 80


def _shift(issue: GrammarIssue, offset: int) -> GrammarIssue:
    if not offset:
        return issue
    return replace(issue, start=issue.start + offset, end=issue.end + offset)


def _inside_address(text: str, start: int, end: int) -> bool:
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    m = re.match(r"\S*", text[left:])
    token = m.group(0) if m else ""
    return "@" in token or "://" in token or token.startswith("www.") or "linkedin." in token
