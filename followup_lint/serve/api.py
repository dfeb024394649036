"""The HTTP API, version 1. Every answer is JSON; every error is a problem detail."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from .. import ConfigError, ContextError, InputError, __version__
from ..display.rules_listing import rule_summary
from ..rules import all_rules, get_rule
from .engine import Engine, Job, RequestError, parse_analyze, parse_many, rule_page
from .limits import Busy, Gate, Late, Limits, TooLarge, TooSlow, read_body
from .openapi import openapi
from .problems import JSON, problem

log = logging.getLogger("followup_lint.serve")
TOKEN_HEADER = "x-followup-lint-token"


@dataclass
class Service:
    """What the routes share: the engine, the gate in front of it, and who this server is."""

    engine: Engine
    gate: Gate
    limits: Limits
    token: str
    started: float
    pid: int
    ready: bool = False
    last_used: float = 0.0


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


async def _json_body(request: Request, limits: Limits) -> Any:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        # Also what stops a web page elsewhere from posting a form to this server.
        raise _Problem("unsupported-media-type", 415, "send the request as Content-Type: application/json")
    raw = await read_body(request, limits)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Problem("invalid-json", 400, "the body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _Problem(
            "invalid-json", 400, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None


class _Problem(Exception):
    def __init__(self, kind: str, status: int, detail: str) -> None:
        super().__init__(detail)
        self.kind, self.status, self.detail = kind, status, detail


async def _answer(request: Request, build: Callable[[Any, Service], Job]) -> Response:
    service = _service(request)
    try:
        body = await _json_body(request, service.limits)
        job = build(body, service)
        reports = await service.gate.run(service.engine.run, job)
    except _Problem as p:
        return problem(p.kind, p.status, p.detail)
    except TooLarge as exc:
        return problem("too-large", 413, str(exc), {"connection": "close"})
    except TooSlow as exc:
        return problem("too-slow", 408, str(exc), {"connection": "close"})
    except RequestError as exc:
        return problem("invalid-request", 422, str(exc))
    except InputError as exc:
        return problem("input-error", 422, str(exc))
    except ContextError as exc:
        return problem("context-error", 422, str(exc))
    except ConfigError as exc:
        return problem("config-error", 422, str(exc))
    except Busy as exc:
        return problem("busy", 503, str(exc), {"retry-after": "1"})
    except Late as exc:
        return problem("timeout", 504, str(exc))
    except Exception as exc:  # the last line of defence: a name, never a traceback
        log.error("analysis failed: %s", type(exc).__name__)
        return problem("internal-error", 500, f"the analysis failed ({type(exc).__name__})")
    if build is _one:
        return JSON(reports[0])
    return JSON({"reports": reports})


def _one(body: Any, service: Service) -> Job:
    return parse_analyze(body, service.engine.base)


def _many(body: Any, service: Service) -> Job:
    return parse_many(body, service.engine.base, service.limits.max_batch)


async def analyze(request: Request) -> Response:
    return await _answer(request, _one)


async def analyze_many(request: Request) -> Response:
    return await _answer(request, _many)


async def rules(request: Request) -> Response:
    return JSON({"rules": [rule_summary(r) for r in all_rules()]})


async def rule(request: Request) -> Response:
    code = str(request.path_params["code"])
    try:
        found = get_rule(code)
    except KeyError:
        return problem("not-found", 404, f"no rule {code!r}; GET /v1/rules lists them")
    return JSON(rule_page(found))


async def healthz(request: Request) -> Response:
    service = _service(request)
    body: dict[str, Any] = {
        "status": "ok" if service.ready else "starting",
        "version": __version__,
        "busy": {"running": service.gate.running, "waiting": service.gate.waiting},
    }
    # Only a caller holding the state file's token learns who this is (the warm command checks
    # that the server on this port is the one its state file names).
    if request.headers.get(TOKEN_HEADER) == service.token:
        body.update(pid=service.pid, started=service.started, uptime=round(time.time() - service.started, 1))
    return JSON(body, status_code=200 if service.ready else 503)


async def openapi_doc(request: Request) -> Response:
    return JSON(openapi(_service(request).limits))


Endpoint = Callable[[Request], Awaitable[Response]]
ROUTES: list[tuple[str, Endpoint, list[str]]] = [
    ("/v1/analyze", analyze, ["POST"]),
    ("/v1/analyze-many", analyze_many, ["POST"]),
    ("/v1/rules", rules, ["GET"]),
    ("/v1/rules/{code}", rule, ["GET"]),
    ("/v1/openapi.json", openapi_doc, ["GET"]),
    ("/healthz", healthz, ["GET"]),
]
