"""The warm command: send drafts to a running ``followup-lint serve`` instead of loading spaCy.

:func:`try_remote` returns the reports from a healthy server of this user, or ``None`` (no
server, a stale state file, options the server does not take, any error): the caller then runs
in process. The answer is the server's ``Report.to_dict()``, read back with
``Report.from_dict``, so the command renders it with the same renderer as in process.

Standard library and the light parts of the package only (no spaCy, numpy or analyzer): this
module is imported on every run. It talks to the loopback server with :mod:`http.client`,
which never consults ``http_proxy``.
"""

from __future__ import annotations

import http.client
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from enum import Enum
from typing import Any

from ..config import Config
from ..context import Context
from ..draft import Draft
from ..report import Report
from .state import ServeState, plausible, read_state, remove_state

TOKEN_HEADER = "X-Followup-Lint-Token"
HEALTH_TIMEOUT = 0.5
BATCH = 100
# Settings that only filter what the command shows; the server's report does not depend on them.
CLI_ONLY = frozenset({"min_severity", "fail_under"})
# Settings the server refuses over HTTP; with them the command runs in process.
LOCAL_ONLY = frozenset({"languagetool_url", "spacy_model"})
DISABLE_ENV = "FOLLOWUP_LINT_NO_SERVER"
# Sent even at their defaults: the server's own defaults for them may differ (serve --grammar).
ALWAYS_SENT = ("grammar", "labeller")


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def config_options(config: Config) -> dict[str, Any] | None:
    """The request's ``options``: the config fields that differ from the defaults, as JSON.
    ``None`` when the config sets something only the in-process path can honour."""
    defaults = Config()
    out: dict[str, Any] = {}
    for f in fields(Config):
        value = getattr(config, f.name)
        if f.name in CLI_ONLY or (value == getattr(defaults, f.name) and f.name not in ALWAYS_SENT):
            continue
        if f.name in LOCAL_ONLY:
            return None
        out[f.name] = _plain(value)
    return out


def _request(state: ServeState, method: str, path: str, body: Any = None, timeout: float = 30.0) -> tuple[int, Any]:
    conn = http.client.HTTPConnection(state.host.strip("[]"), state.port, timeout=timeout)
    try:
        headers = {TOKEN_HEADER: state.token, "Host": f"127.0.0.1:{state.port}"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        return response.status, json.loads(raw) if raw else None
    finally:
        conn.close()


def healthy_server() -> ServeState | None:
    """The recorded server, if it is alive, ours and ready; a stale state file is removed."""
    state = read_state()
    if state is None:
        return None
    if not plausible(state):  # dead pid, or a reused pid that started at another time
        remove_state(state)
        return None
    try:
        status, body = _request(state, "GET", "/healthz", timeout=HEALTH_TIMEOUT)
    except (OSError, ValueError, http.client.HTTPException):
        return None  # alive but not answering (starting, or stuck): leave its file alone
    if not isinstance(body, dict) or body.get("pid") != state.pid or body.get("started") != state.started:
        remove_state(state)  # something else answers on that port
        return None
    return state if status == 200 and body.get("status") == "ok" else None


def draft_fields(draft: Draft) -> dict[str, Any]:
    return {
        "text": draft.text,
        "body_span": list(draft.body_span),
        "subject_span": None if draft.subject_span is None else list(draft.subject_span),
        "source": draft.source,
        "sent_at": None if draft.sent_at is None else draft.sent_at.isoformat(),
        "notes": list(draft.notes),
    }


def try_remote(
    drafts: Sequence[Draft],
    contexts: Sequence[Context | None],
    config: Config | None = None,
    *,
    timeout: float = 60.0,
) -> list[Report] | None:
    """The reports for ``drafts`` from a running server, or ``None`` to run in process.

    ``contexts`` pairs with ``drafts``. Nothing is raised: every failure means "do it here".
    """
    if os.environ.get(DISABLE_ENV) or not drafts or len(contexts) != len(drafts):
        return None
    options = config_options(config or Config())
    if options is None:
        return None
    state = healthy_server()
    if state is None:
        return None
    reports: list[Report] = []
    try:
        for first in range(0, len(drafts), BATCH):
            items = [
                {"draft": draft_fields(d), "context": (c or Context()).to_dict()}
                for d, c in zip(drafts[first : first + BATCH], contexts[first : first + BATCH])
            ]
            status, body = _request(
                state, "POST", "/v1/analyze-many", {"drafts": items, "options": options}, timeout=timeout
            )
            if status != 200 or not isinstance(body, dict):
                return None
            # The JSON record leaves out where the text sits in the file; the drafts read here know.
            chunk = drafts[first : first + BATCH]
            reports.extend(
                replace(Report.from_dict(r), source_map=d.source_map) for r, d in zip(body["reports"], chunk)
            )
    except (OSError, ValueError, KeyError, TypeError, http.client.HTTPException):
        return None
    return reports if len(reports) == len(drafts) else None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m followup_lint.serve.client FILE...``: check drafts on the running server only
    (text output as the command prints it; exit 3 when no server answers). For measuring and
    trying the warm path; ``followup-lint FILE`` takes it by itself."""
    import argparse

    from ..display.text import render_text

    p = argparse.ArgumentParser(prog="python -m followup_lint.serve.client")
    p.add_argument("files", nargs="+")
    p.add_argument("--context", metavar="FILE")
    p.add_argument("--grammar", choices=("auto", "languagetool", "builtin", "off"))
    args = p.parse_args(argv)
    config = Config.discover()
    if args.grammar:
        config = config.with_(grammar=args.grammar)
    context = Context.from_toml(args.context) if args.context else Context()
    drafts = [Draft.from_path(f) for f in args.files]
    reports = try_remote(drafts, [context] * len(drafts), config)
    if reports is None:
        print("followup-lint: no running `followup-lint serve` answered", file=sys.stderr)
        return 3
    for i, (path, report) in enumerate(zip(args.files, reports)):
        if i:
            sys.stdout.write("\n")
        shown = [s for s in report.suggestions if s.severity.rank >= config.min_severity.rank]
        sys.stdout.write(render_text(report, path=path, color=False, suggestions=shown, verbose=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
