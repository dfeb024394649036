"""How a batch is scheduled: in this process, or spread over worker processes.

spaCy releases little of the GIL and our rules are pure Python, so threads do not help; each
worker process builds its own engine once (with fork it inherits the already-loaded
pipeline), analyses whole chunks, and reports come back pickled in the original order. This
module knows nothing of the analyzer: it is handed a picklable factory of engines.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol, TypeVar

from .report import Report

log = logging.getLogger(__name__)
Item = TypeVar("Item")


class Engine(Protocol[Item]):  # type: ignore[misc]
    def analyze_batch(self, items: Sequence[Item]) -> list[Report]: ...


_engine: object | None = None


def _start(factory: Callable[[], object]) -> None:
    global _engine
    one_blas_thread()
    _engine = factory()


def one_blas_thread() -> None:
    """Each worker is given a core of its own; a BLAS thread pool per worker on top would make
    the workers fight over the same cores (spaCy's layers multiply with numpy's BLAS)."""
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - installed with scikit-learn, a dependency
        return
    threadpool_limits(1, user_api="blas")


def _run(chunk: Sequence[object]) -> list[Report]:
    engine = _engine
    if engine is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker not initialised")
    reports: list[Report] = engine.analyze_batch(chunk)  # type: ignore[attr-defined]
    return reports


def in_processes(
    factory: Callable[[], Engine[Item]],
    items: Sequence[Item],
    n_process: int,
    chunk_size: int = 16,
    on_report: Callable[[Report], None] | None = None,
) -> list[Report]:
    """Reports for ``items`` from ``n_process`` workers, in input order. A chunk whose worker
    died (killed, out of memory) is analysed again once in this process, so nothing is lost.
    ``on_report`` is called once per report as its chunk comes back (for a progress bar)."""

    def done(reports: list[Report]) -> list[Report]:
        if on_report is not None:
            for r in reports:
                on_report(r)
        return reports

    chunks = [list(items[i : i + chunk_size]) for i in range(0, len(items), chunk_size)]
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    results: list[list[Report] | None] = [None] * len(chunks)
    try:
        with ProcessPoolExecutor(
            max_workers=n_process, mp_context=ctx, initializer=_start, initargs=(factory,)
        ) as pool:
            futures = [pool.submit(_run, c) for c in chunks]
            for i, future in enumerate(futures):
                try:
                    results[i] = done(future.result())
                except BrokenProcessPool:
                    break
    except BrokenProcessPool:
        pass
    missing = [i for i, r in enumerate(results) if r is None]
    if missing:
        log.warning("a worker process died; analysing %d chunk(s) again in this process", len(missing))
        local = factory()
        for i in missing:
            results[i] = done(local.analyze_batch(chunks[i]))
    return [report for part in results if part is not None for report in part]
