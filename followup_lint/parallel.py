"""Analysing many drafts on several worker processes.

spaCy releases little of the GIL and our rules are pure Python, so threads do not help; each
worker process holds its own Analyzer (with fork, it inherits the already-loaded pipeline) and
analyses whole chunks, and reports come back pickled in the original order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from .config import Config
from .context import Context
from .draft import Draft

if TYPE_CHECKING:
    from .analyzer import Analyzer
    from .report import Report

_worker: Analyzer | None = None


def _start(config: Config) -> None:
    global _worker
    from .analyzer import Analyzer

    _worker = Analyzer(config)


def _run(chunk: list[tuple[Draft | str, Context | None]]) -> list[Report]:
    assert _worker is not None, "worker not initialised"
    return _worker.analyze_many([d for d, _ in chunk], [c for _, c in chunk])


def analyze_in_processes(
    config: Config,
    items: Sequence[Draft | str],
    contexts: Sequence[Context | None],
    n_process: int,
    chunk_size: int = 16,
) -> list[Report]:
    """Reports for ``items`` computed by ``n_process`` workers, in input order."""
    pairs = list(zip(items, contexts))
    chunks = [pairs[i : i + chunk_size] for i in range(0, len(pairs), chunk_size)]
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_start, initargs=(config,)) as pool:
        return [report for part in pool.map(_run, chunks) for report in part]
