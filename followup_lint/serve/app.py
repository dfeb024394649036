"""The ASGI app: the API, the page, and the headers that keep both to themselves.

Starlette rather than FastAPI: the API is six routes whose request shapes the library already
validates (with its own error messages), so FastAPI's pydantic models would be a second,
disagreeing validator and a heavy import; Starlette is the small routing and request layer
FastAPI itself is built on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api import ROUTES, Service
from .engine import Engine
from .limits import Gate, Limits
from .page import index_html, static_file
from .problems import problem
from .state import new_token, started_now

log = logging.getLogger("followup_lint.serve")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class Guard:
    """Security headers on every answer, no caching of drafts, the Host header checked on a
    loopback server (a page elsewhere cannot re-point a name at 127.0.0.1 to read answers), and
    an access log that names the path only."""

    def __init__(self, app: ASGIApp, service: Service, *, loopback_only: bool, access_log: bool) -> None:
        self.app = app
        self.service = service
        self.loopback_only = loopback_only
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        self.service.last_used = time.monotonic()
        status = 0
        path = str(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                if not path.startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        if self.loopback_only and not _loopback_host(scope):
            response = problem("bad-host", 421, "this server answers to 127.0.0.1 or localhost only")
            await response(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)
        if self.access_log:
            log.info("%s %s %d %.0f ms", scope.get("method", ""), path, status, 1000 * (time.perf_counter() - began))


def _loopback_host(scope: Scope) -> bool:
    for key, value in scope.get("headers", []):
        if key == b"host":
            host = value.decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            return name in LOOPBACK_HOSTS
    return False


async def page(request: Request) -> Response:
    return Response(index_html(), media_type="text/html; charset=utf-8")


async def static(request: Request) -> Response:
    found = static_file(str(request.path_params["name"]))
    if found is None:
        return problem("not-found", 404, "no such file")
    content, kind = found
    return Response(content, media_type=kind, headers={"cache-control": "no-cache"})


async def _http_error(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    if code == 404:
        return problem("not-found", 404, f"nothing at {request.url.path}; see /v1/openapi.json")
    if code == 405:
        return problem("method-not-allowed", 405, f"{request.method} is not allowed on {request.url.path}")
    return problem("internal-error", code, "the request could not be handled")


def create_app(
    limits: Limits | None = None,
    *,
    engine: Engine | None = None,
    token: str | None = None,
    loopback_only: bool = True,
    access_log: bool = False,
    warm: bool = True,
    on_ready: Callable[[Service], None] | None = None,
    on_stop: Callable[[Service], None] | None = None,
    idle_seconds: float | None = None,
    on_idle: Callable[[], None] | None = None,
) -> Guard:
    """The app. ``warm`` loads the pipeline before the server reports itself ready; then
    ``on_ready`` runs (the command writes its state file there). With ``idle_seconds``,
    ``on_idle`` is called once no request has come for that long."""
    limits = limits or Limits()
    service = Service(
        engine=engine or Engine(),
        gate=Gate(limits),
        limits=limits,
        token=token or new_token(),
        started=started_now(),
        pid=os.getpid(),
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:  # no deadline: a first LanguageTool start may take a minute
            await asyncio.get_running_loop().run_in_executor(service.gate.pool, service.engine.warm)
        service.ready = True
        service.last_used = time.monotonic()
        if on_ready is not None:
            on_ready(service)
        watch = asyncio.create_task(_idle_watch(service, idle_seconds, on_idle)) if idle_seconds else None
        try:
            yield
        finally:
            if watch is not None:
                watch.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watch
            if on_stop is not None:
                on_stop(service)
            service.gate.close()
            service.engine.close()

    routes = [Route(path, endpoint, methods=methods) for path, endpoint, methods in ROUTES]
    routes += [Route("/", page, methods=["GET"]), Route("/static/{name}", static, methods=["GET"])]
    handlers: Any = {HTTPException: _http_error}
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    app.state.service = service
    return Guard(app, service, loopback_only=loopback_only, access_log=access_log)


async def _idle_watch(service: Service, idle: float, on_idle: Callable[[], None] | None) -> None:
    while True:
        await asyncio.sleep(min(30.0, idle / 4))
        busy = service.gate.running or service.gate.waiting
        if not busy and time.monotonic() - service.last_used >= idle:
            log.warning("no request for %.0f minutes: stopping", idle / 60)
            if on_idle is not None:
                on_idle()
            return
