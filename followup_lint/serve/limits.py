"""What keeps one client from hurting the others: a body-size cap enforced while reading, a
deadline for slow uploads, and a bounded queue in front of the analysis threads."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.requests import ClientDisconnect, Request

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    max_body: int = 256 * 1024
    """Bytes in one request body. A follow-up is a few kilobytes; a batch of 100 fits easily."""
    max_batch: int = 100
    workers: int = 1
    """Analysis threads. One is the default: the pipeline is CPU-bound Python (the GIL gives a
    second thread little), and one thread never shares a grammar backend between calls."""
    queue: int = 32
    """Requests allowed to wait for a worker; past this the server answers 503 at once."""
    timeout: float = 30.0
    """Seconds one request may take, waiting included (504 past it)."""
    body_timeout: float = 10.0
    """Seconds a client may take to send its body (408 past it): slow uploads do not hold slots."""


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than {limit / 1024:g} KB ({limit:,} bytes)")
        self.limit = limit


class TooSlow(Exception):
    pass


class Busy(Exception):
    pass


class Late(Exception):
    pass


async def read_body(request: Request, limits: Limits) -> bytes:
    """The body, refused as soon as it passes ``max_body`` (the declared length is checked first,
    so a 10 MB upload is refused before a byte of it is read)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        raise TooLarge(limits.max_body)
    chunks: list[bytes] = []
    size = 0

    async def gather() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise TooLarge(limits.max_body)
            chunks.append(chunk)

    try:
        await asyncio.wait_for(gather(), timeout=limits.body_timeout)
    except asyncio.TimeoutError:
        raise TooSlow(f"the request body did not arrive within {limits.body_timeout:g} s") from None
    except ClientDisconnect:
        raise TooSlow("the client went away while sending the body") from None
    return b"".join(chunks)


class Gate:
    """At most ``workers`` analyses at once, at most ``queue`` waiting, each with a deadline.

    A slot is given back when the analysis thread finishes, not when the request times out:
    a timed-out analysis still occupies its thread, and admitting more work would only queue
    it behind that thread.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="followup-lint-serve")
        self._slots = threading.BoundedSemaphore(limits.workers + limits.queue)
        self._lock = threading.Lock()
        self.waiting = 0
        self.running = 0

    async def run(self, func: Callable[..., T], *args: Any) -> T:
        if not self._slots.acquire(blocking=False):
            raise Busy(
                f"the server is busy ({self.limits.workers} analysing, {self.limits.queue} waiting); retry shortly"
            )
        loop = asyncio.get_running_loop()
        with self._lock:
            self.waiting += 1

        def job() -> T:
            with self._lock:
                self.waiting -= 1
                self.running += 1
            try:
                return func(*args)
            finally:
                with self._lock:
                    self.running -= 1

        try:
            future = self.pool.submit(job)
        except RuntimeError:  # the pool is shutting down
            self._slots.release()
            raise Busy("the server is shutting down") from None
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future, loop=loop), timeout=self.limits.timeout)
        except asyncio.TimeoutError:
            if future.cancel():  # never started: it gave its slot back through the callback
                with self._lock:
                    self.waiting -= 1
            raise Late(f"the analysis took longer than {self.limits.timeout:g} s") from None

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
