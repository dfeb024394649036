"""``followup-lint serve [--host 127.0.0.1] [--port 8765] [--idle-minutes N]``."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import socket
import sys
from collections.abc import Sequence

from . import HINT

DEFAULT_PORT = 8765


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="followup-lint serve",
        description="Serve the coaching page and the HTTP API on this machine. While it runs, "
        "`followup-lint FILE` sends drafts to it instead of loading the language model itself.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--idle-minutes", type=float, metavar="N", help="stop after N minutes without a request")
    p.add_argument(
        "--grammar",
        choices=("auto", "languagetool", "builtin", "off"),
        default="auto",
        help="grammar backend loaded at start (a request may ask for another)",
    )
    p.add_argument("--workers", type=int, default=1, help="analysis threads (default 1)")
    p.add_argument("--queue", type=int, default=32, help="requests that may wait for a thread before 503 (default 32)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request before 504 (default 30)")
    p.add_argument("--max-body", type=int, default=256 * 1024, metavar="BYTES", help="largest body (default 256 KB)")
    p.add_argument("--access-log", action="store_true", help="log method, path, status and time (never a body)")
    p.add_argument("--no-state", action="store_true", help="do not offer this server to `followup-lint FILE`")
    return p


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        import uvicorn

        from .app import create_app
    except ImportError:
        print(f"followup-lint: {HINT}", file=sys.stderr)
        return 2
    from .. import Config
    from .engine import Engine
    from .limits import Limits
    from .state import ServeState, remove_state, write_state

    for name, value, low in (
        ("--workers", args.workers, 1),
        ("--queue", args.queue, 0),
        ("--max-body", args.max_body, 1024),
    ):
        if value < low:
            print(f"followup-lint serve: {name} must be at least {low}", file=sys.stderr)
            return 2
    loopback = is_loopback(args.host)
    if not loopback:
        print(
            f"followup-lint serve: warning: listening on {args.host}: drafts sent to this server travel over the "
            "network unencrypted, and anyone who can reach the port can use it",
            file=sys.stderr,
        )
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host.strip("[]"), args.port))
    except OSError as exc:
        print(f"followup-lint serve: cannot listen on {args.host}:{args.port} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    port = int(sock.getsockname()[1])
    logging.basicConfig(level=logging.INFO, format="followup-lint serve: %(message)s")
    server: uvicorn.Server | None = None
    written: list[ServeState] = []

    def ready(service: object) -> None:
        from .api import Service

        assert isinstance(service, Service)
        shown = f"[{args.host}]" if ":" in args.host else args.host
        print(f"followup-lint serve: ready on http://{shown}:{port}/ (Ctrl-C stops it)", file=sys.stderr, flush=True)
        if not args.no_state:
            state = ServeState(args.host, port, service.pid, service.started, service.token, _version())
            write_state(state)
            written.append(state)

    def stop(service: object) -> None:
        for state in written:
            remove_state(state)

    def idle() -> None:
        if server is not None:
            server.should_exit = True

    app = create_app(
        Limits(max_body=args.max_body, workers=args.workers, queue=args.queue, timeout=args.timeout),
        engine=Engine(Config(grammar=args.grammar)),
        loopback_only=loopback,
        access_log=args.access_log,
        on_ready=ready,
        on_stop=stop,
        idle_seconds=None if args.idle_minutes is None else 60 * args.idle_minutes,
        on_idle=idle,
    )
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,  # uvicorn's would print query strings; ours names the path only
        lifespan="on",
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        stop(None)
        sock.close()
    return 0


def _version() -> str:
    from .. import __version__

    return __version__
