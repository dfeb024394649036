"""Choosing and running a grammar backend, falling back to the built-in checker on failure.

- ``off``: no grammar check (the grammar dimension is not judged).
- ``builtin``: the pure-Python checker.
- ``auto`` / ``languagetool``: LanguageTool on 127.0.0.1 (started on first use, or reused), or
  the server at ``languagetool_url`` when the user set one. When LanguageTool is not
  installed, will not start, dies or times out, the built-in checker runs instead and the
  note says why. After one failure an analyzer stays on the built-in checker, so a dead
  server costs one timeout, not one per draft.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .base import GrammarIssue, GrammarUnavailable, add_unless_overlapping
from .builtin import BuiltinChecker

FULL_CHECKER_HINT = "run `followup-lint grammar install` for LanguageTool's full grammar check"
DEFAULT_TIMEOUT = float(os.environ.get("FOLLOWUP_LINT_LT_TIMEOUT", "5"))


@dataclass
class GrammarRun:
    """The outcome of one check: which backend ran, a note for the report, the issues."""

    backend: str
    note: str
    issues: list[GrammarIssue] = field(default_factory=list)


class GrammarChecker:
    """Runs the configured backend; never raises for a backend failure (it falls back)."""

    def __init__(
        self, mode: str = "auto", *, languagetool_url: str | None = None, timeout: float | None = None
    ) -> None:
        self.mode = mode
        self.languagetool_url = languagetool_url
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self._builtin = BuiltinChecker()
        self._client: object | None = None
        self._failure: str | None = None
        self._pool: ThreadPoolExecutor | None = None

    def _languagetool(self) -> object:
        if self._client is None:
            from . import server
            from .languagetool import LanguageToolClient

            if self.languagetool_url:
                self._client = LanguageToolClient(self.languagetool_url, timeout=self.timeout, remote=True)
            else:
                info = server.ensure_server()
                self._client = LanguageToolClient(info.url, timeout=self.timeout)
        return self._client

    def start(self, text: str) -> Future[Any] | None:
        """Send ``text`` to LanguageTool in the background and return the pending answer, so
        the request overlaps the spaCy pass; ``check(..., pending=...)`` collects it. None when
        no server is in use (the built-in checker is fast and needs no head start)."""
        if self.mode in ("off", "builtin") or self._failure is not None:
            return None
        try:
            client = self._languagetool()
        except GrammarUnavailable as exc:
            self._failure = str(exc)
            self._client = None
            return None
        if self._pool is None:
            # One worker: requests stay in order and the client is never used by two threads.
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="followup-lint-lt")
        return self._pool.submit(client.fetch, text)  # type: ignore[attr-defined]

    def check(
        self, text: str, *, accepted_words: Collection[str] = (), pending: Future[Any] | None = None
    ) -> GrammarRun:
        if self.mode == "off":
            return GrammarRun("off", "grammar checking is off")
        if self.mode == "builtin":
            issues = self._builtin.check(text, accepted_words=accepted_words)
            return GrammarRun(
                "builtin", f"built-in checker (spelling, confusions, mechanics); {FULL_CHECKER_HINT}", issues
            )
        if self._failure is None:
            try:
                pending = pending or self.start(text)
                if pending is None:
                    raise GrammarUnavailable(self._failure or "LanguageTool is not available")
                client = self._languagetool()
                fetched = pending.result()  # the client's own request timeout bounds the wait
                issues = add_unless_overlapping(
                    client.interpret(fetched, accepted_words=accepted_words),  # type: ignore[attr-defined]
                    self._builtin.dictionary_checks(text, accepted_words),  # LanguageTool runs without a speller
                )
                if not self.languagetool_url:
                    from .server import touch

                    touch()
                where = "remote server you configured" if self.languagetool_url else "local server on 127.0.0.1"
                return GrammarRun("languagetool", f"LanguageTool ({where})", issues)
            except GrammarUnavailable as exc:
                self._failure = self._failure or str(exc)
                self._client = None
        elif pending is not None:
            pending.cancel()
        issues = self._builtin.check(text, accepted_words=accepted_words)
        hint = "" if "not installed" not in (self._failure or "") else f"; {FULL_CHECKER_HINT}"
        return GrammarRun("builtin", f"built-in checker: {self._failure}{hint}", issues)

    def close(self) -> None:
        """Forget the client (the shared server keeps running until it is idle)."""
        self._client = None
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
