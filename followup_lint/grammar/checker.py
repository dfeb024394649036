"""Choosing and running a grammar backend, falling back when one fails.

- ``off``: no grammar check (the grammar dimension is not judged).
- ``builtin``: the pure-Python checker.
- ``harper``: Harper, in this process (no Java, no server); the built-in checker if Harper
  cannot be loaded on this platform or fails.
- ``languagetool``: LanguageTool on 127.0.0.1 (started on first use, or reused), or the server
  at ``languagetool_url`` when the user set one, plus the built-in dictionary checks
  (LanguageTool runs without its speller); the built-in checker when it fails.
- ``auto``: LanguageTool and Harper together when LanguageTool is installed, merged so that
  one problem is reported once (:func:`merge_issues`); Harper alone without LanguageTool
  (no Java); the built-in checker only where Harper cannot be loaded. The note says which ran
  and why.

With Harper or LanguageTool, the tag checks (syntax.py: agreement and verb forms from the
part-of-speech tags of the draft spaCy has read) add what they find where the backend found
nothing; the built-in checker does not get them.

After a LanguageTool failure (not installed, will not start, died, timed out) a checker
does not ask it again for ``RETRY_AFTER`` seconds (60 by default, environment variable
``FOLLOWUP_LINT_LT_RETRY``): a dead server costs one timeout a minute, not one per draft, and a
server that comes back is used again.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from .base import GrammarIssue, GrammarUnavailable, add_unless_overlapping, merge_issues
from .builtin import BuiltinChecker
from .harper import HarperChecker, HarperResult
from .syntax import Token, tag_issues

FULL_CHECKER_HINT = "run `followup-lint grammar install` for LanguageTool's full grammar check"
DEFAULT_TIMEOUT = float(os.environ.get("FOLLOWUP_LINT_LT_TIMEOUT", "5"))
RETRY_AFTER = float(os.environ.get("FOLLOWUP_LINT_LT_RETRY", "60"))

# A comma after an opening adverb or phrase ("Therefore, ..."): advice rather than an error,
# so it goes to the style rule (GM008, off by default) whichever backend gave it. On learner
# sentences these rules fired on corrected sentences about as often as on faulty ones.
ADVICE_RULES = frozenset(
    {"DiscourseMarkers", "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA", "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE"}
)

# The backends the tag checks add to. The built-in checker stays as it is: it is the fallback
# that promises only spelling, confusions and mechanics.
TAGGED_BACKENDS = frozenset({"harper", "languagetool", "languagetool+harper"})


@dataclass
class GrammarRun:
    """The outcome of one check: which backend ran, a note for the report, the issues."""

    backend: str
    note: str
    issues: list[GrammarIssue] = field(default_factory=list)


class GrammarChecker:
    """Runs the configured backend; never raises for a backend failure (it falls back)."""

    def __init__(
        self,
        mode: str = "auto",
        *,
        languagetool_url: str | None = None,
        timeout: float | None = None,
        dialect: str | None = None,
    ) -> None:
        self.mode = mode
        self.languagetool_url = languagetool_url
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self._builtin = BuiltinChecker()
        self._harper = HarperChecker(dialect)
        self._client: object | None = None
        self._failure: str | None = None
        self._failed_at = 0.0
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

    def _fail(self, reason: str) -> None:
        if self._failure is None:
            self._failure = reason
            self._failed_at = time.monotonic()
        self._client = None

    def _languagetool_down(self) -> bool:
        """True while a recent failure stands; after ``RETRY_AFTER`` seconds, try again."""
        if self._failure is not None and time.monotonic() - self._failed_at >= RETRY_AFTER:
            self._failure = None
        return self._failure is not None

    def preload(self) -> None:
        """Start building Harper's linter in a background thread when this mode will use it.
        Call it before the spaCy pipeline loads: the build (about a second, cold) releases the
        GIL, so the two loads overlap instead of adding up."""
        if self.mode in ("auto", "harper"):
            self._harper.preload()

    def start(self, text: str) -> Future[Any] | None:
        """Send ``text`` to LanguageTool in the background and return the pending answer, so
        the request overlaps the spaCy pass; ``check(..., pending=...)`` collects it. None when
        no server is in use (the other checkers are fast and need no head start). Harper's
        linter, when it will be used, starts loading here too."""
        self.preload()
        if self.mode not in ("auto", "languagetool") or self._languagetool_down():
            return None
        try:
            client = self._languagetool()
        except GrammarUnavailable as exc:
            self._fail(str(exc))
            return None
        if self._pool is None:
            # One worker: requests stay in order and the client is never used by two threads.
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="followup-lint-lt")
        return self._pool.submit(client.fetch, text)  # type: ignore[attr-defined]

    def check(
        self,
        text: str,
        *,
        accepted_words: Collection[str] = (),
        pending: Future[Any] | None = None,
        tokens: Sequence[Token] = (),
    ) -> GrammarRun:
        """Check ``text``. ``tokens``: its tagged tokens as ``(start, text, tag)``, when the
        caller has them; with Harper or LanguageTool, the tag checks (syntax.py) add what they
        find where the backend found nothing."""
        run = self._check(text, accepted_words, pending)
        if tokens and run.backend in TAGGED_BACKENDS:
            run.issues = add_unless_overlapping(run.issues, tag_issues(tokens))
        run.issues = [replace(i, kind="style") if i.source_rule in ADVICE_RULES else i for i in run.issues]
        return run

    def _check(self, text: str, accepted_words: Collection[str], pending: Future[Any] | None) -> GrammarRun:
        if self.mode == "off":
            return GrammarRun("off", "grammar checking is off")
        if self.mode == "builtin":
            issues = self._builtin.check(text, accepted_words=accepted_words)
            return GrammarRun(
                "builtin", f"built-in checker (spelling, confusions, mechanics); {FULL_CHECKER_HINT}", issues
            )
        if self.mode == "harper":
            harper, why = self._run_harper(text, accepted_words)
            if harper is not None:
                return GrammarRun("harper", _with(HARPER_NOTE, harper.note), harper.issues)
            return self._builtin_run(text, accepted_words, why)
        lt_issues = self._run_languagetool(text, accepted_words, pending)
        where = "remote server you configured" if self.languagetool_url else "local server on 127.0.0.1"
        if self.mode == "languagetool":
            if lt_issues is not None:
                extra = self._builtin.dictionary_checks(text, accepted_words)  # LanguageTool runs without a speller
                return GrammarRun("languagetool", f"LanguageTool ({where})", add_unless_overlapping(lt_issues, extra))
            return self._builtin_run(text, accepted_words, self._failure or "LanguageTool is not available")
        harper, why = self._run_harper(text, accepted_words)
        if lt_issues is not None and harper is not None:
            note = _with(f"LanguageTool ({where}) and Harper (in process), merged", harper.note)
            return GrammarRun("languagetool+harper", note, merge_issues(lt_issues, harper.issues))
        if lt_issues is not None:
            extra = self._builtin.dictionary_checks(text, accepted_words)
            note = f"LanguageTool ({where}); Harper not used: {why}"
            return GrammarRun("languagetool", note, add_unless_overlapping(lt_issues, extra))
        lt_why = self._failure or "LanguageTool is not available"
        hint = f"; {FULL_CHECKER_HINT}" if "not installed" in lt_why else ""
        if harper is not None:
            note = _with(f"{HARPER_NOTE}; LanguageTool not used: {lt_why}{hint}", harper.note)
            return GrammarRun("harper", note, harper.issues)
        return self._builtin_run(text, accepted_words, f"{why}; LanguageTool not used: {lt_why}", hint=hint)

    def _run_languagetool(
        self, text: str, accepted_words: Collection[str], pending: Future[Any] | None
    ) -> list[GrammarIssue] | None:
        if self._languagetool_down():
            if pending is not None:
                pending.cancel()
            return None
        try:
            pending = pending or self.start(text)
            if pending is None:
                raise GrammarUnavailable(self._failure or "LanguageTool is not available")
            client = self._languagetool()
            fetched = pending.result()  # the client's own request timeout bounds the wait
            issues: list[GrammarIssue] = client.interpret(fetched, accepted_words=accepted_words)  # type: ignore[attr-defined]
        except GrammarUnavailable as exc:
            self._fail(str(exc))
            return None
        if not self.languagetool_url:
            from .server import touch

            touch()
        return issues

    def _run_harper(self, text: str, accepted_words: Collection[str]) -> tuple[HarperResult | None, str]:
        try:
            return self._harper.run(text, accepted_words=accepted_words), ""
        except GrammarUnavailable as exc:
            return None, str(exc)

    def _builtin_run(self, text: str, accepted_words: Collection[str], why: str, *, hint: str = "") -> GrammarRun:
        if not hint and "not installed" in why:
            hint = f"; {FULL_CHECKER_HINT}"
        issues = self._builtin.check(text, accepted_words=accepted_words)
        return GrammarRun("builtin", f"built-in checker: {why}{hint}", issues)

    def close(self) -> None:
        """Forget the client (the shared server keeps running until it is idle; the shared
        Harper linter stays loaded for the process)."""
        self._client = None
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


HARPER_NOTE = "Harper (in process, offline)"


def _with(note: str, extra: str) -> str:
    return f"{note}; {extra}" if extra else note
